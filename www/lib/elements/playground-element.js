// <backprop-playground>: a small network learning 2-D data, as TensorFlow Playground shows it, plus what a learner of
// backprop needs: input features, regularization, regressions, the train/test ratio, noise, batch size, every
// neuron's map on the diagram, weights edited on their links, a reader's own points, and for any weight or bias the
// gradient check and the chain rule with live numbers.
//
// Settings come from the playground's state table (playground-state.js), as attributes; changing one in the figure
// sets the attribute and fires `change`, so a page can keep its URL in step. Each frame trains `speed` epochs in the
// core, then draws the 100 × 100 heatmap, every neuron's map and the loss. While it plays, the heatmap's grid (the
// output's, or the hovered neuron's map) comes from a worker (playground-grid.js), so the frame's own thread only
// trains and draws; paused, it is computed here, exact.
//
// Events: step, diverge, reset, change. Read-only: state, epochs, steps, trainLoss, testLoss, history, diverged,
// playing, heatmapEpoch, refusedAttributes, selected, userPoints, network (the core handle, for tests and host pages).
// Methods: play(), pause(), step(), reset(), select({kind, index}), addPoint(x, y, label), clearPoints().
import { BaseElement } from './base-element.js';
import { button, cssColor, element, frame as makeFrame } from '../dom.js';
import { frameLoop, liveRegion, showPlaying, toolbar } from './parts.js';
import { createSettings } from './playground-settings.js';
import { COMMON_FIELDS } from '../fields.js';
import { createHeatmapFigure, paint, rgb } from '../figures/heatmap.js';
import { createLossFigure } from '../figures/loss.js';
import { createNetworkDiagram } from '../figures/playground-network.js';
import { createGradientPanel } from '../figures/gradient-panel.js';
import { featureMaps, inspect } from '../playground-inspect.js';
import { createGridWorker, fillGrid } from '../playground-grid.js';
import { FEATURES, MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_USER_POINTS, PLAYGROUND_FIELDS, REGRESSIONS, featureNames, networkSettings } from '../playground-state.js';
import { formatCount, formatNumber } from '../format.js';
import { neuronNames } from '../playground-shape.js';

/** The plane drawn (Playground's), the heatmap's grid side, and each neuron map's. */
const DOMAIN = [-6, 6];
const GRID = 100;
const NEURON_GRID = 20;
/** Epochs a run keeps in its loss history. */
const MAX_EPOCHS = 5000;
/** Attributes that change the view or the data, not the network: applied without starting again. */
const LIVE_ATTRIBUTES = ['show-test', 'discretize', 'speed', 'points'];
const short = (v) => formatNumber(v, 4);

const KEYS = PLAYGROUND_FIELDS.map((f) => f.key);
const POINTS_FIELD = PLAYGROUND_FIELDS.find((f) => f.key === 'points');

export class PlaygroundElement extends BaseElement {
  static label = 'A small network learning 2-D data';
  static fields = [...PLAYGROUND_FIELDS, ...COMMON_FIELDS];

  /** The full core's exports once loaded (null before). */
  core = null;

  #parts = null;
  #network = null;
  #state = null;
  /** The points attribute as the figure last wrote it (its own change needs no rebuild). */
  #ownPoints = undefined;
  #grid = new Float64Array(GRID * GRID);
  #neuronGrid = new Float64Array(0);
  #bigNeuronGrid = new Float64Array(0);
  #train = null;
  #test = null;
  #user = [];
  #history = { train: [], test: [] };
  #stop = null;
  #hover = null;
  #selected = null;
  #chainPoint = 0;
  #palette = null;
  #frames = 0;
  /** The heatmap grid's worker while training plays (null until the first play; false where none can run). */
  #grids = null;
  /** Counts networks and resets: a grid computed for an earlier one is never drawn. */
  #generation = 0;
  #gridConfig = null;
  /** What the heatmap shows: the output's grid (neuron null) or a neuron's map, of which network and epoch. */
  #shown = { generation: -1, neuron: null, epoch: 0 };
  #loop = frameLoop(() => this.#frame(), (playing) => {
    showPlaying(this.#parts.play, playing);
    this.toggleAttribute('playing', playing);
    if (!playing) {
      // Paused, the picture is exact: the heatmap of the network as it stands, every link named.
      const shown = this.#shown;
      if (this.#network && (shown.generation !== this.#generation || shown.epoch !== this.epochs)) this.#drawHeatmap();
      this.#parts.diagram.nameLinks();
      this.#announce();
    }
  });

  build(root) {
    const frame = makeFrame('playground');
    const controls = toolbar('Training controls');
    const play = button(controls, 'play', 'Play', () => (this.#loop.playing ? this.pause() : this.play()));
    play.setAttribute('aria-pressed', 'false');
    const step = button(controls, 'step', 'Step', () => (this.pause(), this.step()));
    step.setAttribute('aria-label', 'Step: train one epoch');
    button(controls, 'reset', 'Reset', () => this.reset());
    const status = element('p', 'status');
    status.setAttribute('part', 'status');

    const settings = createSettings(element('div'), (attribute, value) => this.#setting(attribute, value));

    const network = element('div', 'network-column');
    const diagram = createNetworkDiagram(network, {
      maxLayers: MAX_HIDDEN_LAYERS,
      maxNeurons: MAX_NEURONS,
      onFeature: (key) => this.#toggleFeature(key),
      onNeuron: (index) => this.#hoverNeuron(index),
      onSelect: (p) => this.select(p),
      onEdit: (index, value) => this.#editWeight(index, value),
      onHidden: (hidden) => this.#setting('hidden-layers', hidden.join(',')),
    });

    const body = element('div', 'body');
    const picture = element('div', 'pictures');
    const heatmap = createHeatmapFigure(picture, 'The network’s output over the plane, with the data points');
    heatmap.canvas.addEventListener('click', (e) => this.#clickPlane(e));
    const legend = element('p', 'legend', '');
    const pointBar = element('div', 'point-bar');
    const clear = button(pointBar, 'clear-points', 'Clear my points', () => this.clearPoints());
    pointBar.prepend(element('span', 'hint', 'Click the map to add a point of the positive class, Shift-click for the negative.'));
    picture.append(legend, pointBar);
    const curves = element('div', 'pictures');
    const loss = createLossFigure(curves);
    const lossCaption = element('p', 'caption', '');
    curves.append(lossCaption);
    body.append(picture, curves);

    const inspect = element('div', 'inspect');
    const panel = createGradientPanel(inspect);
    const pointControls = element('div', 'controls');
    button(pointControls, 'chain-point', 'Chain: next training point', () => {
      this.#chainPoint += 1;
      if (this.#network) this.#draw();
    });
    inspect.append(pointControls);

    const stop = element('p', 'stop');
    stop.setAttribute('role', 'alert');
    stop.setAttribute('part', 'stop');
    stop.hidden = true;
    const notice = element('p', 'notice');
    notice.hidden = true;
    const live = liveRegion();
    const workspace = element('div', 'workspace');
    workspace.append(network, body, inspect);
    frame.append(controls, status, settings.element, workspace, stop, notice, live);
    root.append(frame);
    this.#parts = { play, step, status, settings, diagram, heatmap, legend, clear, loss, lossCaption, panel, stop, notice, live };
  }

  async start() {
    const { loadNetworkCore } = await import('../core-network.js');
    this.core = await loadNetworkCore();
    this.#rebuild();
  }

  /** Attributes changed (a batch): view settings and points apply in place; anything else starts afresh. */
  configure(changed) {
    if (changed.has('points') && this.getAttribute('points') === this.#ownPoints) changed.delete('points');
    if (changed.size === 0) return;
    if (this.#network && [...changed].every((name) => LIVE_ATTRIBUTES.includes(name))) this.#applyLive(changed.has('points'));
    else if ([...changed].some((name) => name !== 'theme' && name !== 'loading')) this.#rebuild();
  }

  /** A setting changed in the figure: becomes the attribute (null removes it), which rebuilds or redraws, and a `change` event. */
  #setting(attribute, value) {
    if (value === null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, value);
    queueMicrotask(() => this.#changed());
  }

  #changed() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.state, bubbles: true, composed: true }));
  }

  #readState() {
    this.#state = structuredClone(Object.fromEntries(KEYS.map((k) => [k, this.settings[k]])));
  }

  #rebuild() {
    this.pause();
    this.#parts.notice.hidden = true;
    this.#readState();
    this.#user = this.#state.points.map((p) => [...p]);
    this.#syncSettings();
    this.#network?.free();
    this.#network = null;
    this.#palette = null;
    this.#featureImages ??= featureMaps(this.core, NEURON_GRID, DOMAIN);
    this.#drawDiagram();
    const { config, data } = networkSettings(this.#state);
    try {
      this.#network = new this.core.Network(config);
      this.#network.useDataset(data);
    } catch (e) {
      this.#showStop(`This network cannot be built: ${e?.message ?? e}`);
      return;
    }
    this.#generated = { train: this.#network.trainData(), test: this.#network.testData() };
    this.#ownPoints = undefined;
    this.#applyData();
    const n = this.#network.weights().length + this.#network.biases().length;
    if (this.#selected && (this.#selected.kind === 'weight' ? this.#selected.index : this.#network.weights().length + this.#selected.index) >= n) this.#selected = null;
    this.#restart();
  }

  #generated = null;
  #featureImages = null;

  /** The generated training points and the reader's own go to the core together; the test points stay. */
  #applyData() {
    const user = this.#user.flat();
    const train = new Float64Array(this.#generated.train.length + user.length);
    train.set(this.#generated.train);
    train.set(user, this.#generated.train.length);
    this.#network.setData(train, this.#generated.test);
    this.#train = this.#network.trainData();
    this.#test = this.#network.testData();
  }

  /** A view attribute or the points changed: redraw, or hand the core the new data, without starting again. */
  #applyLive(points) {
    this.#readState();
    if (points) {
      this.#user = this.#state.points.map((p) => [...p]);
      this.#applyData();
    } else {
      this.#state.points = this.userPoints; // more than a link keeps may be on the map
    }
    this.#syncSettings();
    this.#draw();
  }

  #restart() {
    this.#generation += 1;
    this.#stop = null;
    this.#parts.stop.hidden = true;
    this.#parts.play.disabled = false;
    this.#parts.step.disabled = false;
    this.#history = { train: [this.#network.trainLoss()], test: [this.#network.testLoss()] };
    this.#draw();
    this.dispatchEvent(new CustomEvent('reset', { detail: { state: this.state }, bubbles: true, composed: true }));
  }

  #syncSettings() {
    const p = this.#parts;
    p.settings.sync(this.#state);
    p.clear.disabled = this.#user.length === 0;
    p.clear.textContent = this.#user.length ? `Clear my points (${this.#user.length})` : 'Clear my points';
  }

  #drawDiagram() {
    const palette = this.#colors();
    const features = FEATURES.map((f) => {
      const image = new ImageData(NEURON_GRID, NEURON_GRID);
      paint(image.data, this.#featureImages.get(f.key), NEURON_GRID * NEURON_GRID, palette);
      return { key: f.key, label: f.label, active: this.#state.features.includes(f.key), image };
    });
    this.#parts.diagram.draw({ features, hidden: this.#state.hidden });
  }

  #toggleFeature(key) {
    const current = this.#state.features;
    const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    if (next.length === 0) {
      this.#parts.live.textContent = 'The network needs at least one input feature.';
      return;
    }
    this.#setting('features', FEATURES.map((f) => f.key).filter((k) => next.includes(k)).join(','));
  }

  #hoverNeuron(index) {
    this.#hover = index;
    if (this.#network) this.#drawHeatmap();
  }

  /** Selects a weight ({kind: 'weight', index}) or a bias ({kind: 'bias', index}) for the gradient check and chain. */
  select(p) {
    if (!this.#network) return;
    const count = p?.kind === 'weight' ? this.#network.weights().length : p?.kind === 'bias' ? this.#network.biases().length : 0;
    if (!Number.isInteger(p?.index) || p.index < 0 || p.index >= count) return;
    this.#selected = { kind: p.kind, index: p.index };
    this.#draw();
  }

  #editWeight(index, value) {
    try {
      this.#network.setWeight(index, value);
    } catch (e) {
      return String(e?.message ?? e);
    }
    this.#draw();
    return null;
  }

  #clickPlane(e) {
    const at = this.#parts.heatmap.toPlane(e.clientX, e.clientY, DOMAIN);
    if (at) this.addPoint(at[0], at[1], e.shiftKey ? -1 : 1);
  }

  /** Adds a training point (x, y in the plane, label ±1); the first few are kept in the URL. */
  addPoint(x, y, label) {
    if (!this.#network || this.#user.length >= MAX_USER_POINTS) return;
    if (![x, y].every((v) => Number.isFinite(v) && Math.abs(v) <= DOMAIN[1]) || (label !== 1 && label !== -1)) return;
    const r = (v) => Math.round(v * 1000) / 1000;
    this.#user.push([r(x), r(y), label]);
    this.#pointsChanged();
  }

  clearPoints() {
    this.#user = [];
    this.#pointsChanged();
  }

  #pointsChanged() {
    this.#applyData();
    const text = POINTS_FIELD.write(this.#user);
    this.#ownPoints = text ?? null;
    if (text === null) this.removeAttribute('points');
    else this.setAttribute('points', text);
    this.#readState();
    this.#state.points = this.userPoints;
    this.#syncSettings();
    this.#draw();
    this.#changed();
  }

  #frame() {
    const speed = this.#state.speed;
    for (let k = 0; k < speed; k++) if (!this.#trainEpoch()) return false;
    this.#draw(true);
    this.dispatchEvent(new CustomEvent('step', { detail: { epoch: this.epochs, steps: this.steps, trainLoss: this.trainLoss, testLoss: this.testLoss }, bubbles: true, composed: true }));
    return true;
  }

  /** Trains one epoch and records its losses; false when training has stopped. */
  #trainEpoch() {
    if (!this.#network || this.#stop) return false;
    if (this.#history.train.length > MAX_EPOCHS) {
      this.#showStop(`Stopped after ${formatCount(MAX_EPOCHS)} epochs, as many as the figure keeps: press Reset to start again.`);
      return false;
    }
    try {
      this.#network.trainEpochs(1);
    } catch (e) {
      this.#diverged(String(e?.message ?? e));
      return false;
    }
    const train = this.#network.trainLoss();
    if (!Number.isFinite(train)) {
      this.#diverged('the training loss is no longer a finite number');
      return false;
    }
    this.#history.train.push(train);
    this.#history.test.push(this.#network.testLoss());
    return true;
  }

  /** Trains one epoch and draws; returns false when training has stopped. */
  step() {
    if (!this.#trainEpoch()) return false;
    this.#draw();
    this.dispatchEvent(new CustomEvent('step', { detail: { epoch: this.epochs, steps: this.steps, trainLoss: this.trainLoss, testLoss: this.testLoss }, bubbles: true, composed: true }));
    return true;
  }

  #diverged(message) {
    this.pause();
    const s = this.#state;
    const output = s.out === 'tanh' ? '' : ' With an identity output nothing caps the answers, so nothing caps the gradients either.';
    const why = `Training stopped: ${message}. The learning rate lr = ${formatNumber(s.lr)} is too large for this network: an update overshoots, the error it lands on is larger, its gradient larger still, and the weights run away until they leave the finite numbers.${output} The picture shows the network as it stood before that update; choose a smaller learning rate, or press Reset to watch it again.`;
    this.#stop = { message, epoch: this.epochs, steps: this.steps };
    this.#draw();
    this.#showStop(why);
    this.dispatchEvent(new CustomEvent('diverge', { detail: { ...this.#stop, lr: s.lr }, bubbles: true, composed: true }));
  }

  #showStop(text) {
    this.#parts.stop.textContent = text;
    this.#parts.stop.hidden = false;
    this.#parts.live.textContent = text;
    this.#parts.play.disabled = true;
    this.#parts.step.disabled = true;
  }

  play() {
    if (this.#network && !this.#stop) this.#loop.start();
  }

  pause() {
    this.#loop.stop();
  }

  /** Back to the initial weights drawn from the seed (the data, the reader's points included, is kept). */
  reset() {
    this.pause();
    if (!this.#network) return;
    this.#network.reset();
    this.#restart();
    this.#announce();
  }

  stopped() {
    this.pause();
    if (this.#grids) this.#grids.terminate();
    this.#grids = null;
  }

  #announce() {
    this.#parts.live.textContent = this.#parts.status.textContent;
  }

  themeChanged() {
    this.#palette = null;
    if (this.#network) {
      this.#drawDiagram();
      this.#draw();
    }
  }

  /** The colours of the current theme, read from the figure's own custom properties. */
  #colors() {
    if (this.#palette) return this.#palette;
    const v = (name, fallback) => cssColor(this.shadowRoot, name) || fallback;
    const colors = { negative: v('--accent', '#c2410c'), positive: v('--curve', '#2d5bd7'), neutral: v('--bg', '#ffffff'), stroke: v('--fg', '#1d2330'), muted: v('--muted', '#5f6b7a') };
    const ctx = document.createElement('canvas').getContext('2d');
    this.#palette = { ...colors, neg: rgb(colors.negative, ctx), pos: rgb(colors.positive, ctx), mid: rgb(colors.neutral, ctx) };
    return this.#palette;
  }

  /**
   * While training plays, the worker's newest grid of `neuron` (null: the output) for this network, after asking it
   * for the current epoch's: { newest } (newest null until it has one), or null where no worker can run.
   */
  #offThread(neuron) {
    this.#grids ??= createGridWorker() ?? false;
    if (!this.#grids || this.#grids.failed) return null;
    const net = this.#network;
    if (this.#gridConfig?.generation !== this.#generation) this.#gridConfig = { generation: this.#generation, config: net.config };
    const newest = this.#grids.latest(this.#generation, neuron);
    this.#grids.request({ generation: this.#generation, epoch: this.epochs, neuron, config: this.#gridConfig.config, weights: net.weights(), biases: net.biases(), domain: DOMAIN, side: GRID });
    return { newest };
  }

  /** The 100 × 100 grid of `neuron` (null: the output) computed here, for the network as it stands. */
  #gridHere(neuron) {
    this.#bigNeuronGrid = fillGrid(this.#network, neuron, this.#grid, this.#bigNeuronGrid, DOMAIN, GRID);
    return this.#grid;
  }

  /**
   * Draws the heatmap: the output, or the hovered neuron's map. Paused (and for a frame that changes what it shows)
   * the grid is computed here, exact; while training plays it comes from the worker, and a frame with no newer grid
   * than the one shown leaves the picture as it is (the same pixels need no repaint).
   */
  #drawHeatmap(playing = false) {
    const p = this.#parts;
    const neuron = this.#hover;
    const shown = this.#shown;
    const same = shown.generation === this.#generation && shown.neuron === neuron;
    const off = playing ? this.#offThread(neuron) : null;
    let grid = null;
    let epoch = this.epochs;
    if (off && same) {
      // Never an older network than the one shown last (a grid the worker started before a drawing made here).
      if (!off.newest || off.newest.epoch <= shown.epoch) return;
      grid = off.newest.grid;
      epoch = off.newest.epoch;
    }
    grid ??= this.#gridHere(neuron);
    this.#shown = { generation: this.#generation, neuron, epoch };
    const s = this.#state;
    const userRows = this.#user.length * 3;
    const train = userRows ? this.#train.subarray(0, this.#train.length - userRows) : this.#train;
    p.heatmap.update({ grid, nx: GRID, ny: GRID, domain: DOMAIN, train, test: s.test ? this.#test : [], user: this.#user, discretize: s.disc, colors: this.#colors() });
    const regression = REGRESSIONS.includes(s.data);
    const what = neuron === null ? 'The network’s output' : `The map of ${this.#neuronLabel(neuron + this.#layers()[0])}`;
    const legend = `${what}: blue +1, orange −1${regression ? ' (labels are continuous: the colour of a dot is its value)' : ''}. Filled dots train${s.test ? ', rings test' : ''}${this.#user.length ? ', diamonds are your points' : ''}.`;
    if (p.legend.textContent !== legend) p.legend.textContent = legend; // an unchanged text is not laid out again
  }

  #layers() {
    return [this.#state.features.length, ...this.#state.hidden, 1];
  }

  #neuronLabel(k) {
    return neuronNames(this.#layers(), featureNames(this.#state.features))(k);
  }

  #draw(playing = false) {
    const p = this.#parts;
    const net = this.#network;
    const [lo, hi] = DOMAIN;
    this.#drawHeatmap(playing);
    const neurons = net.biases().length;
    const side = NEURON_GRID;
    if (this.#neuronGrid.length !== neurons * side * side) this.#neuronGrid = new Float64Array(neurons * side * side);
    net.predictNeuronGridInto(this.#neuronGrid, lo, hi, lo, hi, side, side);
    const palette = this.#colors();
    const disc = this.#state.disc;
    const flagged = this.#drawInspect();
    p.diagram.update({ playing: this.#loop.playing, weights: Array.from(net.weights()), dead: this.#state.reg === 'l1' ? Array.from(net.deadWeights()) : [], grids: this.#neuronGrid, side, selected: this.#selected, flagged, paintGrid: (px, values, count) => paint(px, values, count, palette, disc) });
    p.loss.update({ losses: this.#history.train, test: this.#history.test, xLabel: 'epoch' });
    const train = this.#history.train.at(-1);
    const test = this.#history.test.at(-1);
    const layers = this.#layers().join('–');
    p.status.textContent = `Epoch ${formatCount(this.epochs)} (${formatCount(this.steps)} updates) · layers ${layers} · training loss ${short(train)} · test loss ${short(test)}`;
    p.lossCaption.textContent = `The loss ½(ŷ − y)², averaged over the points, after each epoch: training (solid) ${short(train)}, test (dashed) ${short(test)}.`;
  }

  /** The gradient panel for the selection; returns the non-input neurons whose f′ is below 0.01 on the chain's point. */
  #drawInspect() {
    const net = this.#network;
    const points = net ? net.trainData().length / 3 : 0;
    if (points === 0) return [];
    this.#chainPoint %= points;
    const { flagged, panel } = inspect(net, this.#layers(), this.#state.features, this.#selected, this.#chainPoint);
    this.#parts.panel.update(panel);
    return flagged;
  }

  /** The settings shown, in the state table's keys (a copy). */
  get state() {
    return this.#state ? structuredClone(this.#state) : null;
  }
  get epochs() {
    return this.#network?.epochs ?? 0;
  }
  get steps() {
    return this.#network?.steps ?? 0;
  }
  get trainLoss() {
    return this.#history.train.at(-1) ?? null;
  }
  get testLoss() {
    return this.#history.test.at(-1) ?? null;
  }
  /** The epoch whose network the heatmap shows (while training plays it can be a frame or two behind; -1 for a neuron's map). */
  get heatmapEpoch() {
    return this.#shown.neuron === null ? this.#shown.epoch : -1;
  }
  get history() {
    return { train: [...this.#history.train], test: [...this.#history.test] };
  }
  get diverged() {
    return this.#stop !== null;
  }
  get playing() {
    return this.#loop.playing;
  }
  get selected() {
    return this.#selected ? { ...this.#selected } : null;
  }
  get userPoints() {
    return this.#user.map((p) => [...p]);
  }
  /** The core's Network handle behind the figure (read it; changing it bypasses the figure). */
  get network() {
    return this.#network;
  }
}
