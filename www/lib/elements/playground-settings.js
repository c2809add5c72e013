// The playground's settings, laid out as TensorFlow Playground lays out its own: the training settings in a row of
// menus (learning rate, activation, output, optimizer, regularization and its rate, epochs per frame); the data in
// a column of their own (the datasets as thumbnails, sliders for the training share, the noise and the batch size
// with their values shown as they move, the seed with a Regenerate button); the view toggles beside the output.
// Features and layers live on the diagram, points on the map, a reader's own data comes through <backprop-csv-import>
// (placed by the element). Each control reports a change as (attribute, text), text null to remove the attribute;
// sync(state, outputs) shows a state, adding an option for a value a link gave that a menu lacks; the output menu
// offers softmax for data of several outputs only, and tanh and identity for one output only.
import { button, element } from '../dom.js';
import { selectMenu as choice } from './parts.js';
import {
  ACTIVATIONS, CUSTOM, MAX_BATCH, MAX_NOISE, OPTIMIZERS, OUTPUTS, PLAYGROUND_DATASETS, RATES, RATIO, REG_RATES,
  REGULARIZATIONS, SOFTMAX, SPEEDS,
} from '../playground-state.js';

/** How the page names each dataset. */
const DATASET_NAMES = {
  xor: 'XOR', circle: 'circle', gaussians: 'two Gaussians', spiral: 'spiral',
  plane: 'plane (regression)', multigaussian: 'six Gaussians (regression)',
  blobs3: 'three blobs (three classes)', spiral3: 'three-armed spiral (three classes)',
};
const OUTPUT_NAMES = { tanh: 'tanh', identity: 'identity', softmax: 'softmax (classes)' };
const OPTIMIZER_NAMES = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' };
const options = (list, text = String) => list.map((v) => [String(v), text(v)]);
const MAX_SEED = 4294967295;

/** A slider with its label and its value shown as it moves; reports on `change` (a release, or a key). */
function slider(parent, key, label, [min, max, step], unit, onChange) {
  const wrap = element('label', 'setting slider');
  const value = element('span', 'slider-value');
  const head = element('span', 'slider-head', `${label} `);
  head.append(value);
  const input = element('input');
  Object.assign(input, { type: 'range', min: String(min), max: String(max), step: String(step) });
  input.dataset.key = key;
  const show = () => (value.textContent = `${input.value}${unit}`);
  input.addEventListener('input', show);
  input.addEventListener('change', () => onChange(input.value));
  wrap.append(head, input);
  parent.append(wrap);
  return { input, show };
}

/**
 * The settings in three parts to place: `training` (the menus), `data` (the data column, whose thumbnails are
 * `datasets`) and `view` (the toggles).
 * `onChange(attribute, text)` for every change a reader makes.
 */
export function createSettings(onChange) {
  const set = (attribute) => (value) => onChange(attribute, value);

  const training = element('div', 'settings training-settings');
  training.setAttribute('part', 'settings');
  const menus = [
    ['lr', choice(training, 'lr', 'Learning rate', options(RATES), set('lr'))],
    ['act', choice(training, 'act', 'Activation', options(ACTIVATIONS), set('activation'))],
    ['out', choice(training, 'out', 'Output', OUTPUTS.map((o) => [o, OUTPUT_NAMES[o]]), set('output'))],
    ['opt', choice(training, 'opt', 'Optimizer', OPTIMIZERS.map((o) => [o, OPTIMIZER_NAMES[o]]), set('optimizer'))],
    ['reg', choice(training, 'reg', 'Regularization',
      REGULARIZATIONS.map((r) => [r, r === 'none' ? 'none' : r.toUpperCase()]), set('regularization'))],
    ['rate', choice(training, 'rate', 'Regularization rate', options(REG_RATES), set('regularization-rate'))],
    ['speed', choice(training, 'speed', 'Epochs per frame', options(SPEEDS), set('speed'))],
  ];

  const data = element('div', 'data-settings');
  data.setAttribute('part', 'data');
  const list = element('div', 'datasets');
  list.setAttribute('role', 'group');
  list.setAttribute('aria-label', 'Dataset');
  const thumbnails = PLAYGROUND_DATASETS.map((d) => {
    const b = button(list, 'dataset', '', () => onChange('dataset', d), { label: `Dataset: ${DATASET_NAMES[d]}` });
    b.dataset.dataset = d;
    b.title = DATASET_NAMES[d];
    const canvas = element('canvas');
    canvas.width = canvas.height = 48;
    b.append(canvas);
    return { key: d, button: b, canvas };
  });
  data.append(element('p', 'column-title', 'Data'), list);
  const sliders = [
    ['ratio', slider(data, 'ratio', 'Training data', [RATIO[0], RATIO[1], 10], '%', set('train-ratio'))],
    ['noise', slider(data, 'noise', 'Noise', [0, MAX_NOISE, 5], '', set('noise'))],
    ['batch', slider(data, 'batch', 'Batch size', [1, MAX_BATCH, 1], '', set('batch'))],
  ];
  const seedRow = element('div', 'seed-row');
  const seedLabel = element('label', 'setting', 'Seed ');
  const seed = element('input');
  Object.assign(seed, { type: 'number', min: '0', max: String(MAX_SEED), step: '1' });
  seed.dataset.key = 'seed';
  let shownSeed = 0;
  seed.addEventListener('change', () => {
    if (/^\d{1,10}$/.test(seed.value) && Number(seed.value) <= MAX_SEED) onChange('seed', seed.value);
    else seed.value = String(shownSeed);
  });
  seedLabel.append(seed);
  // New data and new initial weights: the next seed (Playground's Regenerate draws new data).
  const next = () => onChange('seed', String((shownSeed + 1) % (MAX_SEED + 1)));
  const regenerate = button(seedRow, 'regenerate', 'Regenerate', next);
  regenerate.setAttribute('aria-label', 'Regenerate: new data and new initial weights (the next seed)');
  seedRow.prepend(seedLabel);
  data.append(seedRow);

  const view = element('div', 'view-settings');
  const toggles = [['test', 'show-test', 'Show test data'], ['disc', 'discretize', 'Discretize output']].map(
    ([key, attribute, text]) => {
      const label = element('label', 'setting toggle');
      const box = element('input');
      box.type = 'checkbox';
      box.dataset.key = key;
      box.addEventListener('change', () => onChange(attribute, box.checked ? '' : null));
      label.append(box, ` ${text}`);
      view.append(label);
      return [key, box];
    },
  );

  /** Shows `state` (the table's keys) in the controls, for a network of `outputs` outputs. */
  function sync(state, outputs = 1) {
    for (const [key, select] of menus) {
      const text = String(state[key]);
      if (![...select.options].some((o) => o.value === text)) {
        const o = element('option', null, text);
        o.value = text;
        select.append(o);
      }
      select.value = text;
    }
    const output = menus.find(([key]) => key === 'out')[1];
    for (const o of output.options) o.disabled = (o.value === SOFTMAX) !== (outputs > 1);
    for (const t of thumbnails) t.button.setAttribute('aria-pressed', String(t.key === state.data));
    for (const [key, s] of sliders) {
      s.input.value = String(state[key]);
      s.show();
    }
    // A reader's own data has no noise to add.
    sliders.find(([key]) => key === 'noise')[1].input.disabled = state.data === CUSTOM;
    shownSeed = state.seed;
    seed.value = String(state.seed);
    for (const [key, box] of toggles) box.checked = state[key];
  }

  /** Draws each dataset's thumbnail: `draw(canvas, key)`. */
  function drawThumbnails(draw) {
    for (const t of thumbnails) draw(t.canvas, t.key);
  }

  return { sync, drawThumbnails, training, data, datasets: list, view };
}
