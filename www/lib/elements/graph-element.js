// <backprop-graph>: one training point's forward and backward pass through a small network, drawn from the core's
// trace as a computation graph. The backward pass can be stepped node by node in reverse topological order: each
// step lights a node and the edges leaving it, and says how its gradient is made, grad(node) = Σ grad(to)·local.
//
// Attributes: dataset (xor, circle, gaussians, spiral), hidden-layers ("2": hidden layer sizes), activation, seed, point,
// loading. Events: reset (new trace), step (a node's gradient shown). Read-only: trace, settings, revealed.
// Methods: backwardStep(), showAll(), hideGradients(), train(n), nextPoint().
import { BaseElement } from './base-element.js';
import { button, element, frame as makeFrame, scrollBox } from '../dom.js';
import { frameLoop, liveRegion, showPlaying, toolbar } from './parts.js';
import { COMMON_FIELDS, decimal, field, oneOf } from '../fields.js';
import { backwardOrder, createGraphFigure } from '../figures/graph.js';
import { localRule, nodeNames } from '../figures/graph-names.js';
import { ACTIVATIONS, DATASETS, parseHidden } from '../playground-state.js';
import { formatCount, formatNumber } from '../format.js';
import { createGradientPanel } from '../figures/gradient-panel.js';
import { parameterNamed } from '../playground-shape.js';

const GRAPH_POINTS = 40;
const count = (max) => decimal({ min: 0, max, integer: true });
/** The graph's fields: at most two hidden layers of three, so every node stays legible. */
export const GRAPH_FIELDS = [
  field('data', { attribute: 'dataset', fallback: 'xor', parse: oneOf(DATASETS), range: DATASETS.join(', '), title: 'dataset', meaning: 'The data whose training point is traced.' }),
  field('hidden', { attribute: 'hidden-layers', fallback: [2], parse: (t) => { const h = parseHidden(t); return h && h.length <= 2 && h.every((n) => n <= 3) ? h : null; }, write: (v) => v.join(','), range: 'at most 2 layers of at most 3', type: 'list', title: 'hidden layers', meaning: 'The hidden layers’ sizes, such as 2 or 3,2.' }),
  field('act', { attribute: 'activation', label: 'activation', fallback: 'tanh', parse: oneOf(ACTIVATIONS), range: ACTIVATIONS.join(', '), meaning: 'The hidden neurons’ activation function.' }),
  field('seed', { fallback: 0, parse: count(4294967295), range: 'a whole number from 0 to 4294967295', meaning: 'The seed of the data and of the starting weights.' }),
  field('point', { fallback: 0, parse: count(GRAPH_POINTS / 2 - 1), range: `a whole number from 0 to ${GRAPH_POINTS / 2 - 1}`, title: 'training point', meaning: 'Which training point is traced (0 is the first).' }),
];
const BACKWARD_INTERVAL_MS = 450;
const short = (v) => formatNumber(v, 4);

export class GraphElement extends BaseElement {
  static label = 'The computation graph of one training point, with its backward pass';
  static fields = [...GRAPH_FIELDS, ...COMMON_FIELDS];

  /** The full core's exports once loaded (null before). */
  core = null;

  #parts = null;
  #network = null;
  #trace = null;
  #order = [];
  #done = 0;
  #point = 0;
  #last = 0;
  #loop = frameLoop((now) => this.#frame(now), (playing) => showPlaying(this.#parts.play, playing, 'Play backward'));

  build(root) {
    const frame = makeFrame('graph-frame');
    const controls = toolbar('Backward pass controls');
    const back = button(controls, 'back', 'Backward step', () => (this.#stopPlay(), this.backwardStep()));
    const play = button(controls, 'play', 'Play backward', () => (this.#loop.playing ? this.#stopPlay() : this.#play()));
    play.setAttribute('aria-pressed', 'false');
    button(controls, 'all', 'All gradients', () => (this.#stopPlay(), this.showAll()));
    button(controls, 'reset', 'Hide gradients', () => (this.#stopPlay(), this.hideGradients()));
    const more = toolbar('Training point and training');
    button(more, 'point', 'Next point', () => this.nextPoint());
    button(more, 'train', 'Train one step', () => this.train(1));
    const status = element('p', 'status');
    const box = scrollBox(element('div', 'graph-box'), 'The graph, scrolls sideways');
    const explain = element('p', 'caption explain');
    explain.setAttribute('part', 'caption');
    // Where the graph runs top to bottom (a phone), the controls and the explanation stay on screen as it scrolls.
    const sticky = (part) => getComputedStyle(part).position === 'sticky';
    const margins = () => ({ top: sticky(controls) ? controls.getBoundingClientRect().height : 0, bottom: sticky(explain) ? explain.getBoundingClientRect().height : 0 });
    const figure = createGraphFigure(box, { onSelect: (node) => this.select(node.label), margins });
    const legend = element('p', 'caption graph-legend', 'Each box is a node: its name (an operation by its sign: × product, + sum, − negation, (·)² square), its value, and once the backward pass reaches it, its gradient ∂ = ∂J/∂node. The number on an arrow is its local derivative, how much the node it points to moves per unit of the node it leaves.');
    const notice = element('p', 'notice');
    notice.hidden = true;
    const live = liveRegion();
    const check = element('div', 'inspect');
    const panel = createGradientPanel(check);
    panel.update(null, 'Click or press Enter on a weight or bias node (w…, b…) to check its gradient against the central difference.');
    // Beside the graph where the frame is wide, and kept in view as the graph scrolls by; around it where narrow.
    const side = element('div', 'graph-side');
    side.append(controls, more, status, explain, legend, check, notice);
    const body = element('div', 'graph-body');
    body.append(side, box);
    frame.append(body, live);
    root.append(frame);
    this.#parts = { back, play, status, figure, explain, panel, notice, live };
  }

  async start() {
    const { loadNetworkCore } = await import('../core-network.js');
    this.core = await loadNetworkCore();
    this.configure();
  }

  configure() {
    this.#stopPlay();
    const values = this.settings;
    this.#parts.notice.hidden = true;
    this.#network?.free();
    this.#network = new this.core.Network({ layers: [2, ...values.hidden, 1], activation: values.act, seed: values.seed, lr: 0.1, batchSize: 1 });
    this.#network.useDataset({ dataset: values.data, points: GRAPH_POINTS, seed: values.seed });
    this.#point = values.point;
    this.#retrace();
  }

  /**
   * Selects the parameter named `label` (w1[2,1], b2[1], …): its gradient by backpropagation beside the core's central
   * difference, on the graph's training points. Null clears the selection.
   */
  select(label) {
    const layers = this.#network?.config.layers;
    const p = label && layers ? parameterNamed(layers, label) : null;
    this.#selected = p ? label : null;
    this.#parts.figure.select(this.#selected);
    this.#check();
  }

  #check() {
    if (!this.#selected) return this.#parts.panel.update(null, 'Click or press Enter on a weight or bias node (w…, b…) to check its gradient against the central difference.');
    const layers = this.#network.config.layers;
    const p = parameterNamed(layers, this.#selected);
    const index = p.kind === 'weight' ? p.index : this.#network.weights().length + p.index;
    const check = this.#network.gradientCheck(index, 1e-5);
    this.#parts.panel.update({ name: this.#selected, kind: p.kind, check, points: this.#network.trainData().length / 3, chain: null });
  }

  #selected = null;
  #names = new Map();

  #retrace() {
    this.#trace = this.#network.trace(this.#point);
    this.#names = nodeNames(this.#trace);
    this.#order = backwardOrder(this.#trace);
    this.#parts.figure.draw(this.#trace);
    this.#parts.figure.select(this.#selected);
    if (this.#selected && !parameterNamed(this.#network.config.layers, this.#selected)) this.#selected = null;
    this.#check();
    this.#done = 0;
    this.#render();
    this.dispatchEvent(new CustomEvent('reset', { detail: { point: this.#point }, bubbles: true, composed: true }));
  }

  /** Shows the next node's gradient; returns false when every gradient is shown. */
  backwardStep() {
    if (!this.#trace || this.#done >= this.#order.length) return false;
    this.#done += 1;
    this.#render();
    const id = this.#order[this.#done - 1];
    this.#parts.live.textContent = this.#parts.explain.textContent;
    this.dispatchEvent(new CustomEvent('step', { detail: { id, done: this.#done }, bubbles: true, composed: true }));
    return true;
  }

  showAll() {
    this.#done = this.#order.length;
    this.#render();
  }

  hideGradients() {
    this.#done = 0;
    this.#render();
  }

  nextPoint() {
    if (!this.#network) return;
    this.#stopPlay();
    const n = this.#network.trainData().length / 3;
    this.#point = (this.#point + 1) % n;
    this.#retrace();
  }

  /** Trains n updates on the whole training set, then traces the point again. */
  train(n) {
    if (!this.#network) return;
    this.#stopPlay();
    try {
      this.#network.trainSteps(n);
    } catch (e) {
      this.#parts.notice.textContent = String(e?.message ?? e);
      this.#parts.notice.hidden = false;
    }
    this.#retrace();
  }

  #play() {
    if (this.#done >= this.#order.length) this.#done = 0;
    this.#last = 0;
    this.#loop.start();
  }

  /** One frame of Play backward: a node every BACKWARD_INTERVAL_MS, until every gradient is shown. */
  #frame(now) {
    if (now - this.#last < BACKWARD_INTERVAL_MS) return true;
    this.#last = now;
    return this.backwardStep() && this.#done < this.#order.length;
  }

  #stopPlay() {
    this.#loop.stop();
  }

  stopped() {
    this.#stopPlay();
  }

  #render() {
    const p = this.#parts;
    const t = this.#trace;
    p.figure.reveal(this.#done);
    const [x1, x2, target] = Array.from(this.#network.trainData().slice(this.#point * 3, this.#point * 3 + 3));
    const loss = t.nodes.find((n) => n.id === t.loss);
    p.status.textContent = `Training point ${this.#point + 1}: x = (${short(x1)}, ${short(x2)}), target y = ${short(target)}; after ${formatCount(this.#network.steps)} training step${this.#network.steps === 1 ? '' : 's'}, J = ½(ŷ − y)² = ${short(loss.value)}. Gradients shown: ${this.#done} of ${this.#order.length}.`;
    p.back.disabled = this.#done >= this.#order.length;
    p.explain.textContent = this.#done === 0
      ? 'The forward pass has put a value in every node. Step backward: the loss J is where the blame starts, ∂J/∂J = 1.'
      : this.#explain(this.#order[this.#done - 1]);
  }

  /**
   * The chain rule at one node, in words and in its numbers: grad(node) = Σ over its out-edges of grad(to)·local,
   * each node named ("the product w1[1,1]·x1") and each local derivative written by its rule where it has one.
   */
  #explain(id) {
    const t = this.#trace;
    const names = this.#names;
    const node = t.nodes[id];
    const me = names.get(id);
    const said = `${me.name[0].toUpperCase()}${me.name.slice(1)}`;
    if (id === t.loss) return `${said}: ∂J/∂J = 1, where the backward pass starts.`;
    const outs = t.edges.filter((e) => e.from === id);
    const wrap = (v) => (v < 0 ? `(${short(v)})` : short(v));
    const to = (e) => names.get(e.to);
    const feeds = outs.length === 1 ? `feeds ${to(outs[0]).name}` : `feeds ${outs.length} nodes, so its gradient adds ${outs.length} paths`;
    const symbols = outs.map((e) => `∂J/∂${to(e).wrapped} · ${localRule(t, e, names) ?? `∂${to(e).wrapped}/∂${me.wrapped}`}`);
    const numbers = outs.map((e) => `${wrap(t.nodes[e.to].grad)} · ${wrap(e.local)}`);
    return `${said} ${feeds}: ∂J/∂${me.wrapped} = ${symbols.join(' + ')} = ${numbers.join(' + ')} = ${short(node.grad)}`;
  }

  get trace() {
    return this.#trace ? structuredClone(this.#trace) : null;
  }
  /** The network behind the graph: its configuration, the traced point, its parameters and training points. */
  get state() {
    return this.#network ? { config: this.#network.config, point: this.#point, weights: Array.from(this.#network.weights()), biases: Array.from(this.#network.biases()), train: Array.from(this.#network.trainData()) } : null;
  }
  get revealed() {
    return this.#done;
  }
}
