// The one table of the playground's state: what each setting is called in the URL and in <backprop-playground>'s
// attributes, what it accepts, and its default. The page's URL and the element's attributes both go through it (with
// readState/writeState/readAttributeValues from state.js), so a copied link reproduces a run, seed included.
//
// Choices are matched against fixed lists and sizes against a strict pattern: nothing read is ever used as markup.

/** The datasets, activations and optimizers the playground offers (names as the core spells them). */
export const DATASETS = ['xor', 'circle', 'gaussians', 'spiral'];
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'identity'];
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
/** The output neuron's activation: tanh keeps answers in (−1, 1); identity lets them (and the gradients) grow. */
export const OUTPUTS = ['tanh', 'identity'];

/** The shape limits the page offers, within Network.limits() (10 layers in all, 64 neurons per layer). */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

/** Points drawn in all; half train, half test. */
export const POINTS = 400;

const MAX_TEXT = 32;
const choice = (list) => (text) => (text.length <= MAX_TEXT && list.includes(text) ? text : null);
const INTEGER = /^\d{1,10}$/;
const DECIMAL = /^(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i;

const integerIn = (min, max) => (text) => {
  if (!INTEGER.test(text)) return null;
  const v = Number(text);
  return v >= min && v <= max ? v : null;
};
const decimalIn = (min, max, { minExclusive = false } = {}) => (text) => {
  if (text.length > MAX_TEXT || !DECIMAL.test(text)) return null;
  const v = Number(text);
  if (!Number.isFinite(v) || v > max || v < min || (minExclusive && v === min)) return null;
  return v;
};

/** Hidden layer sizes as "4,2" (an empty text: no hidden layer). */
export function parseHidden(text) {
  if (text === '') return [];
  if (text.length > MAX_TEXT) return null;
  const parts = text.split(',');
  if (parts.length > MAX_HIDDEN_LAYERS) return null;
  const sizes = parts.map(integerIn(1, MAX_NEURONS));
  return sizes.includes(null) ? null : sizes;
}

/** @type {import('./state.js').Field[]} */
export const PLAYGROUND_FIELDS = [
  { key: 'data', attribute: 'dataset', label: 'data', fallback: 'xor', parse: choice(DATASETS), write: String, range: DATASETS.join(', ') },
  { key: 'noise', attribute: 'noise', label: 'noise', fallback: 0, parse: decimalIn(0, 0.5), write: String, range: 'a number from 0 to 0.5' },
  { key: 'hidden', attribute: 'hidden-layers', label: 'hidden', fallback: [4, 2], parse: parseHidden, write: (v) => v.join(','), range: `up to ${MAX_HIDDEN_LAYERS} sizes of 1 to ${MAX_NEURONS}, such as 4,2` },
  { key: 'act', attribute: 'activation', label: 'activation', fallback: 'tanh', parse: choice(ACTIVATIONS), write: String, range: ACTIVATIONS.join(', ') },
  { key: 'out', attribute: 'output', label: 'output', fallback: 'tanh', parse: choice(OUTPUTS), write: String, range: OUTPUTS.join(', ') },
  { key: 'lr', attribute: 'lr', label: 'lr', fallback: 0.03, parse: decimalIn(0, 10, { minExclusive: true }), write: String, range: 'a number above 0, at most 10' },
  { key: 'opt', attribute: 'optimizer', label: 'optimizer', fallback: 'sgd', parse: choice(OPTIMIZERS), write: String, range: OPTIMIZERS.join(', ') },
  { key: 'batch', attribute: 'batch', label: 'batch', fallback: 10, parse: integerIn(1, POINTS / 2), write: String, range: `a whole number from 1 to ${POINTS / 2}` },
  { key: 'seed', attribute: 'seed', label: 'seed', fallback: 0, parse: integerIn(0, 4294967295), write: String, range: 'a whole number from 0 to 4294967295' },
];

/** The playground's defaults. */
export const PLAYGROUND_DEFAULTS = Object.freeze(Object.fromEntries(PLAYGROUND_FIELDS.map((f) => [f.key, f.fallback])));

/** The core's NetworkConfig and DataSpec for a playground state (2 inputs, 1 output, labels ±1). */
export function networkSettings(s) {
  return {
    config: { layers: [2, ...s.hidden, 1], activation: s.act, outputActivation: s.out, optimizer: s.opt, lr: s.lr, batchSize: s.batch, seed: s.seed },
    data: { dataset: s.data, points: POINTS, noise: s.noise, seed: s.seed },
  };
}
