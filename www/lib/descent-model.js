// A descent being stepped through, phase by phase: the state one figure (or several linked figures) shows.
//
// It wraps the core's Descent handle and adds what only a page needs: the phase within the step in progress
// (forward → error → backward → update), the closed-form analysis, and the divergence stop. The handle is kept one
// step ahead of what is shown: the coming step is taken in the core as soon as the previous one is shown (so the
// phases reveal a record the core really computed, and a divergence is known before the reader gets there), and
// its record is revealed phase by phase. Every number comes from the wasm core; this module only decides what to ask for and when.
// Events: "change" (anything), "step" (a step was taken), "diverge" (the next step would leave the finite numbers),
// "reset".

import { loadCore } from './core.js';
import { LIMITS } from '../pkg-article/limits.js';

/** Most steps a descent keeps, and most steps one call to the core may take (the core's limits()). */
const { maxHistory, maxSteps } = LIMITS.descent;

/** The phases of one step, in order; the quantity each one computes is what figures highlight. */
const PHASES = ['forward', 'error', 'backward', 'update'];

/** The index of the last phase of a step: showing it takes the step. */
const UPDATE = PHASES.length - 1;

/** The article's problem. */
const ARTICLE = Object.freeze({ x: 1.5, y: 0.5, w: 0.8, lr: 0.1 });

/** Decimals the article prints its last row with (0.333333). */
export const ARTICLE_DECIMALS = 6;

/** The article's table: w₀ … w₅ as it prints them. */
export const ARTICLE_ROWS = ['0.8', '0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375'];

const sameConfig = (a, b) => a.x === b.x && a.y === b.y && a.w === b.w && a.lr === b.lr;

export class DescentModel extends EventTarget {
  /** @param {{x:number,y:number,w:number,lr:number}} config */
  constructor(config) {
    super();
    this.config = { ...config };
    this.core = null;
    this.descent = null;
    this.records = [];
    /** -1 before the first phase of a run; else the index in PHASES of the phase last shown. */
    this.phase = -1;
    /** The coming step, already taken in the core and not yet shown; null when the next step would diverge. */
    this.pending = null;
    this.stop = null;
    this.error = null;
    this.facts = null;
    this.loading = null;
    /** Predict mode: no number of the coming step is shown before the reader has guessed it (see values()). */
    this.predicting = false;
  }

  /** Loads the core (once) and builds the descent. Safe to call many times. */
  load() {
    this.loading ??= loadCore().then((core) => {
      this.core = core;
      this.#rebuild();
    });
    return this.loading;
  }

  get ready() {
    return this.core !== null;
  }

  get isArticle() {
    return sameConfig(this.config, ARTICLE);
  }

  /** The number of steps taken. */
  get steps() {
    return this.records.length;
  }

  /** The current weight (w₀ before any step). */
  get w() {
    if (!this.descent) return this.config.w;
    return this.pending ? this.pending.w : this.descent.w;
  }

  /** J at the current weight, computed by the core. */
  get loss() {
    if (!this.descent) return NaN;
    return this.pending ? this.pending.loss : this.descent.loss;
  }

  /** The record the view shows: the step just completed (update phase) or the step in progress. */
  get shown() {
    if (this.stepComplete) return this.records[this.records.length - 1] ?? null;
    return this.pending;
  }

  /** The name of the phase last shown, or null before the first. */
  get phaseName() {
    return PHASES[this.phase] ?? null;
  }

  /** The name of the phase nextPhase() shows (after an update, or before the first phase: forward). */
  get comingPhase() {
    return PHASES[(this.phase + 1) % PHASES.length];
  }

  /** True when the phase last shown is the update: a whole step has been taken and shown. */
  get stepComplete() {
    return this.phase === UPDATE;
  }

  /** Predict mode on or off; every figure showing this descent draws again. */
  setPredicting(on) {
    if (this.predicting === Boolean(on)) return;
    this.predicting = Boolean(on);
    this.#changed();
  }

  /**
   * Whether the coming step's quantity of phase `p` (an index in PHASES) may be shown: always when previewing,
   * else only once its phase of the step in progress has been shown.
   */
  #aheadKnown(p, preview) {
    return preview || (this.pending !== null && !this.stepComplete && this.phase >= p);
  }

  /**
   * The numbers the equations and figures show, as one plain object. Quantities the current phase has not
   * computed yet are null; before the first phase every quantity of the coming step is shown (a preview), unless
   * `preview` is false (predict mode: nothing is shown before the reader has guessed it).
   */
  values({ preview = !this.predicting } = {}) {
    const r = this.shown;
    const known = this.phase === -1 ? (preview ? UPDATE : -1) : this.phase;
    const q = (phase, v) => (r && known >= phase ? v : null);
    return {
      ...this.config,
      step: this.steps,
      w: r ? r.w : this.w,
      yHat: q(0, r?.yHat),
      error: q(1, r?.error),
      loss: q(1, r?.loss),
      dJdYHat: q(2, r?.dJdYHat),
      dYHatdW: q(2, r?.dYHatdW),
      dJdW: q(2, r?.dJdW),
      wNext: q(3, r?.wNext),
      linear: this.facts?.linear ?? null,
      optimum: this.facts?.analysis?.optimum ?? null,
      current: this.w,
      // ŷ at the current w is the coming step's forward value: in predict mode, hidden until it has been guessed.
      currentYHat: this.#aheadKnown(0, preview) ? (this.pending?.yHat ?? null) : null,
      // Within the analysis' tolerance of w* (the core counted the steps that takes).
      converged: Number.isFinite(this.facts?.analysis?.stepsToWithin) && this.steps >= this.facts.analysis.stepsToWithin,
    };
  }

  /**
   * J(w₀) … J(wₙ), the losses of the weights visited, from the core (only finite ones: a stop may follow). In
   * predict mode J at the current w is the coming step's error value: left out until it has been guessed.
   */
  lossTrail({ preview = !this.predicting } = {}) {
    if (!this.descent) return [];
    const losses = Array.from(this.descent.losses()); // with the step ahead, its loss is J at the current w
    if (!this.pending && Number.isFinite(this.descent.loss)) losses.push(this.descent.loss);
    if (this.pending && !this.#aheadKnown(1, preview)) losses.pop();
    return losses;
  }

  /** J at the current weight as a figure may show it: null in predict mode until it has been guessed. */
  currentLoss({ preview = !this.predicting } = {}) {
    return this.pending && !this.#aheadKnown(1, preview) ? null : this.loss;
  }

  /** The weights w₀ … wₙ, from the core in one call. */
  trail() {
    return this.descent ? Array.from(this.descent.trail()).slice(0, this.records.length + 1) : [this.config.w];
  }

  /** Replaces the problem (and restarts at its w₀). */
  setConfig(config) {
    const changed = !sameConfig(config, this.config);
    this.config = { ...config };
    if (this.core && (changed || !this.descent)) this.#rebuild();
  }

  /** Back to w₀, with no step taken. */
  reset() {
    if (!this.descent) return;
    this.descent.reset();
    this.records = [];
    this.phase = -1;
    this.#peek();
    this.#emit('reset', { w: this.w });
  }

  /** Shows the next phase; the update phase takes the step. Returns false when the descent stopped. */
  nextPhase() {
    if (!this.#canStep()) return false;
    if (this.phase === UPDATE - 1) return this.#commit();
    this.phase = this.stepComplete ? 0 : this.phase + 1;
    this.#changed();
    return true;
  }

  /** Completes the step in progress (or takes a whole new one). Returns false when the descent stopped. */
  nextStep() {
    if (!this.#canStep()) return false;
    return this.#commit();
  }

  /**
   * Takes up to `n` whole steps in as few calls as possible, stopping before the first that would diverge.
   * Returns the number taken.
   */
  advance(n) {
    if (!this.descent || n <= 0) return 0;
    if (!this.#canStep()) return 0;
    const before = this.records.length;
    // The step ahead is shown first; then the rest are taken in as few calls as possible.
    this.records.push(this.pending);
    this.pending = null;
    let left = Math.min(n - 1, maxHistory - 1 - this.descent.steps);
    while (left > 0) {
      const chunk = Math.min(left, maxSteps);
      try {
        this.records.push(...this.descent.train(chunk));
        left -= chunk;
      } catch (e) {
        // Some step of the chunk diverges: take the ones before it, in one call, and stop there.
        // The error says at which step (errors are data: kind, field, step).
        const at = e?.kind === 'diverged' && Number.isInteger(e.step) ? e.step : null;
        const safe = at ? at - 1 - this.descent.steps : 0;
        if (safe > 0) this.records.push(...this.descent.train(safe));
        break;
      }
    }
    this.phase = UPDATE;
    this.#peek();
    this.#emitStep();
    if (!this.pending) this.#emitStop();
    return this.records.length - before;
  }

  /** Restarts and runs to step n (or to the divergence stop before it). */
  runTo(n) {
    if (!this.descent) return;
    this.descent.reset();
    this.records = [];
    this.phase = -1;
    this.#peek();
    if (n > 0) this.advance(n);
    else this.#changed();
  }

  #canStep() {
    if (!this.descent) return false;
    if (this.pending) return true;
    this.#emitStop();
    return false;
  }

  #commit() {
    this.records.push(this.pending);
    this.pending = null;
    this.phase = UPDATE;
    this.#peek();
    this.#emitStep();
    if (!this.pending) this.#emitStop();
    return true;
  }

  #rebuild() {
    this.descent?.free();
    this.descent = null;
    this.records = [];
    this.phase = -1;
    this.error = null;
    try {
      this.descent = new this.core.Descent(this.config);
    } catch (e) {
      this.error = String(e?.message ?? e);
    }
    this.facts = this.descent ? this.#facts() : null;
    this.#peek();
    this.#emit('reset', { w: this.w });
  }

  /**
   * The closed-form facts of the problem, computed once per configuration by one call on the descent, whose
   * constructor has checked the configuration: its analysis and its steps to the article's digits.
   */
  #facts() {
    const facts = { analysis: null, analysisError: null, linear: null, digitsStep: null, overflowStep: null };
    try {
      const { analysis, stepsToDigits } = this.descent.facts(ARTICLE_DECIMALS);
      facts.analysis = analysis;
      // dJ/dw = slope·w + intercept for the current x and y (the article's 4.5w − 1.5).
      facts.linear = { slope: analysis.slope, intercept: analysis.intercept };
      facts.overflowStep = analysis.overflowStep ?? null;
      facts.digitsStep = stepsToDigits;
    } catch (e) {
      facts.analysisError = String(e?.message ?? e);
    }
    return facts;
  }

  /** Takes the coming step in the core, to be shown phase by phase; a divergence becomes the stop. */
  #peek() {
    this.pending = null;
    this.stop = null;
    if (!this.descent) return;
    try {
      this.pending = this.descent.step();
    } catch (e) {
      const message = String(e?.message ?? e);
      this.stop = { step: this.records.length + 1, w: this.descent.w, diverged: e?.kind === 'diverged', message };
    }
  }

  #emitStep() {
    const record = this.records[this.records.length - 1];
    this.#emit('step', { step: this.records.length, w: this.w, loss: this.loss, record });
  }

  #emitStop() {
    if (this.stop) this.#emit('diverge', { ...this.stop });
  }

  #changed() {
    this.dispatchEvent(new Event('change'));
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
    this.#changed();
  }
}
