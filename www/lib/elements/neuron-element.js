// <backprop-neuron>: the article's one weight given a bias and an activation, ŷ = σ(w·x + b), J = (ŷ − y)², trained
// live by the full core's Network (one input, one sigmoid neuron, squared error, plain gradient descent on one point).
// Each step's numbers are read from the core's trace of the point (values, ∂J/∂node, local derivatives) and its
// update from the core's own training step, so every number shown is the core's.
//
// Attributes: x, y, w, b, lr, loading. Events: step, reset. Read-only: records, w, b, steps. Methods: step(),
// play(), pause(), reset().
import { BaseElement } from './base-element.js';
import { button, element, equationBox, frame as makeFrame } from '../dom.js';
import { frameLoop, liveRegion, notice, showPlaying, toolbar } from './parts.js';
import { createPredictPanel } from './predict-panel.js';
import { COMMON_FIELDS, decimal, field, oneOf } from '../fields.js';
import { createContourFigure } from '../figures/contour.js';
import { neuronQuestion } from '../predict.js';
import { NEURON_DIGITS, NEURON_EQUATIONS } from '../neuron-equations.js';
import { createLossFigure } from '../figures/loss.js';
import { formatCount, formatNumber } from '../format.js';

const between = (min, max, more = {}) => ({ parse: decimal({ min, max, ...more }), range: `a number from ${min} to ${max}` });
/** The neuron's fields: the article's x, y and w₀, a bias starting at 0, and a learning rate. */
export const NEURON_FIELDS = [
  field('x', { fallback: 1.5, ...between(-100, 100), title: 'input x', meaning: 'The input: ŷ = σ(w·x + b).' }),
  field('y', { fallback: 0.5, ...between(0, 1), title: 'target y', meaning: 'The target, within the sigmoid’s range: J = (ŷ − y)².' }),
  field('w', { label: 'w₀', fallback: 0.8, ...between(-100, 100), title: 'starting weight', meaning: 'The weight w₀ the training starts from.' }),
  field('b', { label: 'b₀', fallback: 0, ...between(-100, 100), title: 'starting bias', meaning: 'The bias b₀ the training starts from.' }),
  field('lr', { fallback: 1, ...between(0, 10, { minExclusive: true }), range: 'a number above 0, at most 10', title: 'learning rate', meaning: 'How far each step moves: (w, b) ← (w, b) − lr·∇J.' }),
];

/** Steps a run keeps (then Play stops). */
const MAX_STEPS = 2000;
const STEPS_PER_SECOND = 6;
/** Samples along each side of the J(w, b) map. */
const SURFACE_SIDE = 64;
const short = (v) => formatNumber(v, NEURON_DIGITS);

export class NeuronElement extends BaseElement {
  static label = 'One neuron with a bias and a sigmoid, trained step by step';
  static fields = [...NEURON_FIELDS, field('mode', { fallback: 'explore', parse: oneOf(['explore', 'predict']), write: (v) => (v === 'predict' ? v : null), range: 'explore or predict', meaning: 'In predict mode the reader guesses whether w and b go up or down before each step, then sees the core’s answer; explore shows every value at once.' }), ...COMMON_FIELDS];

  /** The full core's exports once loaded (null before). */
  core = null;

  #parts = null;
  #network = null;
  #config = null;
  #records = [];
  #pending = null;
  #last = 0;
  #predicting = false;
  #grid = null;
  #surfaceValues = null;
  #loop = frameLoop((now) => this.#frame(now), (playing) => showPlaying(this.#parts.play, playing));

  build(root) {
    const frame = makeFrame('neuron with-equations');
    const controls = toolbar('Neuron controls');
    const step = button(controls, 'step', 'Step', () => (this.pause(), this.#predicting ? this.#ask() : this.step()));
    const play = button(controls, 'play', 'Play', () => (this.#loop.playing ? this.pause() : this.play()));
    play.setAttribute('aria-pressed', 'false');
    button(controls, 'reset', 'Reset', () => this.reset());
    const predictToggle = button(controls, 'predict', 'Predict first', () => this.setAttribute('mode', this.#predicting ? 'explore' : 'predict'));
    predictToggle.setAttribute('aria-pressed', 'false');
    const predict = createPredictPanel((q, guess) => this.#revealed(q, guess));
    const status = element('p', 'status');
    status.setAttribute('part', 'status');
    const equations = element('ol', 'equations');
    equations.setAttribute('part', 'equations');
    const slots = {};
    for (const [name, { title }] of Object.entries(NEURON_EQUATIONS)) {
      const li = element('li');
      li.dataset.equation = name;
      const slot = equationBox();
      li.append(element('span', 'equation-title', title), slot);
      equations.append(li);
      slots[name] = slot;
    }
    // The map beside the equations, the loss and the table under them (figure.css places the three where wide).
    const pictures = element('div', 'pictures');
    const map = element('div', 'neuron-map');
    const contour = createContourFigure(map);
    map.append(element('p', 'caption contour-caption', 'J over (w, b): the lines join pairs with equal loss; the path is the descent so far, the arrow −∇J the way downhill.'));
    const trend = element('div', 'neuron-loss');
    const loss = createLossFigure(trend);
    pictures.append(map, trend);
    const tableWrap = element('div', 'table-wrap');
    const table = element('table');
    table.append(element('caption', null, 'w, b and J after each update'));
    const head = element('tr');
    for (const h of ['step', 'w', 'b', 'J']) head.append(element('th', null, h));
    const thead = element('thead');
    thead.append(head);
    const tbody = element('tbody');
    table.append(thead, tbody);
    tableWrap.append(table);
    pictures.append(tableWrap);
    const body = element('div', 'body');
    body.append(equations, pictures);
    const problem = notice();
    const live = liveRegion();
    frame.append(controls, status, predict.element, body, problem, live);
    root.append(frame);
    this.#parts = { step, play, predictToggle, predict, status, slots, contour, loss, tbody, problem, live };
  }

  applyOptions() {
    const predicting = this.settings.mode === 'predict';
    if (predicting === this.#predicting) return;
    this.#predicting = predicting;
    this.pause();
    this.#parts.predict.show(predicting);
    this.#parts.predict.resetScore();
    this.#parts.predictToggle.setAttribute('aria-pressed', String(predicting));
    this.#parts.play.disabled = predicting;
    if (this.#pending) this.#render(); // the slopes and the −∇J arrow are the answer: hidden or shown at once
  }

  /** Predict mode: asks whether w and b will go up or down before the coming step. */
  #ask() {
    const p = this.#parts;
    if (!p.predict.asking && this.#pending) {
      p.predict.ask(neuronQuestion(this.#pending));
      p.live.textContent = 'Predict: will w and b go up or down? Pick both, then press Reveal.';
    }
    p.predict.focus();
  }

  #revealed(q, guess) {
    const verdict = q.judge(guess);
    this.step();
    queueMicrotask(() => {
      this.#parts.live.textContent = `${this.#parts.predict.resultText} Press Step to predict the next one.`;
      this.#parts.step.focus();
    });
    return verdict;
  }

  /** The (w, b) rectangle the map shows: square in w and b, around the whole path, recomputed when the path leaves it. */
  #surface(path) {
    const ws = path.map((p) => p.w);
    const bs = path.map((p) => p.b);
    const inside = (g) => ws.every((w) => w > g.wMin + 0.08 * (g.wMax - g.wMin) && w < g.wMax - 0.08 * (g.wMax - g.wMin)) && bs.every((b) => b > g.bMin + 0.08 * (g.bMax - g.bMin) && b < g.bMax - 0.08 * (g.bMax - g.bMin));
    if (this.#grid && inside(this.#grid)) return;
    const span = Math.max(4, 1.5 * Math.max(Math.max(...ws) - Math.min(...ws), Math.max(...bs) - Math.min(...bs)));
    const cw = (Math.max(...ws) + Math.min(...ws)) / 2;
    const cb = (Math.max(...bs) + Math.min(...bs)) / 2;
    const clamp = (v) => Math.max(-1000, Math.min(1000, v));
    const grid = { x: this.#config.x, y: this.#config.y, wMin: clamp(cw - span / 2), wMax: clamp(cw + span / 2), bMin: clamp(cb - span / 2), bMax: clamp(cb + span / 2), columns: SURFACE_SIDE, rows: SURFACE_SIDE };
    const values = new Float64Array(SURFACE_SIDE * SURFACE_SIDE);
    this.core.neuronLossSurfaceInto(values, grid); // the whole map in one call
    this.#grid = grid;
    this.#surfaceValues = values;
  }

  async start() {
    const { loadNetworkCore } = await import('../core-network.js');
    this.core = await loadNetworkCore();
    this.configure();
  }

  configure(changed) {
    if (changed && [...changed].every((name) => name === 'mode')) return;
    this.pause();
    this.#grid = null;
    this.#parts.predict.resetScore();
    const values = Object.fromEntries(NEURON_FIELDS.map((f) => [f.key, this.settings[f.key]]));
    this.#config = values;
    this.#parts.problem.show(null);
    this.#network?.free();
    const { x, y, w, b, lr } = values;
    this.#network = new this.core.Network({ layers: [1, 1], outputActivation: 'sigmoid', loss: 'squared', optimizer: 'sgd', lr, batchSize: 1 });
    this.#network.setData([x, y], [x, y]);
    this.#network.setParameters([w], [b]);
    this.#records = [];
    this.#peek();
    this.#render();
    this.dispatchEvent(new CustomEvent('reset', { detail: { w, b }, bubbles: true, composed: true }));
  }

  /** The coming step's numbers, read from the core's trace of the point at the current parameters. */
  #peek() {
    const trace = this.#network.trace(0);
    const byLabel = new Map(trace.nodes.map((nd) => [nd.label, nd]));
    const node = (label) => byLabel.get(label);
    const local = (from, to) => trace.edges.find((e) => e.from === node(from).id && e.to === node(to).id).local;
    const wNode = node('w1[1,1]');
    const product = trace.edges.find((e) => e.from === wNode.id); // w·x, then z = w·x + b
    this.#pending = {
      ...this.#config,
      w: wNode.value,
      b: node('b1[1]').value,
      z: node('z1[1]').value,
      yHat: node('ŷ').value,
      loss: node('J').value,
      dJdYHat: node('ŷ').grad,
      dYHatdZ: local('z1[1]', 'ŷ'),
      dZdW: product.local * trace.edges.find((e) => e.from === product.to && e.to === node('z1[1]').id).local,
      dJdW: wNode.grad,
      dJdB: node('b1[1]').grad,
      wNext: null,
      bNext: null,
    };
  }

  /** Takes one update; returns false when the run has stopped. */
  step() {
    if (!this.#network || this.#records.length >= MAX_STEPS) return false;
    const record = this.#pending;
    try {
      this.#network.trainSteps(1);
    } catch (e) {
      this.#parts.problem.show(String(e?.message ?? e));
      return false;
    }
    record.wNext = this.#network.weights()[0];
    record.bNext = this.#network.biases()[0];
    this.#records.push(record);
    this.#peek();
    this.#render();
    const n = this.#records.length;
    this.#parts.live.textContent = `step ${n}: w = ${short(record.wNext)}, b = ${short(record.bNext)}, J = ${short(this.#pending.loss)}`;
    this.dispatchEvent(new CustomEvent('step', { detail: { step: n, record: { ...record } }, bubbles: true, composed: true }));
    return true;
  }

  play() {
    if (!this.#network) return;
    this.#last = performance.now();
    this.#loop.start();
  }

  pause() {
    this.#loop.stop();
  }

  reset() {
    if (this.core) this.configure();
  }

  stopped() {
    this.pause();
  }

  /** One frame of Play: a step every 1/STEPS_PER_SECOND s, until the run stops or J is all but 0. */
  #frame(now) {
    if (now - this.#last < 1000 / STEPS_PER_SECOND) return true;
    this.#last = now;
    return this.step() && this.#pending.loss >= 1e-12;
  }

  #render() {
    const p = this.#parts;
    const last = this.#records.at(-1);
    // The step just taken, or before any the coming one (in predict mode without its slopes: they are the answer).
    const hidden = { dJdYHat: null, dYHatdZ: null, dZdW: null, dJdW: null, dJdB: null };
    const shown = last ?? (this.#predicting ? { ...this.#pending, ...hidden } : this.#pending);
    for (const [name, { build }] of Object.entries(NEURON_EQUATIONS)) p.slots[name].show(...[build(shown)].flat());
    const n = this.#records.length;
    const now = this.#pending;
    p.status.textContent = n === 0
      ? `Before the first update: w = ${short(now.w)}, b = ${short(now.b)}, J = ${short(now.loss)}. The equations show the first step.`
      : `After ${formatCount(n)} update${n === 1 ? '' : 's'}: w = ${short(now.w)}, b = ${short(now.b)}, ŷ = ${short(now.yHat)}, J = ${short(now.loss)}. The equations show the last step.`;
    const rows = [...this.#records.map((r) => [r.w, r.b, r.loss]), [now.w, now.b, now.loss]];
    const keep = rows.length > 12 ? [...rows.slice(0, 6).map((r, i) => [i, r]), null, ...rows.slice(-5).map((r, i) => [rows.length - 5 + i, r])] : rows.map((r, i) => [i, r]);
    p.tbody.replaceChildren(
      ...keep.map((entry) => {
        const tr = element('tr');
        if (!entry) {
          tr.className = 'fold';
          const td = element('td', null, `… ${formatCount(rows.length - 11)} more …`);
          td.colSpan = 4;
          tr.append(td);
          return tr;
        }
        const [i, r] = entry;
        tr.dataset.step = String(i);
        if (i === rows.length - 1) tr.className = 'current-row';
        tr.append(element('td', null, String(i)), ...r.map((v) => element('td', null, short(v))));
        return tr;
      }),
    );
    p.loss.update({ losses: rows.map((r) => r[2]) });
    const path = rows.map(([w, b]) => ({ w, b }));
    this.#surface(path);
    p.contour.update({ values: this.#surfaceValues, grid: this.#grid, path, gradient: this.#predicting ? null : { dJdW: now.dJdW, dJdB: now.dJdB } });
    p.step.disabled = n >= MAX_STEPS;
  }

  get records() {
    return this.#records.map((r) => ({ ...r }));
  }
  /** The coming step's numbers at the current parameters. */
  get current() {
    return this.#pending ? { ...this.#pending } : null;
  }
  get steps() {
    return this.#records.length;
  }
  get playing() {
    return this.#loop.playing;
  }
}
