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
import { MAX_USER_POINTS, POINT_STRIDE, featureNames, networkSettings } from './playground-state.js';
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

  #generated = null;
  #user = [];
  #train = new Float64Array(0);
  #test = new Float64Array(0);
  #history = null;

  /** Builds the network and data of `state` (afresh). Returns null, or the core's refusal as text. */
  build(state) {
    this.state = structuredClone(state);
    this.#user = state.points.map((p) => [...p]);
    this.network?.free();
    this.network = null;
    const { config, data } = networkSettings(this.state);
    try {
      this.network = new this.core.Network(config);
      this.network.useDataset(data);
    } catch (e) {
      this.network?.free();
      this.network = null;
      return String(e?.message ?? e);
    }
    this.#generated = { train: this.network.trainData(), test: this.network.testData() };
    this.#applyData();
    if (this.selected && this.#parameterIndex(this.selected) >= this.parameterCount) this.selected = null;
    this.#restart();
    return null;
  }

  /** Settings that change the view, not the network (show-test, discretize, speed): taken as they are. */
  setView(state) {
    this.state = { ...structuredClone(state), points: this.userPoints, lr: this.state.lr };
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
    if (!Number.isFinite(this.network.trainLoss())) {
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

  /** Records the current epoch's losses, keeping one point every `stride` epochs and the newest. */
  #record() {
    const h = this.#history;
    const last = h.epochs.length - 1;
    // The newest point is kept even off the stride; the next one replaces it.
    if (last > 0 && h.epochs[last] % h.stride !== 0) for (const list of [h.epochs, h.train, h.test]) list.pop();
    h.epochs.push(this.epochs);
    h.train.push(this.network.trainLoss());
    h.test.push(this.network.testLoss());
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
  }

  /** A reader's points (rows [x, y, label]) replace theirs; training goes on with the new data. */
  setPoints(points) {
    this.#user = points.map((p) => [...p]);
    this.#applyData();
    this.state.points = this.userPoints;
  }

  /** Adds a training point (x, y in the plane, label ±1); false when it is refused or there are enough. */
  addPoint(x, y, label) {
    if (!this.network || this.#user.length >= MAX_USER_POINTS) return false;
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
    const points = this.#train.length / POINT_STRIDE;
    if (!this.network || points === 0) return { flagged: [], panel: null };
    this.chainPoint %= points;
    return inspect(this.network, this.layers, this.state.features, this.selected, this.chainPoint);
  }

  /** The sizes of every layer: the active features, the hidden layers, the output. */
  get layers() {
    return [this.state.features.length, ...this.state.hidden, 1];
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

  free() {
    this.network?.free();
    this.network = null;
  }
}
