// <backprop-playground>: a small network learning 2-D data, as TensorFlow Playground shows it, plus what a learner of
// backprop needs: input features, regularization, regressions, the train/test ratio, noise, batch size, every
// neuron's map on the diagram, weights edited on their links, a reader's own points, and for any weight or bias the
// gradient check and the chain rule with live numbers. Three-class data (and a reader's CSV of classes) trains one
// softmax output per class with the cross-entropy, its heatmap coloured by the winning class; a reader's own data
// comes through <backprop-csv-import> and never goes into the URL (the dataset attribute says `custom`).
//
// This element only wires: the playground's state and rules are its model (playground-model.js), the heatmap's grids
// come from playground-grid.js (a worker while training plays), the sentences from explain.js, and the pictures from
// the figures. Settings come from the playground's state table (playground-state.js), as attributes; changing one in
// the figure sets the attribute and fires `change`, so a page can keep its URL in step. Each frame trains `speed`
// epochs in the core, then draws the heatmap, every neuron's map and the loss.
//
// Events: step, diverge, reset, change. Read-only: state, epochs, steps, trainLoss, testLoss, history, diverged,
// playing, heatmapEpoch, refusedAttributes, selected, userPoints, model, network (the core handle, for tests and
// host pages), trainAccuracy, testAccuracy. Methods: play(), pause(), step(), reset(), select({kind, index}),
// addPoint(x, y, label), clearPoints(), useData(detail) (a <backprop-csv-import> `data` event's detail).
import { BaseElement } from './base-element.js';
import { button, cssColor, element, frame as makeFrame } from '../dom.js';
import { frameLoop, liveRegion, showPlaying, showStop, toolbar } from './parts.js';
import { createSettings } from './playground-settings.js';
import { COMMON_FIELDS } from '../fields.js';
import { createHeatmapFigure, paint, rgb } from '../figures/heatmap.js';
import './csv-import.js';
import { CUSTOM_OUTPUT, customData, splitRows } from '../playground-data.js';
import { createLossFigure } from '../figures/loss.js';
import { createNetworkDiagram } from '../figures/playground-network.js';
import { createGradientPanel } from '../figures/gradient-panel.js';
import { featureMaps } from '../playground-inspect.js';
import { GRID, createGridSource } from '../playground-grid.js';
import { DOMAIN, PlaygroundModel } from '../playground-model.js';
import {
  CLASSES, CLASS_DATASETS, CUSTOM, FEATURES, MAX_HIDDEN_LAYERS, MAX_NEURONS, PLAYGROUND_DEFAULTS, PLAYGROUND_FIELDS,
  REGRESSIONS, networkSettings,
} from '../playground-state.js';
import {
  PLAYGROUND_CE_CAPTION, PLAYGROUND_CUSTOM_MISSING, PLAYGROUND_LOSS_CAPTION, PLAYGROUND_NEEDS_A_FEATURE,
  explainDivergence, playgroundAnnouncement, playgroundCustomNote, playgroundLegend, playgroundLosses,
  playgroundRefusal, playgroundStatus,
} from '../explain.js';

/** Each neuron map's grid side, and each dataset thumbnail's points. */
const NEURON_GRID = 20;
const THUMBNAIL_POINTS = 200;
/** The class colours' custom properties (figure.css), taken in turn; each class also has its own mark's shape. */
const CLASS_COLORS = ['--class-1', '--class-2', '--class-3', '--class-4', '--class-5', '--class-6'];
const SHAPES = ['●', '■', '▲'];
const POINT_HINT = 'Click: add a +1 point; Shift-click: a −1.';
const NO_POINT_HINT = 'Points can be added to data of one output.';
/** Attributes that change the view, the data or the learning rate, not the network: applied without restarting. */
const LIVE_ATTRIBUTES = ['show-test', 'discretize', 'speed', 'points', 'lr'];
const KEYS = PLAYGROUND_FIELDS.map((f) => f.key);
const POINTS_FIELD = PLAYGROUND_FIELDS.find((f) => f.key === 'points');

export class PlaygroundElement extends BaseElement {
  static label = 'A small network learning 2-D data';
  static fields = [...PLAYGROUND_FIELDS, ...COMMON_FIELDS];

  /** The full core's exports once loaded (null before). */
  core = null;

  /** The figure's parts (build), its model (start), the heatmap's grids, the theme's colours, the feature maps. */
  #parts = null;
  #model = null;
  #grids = createGridSource(GRID, DOMAIN);
  #palette = null;
  #featureImages = null;
  /** The points attribute as the figure last wrote it (its own change needs no rebuild). */
  #ownPoints = undefined;
  /** Every neuron's map, neuron by neuron (NEURON_GRID² each), and the neuron hovered (null: none). */
  #neuronGrid = new Float64Array(0);
  #hover = null;
  #loop = frameLoop(() => this.#frame(), (playing) => {
    showPlaying(this.#parts.play, playing);
    this.toggleAttribute('playing', playing);
    if (playing) return;
    // Paused, the picture is exact: the heatmap of the network as it stands, every link named; and it is said once.
    const m = this.#model;
    if (m?.network && this.#grids.behind(m.generation, m.epochs)) this.#drawHeatmap();
    this.#parts.diagram.nameLinks();
    if (m?.network && !m.stop) this.#parts.live.textContent = this.#announcement();
  });

  build(root) {
    const frame = makeFrame('playground');
    const top = element('div', 'top');
    const controls = toolbar('Training controls');
    const play = button(controls, 'play', 'Play', () => (this.#loop.playing ? this.pause() : this.play()));
    play.setAttribute('aria-pressed', 'false');
    const step = button(controls, 'step', 'Step', () => (this.pause(), this.step()));
    step.setAttribute('aria-label', 'Step: train one epoch');
    button(controls, 'reset', 'Reset', () => this.reset());
    // On a narrow screen the settings fold away under this button, so Play and the diagram stay close.
    const toggle = button(controls, 'settings', 'Settings', () => {
      const open = !frame.classList.contains('settings-open');
      frame.classList.toggle('settings-open', open);
      toggle.setAttribute('aria-expanded', String(open));
    });
    toggle.classList.add('settings-toggle');
    toggle.setAttribute('aria-expanded', 'false');
    const status = element('p', 'status');
    status.setAttribute('part', 'status');
    const settings = createSettings((attribute, value) => this.#setting(attribute, value));
    const lead = element('div', 'lead');
    lead.append(controls, status);
    top.append(lead, settings.training);
    const dataColumn = element('div', 'data-column');
    dataColumn.append(settings.data);
    // A reader's own data: the import dialog's button under the thumbnails, and what is in use once there is some.
    const csv = element('backprop-csv-import');
    csv.setAttribute('inputs', '2');
    csv.addEventListener('data', (e) => this.useData(e.detail));
    const customNote = element('p', 'hint custom-note');
    customNote.hidden = true;
    const saveCustom = button(null, 'save-custom', 'Save my data as a file', () => csv.save());
    saveCustom.hidden = true;
    settings.datasets.after(csv, customNote, saveCustom);

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

    const output = element('div', 'output-column');
    // The two losses, each on its own line (a value's length never moves what is below it).
    const losses = element('dl', 'losses');
    losses.setAttribute('part', 'losses');
    const lossValues = ['train', 'test'].map(() => {
      const value = element('dd');
      losses.append(element('dt'), value);
      return value;
    });
    const heatmap = createHeatmapFigure(output, 'The network’s output over the plane, with the data points');
    heatmap.canvas.addEventListener('click', (e) => this.#clickPlane(e));
    const scale = element('div', 'colour-scale');
    scale.setAttribute('aria-hidden', 'true');
    const legend = element('p', 'legend', '');
    const pointBar = element('div', 'point-bar');
    const pointHint = element('span', 'hint', POINT_HINT);
    pointBar.append(pointHint);
    const clear = button(pointBar, 'clear-points', 'Clear my points', () => this.clearPoints());
    // The losses and their curve: above the map where the columns stand side by side, after it on a narrow screen.
    const lossBox = element('div', 'loss-box');
    const loss = createLossFigure(lossBox);
    const lossCaption = element('p', 'caption loss-caption', PLAYGROUND_LOSS_CAPTION);
    lossBox.append(lossCaption);
    output.prepend(losses);
    output.append(scale, legend, settings.view, pointBar, lossBox);

    const inspect = element('div', 'inspect');
    const panel = createGradientPanel(inspect);
    const chain = element('div', 'controls chain-controls');
    chain.hidden = true;
    button(chain, 'chain-point', 'Chain: next training point', () => {
      this.#model.nextChainPoint();
      this.#draw();
    });
    inspect.append(chain);

    const stop = element('p', 'stop');
    stop.setAttribute('role', 'alert');
    stop.setAttribute('part', 'stop');
    stop.hidden = true;
    const notice = element('p', 'notice');
    notice.hidden = true;
    const live = liveRegion();
    const workspace = element('div', 'workspace');
    workspace.append(dataColumn, network, output, inspect);
    frame.append(top, stop, notice, workspace, live);
    root.append(frame);
    this.#parts = {
      play, step, status, settings, diagram, heatmap, legend, clear, loss, lossValues, panel, chain, stop, notice, live,
      csv, customNote, saveCustom, scale, pointHint, lossCaption,
    };
  }

  async start() {
    const { loadNetworkCore } = await import('../core-network.js');
    this.core = await loadNetworkCore();
    this.#model = new PlaygroundModel(this.core);
    this.#drawThumbnails();
    this.#rebuild();
  }

  /** Attributes changed (a batch): view settings, points and the learning rate apply in place; others restart. */
  configure(changed) {
    if (changed.has('points') && this.getAttribute('points') === this.#ownPoints) changed.delete('points');
    if (changed.size === 0) return;
    const m = this.#model;
    if (m.network && [...changed].every((name) => LIVE_ATTRIBUTES.includes(name))) this.#applyLive(changed);
    else if ([...changed].some((name) => name !== 'theme' && name !== 'loading')) this.#rebuild();
  }

  /** A setting changed in the figure: becomes the attribute (null removes it), then a `change` event. */
  #setting(attribute, value) {
    if (value === null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, value);
    queueMicrotask(() => this.#changed());
  }

  #changed() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.state, bubbles: true, composed: true }));
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The settings as the attributes give them (a copy). */
  #attributeState() {
    return structuredClone(Object.fromEntries(KEYS.map((k) => [k, this.settings[k]])));
  }

  #rebuild() {
    this.pause();
    const p = this.#parts;
    const m = this.#model;
    p.notice.hidden = true;
    this.#palette = null;
    this.#featureImages ??= featureMaps(this.core, NEURON_GRID, DOMAIN);
    const state = this.#attributeState();
    // A link to a reader's own data cannot bring it: the default data instead, and why (the link is kept as it is).
    const missing = state.data === CUSTOM && !m.custom;
    if (missing) state.data = PLAYGROUND_DEFAULTS.data;
    const refused = m.build(state);
    if (missing) {
      p.notice.textContent = PLAYGROUND_CUSTOM_MISSING;
      p.notice.hidden = false;
    }
    this.#ownPoints = undefined;
    this.#syncSettings();
    this.#drawDiagram();
    if (refused) {
      showStop(this.#parts, playgroundRefusal(refused));
      return;
    }
    this.#restarted();
  }

  /** A view setting, the points or the learning rate changed: taken in place, training goes on. */
  #applyLive(changed) {
    const m = this.#model;
    const state = this.#attributeState();
    if (changed.has('points')) m.setPoints(state.points);
    if (changed.has('lr') && state.lr !== m.state.lr) {
      const stopped = m.stop !== null;
      const refused = m.setLearningRate(state.lr);
      if (refused) this.#parts.notice.textContent = refused;
      this.#parts.notice.hidden = !refused;
      if (stopped && !m.stop) this.#resumable();
    }
    m.setView(state);
    this.#syncSettings();
    this.#draw();
  }

  /** Training may go on (a new network, a reset, or a learning rate that clears a divergence). */
  #resumable() {
    const p = this.#parts;
    p.stop.hidden = true;
    p.play.disabled = false;
    p.step.disabled = false;
  }

  #restarted() {
    this.#resumable();
    this.#draw();
    this.#emit('reset', { state: this.state });
  }

  #syncSettings() {
    const p = this.#parts;
    const m = this.#model;
    p.settings.sync(m.state, m.outputs);
    const mine = m.userPoints.length;
    p.clear.disabled = mine === 0;
    p.clear.textContent = mine ? `Clear my points (${mine})` : 'Clear my points';
    const hint = m.outputs === 1 ? POINT_HINT : NO_POINT_HINT;
    if (p.pointHint.textContent !== hint) p.pointHint.textContent = hint;
    const custom = m.state.data === CUSTOM && m.custom;
    p.customNote.hidden = !custom;
    p.saveCustom.hidden = !custom;
    if (custom) p.customNote.textContent = playgroundCustomNote(m.custom);
    p.lossCaption.textContent = m.outputs > 1 ? PLAYGROUND_CE_CAPTION : PLAYGROUND_LOSS_CAPTION;
    this.#drawScale();
  }

  /** Under the map: the colour scale from −1 to +1, or with classes each class's colour, mark and name. */
  #drawScale() {
    const { scale } = this.#parts;
    const m = this.#model;
    const palette = this.#colors();
    if (m.outputs === 1) {
      if (scale.classList.contains('classes') || !scale.firstChild) {
        scale.classList.remove('classes');
        scale.setAttribute('aria-hidden', 'true');
        scale.replaceChildren(element('span', null, '−1'), element('span', 'colour-bar'), element('span', null, '+1'));
      }
      return;
    }
    scale.classList.add('classes');
    scale.removeAttribute('aria-hidden');
    scale.replaceChildren(...this.#classNames().map((name, k) => {
      const item = element('span', 'class-key');
      const mark = element('span', 'class-mark', SHAPES[k % SHAPES.length]);
      mark.style.color = palette.classes[k % palette.classes.length];
      mark.setAttribute('aria-hidden', 'true');
      item.append(mark, ` ${name}`);
      return item;
    }));
  }

  /** The classes' names: a reader's own, else class 1, 2, 3. */
  #classNames() {
    const m = this.#model;
    const own = m.state.data === CUSTOM ? m.custom?.classes : null;
    return own?.length === m.outputs ? own : Array.from({ length: m.outputs }, (_, k) => `class ${k + 1}`);
  }

  /**
   * A reader's own data (a <backprop-csv-import> `data` event's detail: { parsed, rows, range }): tried on a network
   * of the playground's settings first, so data the core refuses changes nothing (the refusal is said); then it
   * becomes the data (dataset `custom`, the output its labels ask for) and training starts afresh.
   */
  useData(detail) {
    const m = this.#model;
    if (!m) return false;
    const custom = customData(detail);
    const state = { ...m.state, data: CUSTOM, out: CUSTOM_OUTPUT[custom.kind] };
    const refused = this.#tryData(state, custom);
    const p = this.#parts;
    if (refused) {
      p.notice.textContent = `Your data was not used: ${refused}`;
      p.notice.hidden = false;
      return false;
    }
    m.setCustom(custom);
    const same = this.getAttribute('dataset') === CUSTOM && this.getAttribute('output') === state.out;
    this.#setting('output', state.out);
    this.#setting('dataset', CUSTOM);
    if (same) this.#rebuild(); // the attributes hold already: new data of the same kind
    p.live.textContent = playgroundCustomNote(custom);
    return true;
  }

  /** The core's refusal of `custom` for a network of `state`, or null when it takes it. */
  #tryData(state, custom) {
    let net = null;
    try {
      net = new this.core.Network(networkSettings(state, custom.outputs).config);
      const { train, test } = splitRows(custom.rows, custom.stride, state.ratio / 100, state.seed);
      net.setData(train, test);
      return null;
    } catch (e) {
      return String(e?.message ?? e);
    } finally {
      net?.free();
    }
  }

  #drawDiagram() {
    const palette = this.#colors();
    const { state, outputs } = this.#model;
    const features = FEATURES.map((f) => {
      const image = new ImageData(NEURON_GRID, NEURON_GRID);
      paint(image.data, this.#featureImages.get(f.key), NEURON_GRID * NEURON_GRID, palette);
      return { key: f.key, label: f.label, active: state.features.includes(f.key), image };
    });
    this.#parts.diagram.draw({ features, hidden: state.hidden, outputs });
  }

  /**
   * Each dataset's thumbnail: its points as the core generates them (noise 0, seed 0), coloured by label (by
   * class, for the three-class sets).
   */
  #drawThumbnails() {
    const palette = this.#colors();
    const nets = {
      1: new this.core.Network({ layers: [2, 1] }),
      [CLASSES]: new this.core.Network({ layers: [2, CLASSES], outputActivation: 'softmax', loss: 'crossEntropy' }),
    };
    this.#parts.settings.drawThumbnails((canvas, dataset) => {
      const outputs = CLASS_DATASETS.includes(dataset) ? CLASSES : 1;
      const net = nets[outputs];
      net.useDataset({ dataset, points: THUMBNAIL_POINTS, noise: 0, seed: 0, trainFraction: 0.9 });
      const rows = net.trainData();
      const stride = 2 + outputs;
      const ctx = canvas.getContext('2d');
      const side = canvas.width;
      ctx.fillStyle = palette.neutral;
      ctx.fillRect(0, 0, side, side);
      const [lo, hi] = DOMAIN;
      for (let i = 0; i < rows.length; i += stride) {
        if (outputs === 1) {
          ctx.fillStyle = rows[i + 2] >= 0 ? palette.positive : palette.negative;
          ctx.globalAlpha = 0.35 + 0.65 * Math.min(1, Math.abs(rows[i + 2]));
        } else {
          const targets = Array.from(rows.subarray(i + 2, i + stride));
          ctx.fillStyle = palette.classes[targets.indexOf(1)];
        }
        const x = ((rows[i] - lo) / (hi - lo)) * side;
        const y = ((hi - rows[i + 1]) / (hi - lo)) * side;
        ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
      }
      ctx.globalAlpha = 1;
    });
    for (const net of Object.values(nets)) net.free();
  }

  #toggleFeature(key) {
    const current = this.#model.state.features;
    const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
    if (next.length === 0) {
      this.#parts.live.textContent = PLAYGROUND_NEEDS_A_FEATURE;
      return;
    }
    this.#setting('features', FEATURES.map((f) => f.key).filter((k) => next.includes(k)).join(','));
  }

  #hoverNeuron(index) {
    this.#hover = index;
    if (this.#model.network) this.#drawHeatmap();
  }

  /** Selects a weight ({kind: 'weight', index}) or a bias ({kind: 'bias', index}) for the gradient check and chain. */
  select(p) {
    if (this.#model?.select(p)) this.#draw();
  }

  #editWeight(index, value) {
    const refused = this.#model.setWeight(index, value);
    if (!refused) this.#draw();
    return refused;
  }

  #clickPlane(e) {
    const at = this.#parts.heatmap.toPlane(e.clientX, e.clientY, DOMAIN);
    if (at) this.addPoint(at[0], at[1], e.shiftKey ? -1 : 1);
  }

  /** Adds a training point (x, y in the plane, label ±1); the first few are kept in the URL. */
  addPoint(x, y, label) {
    if (this.#model?.addPoint(x, y, label)) this.#pointsChanged();
  }

  clearPoints() {
    if (!this.#model?.network) return;
    this.#model.setPoints([]);
    this.#pointsChanged();
  }

  #pointsChanged() {
    const text = POINTS_FIELD.write(this.#model.userPoints);
    this.#ownPoints = text ?? null;
    if (text === null) this.removeAttribute('points');
    else this.setAttribute('points', text);
    this.#syncSettings();
    this.#draw();
    this.#changed();
  }

  /** One frame of Play: `speed` epochs, then one drawing (and one `step` event). */
  #frame() {
    const m = this.#model;
    for (let k = 0; k < m.state.speed; k++) {
      if (!m.trainEpoch()) return this.#stopped();
    }
    this.#trained(true);
    return true;
  }

  /** Trains one epoch and draws; returns false when training has stopped. Says the epoch and losses, once. */
  step() {
    const m = this.#model;
    if (!m?.trainEpoch()) return this.#stopped();
    this.#trained(false);
    this.#parts.live.textContent = this.#announcement();
    return true;
  }

  #trained(playing) {
    const m = this.#model;
    this.#draw(playing);
    this.#emit('step', { epoch: m.epochs, steps: m.steps, trainLoss: m.trainLoss, testLoss: m.testLoss });
  }

  /** Training stopped (or could not go on): after a divergence, why, and the picture as the network stands. */
  #stopped() {
    this.pause();
    const stop = this.#model?.stop;
    if (!stop) return false;
    this.#draw();
    showStop(this.#parts, explainDivergence(stop));
    this.#emit('diverge', { ...stop });
    return false;
  }

  #announcement() {
    const m = this.#model;
    return playgroundAnnouncement({ epochs: m.epochs, train: m.trainLoss, test: m.testLoss, accuracy: m.testAccuracy });
  }

  play() {
    if (this.#model?.network && !this.#model.stop) this.#loop.start();
  }

  pause() {
    this.#loop.stop();
  }

  /** Back to the initial weights drawn from the seed (the data, the reader's points included, is kept). */
  reset() {
    this.pause();
    if (!this.#model?.network) return;
    this.#model.reset();
    this.#restarted();
    this.#parts.live.textContent = this.#announcement();
  }

  stopped() {
    this.pause();
    this.#grids.terminate();
  }

  themeChanged() {
    this.#palette = null;
    if (!this.#model?.network) return;
    this.#drawThumbnails();
    this.#drawDiagram();
    this.#drawScale();
    this.#draw();
  }

  /**
   * The colours of the current theme, from the figure's own custom properties, as the browser resolves them: the
   * palette is written with light-dark(), which only a property of an element resolves (a custom property's value,
   * or a canvas's fillStyle, keeps it unresolved).
   */
  #colors() {
    if (this.#palette) return this.#palette;
    const v = (name, fallback) => cssColor(this.shadowRoot, name) || fallback;
    const colors = {
      negative: v('--accent', '#c2410c'), positive: v('--curve', '#2d5bd7'), neutral: v('--bg', '#ffffff'),
      stroke: v('--fg', '#1d2330'), muted: v('--muted', '#5f6b7a'), classes: CLASS_COLORS.map((c) => v(c, '#5f6b7a')),
    };
    const ctx = document.createElement('canvas').getContext('2d');
    const [neg, pos, mid] = [colors.negative, colors.positive, colors.neutral].map((c) => rgb(c, ctx));
    this.#palette = { ...colors, neg, pos, mid, ends: colors.classes.map((c) => rgb(c, ctx)) };
    return this.#palette;
  }

  /**
   * The colours of neuron k's map (numbered from the first hidden neuron): from −1 to +1, or for a softmax's output
   * its probability from 0 (neutral) to 1 in its class's colour.
   */
  #neuronPalette(k) {
    const palette = this.#colors();
    const m = this.#model;
    const first = m.layers.slice(1, -1).reduce((s, v) => s + v, 0);
    if (m.outputs === 1 || k < first) return palette;
    return { neg: palette.mid, mid: palette.mid, pos: palette.ends[(k - first) % palette.ends.length] };
  }

  /** Draws the heatmap: the output, or the hovered neuron's map (see playground-grid.js for where it comes from). */
  #drawHeatmap(playing = false) {
    const m = this.#model;
    const neuron = this.#hover;
    const drawn = this.#grids.next(m.network, { generation: m.generation, epoch: m.epochs, neuron, playing, outputs: m.outputs });
    if (!drawn) return; // the picture shown is still the newest
    const s = m.state;
    const user = m.userPoints;
    const classes = m.outputs > 1 ? m.outputs : 0;
    const colors = this.#colors();
    // A softmax output's own map: its probability, from the neutral colour to its class's.
    const output = neuron === null || !classes ? -1 : neuron - (m.layers.slice(1).reduce((t, v) => t + v, 0) - m.outputs);
    const mapColors = output >= 0 ? { ...colors, negative: colors.neutral, positive: colors.classes[output % colors.classes.length] } : colors;
    this.#parts.heatmap.update({
      grid: drawn.grid, nx: GRID, ny: GRID, domain: DOMAIN, train: m.drawn.train, test: s.test ? m.drawn.test : [],
      user, discretize: s.disc, colors: mapColors, classes: neuron === null ? classes : 0,
    });
    const regression = REGRESSIONS.includes(s.data) || (s.data === CUSTOM && m.custom?.kind === 'regression');
    const legend = playgroundLegend({
      neuron: neuron === null ? null : m.neuronLabel(neuron + m.layers[0]),
      regression, test: s.test, user: user.length > 0, classes,
    });
    const p = this.#parts;
    if (p.legend.textContent !== legend) p.legend.textContent = legend; // an unchanged text is not laid out again
  }

  #draw(playing = false) {
    const p = this.#parts;
    const m = this.#model;
    const net = m.network;
    const [lo, hi] = DOMAIN;
    this.#drawHeatmap(playing);
    const side = NEURON_GRID;
    const count = net.biases().length * side * side;
    if (this.#neuronGrid.length !== count) this.#neuronGrid = new Float64Array(count);
    net.predictNeuronGridInto(this.#neuronGrid, lo, hi, lo, hi, side, side);
    const disc = m.state.disc;
    const { flagged, panel } = m.inspect();
    p.panel.update(panel);
    if (p.chain.hidden !== (panel === null)) p.chain.hidden = panel === null;
    p.diagram.update({
      playing: this.#loop.playing, weights: Array.from(net.weights()),
      dead: m.state.reg === 'l1' ? Array.from(net.deadWeights()) : [], grids: this.#neuronGrid, side,
      selected: m.selected, flagged, paintGrid: (px, values, n, k) => paint(px, values, n, this.#neuronPalette(k), disc),
    });
    const h = m.historyView;
    p.loss.update({ losses: h.train, test: h.test, at: h.epochs, xLabel: 'epoch' });
    p.status.textContent = playgroundStatus({ epochs: m.epochs, steps: m.steps });
    const accuracy = { trainAccuracy: m.trainAccuracy, testAccuracy: m.testAccuracy };
    playgroundLosses({ train: m.trainLoss, test: m.testLoss, ...accuracy }).forEach(([label, value], k) => {
      const dd = p.lossValues[k];
      if (dd.previousSibling.textContent !== label) dd.previousSibling.textContent = label;
      dd.textContent = value;
    });
  }

  /** The settings shown, in the state table's keys (a copy). */
  get state() {
    return this.#model?.state ? structuredClone(this.#model.state) : null;
  }
  get epochs() {
    return this.#model?.epochs ?? 0;
  }
  get steps() {
    return this.#model?.steps ?? 0;
  }
  get trainLoss() {
    return this.#model?.trainLoss ?? null;
  }
  get testLoss() {
    return this.#model?.testLoss ?? null;
  }
  /** A classifier's accuracy on its training and test points (fractions), or null. */
  get trainAccuracy() {
    return this.#model?.trainAccuracy ?? null;
  }
  get testAccuracy() {
    return this.#model?.testAccuracy ?? null;
  }
  /** The epoch whose network the heatmap shows (while playing a frame or two behind; -1 for a neuron's map). */
  get heatmapEpoch() {
    return this.#grids.shownEpoch;
  }
  /** The loss history: { stride, epochs, train, test }, one point every `stride` epochs and the newest. */
  get history() {
    return this.#model?.history ?? { stride: 1, epochs: [], train: [], test: [] };
  }
  get diverged() {
    return Boolean(this.#model?.stop);
  }
  get playing() {
    return this.#loop.playing;
  }
  get selected() {
    return this.#model?.selected ? { ...this.#model.selected } : null;
  }
  get userPoints() {
    return this.#model?.userPoints ?? [];
  }
  /** The playground's model (its state and rules, no DOM). */
  get model() {
    return this.#model;
  }
  /** The core's Network handle behind the figure (read it; changing it bypasses the figure). */
  get network() {
    return this.#model?.network ?? null;
  }
}
