// The one table of the playground's state: what each setting is called in the URL and in <backprop-playground>'s
// attributes, what it accepts, and its default. The page's URL and the element's attributes both go through it (with
// the parser family of fields.js, which also writes and checks the schema version v=1), so a copied link reproduces
// a run, seed included.
//
// Choices are matched against fixed lists and sizes against a strict pattern: nothing read is ever used as markup.
// What the core owns (its feature names, regularizations and their rates, the learning-rate and regularization-rate
// bounds, the defaults) comes from its limits(), read from the module `make build` generates from it, so the URL is
// parsed before any wasm loads; the page's own choices (datasets offered, shape, sliders) stay here, and
// tests/node/playground.test.mjs checks them against the same limits().
import { MAX_TEXT, decimal, field, flagValue, oneOf } from './fields.js';
import { formatNumber } from './format.js';
import { LIMITS } from '../pkg/limits.js';

const CORE = LIMITS.network;

/** The datasets (names as the core spells them): four classifications, then two regressions. */
export const DATASETS = ['xor', 'circle', 'gaussians', 'spiral', 'plane', 'multigaussian'];
export const REGRESSIONS = ['plane', 'multigaussian'];
/** The three-class datasets (one-hot targets): the network gets one softmax output per class. */
export const CLASS_DATASETS = ['blobs3', 'spiral3'];
/** Classes of the three-class datasets (the core's, src/data/classes.rs). */
export const CLASSES = 3;
/** The data marker of a reader's own data (a CSV): a link keeps the marker, never the data. */
export const CUSTOM = 'custom';
/** The datasets the playground offers: the two-class and regression sets, then the three-class ones. */
export const PLAYGROUND_DATASETS = [...DATASETS, ...CLASS_DATASETS];
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'identity'];
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'];
/**
 * The output neuron's activation: tanh keeps answers in (−1, 1); identity lets them (and the gradients) grow;
 * softmax (with the cross-entropy loss) is the output of data with classes, and only of it.
 */
export const OUTPUTS = ['tanh', 'identity', 'softmax'];
export const SOFTMAX = 'softmax';
export const REGULARIZATIONS = CORE.regularizations;

/** How the page writes each of the core's features: the short key used in URLs and attributes, and its label. */
const FEATURE_TEXT = {
  x1: { key: 'x1', label: 'x₁' },
  x2: { key: 'x2', label: 'x₂' },
  'x1^2': { key: 'x1sq', label: 'x₁²' },
  'x2^2': { key: 'x2sq', label: 'x₂²' },
  'x1*x2': { key: 'x1x2', label: 'x₁x₂' },
  'sin(x1)': { key: 'sinx1', label: 'sin x₁' },
  'sin(x2)': { key: 'sinx2', label: 'sin x₂' },
};

/**
 * The input features, in the core's order (limits().network.features): the short key used in URLs and attributes,
 * the core's name, and how the figure writes it. Playground's first column.
 */
export const FEATURES = CORE.features.filter((name) => name in FEATURE_TEXT).map((name) => ({ key: FEATURE_TEXT[name].key, name, label: FEATURE_TEXT[name].label }));

/** The shape limits the page offers, within limits().network (10 layers in all, 64 neurons per layer). The lists
 * and bounds here are tied to the core's limits() by tests/node/playground.test.mjs. */
export const MAX_HIDDEN_LAYERS = 6;
export const MAX_NEURONS = 8;

/** Numbers per point in the core's data rows: x₁, x₂, label. */
export const POINT_STRIDE = 3;
/** Points drawn in all (Playground's: 500 to classify, 1200 to regress). */
export const POINTS = { classify: 500, regress: 1200 };
/** Playground's sliders: noise 0–50 (percent), training share 10–90 percent, batch size 1–30. */
export const MAX_NOISE = 50;
export const RATIO = [10, 90];
export const MAX_BATCH = 30;
/** The learning rates offered (Playground's), and the regularization rates (the core's limits() lists them). */
export const RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const REG_RATES = CORE.regularizationRates;
/** Epochs trained per animation frame, the speed control. */
export const SPEEDS = [1, 2, 5, 10, 20];
/** Points a reader adds by clicking: at most this many, and at most URL_POINTS of them are kept in the link. */
export const MAX_USER_POINTS = 200;
export const URL_POINTS = 20;

const SIGNED = /^-?(\d{1,3}(\.\d{1,3})?)$/;
const integerIn = (min, max) => decimal({ min, max, integer: true });

/** Hidden layer sizes as "4,2" (an empty text: no hidden layer). */
export function parseHidden(text) {
  if (typeof text !== 'string') return null;
  if (text === '') return [];
  if (text.length > MAX_TEXT) return null;
  const parts = text.split(',');
  if (parts.length > MAX_HIDDEN_LAYERS) return null;
  const sizes = parts.map(integerIn(1, MAX_NEURONS));
  return sizes.includes(null) ? null : sizes;
}

/** Features as "x1,x2,x1x2": known keys, each once, at least one; returned in the core's order. */
export function parseFeatures(text) {
  if (typeof text !== 'string') return null;
  if (text.length > 64) return null;
  const keys = text.split(',');
  const known = FEATURES.map((f) => f.key);
  if (keys.some((k) => !known.includes(k)) || new Set(keys).size !== keys.length) return null;
  return known.filter((k) => keys.includes(k));
}

/** A reader's points as "x,y,l;…" (x, y in [−6, 6] with up to 3 decimals, l = 1 or −1); empty text: none. */
export function parsePoints(text) {
  if (typeof text !== 'string') return null;
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

/** Points as a URL writes them, rounded to 3 decimals; none (null) when there are none or more than URL_POINTS. */
export function writePoints(points) {
  if (points.length === 0 || points.length > URL_POINTS) return null;
  const r = (v) => String(Math.round(v * 1000) / 1000);
  return points.map(([x, y, l]) => `${r(x)},${r(y)},${l}`).join(';');
}

/** A flag with its own attribute name: present or absent on the element, `key=1` in a URL when on. */
const flagNamed = (key, attribute, more) => field(key, { attribute, fallback: false, parse: flagValue, write: (v) => (v ? '' : null), range: '1 or 0', flag: true, ...more });

/** @type {import('./fields.js').Field[]} */
export const PLAYGROUND_FIELDS = [
  field('data', { attribute: 'dataset', fallback: 'circle', parse: oneOf([...PLAYGROUND_DATASETS, CUSTOM]), range: [...PLAYGROUND_DATASETS, CUSTOM].join(', '), title: 'dataset',
    meaning: 'The data to learn: two-class and three-class classifications, regressions, or the reader’s own (custom, never in a link).' }),
  field('features', { fallback: ['x1', 'x2'], parse: parseFeatures, write: (v) => v.join(','), range: `a list of ${FEATURES.map((f) => f.key).join(', ')}`,
    type: 'list', choices: FEATURES.map((f) => f.key), meaning: 'The input features the network is given, from the point’s x₁ and x₂.' }),
  field('noise', { fallback: 0, parse: integerIn(0, MAX_NOISE), range: `a whole number from 0 to ${MAX_NOISE}`, meaning: 'The noise added to the data, in percent.' }),
  field('ratio', { attribute: 'train-ratio', fallback: Math.round(CORE.defaultTrainFraction * 100), parse: integerIn(...RATIO), range: `a whole number of percent from ${RATIO[0]} to ${RATIO[1]}`,
    title: 'training share', meaning: 'The share of the points trained on, in percent; the rest are the test points.' }),
  field('hidden', { attribute: 'hidden-layers', fallback: [4, 2], parse: parseHidden, write: (v) => v.join(','), range: `up to ${MAX_HIDDEN_LAYERS} sizes of 1 to ${MAX_NEURONS}, such as 4,2`,
    type: 'list', title: 'hidden layers', meaning: 'The hidden layers’ sizes, such as 4,2 (empty: none).' }),
  field('act', { attribute: 'activation', label: 'activation', fallback: 'tanh', parse: oneOf(ACTIVATIONS), range: ACTIVATIONS.join(', '), meaning: 'The hidden neurons’ activation function.' }),
  field('out', { attribute: 'output', label: 'output', fallback: 'tanh', parse: oneOf(OUTPUTS), range: OUTPUTS.join(', '), meaning: 'The output neuron’s activation: tanh keeps answers in (−1, 1).' }),
  field('lr', { fallback: CORE.defaultLr, parse: decimal({ min: 0, max: CORE.maxLr, minExclusive: true }), range: `a number above 0, at most ${formatNumber(CORE.maxLr)}`,
    title: 'learning rate', meaning: 'How far each update moves the weights along −∇J.' }),
  field('opt', { attribute: 'optimizer', label: 'optimizer', fallback: 'sgd', parse: oneOf(OPTIMIZERS), range: OPTIMIZERS.join(', '), meaning: 'How the gradient becomes an update: plain SGD, momentum or Adam.' }),
  field('reg', { attribute: 'regularization', label: 'regularization', fallback: 'none', parse: oneOf(REGULARIZATIONS), range: REGULARIZATIONS.join(', '), meaning: 'The penalty on large weights added to the loss.' }),
  field('rate', { attribute: 'regularization-rate', fallback: 0, parse: decimal({ min: 0, max: CORE.maxRegularizationRate }), range: `a number from 0 to ${formatNumber(CORE.maxRegularizationRate)}`,
    title: 'regularization rate', meaning: 'How much the penalty weighs against the loss.' }),
  field('batch', { fallback: CORE.defaultBatchSize, parse: integerIn(1, MAX_BATCH), range: `a whole number from 1 to ${MAX_BATCH}`, title: 'batch size', meaning: 'Training points per update.' }),
  field('seed', { fallback: 0, parse: integerIn(0, 4294967295), range: 'a whole number from 0 to 4294967295', meaning: 'The seed of the data and of the starting weights: a link with it reproduces a run.' }),
  flagNamed('test', 'show-test', { title: 'show test data', meaning: 'Draws the test points too.' }),
  flagNamed('disc', 'discretize', { meaning: 'Draws the output as two classes instead of a shade.' }),
  field('speed', { fallback: 1, parse: (t) => { const v = integerIn(1, 20)(t); return SPEEDS.includes(v) ? v : null; }, range: SPEEDS.join(', '),
    type: 'choice', choices: SPEEDS.map(String), meaning: 'Epochs trained per frame while playing.' }),
  field('points', { fallback: [], parse: parsePoints, write: writePoints, range: `up to ${URL_POINTS} points x,y,±1 separated by ;`,
    title: 'reader’s points', meaning: 'Points added to the data, each x,y and its label 1 or −1.' }),
];

/** The playground's defaults. */
export const PLAYGROUND_DEFAULTS = Object.freeze(Object.fromEntries(PLAYGROUND_FIELDS.map((f) => [f.key, f.fallback])));

/** The core's names of a state's features. */
export const featureNames = (keys) => FEATURES.filter((f) => keys.includes(f.key)).map((f) => f.name);

/**
 * The output a state's data asks for: softmax for data of several `outputs` (one per class), else the state's own
 * (tanh when it asked for softmax).
 */
function outputFor(out, outputs) {
  if (outputs > 1) return SOFTMAX;
  return out === SOFTMAX ? 'tanh' : out;
}

/**
 * The core's NetworkConfig and DataSpec for a playground state (raw points x₁, x₂): one output, or one softmax
 * output per class with the cross-entropy loss for the three-class sets (`outputs`, for a reader's own classes).
 */
export function networkSettings(s, outputs = CLASS_DATASETS.includes(s.data) ? CLASSES : 1) {
  const features = featureNames(s.features);
  const regression = REGRESSIONS.includes(s.data);
  const out = outputFor(s.out, outputs);
  return {
    config: {
      layers: [features.length, ...s.hidden, outputs], features, activation: s.act, outputActivation: out,
      ...(out === SOFTMAX ? { loss: 'crossEntropy' } : {}),
      optimizer: s.opt, lr: s.lr, batchSize: s.batch, seed: s.seed,
      regularization: s.reg, regularizationRate: s.rate,
    },
    data: { dataset: s.data, points: regression ? POINTS.regress : POINTS.classify, noise: s.noise / 100, seed: s.seed, trainFraction: s.ratio / 100 },
  };
}
