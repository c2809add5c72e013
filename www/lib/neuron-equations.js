// One neuron's equations, ŷ = σ(w·x + b) and J = (ŷ − y)², with the current numbers substituted, as MathML built
// from a plain record of numbers (the record of <backprop-neuron>'s step; null: not computed yet). The notation is
// the article's, with one more link in the chain: dJ/dw = dJ/dŷ · dŷ/dz · dz/dw, and dz/db = 1. Each formula is
// the glossary's (formula.js), its symbols linked to their entries.
import { formatNumber } from './format.js';
import { formula, formulaLine } from './formula.js';
import { el, math, mi, mn, mo, num, quantity, row, squared, sup } from './mathml.js';

/** Significant digits the neuron's equations show (every number is kept exact in the element's records). */
export const NEURON_DIGITS = 6;

const round = (v) => (Number.isFinite(v) ? Number(v.toPrecision(NEURON_DIGITS)) : v);
const n = (v, options) => num(round(v), options);
const t = (v) => (v === null || v === undefined ? 'unknown' : formatNumber(v, NEURON_DIGITS));
const times = () => mo('·');
const eq = () => mo('=');
const gap = () => el('mspace', { width: '0.8em' });

/**
 * @typedef {{ x:number, y:number, w:number, b:number, lr:number, z:number, yHat:number, loss:number,
 *   dJdYHat:number, dYHatdZ:number, dZdW:number, dJdW:number, dJdB:number, wNext:?number, bNext:?number }} NeuronRecord
 */

/** @type {Record<string, {title: string, build: (r: NeuronRecord) => Element | Element[]}>} */
export const NEURON_EQUATIONS = {
  sum: {
    title: 'Forward: the weighted sum',
    build: (r) => {
      const f = formula('sum');
      return math(
        `${f.spoken} = ${t(r.w)} times ${t(r.x)} plus ${t(r.b)} = ${t(r.z)}`,
        f.nodes, eq(), n(r.w), times(), n(r.x, { wrap: true }), mo('+'), n(r.b, { wrap: true }), eq(), quantity('z', n(r.z)),
      );
    },
  },
  activation: {
    title: 'Forward: the activation',
    build: (r) => {
      const f = formula('neuron');
      return math(
        `${f.spoken} = 1 over 1 plus e to the minus z = ${t(r.yHat)}`,
        f.nodes, eq(), el('mfrac', {}, mn('1'), row(mn('1'), mo('+'), sup(mi('e'), row(mo('−'), n(r.z, { wrap: true }))))), eq(),
        quantity('yHat', n(r.yHat)),
      );
    },
  },
  error: {
    title: 'Error: how far off',
    build: (r) => {
      const f = formula('loss');
      return math(
        `${f.spoken} = (${t(r.yHat)} minus ${t(r.y)}) squared = ${t(r.loss)}`,
        f.nodes, eq(), ...squared(n(r.yHat), mo('−'), n(r.y, { wrap: true })), eq(), quantity('loss', n(r.loss)),
      );
    },
  },
  chainW: {
    title: 'Backward: three factors for w',
    build: (r) => [
      formulaLine('chainW'),
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
      valued('lossSlope', r.dJdYHat, 'dJdYHat'),
      valued('neuronSlope', r.dYHatdZ, 'dYHatdZ'),
      (() => {
        const [w, b] = [formula('sumSlopeW'), formula('sumSlopeB')];
        return math(`${w.spoken} = ${t(r.dZdW)}, ${b.spoken}`, w.nodes, eq(), n(r.dZdW), mo(','), gap(), b.nodes);
      })(),
    ],
  },
  chainB: {
    title: 'Backward: the bias',
    build: (r) => [
      formulaLine('chainB'),
      math(
        `which is ${t(r.dJdYHat)} times ${t(r.dYHatdZ)} times 1 = ${t(r.dJdB)}`,
        eq(), n(r.dJdYHat), times(), n(r.dYHatdZ, { wrap: true }), times(), mn('1'), eq(), quantity('dJdB', n(r.dJdB)),
      ),
    ],
  },
  update: {
    title: 'Update: both parameters downhill',
    build: (r) => [updated('update', r.w, r.lr, r.dJdW, r.wNext, 'wNext'), updated('updateB', r.b, r.lr, r.dJdB, r.bNext, 'bNext')],
  },
};

/** A formula followed by its value now, marked as `quantityName`. */
function valued(name, value, quantityName) {
  const f = formula(name);
  return math(`${f.spoken} = ${t(value)}`, f.nodes, eq(), quantity(quantityName, n(value)));
}

/** "w ← 0.8 − 0.1·(…) = …": an update with its numbers, after the symbol it updates (the formula's left side). */
function updated(name, before, lr, gradient, after, quantityName) {
  const f = formula(name, { side: 'left' });
  return math(
    `${f.spoken} ${t(before)} minus ${t(lr)} times ${t(gradient)} = ${t(after)}`,
    f.nodes, n(before), mo('−'), n(lr), times(), n(gradient, { wrap: true }), eq(), quantity(quantityName, n(after)),
  );
}
