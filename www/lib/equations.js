// The article's equations with the current numbers substituted, as MathML, built from a plain object of numbers.
//
// A value that the current phase has not computed yet is null and shows as "?". Each equation marks the quantity
// it computes (data-quantity), so the figure can highlight the one the current phase is computing.
import { formatNumber } from './format.js';
import { d, math, mi, mo, num, paren, quantity, row, squared, yHat, mn } from './mathml.js';

/** Which quantity each phase computes. */
const PHASE_QUANTITY = { forward: 'yHat', error: 'loss', backward: 'dJdW', update: 'wNext' };

const t = (v) => (v === null || v === undefined ? 'unknown' : formatNumber(v));
const times = () => mo('·');
const eq = () => mo('=');

/**
 * @typedef {{ x:number, y:number, w:number, lr:number, yHat:?number, loss:?number, dJdYHat:?number,
 *   dYHatdW:?number, dJdW:?number, wNext:?number, linear:?{slope:number, intercept:number}, optimum:?number,
 *   current:?number, step:number }} EquationValues
 */

/** @type {Record<string, {title: string, build: (v: EquationValues) => Element}>} */
export const EQUATIONS = {
  forward: {
    title: 'Forward: the prediction',
    build: (v) =>
      math(
        `y hat = x times w = ${t(v.x)} times ${t(v.w)} = ${t(v.yHat)}`,
        quantity('yHat', yHat()), eq(), mi('x'), times(), mi('w'), eq(),
        num(v.x), times(), num(v.w, { wrap: true }), eq(), quantity('yHat', num(v.yHat)),
      ),
  },
  error: {
    title: 'Error: how far off',
    build: (v) =>
      math(
        `J = (y hat minus y) squared = (${t(v.yHat)} minus ${t(v.y)}) squared = ${t(v.loss)}`,
        quantity('loss', mi('J')), eq(), ...squared(yHat(), mo('−'), mi('y')), eq(),
        ...squared(num(v.yHat), mo('−'), num(v.y, { wrap: true })), eq(), quantity('loss', num(v.loss)),
      ),
  },
  chain: {
    title: 'Backward: the chain rule',
    build: (v) =>
      math(
        `dJ/dw = dJ/d y hat times d y hat/dw = ${t(v.dJdYHat)} times ${t(v.dYHatdW)} = ${t(v.dJdW)}`,
        quantity('dJdW', d(mi('J'), mi('w'))), eq(), d(mi('J'), yHat()), times(), d(yHat(), mi('w')), eq(),
        quantity('dJdYHat', num(v.dJdYHat)), times(), num(v.dYHatdW, { wrap: true }), eq(), quantity('dJdW', num(v.dJdW)),
      ),
  },
  derivative: {
    title: 'The derivative, for this x and y',
    build: (v) => {
      const { slope, intercept } = v.linear ?? { slope: null, intercept: null };
      const linear =
        intercept === null
          ? [num(null)]
          : [num(slope), mi('w'), mo(intercept < 0 ? '−' : '+'), num(Math.abs(intercept))];
      return math(
        `dJ/dw = 2 (y hat minus y) x = ${t(slope)} w ${intercept < 0 ? 'minus' : 'plus'} ${t(Math.abs(intercept ?? 0))}; at w = ${t(v.w)} it is ${t(v.dJdW)}`,
        quantity('dJdW', d(mi('J'), mi('w'))), eq(), mn('2'), paren(yHat(), mo('−'), mi('y')), times(), mi('x'), eq(),
        ...linear, eq(), num(slope), times(), num(v.w, { wrap: true }), mo(intercept < 0 ? '−' : '+'),
        num(intercept === null ? null : Math.abs(intercept)), eq(), quantity('dJdW', num(v.dJdW)),
      );
    },
  },
  update: {
    title: 'Update: a step downhill',
    build: (v) =>
      math(
        `w becomes w minus lr times dJ/dw = ${t(v.w)} minus ${t(v.lr)} times ${t(v.dJdW)} = ${t(v.wNext)}`,
        quantity('wNext', mi('w')), mo('←'), mi('w'), mo('−'), mi('lr'), times(), d(mi('J'), mi('w')), eq(),
        num(v.w), mo('−'), num(v.lr), times(), num(v.dJdW, { wrap: true }), eq(), quantity('wNext', num(v.wNext)),
      ),
  },
  result: {
    title: 'The result',
    build: (v) => {
      const close = v.converged === true;
      return math(
        `x times w = ${t(v.x)} times ${t(v.current)} = ${t(v.currentYHat)}, ${close ? 'close to' : 'against'} the target y = ${t(v.y)}; the optimum is w = y/x = ${t(v.optimum)}`,
        mi('x'), times(), mi('w'), eq(), num(v.x), times(), num(v.current, { wrap: true }), eq(),
        quantity('yHat', num(v.currentYHat)), ...(close ? [mo('≈'), mi('y')] : [mo(','), mspace(), mi('y')]), eq(), num(v.y),
        // "w* = y/x = 0.333…" is one piece: it never wraps between w* and its value.
        mo(','), mspace(), row(mi('w'), mo('*'), eq(), mi('y'), mo('/'), mi('x'), eq(), num(v.optimum)),
      );
    },
  },
};

function mspace() {
  const s = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mspace');
  s.setAttribute('width', '1em');
  return s;
}

/** The equation each phase of a step computes, in the phases' order (the backward phase is the chain rule). */
export const PHASE_EQUATION = Object.freeze({ forward: 'forward', error: 'error', backward: 'chain', update: 'update' });

/** The names of the equations a phase-stepping figure shows, in order: one per phase. */
export const STEP_EQUATIONS = Object.values(PHASE_EQUATION);

/** Builds equation `name` for values `v`, highlighting the quantity of `phase` (or none). */
export function buildEquation(name, v, phase) {
  const node = EQUATIONS[name].build(v);
  const q = phase ? PHASE_QUANTITY[phase] : null;
  for (const part of node.querySelectorAll('[data-quantity]')) {
    part.classList.toggle('current', part.getAttribute('data-quantity') === q);
  }
  return node;
}
