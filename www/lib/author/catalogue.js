// The figures an author can put in a page, and what their tables cannot say: each custom element's tag, where its
// class lives, a sentence of what it shows, the widget page or link that shows it without a script, what a new author
// starts from, its events and its CSS parts. Its attributes are never listed here: they are the element's own
// `static fields` table. The author's page (author.html), the reference (docs/elements.md) and the Custom Elements
// Manifest (custom-elements.json, scripts/docs.mjs) read this one list; tests/node/docs.test.mjs ties its tags to the
// elements backprop-lab.js defines and its events to the sources, tests/page/author.test.mjs its parts to the figures.

/** Events every descent figure with its own descent sends (FigureElement forwards its model's). */
const DESCENT_EVENTS = [
  { name: 'step', detail: '{ step, w, loss, record }', description: 'A whole step was taken.' },
  { name: 'diverge', detail: '{ step, w, message }', description: 'The descent stopped: the next number would not fit in a float.' },
  { name: 'reset', detail: '{ w }', description: 'The descent went back to w₀.' },
];
const FRAME = { name: 'frame', description: 'The figure’s box.' };
const CAPTION = { name: 'caption', description: 'The sentence under the picture.' };
const CONTROLS = { name: 'controls', description: 'The row of buttons.' };
const BUTTON = { name: 'button', description: 'Every button (each also has the part <action>-button, such as step-button).' };
const STATUS = { name: 'status', description: 'The status line.' };

/** @typedef {{ tag: string, module: string, className: string, summary: string, widget: ?string, link: ?string,
 *              start: Record<string, string>, events: object[], parts: object[] }} Figure */

/** @type {Figure[]} */
export const CATALOGUE = [
  {
    tag: 'backprop-descent', module: 'lib/elements/descent-element.js', className: 'DescentElement',
    summary: 'The article’s one-weight descent, step by step: the network, J(w) with its tangent, the four equations and the controls.',
    widget: 'embed/descent.html', link: null, start: { controls: '', equations: '' },
    events: [...DESCENT_EVENTS,
      { name: 'predict', detail: '{ phase, guess, right, score }', description: 'In predict mode, the reader’s guess was checked.' },
      { name: 'modechange', detail: '{ mode }', description: 'The reader switched predict mode on or off.' }],
    parts: [FRAME, CONTROLS, BUTTON, { name: 'speed', description: 'The speed menu.' }, STATUS,
      { name: 'network', description: 'The one-weight network.' }, { name: 'curve', description: 'J(w) with the point, its tangent and the trail.' },
      { name: 'equations', description: 'The list of the step’s equations.' }, { name: 'predict', description: 'The predict-mode panel.' },
      { name: 'stop', description: 'The notice where a descent stopped.' }],
  },
  {
    tag: 'backprop-loss', module: 'lib/elements/loss-element.js', className: 'LossElement',
    summary: 'The loss after each step on a log scale.', widget: 'embed/loss.html', link: null, start: { steps: '25' },
    events: DESCENT_EVENTS, parts: [FRAME, { name: 'loss', description: 'The chart.' }, CAPTION],
  },
  {
    tag: 'backprop-table', module: 'lib/elements/table-element.js', className: 'TableElement',
    summary: 'The weight and the loss after each step, as the article’s table, with its rows marked.', widget: 'embed/table.html', link: null,
    start: { steps: '5' }, events: DESCENT_EVENTS, parts: [FRAME, { name: 'table', description: 'The table’s scrolling box.' }],
  },
  {
    tag: 'backprop-regimes', module: 'lib/elements/regimes-element.js', className: 'RegimesElement',
    summary: 'The learning-rate regimes for this x (creep, one step, zig-zag, diverge), the current lr marked, with buttons to its boundaries.',
    widget: 'embed/regimes.html', link: null, start: { lr: '0.3' }, events: DESCENT_EVENTS,
    parts: [FRAME, { name: 'regimes', description: 'The chart of the regimes.' }, CAPTION, BUTTON],
  },
  {
    tag: 'backprop-equation', module: 'lib/elements/equation-element.js', className: 'EquationElement',
    summary: 'One of the article’s equations with the current numbers; usually linked with for to a <backprop-descent>.',
    widget: null, link: null, start: { name: 'update', steps: '1' }, events: DESCENT_EVENTS,
    parts: [{ name: 'equation', description: 'The equation.' }],
  },
  {
    tag: 'backprop-timeline', module: 'lib/elements/timeline-element.js', className: 'TimelineElement',
    summary: 'Time travel: a slider that takes the linked descent to any step, with that step’s whole record (every factor of the chain rule).',
    widget: null, link: null, start: { steps: '3' }, events: DESCENT_EVENTS,
    parts: [FRAME, { name: 'slider', description: 'The step slider.' }, { name: 'record', description: 'The table of the step’s record.' }],
  },
  {
    tag: 'backprop-compare', module: 'lib/elements/compare-element.js', className: 'CompareElement',
    summary: 'Two learning rates from the same start on one J(w): where the runs part, and the factor 1 − 2·lr·x² that decides each regime.',
    widget: null, link: null, start: { 'compare-lr': '0.45' }, events: DESCENT_EVENTS,
    parts: [FRAME, { name: 'compare', description: 'The chart of the two runs.' }, { name: 'compare-lr', description: 'The second learning rate’s field.' }],
  },
  {
    tag: 'backprop-neuron', module: 'lib/elements/neuron-element.js', className: 'NeuronElement',
    summary: 'One neuron with a bias and a sigmoid, ŷ = σ(w·x + b), trained step by step: its equations, J over (w, b) and the loss.',
    widget: null, link: null, start: {},
    events: [{ name: 'step', detail: '{ step, record }', description: 'A training step was taken.' },
      { name: 'reset', detail: '{ w, b }', description: 'Training went back to w₀ and b₀.' }],
    parts: [FRAME, CONTROLS, BUTTON, STATUS, { name: 'equations', description: 'The list of equations.' }, { name: 'contour', description: 'J over (w, b).' },
      { name: 'loss', description: 'The loss per step.' }, CAPTION, { name: 'predict', description: 'The predict-mode panel.' }],
  },
  {
    tag: 'backprop-graph', module: 'lib/elements/graph-element.js', className: 'GraphElement',
    summary: 'One training point’s forward and backward pass through a small network, as a computation graph stepped node by node.',
    widget: null, link: null, start: {},
    events: [{ name: 'step', detail: '{ id, done }', description: 'One more node’s gradient is shown.' },
      { name: 'reset', detail: '{ point }', description: 'A new trace (another point, or the network trained).' }],
    parts: [FRAME, CONTROLS, BUTTON, { name: 'graph', description: 'The graph.' }, CAPTION, { name: 'gradient', description: 'The gradient check of a weight.' }],
  },
  {
    tag: 'backprop-playground', module: 'lib/elements/playground-element.js', className: 'PlaygroundElement',
    summary: 'A small network learning 2-D data, as TensorFlow Playground shows it, with every neuron’s map and the gradient of any weight.',
    widget: null, link: 'network.html', start: { dataset: 'circle' },
    events: [{ name: 'step', detail: '{ epoch, steps, trainLoss, testLoss }', description: 'Training went on by an epoch or more.' },
      { name: 'diverge', detail: '{ epoch, lr, … }', description: 'Training stopped: the loss ran away.' },
      { name: 'reset', detail: '{ state }', description: 'A new network.' },
      { name: 'change', detail: 'the settings, keyed as in a link', description: 'The reader changed a setting (the attribute changed too).' }],
    parts: [FRAME, CONTROLS, BUTTON, STATUS, { name: 'settings', description: 'The settings.' },
      ...['data', 'noise', 'ratio', 'act', 'out', 'lr', 'opt', 'reg', 'rate', 'batch', 'speed'].map((key) => ({ name: key, description: `The menu of the ${key} setting (each menu is named by its link key).` })),
      { name: 'diagram', description: 'The network’s diagram.' },
      { name: 'losses', description: 'The training and test losses (and, for classes, the share right).' },
      { name: 'heatmap', description: 'The output over the plane.' }, { name: 'loss', description: 'The loss per epoch.' },
      { name: 'gradient', description: 'The gradient check of the selected weight.' }, { name: 'stop', description: 'The notice where training stopped.' }],
  },
];

/** The catalogue's entry for `tag` (undefined for another tag). */
export const figureNamed = (tag) => CATALOGUE.find((f) => f.tag === tag);
