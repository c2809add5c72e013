// The one table of a descent's state: what each field is called in the URL and in an element's attributes, what
// it accepts, and its default (the article's numbers). Reading a URL, writing a URL and reading attributes all go
// through it (with the parser family of fields.js), so a copied link reproduces the view. Its bounds and defaults are
// the core's limits(), read from the module `make build` generates from it (so no page waits for wasm to parse a URL).
import { decimal, field } from './fields.js';
import { formatNumber } from './format.js';
import { LIMITS } from '../pkg-article/limits.js';

/** Smallest |x| accepted besides 0: below it x² (and with it the factor 1 − 2·lr·x²) is lost to rounding. */
const X_TINY = 1e-6;

const { maxAbsValue: MAX, maxLr, maxSteps, defaults } = LIMITS.descent;
const n = formatNumber;

/**
 * The bounds of each field of a descent, from the core's limits(): the tables below parse with them, and a page's
 * number inputs take their min and max from them (lr's min is exclusive: lr must be above 0).
 */
export const DESCENT_BOUNDS = Object.freeze({
  x: { min: -MAX, max: MAX },
  y: { min: -MAX, max: MAX },
  w: { min: -MAX, max: MAX },
  lr: { min: 0, max: maxLr },
  step: { min: 0, max: maxSteps },
});
const B = DESCENT_BOUNDS;

/** @type {import('./fields.js').Field[]} */
export const DESCENT_FIELDS = [
  field('x', { fallback: defaults.x, parse: decimal({ ...B.x, tiny: X_TINY }), range: `0, or a number from ${n(X_TINY)} to ${n(B.x.max)} in size`,
    title: 'input x', meaning: 'The input the weight multiplies: ŷ = x·w.' }),
  field('y', { fallback: defaults.y, parse: decimal(B.y), range: `a number from ${n(B.y.min)} to ${n(B.y.max)}`,
    title: 'target y', meaning: 'The target the output should reach: J = (ŷ − y)².' }),
  field('w', { label: 'w₀', fallback: defaults.w, parse: decimal(B.w), range: `a number from ${n(B.w.min)} to ${n(B.w.max)}`,
    title: 'starting weight', meaning: 'The weight w₀ the descent starts from.' }),
  field('lr', { fallback: defaults.lr, parse: decimal({ ...B.lr, minExclusive: true }), range: `a number above 0, at most ${n(B.lr.max)}`,
    title: 'learning rate', meaning: 'How far each step moves: w ← w − lr·dJ/dw.' }),
  field('step', { attribute: 'steps', fallback: 0, parse: decimal({ ...B.step, integer: true }), range: `a whole number from 0 to ${n(B.step.max)}`,
    title: 'steps taken', meaning: 'The steps already taken when the figure first appears (step in a link).' }),
];

/** The keys of a descent's problem (the rest of the table is where it stands). */
export const CONFIG_KEYS = ['x', 'y', 'w', 'lr'];

/** The article's problem and starting point. */
export const DEFAULTS = Object.freeze(Object.fromEntries(DESCENT_FIELDS.map((f) => [f.key, f.fallback])));

/** The descent's field named `key`. */
export const descentField = (key) => DESCENT_FIELDS.find((f) => f.key === key);

/** A descent's { config: {x, y, w, lr}, steps } from values read through a table that includes DESCENT_FIELDS. */
export function descentConfig(values) {
  const { x, y, w, lr, step } = values;
  return { config: { x, y, w, lr }, steps: step };
}
