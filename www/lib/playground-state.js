// The one table of the playground's state: what each setting is called in the URL and in <backprop-playground>'s
// attributes, what it accepts, and its default. The page's URL and the element's attributes both go through it (with
// readState/writeState/readAttributeValues from state.js), so a copied link reproduces a run, seed included.
// Links carry the schema version v=1; a link of another version is read as far as it goes and says so.
//
// Choices are matched against fixed lists and sizes against a strict pattern: nothing read is ever used as markup.

/** The URL schema this table writes. */
export const SCHEMA_VERSION = 1;

/** The datasets (names as the core spells them): four classifications, then two regressions. */
export const DATASETS = ['xor', 'circle', 'gaussians', 'spiral', 'plane', 'multigaussian'];
export const REGRESSIONS = ['plane', 'multigaussian'];
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'identity'];
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
/** The output neuron's activation: tanh keeps answers in (−1, 1); identity lets them (and the gradients) grow. */
export const OUTPUTS = ['tanh', 'identity'];
export const REGULARIZATIONS = ['none', 'l1', 'l2'];

/**
 * The input features, in the core's order: the short key used in URLs and attributes, the core's name, and how the
 * figure writes it. Playground's first column.
 */
export const FEATURES = [
  { key: 'x1', name: 'x1', label: 'x₁' },
  { key: 'x2', name: 'x2', label: 'x₂' },
  { key: 'x1sq', name: 'x1^2', label: 'x₁²' },
  { key: 'x2sq', name: 'x2^2', label: 'x₂²' },
  { key: 'x1x2', name: 'x1*x2', label: 'x₁x₂' },
  { key: 'sinx1', name: 'sin(x1)', label: 'sin x₁' },
  { key: 'sinx2', name: 'sin(x2)', label: 'sin x₂' },
];

/** The shape limits the page offers, within Network.limits() (10 layers in all, 64 neurons per layer). */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

/** Points drawn in all (Playground's: 500 to classify, 1200 to regress). */
export const POINTS = { classify: 500, regress: 1200 };
/** Playground's sliders: noise 0–50 (percent), training share 10–90 percent, batch size 1–30. */
export const MAX_NOISE = 50;
export const RATIO = [10, 90];
export const MAX_BATCH = 30;
/** Epochs trained per animation frame, the speed control. */
export const SPEEDS = [1, 2, 5, 10, 20];
/** Points a reader adds by clicking: at most this many, and at most URL_POINTS of them are kept in the link. */
export const MAX_USER_POINTS = 200;
export const URL_POINTS = 20;

const MAX_TEXT = 32;
const choice = (list) => (text) => (text.length <= MAX_TEXT && list.includes(text) ? text : null);
const INTEGER = /^\d{1,10}$/;
const DECIMAL = /^(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i;
const SIGNED = /^-?(\d{1,3}(\.\d{1,3})?)$/;

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
const flag = (text) => (text === '1' ? true : text === '0' ? false : null);

/** Hidden layer sizes as "4,2" (an empty text: no hidden layer). */
export function parseHidden(text) {
  if (text === '') return [];
  if (text.length > MAX_TEXT) return null;
  const parts = text.split(',');
  if (parts.length > MAX_HIDDEN_LAYERS) return null;
  const sizes = parts.map(integerIn(1, MAX_NEURONS));
  return sizes.includes(null) ? null : sizes;
}

/** Features as "x1,x2,x1x2": known keys, each once, at least one; returned in the core's order. */
export function parseFeatures(text) {
  if (text.length > 64) return null;
  const keys = text.split(',');
  const known = FEATURES.map((f) => f.key);
  if (keys.some((k) => !known.includes(k)) || new Set(keys).size !== keys.length) return null;
  return known.filter((k) => keys.includes(k));
}

/** A reader's points as "x,y,l;…" (x, y in [−6, 6] with up to 3 decimals, l = 1 or −1); empty text: none. */
export function parsePoints(text) {
  if (text === '') return [];
  const rows = text.split(';');
  if (rows.length > URL_POINTS) return null;
  const points = [];
  for (const row of rows) {
    const parts = row.split(',');
    if (parts.length !== 3 || !parts.every((p) => SIGNED.test(p))) return null;
    const [x, y, l] = parts.map(Number);
    if (Math.abs(x) > 6 || Math.abs(y) > 6 || (l !== 1 && l !== -1)) return null;
    points.push([x === 0 ? 0 : x, y === 0 ? 0 : y, l]);
  }
  return points;
}

/** Points as the URL writes them: the first URL_POINTS, rounded to 3 decimals. */
export function writePoints(points) {
  const r = (v) => String(Math.round(v * 1000) / 1000);
  return points.slice(0, URL_POINTS).map(([x, y, l]) => `${r(x)},${r(y)},${l}`).join(';');
}

/** @type {import('./state.js').Field[]} */
export const PLAYGROUND_FIELDS = [
  { key: 'v', attribute: 'schema', label: 'v', fallback: SCHEMA_VERSION, parse: integerIn(0, 999), write: String, range: `the schema version ${SCHEMA_VERSION}` },
  { key: 'data', attribute: 'dataset', label: 'data', fallback: 'xor', parse: choice(DATASETS), write: String, range: DATASETS.join(', ') },
  { key: 'features', attribute: 'features', label: 'features', fallback: ['x1', 'x2'], parse: parseFeatures, write: (v) => v.join(','), range: `a list of ${FEATURES.map((f) => f.key).join(', ')}` },
  { key: 'noise', attribute: 'noise', label: 'noise', fallback: 0, parse: integerIn(0, MAX_NOISE), write: String, range: `a whole number from 0 to ${MAX_NOISE}` },
  { key: 'ratio', attribute: 'train-ratio', label: 'ratio', fallback: 50, parse: integerIn(...RATIO), write: String, range: `a whole number of percent from ${RATIO[0]} to ${RATIO[1]}` },
  { key: 'hidden', attribute: 'hidden-layers', label: 'hidden', fallback: [4, 2], parse: parseHidden, write: (v) => v.join(','), range: `up to ${MAX_HIDDEN_LAYERS} sizes of 1 to ${MAX_NEURONS}, such as 4,2` },
  { key: 'act', attribute: 'activation', label: 'activation', fallback: 'tanh', parse: choice(ACTIVATIONS), write: String, range: ACTIVATIONS.join(', ') },
  { key: 'out', attribute: 'output', label: 'output', fallback: 'tanh', parse: choice(OUTPUTS), write: String, range: OUTPUTS.join(', ') },
  { key: 'lr', attribute: 'lr', label: 'lr', fallback: 0.03, parse: decimalIn(0, 10, { minExclusive: true }), write: String, range: 'a number above 0, at most 10' },
  { key: 'opt', attribute: 'optimizer', label: 'optimizer', fallback: 'sgd', parse: choice(OPTIMIZERS), write: String, range: OPTIMIZERS.join(', ') },
  { key: 'reg', attribute: 'regularization', label: 'regularization', fallback: 'none', parse: choice(REGULARIZATIONS), write: String, range: REGULARIZATIONS.join(', ') },
  { key: 'rate', attribute: 'regularization-rate', label: 'rate', fallback: 0, parse: decimalIn(0, 10), write: String, range: 'a number from 0 to 10' },
  { key: 'batch', attribute: 'batch', label: 'batch', fallback: 10, parse: integerIn(1, MAX_BATCH), write: String, range: `a whole number from 1 to ${MAX_BATCH}` },
  { key: 'seed', attribute: 'seed', label: 'seed', fallback: 0, parse: integerIn(0, 4294967295), write: String, range: 'a whole number from 0 to 4294967295' },
  { key: 'test', attribute: 'show-test', label: 'test', fallback: false, parse: flag, write: (v) => (v ? '1' : '0'), range: '0 or 1' },
  { key: 'disc', attribute: 'discretize', label: 'discretize', fallback: false, parse: flag, write: (v) => (v ? '1' : '0'), range: '0 or 1' },
  { key: 'speed', attribute: 'speed', label: 'speed', fallback: 1, parse: (t) => { const v = integerIn(1, 20)(t); return SPEEDS.includes(v) ? v : null; }, write: String, range: SPEEDS.join(', ') },
  { key: 'points', attribute: 'points', label: 'points', fallback: [], parse: parsePoints, write: writePoints, range: `up to ${URL_POINTS} points x,y,±1 separated by ;` },
];

/** The playground's defaults. */
export const PLAYGROUND_DEFAULTS = Object.freeze(Object.fromEntries(PLAYGROUND_FIELDS.map((f) => [f.key, f.fallback])));

/** The core's names of a state's features. */
export const featureNames = (keys) => FEATURES.filter((f) => keys.includes(f.key)).map((f) => f.name);

/** The core's NetworkConfig and DataSpec for a playground state (raw points x₁, x₂; 1 output). */
export function networkSettings(s) {
  const features = featureNames(s.features);
  const regression = REGRESSIONS.includes(s.data);
  return {
    config: {
      layers: [features.length, ...s.hidden, 1], features, activation: s.act, outputActivation: s.out,
      optimizer: s.opt, lr: s.lr, batchSize: s.batch, seed: s.seed,
      regularization: s.reg, regularizationRate: s.rate,
    },
    data: { dataset: s.data, points: regression ? POINTS.regress : POINTS.classify, noise: s.noise / 100, seed: s.seed, trainFraction: s.ratio / 100 },
  };
}
