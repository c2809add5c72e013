// <backprop-playground>: a small network learning to separate 2-D points, its decision boundary redrawn as it trains.
// Settings (dataset, noise, hidden layers, activation, learning rate, optimizer, batch size, seed) come from the
// playground's state table (playground-state.js), as attributes; changing one in the figure sets the attribute and
// fires `change`, so a page can keep its URL in step. Each frame trains one epoch in the core, then draws.
//
// Attributes: dataset, noise, hidden-layers, activation, output, lr, optimizer, batch, seed, loading.
// Events: step, diverge, reset, change (CustomEvents, numbers in detail). Read-only: state, epochs, steps, trainLoss,
// testLoss, history, diverged, playing, refusedAttributes. Methods: play(), pause(), step(), reset().
import { NetworkFigureElement, button, choice, element, frameLoop, liveRegion, refusedText, showPlaying, toolbar } from './network-element.js';
import { createHeatmapFigure } from '../figures/heatmap.js';
import { createLossFigure } from '../figures/loss.js';
import { ACTIVATIONS, DATASETS, MAX_HIDDEN_LAYERS, MAX_NEURONS, OPTIMIZERS, OUTPUTS, PLAYGROUND_FIELDS, networkSettings } from '../playground-state.js';
import { readAttributeValues } from '../state.js';
import { formatCount, formatNumber } from '../format.js';

/** The plane drawn, and the heatmap's grid (one reused Float64Array of GRID × GRID outputs). */
const DOMAIN = [-6, 6];
const GRID = 50;
/** Epochs a run keeps in its loss history. */
const MAX_EPOCHS = 5000;
const NOISES = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
const RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BATCHES = [1, 5, 10, 20, 50, 200];
const DATASET_NAMES = { xor: 'XOR', circle: 'circle', gaussians: 'two Gaussians', spiral: 'spiral' };
const short = (v) => formatNumber(v, 4);

export class PlaygroundElement extends NetworkFigureElement {
  static label = 'A small network learning to classify 2-D points';
  static configAttributes = PLAYGROUND_FIELDS.map((f) => f.attribute);

  #parts = null;
  #network = null;
  #state = null;
  #refused = [];
  #grid = new Float64Array(GRID * GRID);
  #train = null;
  #test = null;
  #history = { train: [], test: [] };
  #stop = null;
  #loop = frameLoop(() => this.step(), (playing) => {
    showPlaying(this.#parts.play, playing);
    this.toggleAttribute('playing', playing);
    if (!playing) this.#announce();
  });

  build(root) {
    const frame = element('div', 'frame playground');
    frame.setAttribute('part', 'frame');
    const controls = toolbar('Training controls');
    const play = button(controls, 'play', 'Play', () => (this.#loop.playing ? this.pause() : this.play()));
    play.setAttribute('aria-pressed', 'false');
    const step = button(controls, 'step', 'Step', () => (this.pause(), this.step()));
    step.setAttribute('aria-label', 'Step: train one epoch');
    button(controls, 'reset', 'Reset', () => this.reset());
    const status = element('p', 'status');
    status.setAttribute('part', 'status');

    const settings = element('div', 'settings');
    settings.setAttribute('part', 'settings');
    const set = (attribute) => (value) => this.#setting(attribute, value);
    const selects = {
      dataset: choice(settings, 'data', 'Data', DATASETS.map((d) => [d, DATASET_NAMES[d]]), set('dataset')),
      noise: choice(settings, 'noise', 'Noise', NOISES.map((n) => [String(n), String(n)]), set('noise')),
      activation: choice(settings, 'act', 'Activation', ACTIVATIONS.map((a) => [a, a]), set('activation')),
      output: choice(settings, 'out', 'Output', OUTPUTS.map((a) => [a, a]), set('output')),
      lr: choice(settings, 'lr', 'Learning rate', RATES.map((r) => [String(r), String(r)]), set('lr')),
      optimizer: choice(settings, 'opt', 'Optimizer', OPTIMIZERS.map((o) => [o, o === 'sgd' ? 'SGD' : o === 'adam' ? 'Adam' : 'momentum']), set('optimizer')),
      batch: choice(settings, 'batch', 'Batch', BATCHES.map((b) => [String(b), String(b)]), set('batch')),
    };
    const seedLabel = element('label', 'setting', 'Seed ');
    const seed = element('input');
    seed.type = 'number';
    seed.min = '0';
    seed.max = '4294967295';
    seed.step = '1';
    seed.dataset.key = 'seed';
    seed.addEventListener('change', () => (/^\d{1,10}$/.test(seed.value) && Number(seed.value) <= 4294967295 ? this.#setting('seed', seed.value) : (seed.value = String(this.#state.seed))));
    seedLabel.append(seed);
    settings.append(seedLabel);

    const layers = element('div', 'layers');
    layers.setAttribute('role', 'group');
    layers.setAttribute('aria-label', 'Hidden layers');

    const body = element('div', 'body');
    const picture = element('div', 'pictures');
    const heatmap = createHeatmapFigure(picture, 'The network’s output over the plane, with the data points');
    const legend = element('p', 'legend', 'Blue: the network says +1; orange: −1. Filled dots are training points, rings test points.');
    picture.append(legend);
    const curves = element('div', 'pictures');
    const loss = createLossFigure(curves);
    const lossCaption = element('p', 'caption', '');
    curves.append(lossCaption);
    body.append(picture, curves);

    const stop = element('p', 'stop');
    stop.setAttribute('role', 'alert');
    stop.setAttribute('part', 'stop');
    stop.hidden = true;
    const notice = element('p', 'notice');
    notice.hidden = true;
    const live = liveRegion();
    frame.append(controls, status, settings, layers, body, stop, notice, live);
    root.append(frame);
    this.#parts = { play, step, status, selects, seed, layers, heatmap, loss, lossCaption, stop, notice, live };
  }

  /** A setting changed in the figure: becomes the attribute (which rebuilds the network) and a `change` event. */
  #setting(attribute, value) {
    this.setAttribute(attribute, value);
    // After the rebuild the attribute queued (a microtask), so the event carries the new state.
    queueMicrotask(() => this.dispatchEvent(new CustomEvent('change', { detail: this.state, bubbles: true, composed: true })));
  }

  configure() {
    this.pause();
    const { values, refused } = readAttributeValues(this, PLAYGROUND_FIELDS);
    this.#state = values;
    this.#refused = refused;
    const p = this.#parts;
    p.notice.textContent = refusedText(refused);
    p.notice.hidden = refused.length === 0;
    this.#syncSettings();
    this.#network?.free();
    this.#network = null;
    const { config, data } = networkSettings(values);
    try {
      this.#network = new this.core.Network(config);
      this.#network.useDataset(data);
    } catch (e) {
      this.#showStop(`This network cannot be built: ${e?.message ?? e}`);
      return;
    }
    this.#train = this.#network.trainData();
    this.#test = this.#network.testData();
    this.#restart();
  }

  #restart() {
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
    const s = this.#state;
    const show = (select, value) => {
      const text = String(value);
      if (![...select.options].some((o) => o.value === text)) {
        const o = element('option', null, text);
        o.value = text;
        select.append(o);
      }
      select.value = text;
    };
    show(p.selects.dataset, s.data);
    show(p.selects.noise, s.noise);
    show(p.selects.activation, s.act);
    show(p.selects.output, s.out);
    show(p.selects.lr, s.lr);
    show(p.selects.optimizer, s.opt);
    show(p.selects.batch, s.batch);
    p.seed.value = String(s.seed);
    this.#drawLayers();
  }

  /** The hidden layers' editor: add or remove a layer, and neurons within each, within the page's limits. */
  #drawLayers() {
    const hidden = this.#state.hidden;
    const setHidden = (h) => this.#setting('hidden-layers', h.join(','));
    const box = this.#parts.layers;
    box.replaceChildren(element('span', 'layers-title', `${hidden.length} hidden layer${hidden.length === 1 ? '' : 's'}`));
    const add = button(box, 'add-layer', '+ layer', () => setHidden([...hidden, 2]));
    add.disabled = hidden.length >= MAX_HIDDEN_LAYERS;
    const remove = button(box, 'remove-layer', '− layer', () => setHidden(hidden.slice(0, -1)));
    remove.disabled = hidden.length === 0;
    hidden.forEach((n, i) => {
      const group = element('span', 'layer');
      group.dataset.layer = String(i + 1);
      const fewer = button(group, 'fewer', '−', () => setHidden(hidden.map((m, j) => (j === i ? m - 1 : m))));
      fewer.setAttribute('aria-label', `one neuron fewer in hidden layer ${i + 1}`);
      fewer.disabled = n <= 1;
      group.append(element('span', 'layer-size', `${n}`));
      const more = button(group, 'more', '+', () => setHidden(hidden.map((m, j) => (j === i ? m + 1 : m))));
      more.setAttribute('aria-label', `one neuron more in hidden layer ${i + 1}`);
      more.disabled = n >= MAX_NEURONS;
      box.append(group);
    });
  }

  /** Trains one epoch; returns false when training has stopped (diverged, or the run is at its end). */
  step() {
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
    const test = this.#network.testLoss();
    if (!Number.isFinite(train)) {
      this.#diverged('the training loss is no longer a finite number');
      return false;
    }
    this.#history.train.push(train);
    this.#history.test.push(test);
    this.#draw();
    this.dispatchEvent(new CustomEvent('step', { detail: { epoch: this.epochs, steps: this.steps, trainLoss: train, testLoss: test }, bubbles: true, composed: true }));
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

  /** Back to the initial weights drawn from the seed (the data is kept). */
  reset() {
    this.pause();
    if (!this.#network) return;
    this.#network.reset();
    this.#restart();
    this.#announce();
  }

  stopped() {
    this.pause();
  }

  #announce() {
    this.#parts.live.textContent = this.#parts.status.textContent;
  }

  themeChanged() {
    if (this.#network) this.#draw();
  }

  /** The colours of the current theme, read from the figure's own custom properties. */
  #colors() {
    const style = getComputedStyle(this);
    const v = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return { negative: v('--accent', '#c2410c'), positive: v('--curve', '#2d5bd7'), neutral: v('--bg', '#ffffff'), stroke: v('--fg', '#1d2330') };
  }

  #draw() {
    const p = this.#parts;
    const [lo, hi] = DOMAIN;
    this.#network.predictGridInto(this.#grid, lo, hi, lo, hi, GRID, GRID);
    p.heatmap.update({ grid: this.#grid, nx: GRID, ny: GRID, domain: DOMAIN, train: this.#train, test: this.#test, colors: this.#colors() });
    p.loss.update({ losses: this.#history.train, test: this.#history.test, xLabel: 'epoch' });
    const train = this.#history.train.at(-1);
    const test = this.#history.test.at(-1);
    const layers = [2, ...this.#state.hidden, 1].join('–');
    p.status.textContent = `Epoch ${formatCount(this.epochs)} (${formatCount(this.steps)} updates) · layers ${layers} · training loss ${short(train)} · test loss ${short(test)}`;
    p.lossCaption.textContent = `The loss ½(ŷ − y)², averaged over the points, after each epoch: training (solid) ${short(train)}, test (dashed) ${short(test)}.`;
  }

  /** The settings shown, in the state table's keys (a copy). */
  get state() {
    return this.#state ? { ...this.#state, hidden: [...this.#state.hidden] } : null;
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
  get history() {
    return { train: [...this.#history.train], test: [...this.#history.test] };
  }
  get diverged() {
    return this.#stop !== null;
  }
  get playing() {
    return this.#loop.playing;
  }
  get refusedAttributes() {
    return [...this.#refused];
  }
}
