// One neuron's equations, ŷ = σ(w·x + b) and J = (ŷ − y)², with the current numbers substituted, as MathML built
// from a plain record of numbers (the record of <backprop-neuron>'s step; null: not computed yet). The notation is
// the article's, with one more link in the chain: dJ/dw = dJ/dŷ · dŷ/dz · dz/dw, and dz/db = 1.
import { formatNumber } from './format.js';
import { d, el, math, mi, mn, mo, num, paren, quantity, row, squared, sup, yHat } from './mathml.js';

/** Significant digits the neuron's equations show (every number is kept exact in the element's records). */
export const NEURON_DIGITS = 6;

const round = (v) => (Number.isFinite(v) ? Number(v.toPrecision(NEURON_DIGITS)) : v);
const n = (v, options) => num(round(v), options);
const t = (v) => (v === null || v === undefined ? 'unknown' : formatNumber(v, NEURON_DIGITS));
const times = () => mo('·');
const eq = () => mo('=');
const sigma = () => mi('σ');
const gap = () => el('mspace', { width: '0.8em' });

/**
 * @typedef {{ x:number, y:number, w:number, b:number, lr:number, z:number, yHat:number, loss:number,
 *   dJdYHat:number, dYHatdZ:number, dZdW:number, dJdW:number, dJdB:number, wNext:?number, bNext:?number }} NeuronRecord
 */

/** @type {Record<string, {title: string, build: (r: NeuronRecord) => Element | Element[]}>} */
export const NEURON_EQUATIONS = {
  sum: {
    title: 'Forward: the weighted sum',
    build: (r) =>
      math(
        `z = w times x plus b = ${t(r.w)} times ${t(r.x)} plus ${t(r.b)} = ${t(r.z)}`,
        mi('z'), eq(), mi('w'), times(), mi('x'), mo('+'), mi('b'), eq(),
        n(r.w), times(), n(r.x, { wrap: true }), mo('+'), n(r.b, { wrap: true }), eq(), quantity('z', n(r.z)),
      ),
  },
  activation: {
    title: 'Forward: the activation',
    build: (r) =>
      math(
        `y hat = sigma of z = 1 over 1 plus e to the minus z = ${t(r.yHat)}`,
        yHat(), eq(), sigma(), paren(mi('z')), eq(),
        el('mfrac', {}, mn('1'), row(mn('1'), mo('+'), sup(mi('e'), row(mo('−'), n(r.z, { wrap: true }))))), eq(),
        quantity('yHat', n(r.yHat)),
      ),
  },
  error: {
    title: 'Error: how far off',
    build: (r) =>
      math(
        `J = (y hat minus y) squared = (${t(r.yHat)} minus ${t(r.y)}) squared = ${t(r.loss)}`,
        mi('J'), eq(), ...squared(yHat(), mo('−'), mi('y')), eq(),
        ...squared(n(r.yHat), mo('−'), n(r.y, { wrap: true })), eq(), quantity('loss', n(r.loss)),
      ),
  },
  chainW: {
    title: 'Backward: three factors for w',
    build: (r) => [
      math('dJ/dw = dJ/d y hat times d y hat/dz times dz/dw', d(mi('J'), mi('w')), eq(), d(mi('J'), yHat()), times(), d(yHat(), mi('z')), times(), d(mi('z'), mi('w'))),
      math(
        `which is ${t(r.dJdYHat)} times ${t(r.dYHatdZ)} times ${t(r.dZdW)} = ${t(r.dJdW)}`,
        eq(), quantity('dJdYHat', n(r.dJdYHat)), times(), quantity('dYHatdZ', n(r.dYHatdZ, { wrap: true })), times(),
        n(r.dZdW, { wrap: true }), eq(), quantity('dJdW', n(r.dJdW)),
      ),
    ],
  },
  factors: {
    title: 'The three factors, written out',
    build: (r) => [
      math(
        `dJ/d y hat = 2 (y hat minus y) = ${t(r.dJdYHat)}`,
        d(mi('J'), yHat()), eq(), mn('2'), paren(yHat(), mo('−'), mi('y')), eq(), quantity('dJdYHat', n(r.dJdYHat)),
      ),
      math(
        `d y hat/dz = y hat times (1 minus y hat) = ${t(r.dYHatdZ)}`,
        d(yHat(), mi('z')), eq(), yHat(), paren(mn('1'), mo('−'), yHat()), eq(), quantity('dYHatdZ', n(r.dYHatdZ)),
      ),
      math(`dz/dw = x = ${t(r.dZdW)}, dz/db = 1`, d(mi('z'), mi('w')), eq(), mi('x'), eq(), n(r.dZdW), mo(','), gap(), d(mi('z'), mi('b')), eq(), mn('1')),
    ],
  },
  chainB: {
    title: 'Backward: the bias',
    build: (r) => [
      math('dJ/db = dJ/d y hat times d y hat/dz times dz/db', d(mi('J'), mi('b')), eq(), d(mi('J'), yHat()), times(), d(yHat(), mi('z')), times(), d(mi('z'), mi('b'))),
      math(
        `which is ${t(r.dJdYHat)} times ${t(r.dYHatdZ)} times 1 = ${t(r.dJdB)}`,
        eq(), n(r.dJdYHat), times(), n(r.dYHatdZ, { wrap: true }), times(), mn('1'), eq(), quantity('dJdB', n(r.dJdB)),
      ),
    ],
  },
  update: {
    title: 'Update: both parameters downhill',
    build: (r) => [
      math(
        `w becomes w minus lr times dJ/dw = ${t(r.w)} minus ${t(r.lr)} times ${t(r.dJdW)} = ${t(r.wNext)}`,
        mi('w'), mo('←'), n(r.w), mo('−'), n(r.lr), times(), n(r.dJdW, { wrap: true }), eq(), quantity('wNext', n(r.wNext)),
      ),
      math(
        `b becomes b minus lr times dJ/db = ${t(r.b)} minus ${t(r.lr)} times ${t(r.dJdB)} = ${t(r.bNext)}`,
        mi('b'), mo('←'), n(r.b), mo('−'), n(r.lr), times(), n(r.dJdB, { wrap: true }), eq(), quantity('bNext', n(r.bNext)),
      ),
    ],
  },
};
