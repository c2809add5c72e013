// The digits page's state and rules, apart from any drawing: the split of the 1,797 images, the network that learns
// them (built by the core from the reader's settings), training a few epochs at a time with the core's metrics
// after each, the history of those metrics, and for one image (the reader's drawing) its probabilities and, for a
// picked weight, the chain of the chain rule. Every number comes from the core; this file only arranges the calls.
import { neuronNames, parameterAt } from '../playground-shape.js';
import { DIGITS_DEFAULTS } from './digits-state.js';

/** The digits' classes, pixels per image, and the most grey level (17 levels, 0..16). */
export const CLASSES = 10;
export const PIXELS = 64;
export const MAX_LEVEL = 16;
/** Images held out as the test set: a quarter, 450 of 1,797, spread evenly through the dataset's order. */
const TEST_IMAGES = 450;
/** Most epochs a run keeps in its history (the curves), and so trains before it stops. */
const MAX_EPOCHS = 2000;

/**
 * Resolves in a task after the browser's next frame, so it can restyle, paint and handle input meanwhile (a page
 * that is not shown has no frames: there it resolves after FRAME_WAIT ms).
 */
export function nextTask() {
  return new Promise((done) => {
    const late = setTimeout(done, FRAME_WAIT);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(done, 0);
    });
  });
}
/** Most ms nextTask() waits for a frame. */
const FRAME_WAIT = 100;


/** Whether image `i` of `n` is in the test set: `TEST_IMAGES` of them, one every n/TEST_IMAGES, evenly. */
const isTest = (i, n = 1797) => Math.floor(((i + 1) * TEST_IMAGES) / n) > Math.floor((i * TEST_IMAGES) / n);

/** An image's 64 levels (0..16) as the network's inputs, x = level / 16 in [0, 1]. */
function inputsOf(image, out = new Float64Array(PIXELS), at = 0) {
  for (let p = 0; p < PIXELS; p++) out[at + p] = image[p] / MAX_LEVEL;
  return out;
}

/**
 * The rows the core trains on: for each image its 64 inputs, then its one-hot target t (tₖ = 1 for its class).
 * Returns { train, test, testIndex } (testIndex: each test row's image in the dataset).
 */
function splitRows({ images, labels }) {
  const n = labels.length;
  const stride = PIXELS + CLASSES;
  const testIndex = [];
  for (let i = 0; i < n; i++) if (isTest(i, n)) testIndex.push(i);
  const train = new Float64Array((n - testIndex.length) * stride);
  const test = new Float64Array(testIndex.length * stride);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const into = isTest(i, n) ? test : train;
    const row = (into === test ? b++ : a++) * stride;
    inputsOf(images.subarray(i * PIXELS, (i + 1) * PIXELS), into, row);
    into[row + PIXELS + labels[i]] = 1;
  }
  return { train, test, testIndex };
}

export class DigitsModel {
  /** The core's exports, the dataset, the settings, and the network (null when the settings were refused). */
  #core;
  #data;
  #rows;
  #net = null;
  #side = null;
  #settings;
  #history = [];
  #stop = null;

  /** `core`: the full core's exports; `data`: loadDigits()' { images, labels }. Use `DigitsModel.create`. */
  constructor(core, data) {
    this.#core = core;
    this.#data = data;
    this.#settings = { ...DIGITS_DEFAULTS };
  }

  /**
   * The model of `settings` on `data`, its network at its first weights, measured. Built while the page loads, so
   * in steps, each a task of its own with `pause()` (a promise) between them: the split's rows, the network, its
   * first metrics; none holds the main thread for long. Rejects with the core's refusal (kind, field, …) when
   * `settings` cannot be built.
   */
  static async create(core, data, settings = DIGITS_DEFAULTS, pause = nextTask) {
    const model = new DigitsModel(core, data);
    model.#rows = splitRows(data);
    await pause();
    model.#build({ ...model.#settings, ...settings });
    await pause();
    model.#restart();
    return model;
  }

  /** The core's configuration of `settings`. */
  static config(s) {
    return { layers: [PIXELS, ...s.hidden, CLASSES], activation: s.activation, outputActivation: 'softmax', loss: 'crossEntropy', optimizer: s.optimizer, lr: s.lr, batchSize: s.batchSize, shuffle: true, seed: s.seed };
  }

  /**
   * A network of `settings` (merged into the current ones), trained from its first weights. The core checks them:
   * a refusal is thrown as it came, and the network already here stays as it was.
   */
  configure(settings) {
    this.#build({ ...this.#settings, ...settings });
    this.#restart();
  }

  /** The network of settings `next`, with the split's rows as its data; its metrics are not measured yet. */
  #build(next) {
    const net = new this.#core.Network(DigitsModel.config(next));
    try {
      net.setData(this.#rows.train, this.#rows.test);
    } catch (e) {
      net.free();
      throw e;
    }
    this.#net?.free();
    this.#side?.free();
    this.#side = null;
    this.#net = net;
    this.#settings = next;
  }

  /** Back to the first weights drawn from the seed. */
  reset() {
    this.#net.reset();
    this.#restart();
  }

  #restart() {
    this.#stop = null;
    this.#history = [this.#measure()];
  }

  /** The core's metrics of the network as it stands, with its epoch. */
  #measure() {
    const m = this.#net.metrics();
    return { epoch: this.#net.epochs, trainLoss: m.trainLoss, testLoss: m.testLoss, trainAccuracy: m.trainAccuracy, testAccuracy: m.testAccuracy, confusion: m.confusion }; // classes × classes, row = true class
  }

  /**
   * Trains `epochs` epochs, measuring after each (the curves have a point per epoch); returns false once training
   * has stopped (diverged, or the history is full), with `stopped` saying why.
   */
  train(epochs = 1) {
    for (let k = 0; k < epochs; k++) {
      if (this.#stop) return false;
      if (this.#net.epochs >= MAX_EPOCHS) {
        this.#stop = { kind: 'full', epoch: this.#net.epochs };
        return false;
      }
      try {
        this.#net.trainEpochs(1);
      } catch (e) {
        this.#stop = { kind: 'diverged', epoch: this.#net.epochs, error: e };
        return false;
      }
      const m = this.#measure();
      if (!Number.isFinite(m.trainLoss)) {
        this.#stop = { kind: 'diverged', epoch: m.epoch, error: null };
        return false;
      }
      this.#history.push(m);
    }
    return true;
  }

  /** The ten probabilities p (softmax) the network gives `image` (64 levels, 0..16). */
  probabilities(image) {
    return this.#net.predict(inputsOf(image));
  }

  /** The test images whose true class is `truth` and whose predicted class is `guess`: [{ index, image, p }]. */
  testImages(truth, guess) {
    const { images, labels } = this.#data;
    const picked = this.#rows.testIndex.filter((i) => labels[i] === truth);
    if (picked.length === 0) return [];
    const inputs = new Float64Array(picked.length * PIXELS);
    picked.forEach((i, k) => inputsOf(images.subarray(i * PIXELS, (i + 1) * PIXELS), inputs, k * PIXELS));
    const p = this.#net.predict(inputs);
    const out = [];
    picked.forEach((i, k) => {
      const row = p.subarray(k * CLASSES, (k + 1) * CLASSES);
      const argmax = row.indexOf(Math.max(...row));
      if (argmax === guess) out.push({ index: i, image: images.subarray(i * PIXELS, (i + 1) * PIXELS), p: row[guess] });
    });
    return out;
  }

  /**
   * For `image` taken as a point of class `target`, and a parameter `selected` ({ kind: 'weight' | 'bias', index }
   * in the core's order): the core's pass on that one point (pointPass) and the gradient check of the parameter on
   * it (gradientCheck), from a second network holding this one's parameters and the one point as its data.
   */
  chain(image, target, selected) {
    const layers = this.layers;
    const row = new Float64Array(PIXELS + CLASSES);
    inputsOf(image, row);
    row[PIXELS + target] = 1; // t: one-hot of the class the reader says it is
    this.#side ??= new this.#core.Network(this.#net.config);
    this.#side.setParameters(this.#net.weights(), this.#net.biases());
    this.#side.setData(row, new Float64Array(0));
    const place = parameterAt(layers, selected);
    return { ...place, layers, activations: this.#net.config.activations, pass: this.#side.pointPass(0), check: this.#side.gradientCheck(place.index), weights: this.#net.weights() };
  }

  /** The incoming weights of each neuron of the first layer after the inputs: an array of 64-weight views. */
  firstLayerWeights() {
    const w = this.#net.weights();
    const n = this.layers[1];
    return Array.from({ length: n }, (_, i) => w.subarray(i * PIXELS, (i + 1) * PIXELS));
  }

  /** Neurons per layer, 64 inputs first, 10 outputs last. */
  get layers() {
    return [PIXELS, ...this.#settings.hidden, CLASSES];
  }
  get settings() {
    return structuredClone(this.#settings);
  }
  get history() {
    return this.#history;
  }
  get latest() {
    return this.#history.at(-1);
  }
  get epochs() {
    return this.#net.epochs;
  }
  get stopped() {
    return this.#stop;
  }
  get testSize() {
    return this.#rows.testIndex.length;
  }
  get trainSize() {
    return this.#rows.train.length / (PIXELS + CLASSES);
  }
  /** A function naming neuron k as the chain panel does: x1…x64, a{l}[i] (1-based), and the digits' outputs p0…p9. */
  get neuronNames() {
    const layers = this.layers;
    const first = layers.reduce((sum, n) => sum + n, 0) - CLASSES; // the first output neuron
    const name = neuronNames(layers, []);
    return (k) => (k >= first ? `p${k - first}` : name(k));
  }
  /** The core's Network handle (read it; changing it bypasses the model). */
  get network() {
    return this.#net;
  }

  free() {
    this.#net?.free();
    this.#side?.free();
    this.#net = null;
    this.#side = null;
  }
}
