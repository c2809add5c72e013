// The playground's state and rules, without the DOM (as descent-model.js is for the descent): the core's Network
// built from a playground state, the data (generated points and a reader's own), the loss history, the selection
// for the gradient panel, and the stop after a divergence. <backprop-playground> wires this model to its figures;
// the tests can drive it alone.
//
// The history is bounded without ever stopping training: it keeps one point every `stride` epochs (and the newest
// epoch), and when it holds HISTORY_LIMIT points it drops every other one and doubles the stride, as a long run in
// TensorFlow Playground goes on for as long as a reader lets it.
//
// After a divergence the core keeps the parameters from before the step that diverged; a lower learning rate
// (setLearningRate) clears the stop, and training goes on from those parameters.
import { CUSTOM, MAX_USER_POINTS, POINT_STRIDE, featureNames, networkSettings } from './playground-state.js';
import { splitRows } from './playground-data.js';
import { neuronNames } from './playground-shape.js';
import { inspect } from './playground-inspect.js';

/** The plane drawn (Playground's). */
export const DOMAIN = [-6, 6];
/** Points of the loss history kept at most (each of training and test loss). */
export const HISTORY_LIMIT = 1000;

export class PlaygroundModel {
  /** @param {object} core The full core's exports (core-network.js). */
  constructor(core) {
    this.core = core;
  }

  /** The core's Network handle (null when the state could not be built). */
  network = null;
  /** The playground state (the state table's keys) the network was built from, with the live settings applied. */
  state = null;
  /** Counts networks and resets: what was computed for an earlier one is never shown for this one. */
  generation = 0;
  /** Why training stopped: { kind, step, epoch, message, lr, loss?, bound? } (the core's error's fields), or null. */
  stop = null;
  /** The parameter the gradient panel inspects, { kind: 'weight'|'bias', index }, or null. */
  selected = null;
  /** The training point the chain is shown for (taken modulo the number of points). */
  chainPoint = 0;

  /** A reader's own data (playground-data.js's customData), kept for data=custom; null when there is none. */
  custom = null;
  /** The latest metrics() of the core: the losses, and a classifier's accuracies and confusion (null before). */
  metrics = null;
  /** Outputs of the network: 1, or one per class (softmax). */
  outputs = 1;

  #generated = null;
  #user = [];
  #train = new Float64Array(0);
  #test = new Float64Array(0);
  #drawn = { train: new Float64Array(0), test: new Float64Array(0) };
  #history = null;

  /**
   * Builds the network and data of `state` (afresh): the core's generated data, or with data=custom the reader's
   * own (which must be set). Returns null, or the core's refusal as text.
   */
  build(state) {
    this.state = structuredClone(state);
    const custom = state.data === CUSTOM ? this.custom : null;
    if (state.data === CUSTOM && !custom) return 'there is no data of your own to train on: load a CSV';
    this.outputs = custom ? custom.outputs : networkSettings(this.state).config.layers.at(-1);
    // A reader's points are ±1 labels: they join data with one output only.
    this.#user = this.outputs === 1 ? state.points.map((p) => [...p]) : [];
    this.state.points = this.userPoints;
    this.network?.free();
    this.network = null;
    const { config, data } = networkSettings(this.state, this.outputs);
    this.state.out = config.outputActivation;
    try {
      this.network = new this.core.Network(config);
      if (custom) {
        this.#generated = splitRows(custom.rows, custom.stride, state.ratio / 100, state.seed);
        this.network.setData(this.#generated.train, this.#generated.test);
      } else this.network.useDataset(data);
    } catch (e) {
      this.network?.free();
      this.network = null;
      return String(e?.message ?? e);
    }
    if (!custom) this.#generated = { train: this.network.trainData(), test: this.network.testData() };
    this.#applyData();
    if (this.selected && this.#parameterIndex(this.selected) >= this.parameterCount) this.selected = null;
    this.#restart();
    return null;
  }

  /** Settings that change the view, not the network (show-test, discretize, speed): taken as they are. */
  setView(state) {
    this.state = { ...structuredClone(state), points: this.userPoints, lr: this.state.lr, out: this.state.out };
  }

  /**
   * A new learning rate for the network as it stands (no restart, as in Playground). After a divergence it clears
   * the stop: training goes on from the parameters the core kept. Returns null, or the core's refusal as text.
   */
  setLearningRate(lr) {
    try {
      this.network.setLearningRate(lr);
    } catch (e) {
      return String(e?.message ?? e);
    }
    this.state.lr = lr;
    this.stop = null;
    return null;
  }

  /** Back to the initial weights drawn from the seed (the data, a reader's points included, is kept). */
  reset() {
    this.network.reset();
    this.metrics = this.network.metrics();
    this.#restart();
  }

  #restart() {
    this.generation += 1;
    this.stop = null;
    const h = { stride: 1, epochs: [], train: [], test: [] };
    this.#history = h;
    this.#record();
  }

  /** Trains one epoch and records its losses; false when training has stopped (it had, or it diverged now). */
  trainEpoch() {
    if (!this.network || this.stop) return false;
    try {
      this.network.trainEpochs(1);
    } catch (e) {
      this.#diverged(e);
      return false;
    }
    this.metrics = this.network.metrics();
    if (!Number.isFinite(this.metrics.trainLoss)) {
      this.#diverged({ kind: 'diverged', message: 'the training loss is no longer a finite number' });
      return false;
    }
    this.#record();
    return true;
  }

  /** The stop from a `diverged` error: its own fields, the learning rate and the output that led there. */
  #diverged(e) {
    const { kind = 'diverged', step = this.steps + 1, epoch = this.epochs + 1, loss, bound } = e ?? {};
    this.stop = {
      kind, step, epoch, message: String(e?.message ?? e), lr: this.state.lr, output: this.state.out,
      ...(Number.isFinite(loss) ? { loss } : {}), ...(Number.isFinite(bound) ? { bound } : {}),
    };
  }

  /**
   * Records the current epoch's losses (from the metrics read after training, one pass over each set), keeping one
   * point every `stride` epochs and the newest.
   */
  #record() {
    const h = this.#history;
    const m = this.metrics;
    const last = h.epochs.length - 1;
    // The newest point is kept even off the stride; the next one replaces it.
    if (last > 0 && h.epochs[last] % h.stride !== 0) for (const list of [h.epochs, h.train, h.test]) list.pop();
    h.epochs.push(this.epochs);
    h.train.push(m.trainLoss);
    h.test.push(m.testLoss);
    if (h.epochs.length <= HISTORY_LIMIT) return;
    h.stride *= 2;
    const keep = h.epochs.map((e, k) => e % h.stride === 0 || k === h.epochs.length - 1);
    for (const key of ['epochs', 'train', 'test']) h[key] = h[key].filter((_, k) => keep[k]);
  }

  /** The loss history: { epochs, train, test } (copies), one point every `stride` epochs and the newest. */
  get history() {
    const h = this.#history;
    return h ? { stride: h.stride, epochs: [...h.epochs], train: [...h.train], test: [...h.test] } : null;
  }

  /** The history's arrays themselves, for drawing (read them, never change them). */
  get historyView() {
    return this.#history;
  }

  /** The generated training points and a reader's own go to the core together; the test points stay. */
  #applyData() {
    const user = this.#user.flat();
    const train = new Float64Array(this.#generated.train.length + user.length);
    train.set(this.#generated.train);
    train.set(user, this.#generated.train.length);
    this.network.setData(train, this.#generated.test);
    this.#train = this.network.trainData();
    this.#test = this.network.testData();
    this.metrics = this.network.metrics();
    this.#drawn = { train: pointRows(this.generatedTrain, this.outputs), test: pointRows(this.#test, this.outputs) };
  }

  /** Numbers per row of the core's data: x₁, x₂, then one target per output. */
  get stride() {
    return 2 + this.outputs;
  }

  /**
   * Sets a reader's own data (playground-data.js's customData of a CSV read); used by build for data=custom. The
   * data is checked by the parser; the core checks it again when the network is built.
   */
  setCustom(custom) {
    this.custom = custom;
  }

  /**
   * A reader's points (rows [x, y, label]) replace theirs; training goes on with the new data. Data of several
   * outputs takes none (a point's label is ±1).
   */
  setPoints(points) {
    this.#user = this.outputs === 1 ? points.map((p) => [...p]) : [];
    this.#applyData();
    this.state.points = this.userPoints;
  }

  /** True when a reader may add points (±1): the data has one output. */
  get takesPoints() {
    return Boolean(this.network) && this.outputs === 1;
  }

  /** Adds a training point (x, y in the plane, label ±1); false when it is refused or there are enough. */
  addPoint(x, y, label) {
    if (!this.takesPoints || this.#user.length >= MAX_USER_POINTS) return false;
    const inPlane = [x, y].every((v) => Number.isFinite(v) && Math.abs(v) <= DOMAIN[1]);
    if (!inPlane || (label !== 1 && label !== -1)) return false;
    const r = (v) => Math.round(v * 1000) / 1000;
    this.setPoints([...this.#user, [r(x), r(y), label]]);
    return true;
  }

  /** The training rows the core generated (a reader's points excluded), and the test rows. */
  get generatedTrain() {
    const userRows = this.#user.length * POINT_STRIDE;
    return userRows ? this.#train.subarray(0, this.#train.length - userRows) : this.#train;
  }
  get test() {
    return this.#test;
  }
  /** The generated (or the reader's own) training rows and the test rows as the heatmap draws them: x₁, x₂, label
   * (±1, a value, or a class's index). */
  get drawn() {
    return this.#drawn;
  }
  get userPoints() {
    return this.#user.map((p) => [...p]);
  }

  /** Selects a weight ({kind: 'weight', index}) or a bias ({kind: 'bias', index}); false for anything else. */
  select(p) {
    if (!this.network) return false;
    const lists = { weight: () => this.network.weights(), bias: () => this.network.biases() };
    const count = Object.hasOwn(lists, p?.kind) ? lists[p.kind]().length : 0;
    if (!Number.isInteger(p?.index) || p.index < 0 || p.index >= count) return false;
    this.selected = { kind: p.kind, index: p.index };
    return true;
  }

  #parameterIndex({ kind, index }) {
    return kind === 'weight' ? index : this.network.weights().length + index;
  }

  get parameterCount() {
    return this.network.weights().length + this.network.biases().length;
  }

  /** Sets weight `index` to `value`; null, or the core's refusal as text (then nothing changed). */
  setWeight(index, value) {
    try {
      this.network.setWeight(index, value);
    } catch (e) {
      return String(e?.message ?? e);
    }
    return null;
  }

  /** The chain's next training point. */
  nextChainPoint() {
    this.chainPoint += 1;
  }

  /**
   * The gradient panel's data for the selection on the chain's point, and the non-input neurons whose f′ is below
   * the vanishing bound there ({ flagged, panel }).
   */
  inspect() {
    const points = this.#train.length / this.stride;
    if (!this.network || points === 0) return { flagged: [], panel: null };
    this.chainPoint %= points;
    return inspect(this.network, this.layers, this.state.features, this.selected, this.chainPoint, this.stride);
  }

  /** The sizes of every layer: the active features, the hidden layers, the outputs. */
  get layers() {
    return [this.state.features.length, ...this.state.hidden, this.outputs];
  }

  /** The name of neuron k (numbered across layers, inputs first). */
  neuronLabel(k) {
    return neuronNames(this.layers, featureNames(this.state.features))(k);
  }

  get epochs() {
    return this.network?.epochs ?? 0;
  }
  get steps() {
    return this.network?.steps ?? 0;
  }
  get trainLoss() {
    return this.#history?.train.at(-1) ?? null;
  }
  get testLoss() {
    return this.#history?.test.at(-1) ?? null;
  }
  /** The test points' accuracy of a classifier (a fraction), or null (a regression, or no test points). */
  get testAccuracy() {
    return Number.isFinite(this.metrics?.testAccuracy) ? this.metrics.testAccuracy : null;
  }
  get trainAccuracy() {
    return Number.isFinite(this.metrics?.trainAccuracy) ? this.metrics.trainAccuracy : null;
  }

  free() {
    this.network?.free();
    this.network = null;
  }
}

/** Rows x₁, x₂, target… of `outputs` targets as x₁, x₂, label: the rows themselves for one output, else the index of
 * each one-hot target's class. */
function pointRows(rows, outputs) {
  if (outputs === 1) return rows;
  const stride = 2 + outputs;
  const out = new Float64Array((rows.length / stride) * POINT_STRIDE);
  for (let r = 0, o = 0; r < rows.length; r += stride, o += POINT_STRIDE) {
    out[o] = rows[r];
    out[o + 1] = rows[r + 1];
    let k = 0;
    for (let c = 1; c < outputs; c++) if (rows[r + 2 + c] > rows[r + 2 + k]) k = c;
    out[o + 2] = k;
  }
  return out;
}
