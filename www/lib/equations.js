// The article's equations with the current numbers substituted, as MathML, built from a plain object of numbers.
// Each begins with its formula from the glossary's table (formula.js), its symbols linked to their entries.
//
// A value that the current phase has not computed yet is null and shows as "?". Each equation marks the quantity
// it computes (data-quantity), so the figure can highlight the one the current phase is computing.
import { formatNumber } from './format.js';
import { formula } from './formula.js';
import { math, mi, mo, num, quantity, row, squared } from './mathml.js';

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
    build: (v) => {
      const f = formula('prediction', { lhs: 'yHat' });
      return math(
        `${f.spoken} = ${t(v.x)} times ${t(v.w)} = ${t(v.yHat)}`,
        f.nodes, eq(), num(v.x), times(), num(v.w, { wrap: true }), eq(), quantity('yHat', num(v.yHat)),
      );
    },
  },
  error: {
    title: 'Error: how far off',
    build: (v) => {
      const f = formula('loss', { lhs: 'loss' });
      return math(
        `${f.spoken} = (${t(v.yHat)} minus ${t(v.y)}) squared = ${t(v.loss)}`,
        f.nodes, eq(), ...squared(num(v.yHat), mo('−'), num(v.y, { wrap: true })), eq(), quantity('loss', num(v.loss)),
      );
    },
  },
  chain: {
    title: 'Backward: the chain rule',
    build: (v) => {
      const f = formula('chain', { lhs: 'dJdW' });
      return math(
        `${f.spoken} = ${t(v.dJdYHat)} times ${t(v.dYHatdW)} = ${t(v.dJdW)}`,
        f.nodes, eq(), quantity('dJdYHat', num(v.dJdYHat)), times(), num(v.dYHatdW, { wrap: true }), eq(),
        quantity('dJdW', num(v.dJdW)),
      );
    },
  },
  derivative: {
    title: 'The derivative, for this x and y',
    build: (v) => {
      const f = formula('gradient', { lhs: 'dJdW' });
      const { slope, intercept } = v.linear ?? { slope: null, intercept: null };
      const linear =
        intercept === null
          ? [num(null)]
          : [num(slope), mi('w'), mo(intercept < 0 ? '−' : '+'), num(Math.abs(intercept))];
      return math(
        `${f.spoken} = ${t(slope)} w ${intercept < 0 ? 'minus' : 'plus'} ${t(Math.abs(intercept ?? 0))}; at w = ${t(v.w)} it is ${t(v.dJdW)}`,
        f.nodes, eq(), ...linear, eq(), num(slope), times(), num(v.w, { wrap: true }), mo(intercept < 0 ? '−' : '+'),
        num(intercept === null ? null : Math.abs(intercept)), eq(), quantity('dJdW', num(v.dJdW)),
      );
    },
  },
  update: {
    title: 'Update: a step downhill',
    build: (v) => {
      const f = formula('update', { lhs: 'wNext' });
      return math(
        `${f.spoken} = ${t(v.w)} minus ${t(v.lr)} times ${t(v.dJdW)} = ${t(v.wNext)}`,
        f.nodes, eq(), num(v.w), mo('−'), num(v.lr), times(), num(v.dJdW, { wrap: true }), eq(), quantity('wNext', num(v.wNext)),
      );
    },
  },
  result: {
    title: 'The result',
    build: (v) => {
      const close = v.converged === true;
      const product = formula('prediction', { side: 'right' });
      const optimum = formula('optimum');
      return math(
        `${product.spoken} = ${t(v.x)} times ${t(v.current)} = ${t(v.currentYHat)}, ${close ? 'close to' : 'against'} the target y = ${t(v.y)}; the optimum is ${optimum.spoken} = ${t(v.optimum)}`,
        product.nodes, eq(), num(v.x), times(), num(v.current, { wrap: true }), eq(),
        quantity('yHat', num(v.currentYHat)), ...(close ? [mo('≈'), mi('y')] : [mo(','), mspace(), mi('y')]), eq(), num(v.y),
        // "w* = y/x = 0.333…" is one piece: it never wraps between w* and its value.
        mo(','), mspace(), row(...optimum.nodes, eq(), num(v.optimum)),
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
