// <backprop-digits>: a network learning to read the 8 × 8 handwritten digits, live. Play trains `speed` epochs per
// frame in the core; after each epoch the core's metrics() gives the losses, the accuracies and the test set's
// confusion matrix, drawn as curves and a 10 × 10 table whose cells open their test images. Each neuron of the
// first layer after the pixels shows its 64 incoming weights as an 8 × 8 picture. The reader draws a digit and
// sees the ten probabilities; picking a weight (on a picture, or by pixel and neuron) shows its ∂J/∂w = δ·a for
// the drawn digit, with the core's own pass and gradient check (figures/gradient-panel.js).
//
// Attributes: the digits table (digits-state.js): hidden-layers, activation, optimizer, lr, batch-size, seed, speed;
// theme, loading. Events: step {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}, reset, change (a setting
// changed in the figure; detail: the settings), diverge. Read-only: model, playing, settings.
// Methods: play(), pause(), step(), reset(), showImage(index).
import { BaseElement } from '../elements/base-element.js';
import { stylesheet } from '../elements/shadow.js';
import { button, element, frame as makeFrame } from '../dom.js';
import { frameLoop, liveRegion, notice, selectMenu, showPlaying, showStop, toolbar } from '../elements/parts.js';
import { COMMON_FIELDS, writeAttributes } from '../fields.js';
import { createLossFigure } from '../figures/loss.js';
import { createAccuracyFigure } from '../figures/accuracy.js';
import { createConfusionMatrix } from '../figures/confusion.js';
import { createWeightMaps } from '../figures/weight-maps.js';
import { createDrawingBox } from '../figures/drawing.js';
import { createProbabilities } from '../figures/probabilities.js';
import { createGradientPanel } from '../figures/gradient-panel.js';
import { paintLevels, pixelCanvas, themeColors } from '../figures/pixels.js';
import { rovingFocus } from '../figures/roving.js';
import { formatCount, formatFixed, formatNumber } from '../format.js';
import { ACTIVATIONS, BATCHES, DIGITS_FIELDS, OPTIMIZERS, RATES, SPEEDS, parseLayers } from './digits-state.js';
import { CLASSES, DigitsModel, MAX_LEVEL, PIXELS, nextTask } from './digits-model.js';

/** The digits' own styles, adopted beside the figures' (fetched before the element is defined: no restyle later). */
export const DIGITS_SHEET = new URL('../../styles/digits.css', import.meta.url);
/** Test images a confusion cell shows at most. */
const MAX_SHOWN = 48;
const pct = (v) => (Number.isFinite(v) ? `${formatFixed(v * 100, 1)}%` : '—');
const short = (v) => formatNumber(v, 4);

export class DigitsElement extends BaseElement {
  static label = 'A network learning to read handwritten digits';
  static fields = [...DIGITS_FIELDS, ...COMMON_FIELDS];

  /** The sheet adopted with the figures' (set by the module that defines the element). */
  static sheet = null;

  #parts = null;
  #model = null;
  #digits = null;
  #picked = null; // the confusion cell shown: { truth, guess }
  #selected = { neuron: 0, pixel: 36 }; // the weight of the chain: from pixel to neuron of the first layer
  #target = 'auto';
  /** The drawn digit's answer last said to screen readers. */
  #said = null;
  #galleryFocus = null;
  #lastFrame = 0;
  #loop = frameLoop(() => this.#frame(), (playing) => {
    showPlaying(this.#parts.play, playing);
    this.toggleAttribute('playing', playing);
    if (!playing) this.#announce();
  });

  build(root) {
    if (DigitsElement.sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, DigitsElement.sheet];
    const frame = makeFrame('digits');
    const controls = toolbar('Training controls');
    const play = button(controls, 'play', 'Play', () => (this.#loop.playing ? this.pause() : this.play()));
    play.setAttribute('aria-pressed', 'false');
    const step = button(controls, 'step', 'Step', () => (this.pause(), this.step()));
    step.setAttribute('aria-label', 'Step: train one epoch');
    button(controls, 'reset', 'Reset', () => this.reset());
    const status = element('p', 'status', 'Loading the core and the 1,797 digits…');
    status.setAttribute('part', 'status');

    const settings = element('div', 'settings');
    settings.setAttribute('part', 'settings');
    const layersLabel = element('label', 'setting', 'Hidden layers ');
    const layers = element('input');
    Object.assign(layers, { type: 'text', inputMode: 'numeric', spellcheck: false, autocomplete: 'off' });
    layers.dataset.key = 'hidden';
    layers.setAttribute('aria-describedby', 'layers-help');
    layers.addEventListener('change', () => this.#setLayers(layers.value));
    layersLabel.append(layers);
    settings.append(layersLabel);
    const set = (attribute) => (value) => this.#setting(attribute, value);
    const options = (list, text = String) => list.map((v) => [String(v), text(v)]);
    const selects = {
      activation: selectMenu(settings, 'activation', 'Activation', options(ACTIVATIONS), set('activation')),
      optimizer: selectMenu(settings, 'optimizer', 'Optimizer', OPTIMIZERS.map((o) => [o, o === 'sgd' ? 'SGD' : o === 'adam' ? 'Adam' : 'momentum']), set('optimizer')),
      lr: selectMenu(settings, 'lr', 'Learning rate', options(RATES), set('lr')),
      batchSize: selectMenu(settings, 'batchSize', 'Batch size', options(BATCHES), set('batch-size')),
      speed: selectMenu(settings, 'speed', 'Epochs per frame', options(SPEEDS), set('speed')),
    };
    const layersHelp = element('p', 'hint', 'Hidden layers: sizes separated by commas, such as 32 or 64,16; empty for none. The network is 64 pixels in, those layers, 10 digits out.');
    layersHelp.id = 'layers-help';
    const refusal = notice();
    refusal.setAttribute('role', 'alert');

    // Learning: the curves.
    const learning = this.#section('learning', 'How it learns');
    const loss = createLossFigure(learning);
    const lossCaption = element('p', 'caption', '');
    learning.append(lossCaption);
    const accuracy = createAccuracyFigure(learning);
    const accuracyCaption = element('p', 'caption', '');
    learning.append(accuracyCaption);

    // The confusion matrix and the images of a cell.
    const confusionBox = this.#section('confusion-section', 'What it confuses');
    const confusion = createConfusionMatrix(confusionBox, { classes: CLASSES, onPick: (truth, guess) => this.#pick(truth, guess) });
    const gallery = element('div', 'gallery');
    gallery.setAttribute('role', 'region');
    gallery.setAttribute('aria-label', 'Test images of the chosen cell');
    const galleryTitle = element('p', 'gallery-title hint', 'Press a cell to see its test images here; press an image to draw from it.');
    const galleryImages = element('div', 'gallery-images');
    gallery.append(galleryTitle, galleryImages);
    // The images are one Tab stop; the arrow keys move between them, a row being as many as fit on the first line.
    this.#galleryFocus = rovingFocus(galleryImages, 'button.gallery-image', () => {
      const tops = [...galleryImages.children].map((b) => b.offsetTop);
      return Math.max(1, tops.filter((t) => t === tops[0]).length);
    });
    confusionBox.append(gallery);

    // The reader's digit.
    const drawBox = this.#section('draw-section', 'Your digit');
    const drawing = createDrawingBox(drawBox, { onChange: () => this.#drawn(), onPixel: (pixel) => this.#pickWeight(this.#selected.neuron, pixel) });
    const answer = element('p', 'answer', '');
    const probabilities = createProbabilities(drawBox, CLASSES);
    drawBox.append(answer);

    // What each neuron looks for.
    const weightsBox = this.#section('weights-section', 'What each neuron of the first layer looks for');
    weightsBox.append(element('p', 'hint', 'Each picture is one neuron’s 64 incoming weights, in the places of their pixels: blue where ink raises its input z, orange where ink lowers it. Press a picture to follow that neuron’s weights in the chain; click a square to pick that pixel’s weight.'));
    const weights = createWeightMaps(weightsBox, { onPick: (neuron, pixel) => this.#pickWeight(neuron, pixel) });

    // Back to the article: one weight's chain for the drawn digit.
    const chainBox = this.#section('chain-section', 'Back to the article: ∂J/∂w for your digit');
    chainBox.append(element('p', 'hint', 'J = −ln p(t) is the loss of your digit taken as the digit t. Backpropagation gives every weight its ∂J/∂w = δ·a: the δ of the neuron the weight feeds, times the activation a it carries.'));
    const pickers = element('div', 'settings chain-pickers');
    const pixel = selectMenu(pickers, 'pixel', 'Pixel', Array.from({ length: PIXELS }, (_, p) => [String(p), `x${p + 1} (row ${Math.floor(p / 8) + 1}, column ${(p % 8) + 1})`]), (v) => this.#pickWeight(this.#selected.neuron, Number(v)));
    const neuron = selectMenu(pickers, 'neuron', 'to neuron', [], (v) => this.#pickWeight(Number(v), this.#selected.pixel));
    const target = selectMenu(pickers, 'target', 'taken as the digit', [['auto', 'its answer'], ...Array.from({ length: CLASSES }, (_, k) => [String(k), String(k)])], (v) => {
      this.#target = v;
      this.#drawChain();
    });
    chainBox.append(pickers);
    const panel = createGradientPanel(chainBox);

    const stop = element('p', 'stop');
    stop.setAttribute('role', 'alert');
    stop.hidden = true;
    const live = liveRegion();
    const grid = element('div', 'digits-grid');
    grid.append(learning, confusionBox, drawBox, weightsBox, chainBox);
    frame.append(controls, status, settings, layersHelp, refusal, grid, stop, live);
    root.append(frame);
    this.#parts = { play, step, status, layers, selects, refusal, loss, lossCaption, accuracy, accuracyCaption, confusion, galleryTitle, galleryImages, drawing, answer, probabilities, weights, pixel, neuron, target, panel, stop, live };
    this.#syncSettings();
    this.#drawEmpty();
  }

  /** Before the core and the data arrive: every part at the size it will have, its numbers not yet known. */
  #drawEmpty() {
    const p = this.#parts;
    const { hidden } = this.settings;
    p.loss.update({ losses: [], test: [], xLabel: 'epoch' });
    p.accuracy.update({ train: [], test: [] });
    this.#captions(null);
    p.answer.textContent = 'Draw a digit to see what it reads.';
    const n = hidden[0] ?? CLASSES;
    p.weights.update({ weights: Array.from({ length: n }, () => new Float64Array(PIXELS)), names: Array.from({ length: n }, (_, i) => (hidden.length ? `a1[${i + 1}]` : `p${i}`)), selected: null });
  }

  /** The curves' captions for the latest metrics `last` (null: not measured yet). */
  #captions(last) {
    const p = this.#parts;
    const m = this.#model;
    const count = (n) => (m ? formatCount(n) : '—');
    p.lossCaption.textContent = `The loss J = −ln p(true digit), averaged over the images, after each epoch: training (solid) ${last ? short(last.trainLoss) : '—'}, test (dashed) ${last ? short(last.testLoss) : '—'}.`;
    p.accuracyCaption.textContent = `The share of images whose most probable digit is the right one: training (solid) ${pct(last?.trainAccuracy)} of ${count(m?.trainSize)}, test (dashed) ${pct(last?.testAccuracy)} of ${count(m?.testSize)}, images it never trains on.`;
  }

  /** A titled section of the figure's grid. */
  #section(className, title) {
    const box = element('section', `digits-part ${className}`);
    const h = element('h3', 'part-title', title);
    h.id = `${className}-title`;
    box.setAttribute('aria-labelledby', h.id);
    box.append(h);
    return box;
  }

  async start() {
    let core;
    let digits;
    try {
      const [{ loadNetworkCore }, { loadDigits }] = await Promise.all([import('../core-network.js'), import('../../data/digits.js')]);
      [core, digits] = await Promise.all([loadNetworkCore(), loadDigits()]);
    } catch (e) {
      showStop(this.#parts, `The core or the digits could not be loaded (${e?.message ?? e}). Reload the page to try again.`);
      this.#parts.status.textContent = 'Not loaded.';
      return;
    }
    this.#digits = digits;
    // The page is still loading: the model is built, and the figure drawn part by part, each in a task of its own.
    try {
      this.#model = await DigitsModel.create(core, digits, this.#wanted());
    } catch (e) {
      this.#refuse(e);
      return;
    }
    this.#prepare();
    // Each part draws the model as it is by then (the reader may have pressed Step meanwhile).
    for (let k = 0; k < this.#drawing().length; k++) {
      await nextTask();
      this.#drawing()[k]();
    }
    this.#rebuilt();
  }

  /** The settings the attributes ask for. */
  #wanted() {
    return Object.fromEntries(DIGITS_FIELDS.map((f) => [f.key, this.settings[f.key]]));
  }

  configure(changed) {
    if (!this.#model) return;
    if (changed.size === 1 && changed.has('speed')) return this.#syncSettings();
    if ([...changed].every((name) => name === 'theme' || name === 'loading')) return;
    // The network's own settings, written back after a refusal, need no new network.
    const same = (a, b) => JSON.stringify({ ...a, speed: 0 }) === JSON.stringify({ ...b, speed: 0 });
    if (same(this.#wanted(), this.#model.settings)) return this.#syncSettings();
    this.pause();
    try {
      this.#model.configure(this.#wanted());
    } catch (e) {
      // The core refused: the network that was here stays, and so do the controls.
      this.#refuse(e);
      writeAttributes(this, DIGITS_FIELDS, this.#model.settings);
      return;
    }
    this.#parts.refusal.show('');
    this.#afterRebuild();
  }

  #refuse(e) {
    const field = e?.field ? ` (${e.field})` : '';
    this.#parts.refusal.show(`These settings cannot be trained${field}: ${e?.message ?? e}`);
  }

  #afterRebuild() {
    this.#prepare();
    this.#draw();
    this.#rebuilt();
  }

  /** The controls and pickers for a new (or reset) network, before it is drawn. */
  #prepare() {
    this.#parts.stop.hidden = true;
    this.#parts.play.disabled = false;
    this.#parts.step.disabled = false;
    const n = this.#model.layers[1];
    this.#selected.neuron = Math.min(this.#selected.neuron, n - 1);
    this.#parts.neuron.replaceChildren(...Array.from({ length: n }, (_, i) => {
      const o = element('option', null, this.#neuronName(i));
      o.value = String(i);
      return o;
    }));
    this.#parts.neuron.value = String(this.#selected.neuron);
    this.#parts.pixel.value = String(this.#selected.pixel);
    this.#syncSettings();
  }

  #rebuilt() {
    this.dispatchEvent(new CustomEvent('reset', { detail: { settings: this.#model.settings }, bubbles: true, composed: true }));
  }

  /** The first layer's neuron i, as the chain names it: a hidden neuron a1[i + 1], or with no hidden layer digit i's output p(i). */
  #neuronName(i) {
    return this.#model.layers.length > 2 ? `a1[${i + 1}]` : `p${i}`;
  }

  #setLayers(text) {
    const sizes = parseLayers(text);
    if (sizes === null) {
      this.#parts.refusal.show(`Hidden layers: ${DIGITS_FIELDS[0].range}, not “${text}”.`);
      this.#parts.layers.setAttribute('aria-invalid', 'true');
      return;
    }
    this.#parts.layers.removeAttribute('aria-invalid');
    this.#parts.refusal.show('');
    this.#setting('hidden-layers', sizes.join(','));
  }

  /** A setting changed in the figure: it becomes the attribute (which rebuilds), and a `change` event. */
  #setting(attribute, value) {
    this.setAttribute(attribute, value);
    queueMicrotask(() => this.dispatchEvent(new CustomEvent('change', { detail: this.#wanted(), bubbles: true, composed: true })));
  }

  #syncSettings() {
    const p = this.#parts;
    const s = this.settings;
    if (!p || !s) return;
    if (p.layers !== this.shadowRoot.activeElement || p.layers.getAttribute('aria-invalid') !== 'true') p.layers.value = s.hidden.join(',');
    for (const [key, select] of Object.entries(p.selects)) {
      const text = String(s[key]);
      if (![...select.options].some((o) => o.value === text)) select.append(Object.assign(element('option', null, text), { value: text }));
      select.value = text;
    }
  }

  #frame() {
    const ok = this.#model.train(this.settings.speed);
    this.#draw(true);
    if (!ok) this.#stopped();
    return ok;
  }

  /** Trains one epoch and draws; false once training has stopped. */
  step() {
    if (!this.#model) return false;
    const ok = this.#model.train(1);
    this.#draw();
    if (!ok) this.#stopped();
    return ok;
  }

  #stopped() {
    const s = this.#model.stopped;
    if (!s) return;
    this.pause();
    showStop(this.#parts, s.kind === 'full'
      ? `Stopped after ${formatCount(s.epoch)} epochs, as many as the figure keeps: press Reset to start again.`
      : `Training stopped at epoch ${formatCount(s.epoch)}: the loss is no longer a finite number${s.error?.message ? ` (${s.error.message})` : ''}. The learning rate is too large for this network; choose a smaller one, or press Reset.`);
    if (s.kind === 'diverged') this.dispatchEvent(new CustomEvent('diverge', { detail: { epoch: s.epoch }, bubbles: true, composed: true }));
  }

  play() {
    if (this.#model && !this.#model.stopped) this.#loop.start();
  }

  pause() {
    this.#loop.stop();
  }

  /** Back to the first weights drawn from the seed. */
  reset() {
    this.pause();
    if (!this.#model) return;
    this.#model.reset();
    this.#afterRebuild();
    this.#announce();
  }

  stopped() {
    this.pause();
  }

  themeChanged() {
    this.#parts.weights.themeChanged();
    this.#parts.drawing.redraw();
    if (this.#model) this.#draw();
    if (this.#picked) this.#pick(this.#picked.truth, this.#picked.guess);
  }

  #announce() {
    this.#parts.live.textContent = this.#parts.status.textContent;
  }

  #draw(playing = false) {
    for (const part of this.#drawing(playing)) part();
  }

  /** Drawing the model as it stands, in parts (the first drawing gives each part a task of its own). */
  #drawing(playing = false) {
    const m = this.#model;
    const p = this.#parts;
    const history = m.history;
    const last = m.latest;
    return [
      () => p.loss.update({ losses: history.map((h) => h.trainLoss), test: history.map((h) => h.testLoss), xLabel: 'epoch' }),
      () => p.accuracy.update({ train: history.map((h) => h.trainAccuracy), test: history.map((h) => h.testAccuracy) }),
      () => {
        this.#captions(last);
        p.status.textContent = `Epoch ${formatCount(m.epochs)} · layers ${m.layers.join('–')} · test accuracy ${pct(last.testAccuracy)} · training loss ${short(last.trainLoss)} · test loss ${short(last.testLoss)}`;
      },
      () => p.confusion.update(last.confusion),
      () => {
        const first = m.firstLayerWeights();
        p.weights.update({ weights: first, names: first.map((_, i) => this.#neuronName(i)), selected: this.#selected.neuron });
      },
      () => {
        this.#drawn();
        if (!playing && this.#picked) this.#pick(this.#picked.truth, this.#picked.guess);
        this.dispatchEvent(new CustomEvent('step', { detail: { epoch: m.epochs, trainLoss: last.trainLoss, testLoss: last.testLoss, trainAccuracy: last.trainAccuracy, testAccuracy: last.testAccuracy }, bubbles: true, composed: true }));
      },
    ];
  }

  /** The drawing changed (or the network did): its probabilities and its chain. */
  #drawn() {
    if (!this.#model) return;
    const image = this.#parts.drawing.image;
    const inked = image.some((v) => v > 0);
    const p = inked ? this.#model.probabilities(image) : null;
    this.#parts.probabilities.update(p);
    const best = p ? p.indexOf(Math.max(...p)) : null;
    const text = p ? `It reads ${best}, with p = ${pct(p[best])}.` : 'Draw a digit to see what it reads.';
    if (this.#parts.answer.textContent !== text) this.#parts.answer.textContent = text;
    // Screen readers hear the answer when it changes, not every probability of every frame.
    if (best !== this.#said) {
      this.#said = best;
      if (best !== null) this.#parts.live.textContent = `It reads ${best}.`;
    }
    this.#drawChain(p);
  }

  #pickWeight(neuron, pixel) {
    this.#selected = { neuron, pixel: pixel ?? this.#selected.pixel };
    const m = this.#model;
    if (!m) return;
    this.#parts.pixel.value = String(this.#selected.pixel);
    this.#parts.neuron.value = String(neuron);
    const first = m.firstLayerWeights();
    this.#parts.weights.update({ weights: first, names: first.map((_, i) => this.#neuronName(i)), selected: neuron });
    this.#drawChain();
  }

  /** The chain panel for the selected weight, on the drawn digit (with its probabilities `p`, when known). */
  #drawChain(p) {
    const m = this.#model;
    const image = this.#parts.drawing.image;
    if (!m || !image.some((v) => v > 0)) {
      this.#parts.panel.update(null, 'Draw a digit (or press an image of the confusion matrix’s gallery) to see the chain of one of its weights.');
      return;
    }
    p ??= m.probabilities(image);
    const t = this.#target === 'auto' ? p.indexOf(Math.max(...p)) : Number(this.#target);
    const { neuron, pixel } = this.#selected;
    const c = m.chain(image, t, { kind: 'weight', index: neuron * PIXELS + pixel });
    const layers = c.layers;
    const names = m.neuronNames;
    this.#parts.panel.update({
      name: c.name, kind: 'weight', check: c.check, points: 1, batchText: `J is the loss of your digit alone, taken as a ${t}.`,
      chain: { pass: c.pass, to: c.to, from: c.from, weights: c.weights, layers, activations: c.activations, weightStart: c.weightStart, names, pointText: `your digit taken as a ${t}: x${pixel + 1} = ${formatFixed(image[pixel] / MAX_LEVEL, 4)} (${image[pixel]} of ${MAX_LEVEL} pixels inked), J = −ln p${t}` },
    });
  }

  /** Shows the test images of confusion cell (truth, guess). */
  #pick(truth, guess) {
    if (!this.#model) return;
    this.#picked = { truth, guess };
    this.#parts.confusion.select(truth, guess);
    const found = this.#model.testImages(truth, guess);
    const p = this.#parts;
    const right = truth === guess;
    p.galleryTitle.textContent = `${found.length} test image${found.length === 1 ? '' : 's'} of a ${truth} ${right ? 'read right' : `read as ${guess}`}${found.length > MAX_SHOWN ? ` (the first ${MAX_SHOWN})` : ''}. Press one to draw from it.`;
    const colors = themeColors(p.galleryImages, { paper: 'var(--bg)', ink: 'var(--fg)' });
    p.galleryImages.replaceChildren(...found.slice(0, MAX_SHOWN).map(({ index, image, p: prob }) => {
      const b = element('button', 'gallery-image');
      b.type = 'button';
      b.setAttribute('aria-label', `Test image ${index + 1}, a ${truth}, p(${guess}) = ${pct(prob)}: draw from it`);
      const canvas = pixelCanvas(8, 'digit', null);
      paintLevels(canvas, image, MAX_LEVEL, colors);
      b.append(canvas);
      b.addEventListener('click', () => this.showImage(index));
      return b;
    }));
    this.#galleryFocus.refresh();
  }

  /** Puts dataset image `index` in the drawing box. */
  showImage(index) {
    if (!this.#digits || !Number.isInteger(index) || index < 0 || index >= this.#digits.labels.length) return;
    this.#parts.drawing.show(this.#digits.images.subarray(index * PIXELS, (index + 1) * PIXELS));
    this.#parts.drawing.canvas.scrollIntoView?.({ block: 'nearest' });
  }

  get model() {
    return this.#model;
  }
  get playing() {
    return this.#loop.playing;
  }
}
