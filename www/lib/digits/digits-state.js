// The digits page's settings as one table (fields.js): the attributes of <backprop-digits> and the keys of the
// page's URL, read and written both ways by the same entries. Bounds come from the core (pkg/limits.js).
import { decimal, field, oneOf } from '../fields.js';
import { LIMITS } from '../../pkg/limits.js';

const CORE = LIMITS.network;
/** Hidden layers the digits page allows: the core's layers less the 64 inputs and the 10 outputs. */
const MAX_HIDDEN = CORE.maxLayers - 2;
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid'];
export const RATES = [0.001, 0.003, 0.01, 0.03, 0.1];
export const OPTIMIZERS = ['adam', 'momentum', 'sgd'];
export const BATCHES = [1, 4, 16, 64];
export const SPEEDS = [1, 2, 5, 10];

/** Hidden layer sizes as "32" or "64,16" (none: ""), each 1 to the core's width, at most MAX_HIDDEN; else null. */
export function parseLayers(text) {
  if (typeof text !== 'string') return null;
  const t = text.replace(/\s+/g, '');
  if (t === '') return [];
  if (t.length > 64) return null;
  const parts = t.split(',');
  if (parts.length > MAX_HIDDEN) return null;
  const sizes = parts.map((p) => (/^\d{1,3}$/.test(p) && Number(p) >= 1 && Number(p) <= CORE.maxWidth ? Number(p) : null));
  return sizes.includes(null) ? null : sizes;
}

/** The settings table. */
export const DIGITS_FIELDS = [
  field('hidden', { attribute: 'hidden-layers', fallback: [32], parse: parseLayers, write: (v) => v.join(','), range: `up to ${MAX_HIDDEN} sizes of 1 to ${CORE.maxWidth}, such as 32 or 64,16` }),
  field('activation', { fallback: 'tanh', parse: oneOf(ACTIVATIONS), range: ACTIVATIONS.join(', ') }),
  field('optimizer', { fallback: 'adam', parse: oneOf(OPTIMIZERS), range: OPTIMIZERS.join(', ') }),
  field('lr', { fallback: 0.01, parse: decimal({ min: 0, max: CORE.maxLr, minExclusive: true }), range: `a number above 0, at most ${CORE.maxLr}` }),
  field('batchSize', { attribute: 'batch-size', label: 'batch', fallback: 16, parse: decimal({ min: 1, max: CORE.maxPoints, integer: true }), range: `a whole number from 1 to ${CORE.maxPoints}` }),
  field('seed', { fallback: 1, parse: decimal({ min: 0, max: 4294967295, integer: true }), range: 'a whole number from 0 to 4294967295' }),
  field('speed', { fallback: 2, parse: decimal({ min: 1, max: 50, integer: true }), range: 'a whole number from 1 to 50' }),
];

/** Each setting's default, by key. */
export const DIGITS_DEFAULTS = Object.freeze(Object.fromEntries(DIGITS_FIELDS.map((f) => [f.key, f.fallback])));
