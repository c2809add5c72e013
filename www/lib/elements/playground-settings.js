// The playground's settings bar: one control per setting of the state table that is not drawn elsewhere (features
// and layers live on the diagram, points on the map). Each control reports a change as (attribute, text), text null
// to remove the attribute; sync(state) shows a state, adding an option for a value a link gave that the list lacks.
import { element } from '../dom.js';
import { selectMenu as choice } from './parts.js';
import { ACTIVATIONS, DATASETS, MAX_BATCH, MAX_NOISE, OPTIMIZERS, OUTPUTS, RATES, RATIO, REG_RATES, REGULARIZATIONS, SPEEDS } from '../playground-state.js';

const DATASET_NAMES = { xor: 'XOR', circle: 'circle', gaussians: 'two Gaussians', spiral: 'spiral', plane: 'plane (regression)', multigaussian: 'six Gaussians (regression)' };
const range = (from, to, step) => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, k) => from + k * step);
const options = (list, text = String) => list.map((v) => [String(v), text(v)]);
const MAX_SEED = 4294967295;

/** The settings bar in `parent`; `onChange(attribute, text)` for every change a reader makes. */
export function createSettings(parent, onChange) {
  const bar = element('div', 'settings');
  bar.setAttribute('part', 'settings');
  const set = (attribute) => (value) => onChange(attribute, value);
  // [state key, the select]
  const selects = [
    ['data', choice(bar, 'data', 'Data', DATASETS.map((d) => [d, DATASET_NAMES[d]]), set('dataset'))],
    ['noise', choice(bar, 'noise', 'Noise', options(range(0, MAX_NOISE, 5)), set('noise'))],
    ['ratio', choice(bar, 'ratio', 'Training data', options(range(RATIO[0], RATIO[1], 10), (v) => `${v}%`), set('train-ratio'))],
    ['batch', choice(bar, 'batch', 'Batch size', options([1, 2, 5, 10, 15, 20, 25, MAX_BATCH]), set('batch'))],
    ['act', choice(bar, 'act', 'Activation', options(ACTIVATIONS), set('activation'))],
    ['out', choice(bar, 'out', 'Output', options(OUTPUTS), set('output'))],
    ['lr', choice(bar, 'lr', 'Learning rate', options(RATES), set('lr'))],
    ['opt', choice(bar, 'opt', 'Optimizer', OPTIMIZERS.map((o) => [o, o === 'sgd' ? 'SGD' : o === 'adam' ? 'Adam' : 'momentum']), set('optimizer'))],
    ['reg', choice(bar, 'reg', 'Regularization', REGULARIZATIONS.map((r) => [r, r === 'none' ? 'none' : r.toUpperCase()]), set('regularization'))],
    ['rate', choice(bar, 'rate', 'Regularization rate', options(REG_RATES), set('regularization-rate'))],
    ['speed', choice(bar, 'speed', 'Epochs per frame', options(SPEEDS), set('speed'))],
  ];
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
  bar.append(seedLabel);
  const toggles = [];
  for (const [key, attribute, text] of [['test', 'show-test', 'Show test data'], ['disc', 'discretize', 'Discretize output']]) {
    const label = element('label', 'setting toggle');
    const box = element('input');
    box.type = 'checkbox';
    box.dataset.key = key;
    box.addEventListener('change', () => onChange(attribute, box.checked ? '' : null));
    label.append(box, ` ${text}`);
    bar.append(label);
    toggles.push([key, box]);
  }
  parent.append(bar);

  /** Shows `state` (the table's keys) in the controls. */
  function sync(state) {
    for (const [key, select] of selects) {
      const text = String(state[key]);
      if (![...select.options].some((o) => o.value === text)) {
        const o = element('option', null, text);
        o.value = text;
        select.append(o);
      }
      select.value = text;
    }
    shownSeed = state.seed;
    seed.value = String(state.seed);
    for (const [key, box] of toggles) box.checked = state[key];
  }

  return { sync, element: bar };
}
