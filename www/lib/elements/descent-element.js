// <backprop-descent>: the stepping figure. The network and J(w) with its tangent, the four equations of a step with
// the current numbers, controls (next phase, next step, play/pause with a speed, reset) and keyboard shortcuts, a
// live region that reads each step, and the divergence stop explained in the numbers of the current problem.
//
// Attributes: x, y, w, lr, steps (the state table), controls, equations, autoplay, theme, loading.
// Events: step, diverge, reset (CustomEvents, numbers in detail). Read-only: w, steps, loss, phase, records,
// diverged, config, analysis, playing. Methods: nextPhase(), nextStep(), play(), pause(), reset(), exportCSV(), exportJSON().
import { FigureElement, FIGURE_FIELDS } from './figure-element.js';
import { button, element, equationBox, frame as makeFrame } from '../dom.js';
import { liveRegion, notice, selectMenu, shortcutList, toolbar } from './parts.js';
import { DESCENT_SHORTCUTS, shortcutAction, typingTarget } from './shortcuts.js';
import { createPredictPanel } from './predict-panel.js';
import { field, flagField, oneOf } from '../fields.js';
import { descentQuestion } from '../predict.js';
import { createCurveFigure } from '../figures/curve.js';
import { createNetworkFigure } from '../figures/network.js';
import { buildEquation, EQUATIONS, PHASE_EQUATION, STEP_EQUATIONS } from '../equations.js';
import { explainStill, explainStop } from '../explain.js';
import { formatCount, formatNumber } from '../format.js';
import { traceToCSV, traceToJSON } from '../trace-export.js';

/** Play speeds in steps per second; up to 2 a step is shown phase by phase. */
const SPEEDS = [0.5, 1, 2, 5, 20, 100, 1000];
const DEFAULT_SPEED = 1;
const PHASED_UP_TO = 2;
/** Least time between two announcements while playing. */
const ANNOUNCE_EVERY_MS = 900;

/** The stepping figure's table: the descent's fields and its display options. */
export const MODE_FIELD = field('mode', { fallback: 'explore', parse: oneOf(['explore', 'predict']), write: (v) => (v === 'predict' ? v : null), range: 'explore or predict', meaning: 'In predict mode the reader commits a guess before each phase, then sees the core’s value beside it; explore shows every value at once.' });
const DESCENT_ELEMENT_FIELDS = [...FIGURE_FIELDS, flagField('controls', { meaning: 'Shows Next phase, Step, Play with its speed, Reset, Predict first and Keys.' }), flagField('equations', { meaning: 'Shows the forward, error, backward and update equations with the current numbers.' }), flagField('autoplay', { meaning: 'Plays on load (not when the reader prefers reduced motion).' }), MODE_FIELD];

/** The status line: what the phase last shown has done, as a sentence (n: steps taken, w: the current weight). */
const STATUS = {
  ready: (n, w) => `Ready: press Next or Step. w is ${w}.`,
  predicting: (n, w) => `Ready: press Next, and predict each phase before it is shown. w is ${w}.`,
  forward: (n, w) => `Step ${formatCount(n + 1)}, forward pass: ŷ = x·w is computed, with w at ${w}.`,
  error: (n, w) => `Step ${formatCount(n + 1)}, error: J = (ŷ − y)² is computed, with w at ${w}.`,
  backward: (n, w) => `Step ${formatCount(n + 1)}, backward pass: dJ/dw is computed, with w at ${w}.`,
  update: (n, w) => `Step ${formatCount(n)} done: the update w ← w − lr·dJ/dw gives w = ${w}.`,
};

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export class DescentElement extends FigureElement {
  static label = 'Gradient descent, step by step';

  static fields = DESCENT_ELEMENT_FIELDS;

  #parts = null;
  #playing = false;
  #speed = DEFAULT_SPEED;
  #frame = 0;
  #last = 0;
  #budget = 0;
  #announced = 0;
  #autoplayed = false;
  #wholeCurve = false;
  #predicting = false;
  #stopAtConvergence = true;
  /** The sentence shown where Play stopped by itself at convergence (null otherwise). */
  #done = null;

  build(root) {
    const frame = makeFrame('descent');

    const controls = toolbar('Descent controls');
    const act = (action) => () => this.#act(action);
    const phase = button(controls, 'phase', 'Next phase', act('phase'));
    const step = button(controls, 'step', 'Step', act('step'));
    const play = button(controls, 'play', 'Play', act('play'));
    play.setAttribute('aria-pressed', 'false');
    const speed = selectMenu(controls, 'speed', 'Speed', SPEEDS.map((v) => [String(v), `${v} step${v === 1 ? '' : 's'}/s`]), (v) => this.#setSpeed(Number(v)));
    speed.parentElement.className = 'speed';
    speed.value = String(DEFAULT_SPEED);
    const reset = button(controls, 'reset', 'Reset', act('reset'));
    const predictToggle = button(controls, 'predict', 'Predict first', act('predict'));
    const keys = button(controls, 'help', 'Keys', act('help'));
    keys.setAttribute('aria-expanded', 'false');
    const help = element('div', 'shortcut-help');
    help.id = 'shortcut-help';
    help.hidden = true;
    help.append(element('p', 'help-title', 'Keys, while the figure has the focus:'), shortcutList(DESCENT_SHORTCUTS));
    keys.setAttribute('aria-controls', help.id);

    const status = document.createElement('p');
    status.className = 'status';
    status.setAttribute('part', 'status');

    const body = document.createElement('div');
    body.className = 'body';
    const pictures = document.createElement('div');
    pictures.className = 'pictures';
    const network = createNetworkFigure(pictures);
    const curve = createCurveFigure(pictures);
    const views = element('div', 'view-choice');
    const whole = button(views, 'view', 'Whole curve', () => {
      this.#wholeCurve = !this.#wholeCurve;
      whole.setAttribute('aria-pressed', String(this.#wholeCurve));
      this.requestRender();
    });
    whole.setAttribute('aria-pressed', 'false');
    whole.title = 'Off: the view follows the last steps. On: every step and the whole bowl.';
    views.prepend(curve.legend);
    pictures.append(views);
    const equations = document.createElement('ol');
    equations.className = 'equations';
    equations.setAttribute('part', 'equations');
    const slots = {};
    for (const name of STEP_EQUATIONS) {
      const li = document.createElement('li');
      li.dataset.equation = name;
      const h = document.createElement('span');
      h.className = 'equation-title';
      h.textContent = EQUATIONS[name].title;
      const m = equationBox();
      li.append(h, m);
      equations.append(li);
      slots[name] = m;
    }
    body.append(pictures, equations);

    const stop = document.createElement('p');
    stop.className = 'stop';
    stop.setAttribute('role', 'alert');
    stop.setAttribute('part', 'stop');
    stop.hidden = true;
    const problem = notice();
    const done = notice('done');
    const still = notice('still');
    const predict = createPredictPanel((q, guess) => this.#revealed(q, guess));
    const live = liveRegion();

    frame.append(controls, help, status, done, still, predict.element, body, stop, problem, live);
    root.append(frame);
    this.addEventListener('keydown', (e) => this.#onKey(e));
    this.#parts = { frame, controls, phase, step, play, speed, reset, predictToggle, keys, help, status, done, still, predict, equations, slots, network, curve, stop, problem, live };
  }

  applyOptions() {
    if (!this.#parts) return;
    const { controls, equations } = this.settings;
    this.#parts.controls.hidden = !controls;
    this.#parts.equations.hidden = !equations;
    this.#parts.frame.classList.toggle('with-equations', equations);
    const predicting = this.settings.mode === 'predict';
    if (predicting !== this.#predicting) {
      this.#predicting = predicting;
      // The descent hides the coming step's numbers from every figure that shows it (equations, table, loss).
      if (this.ownsModel) this.model?.setPredicting(predicting);
      this.pause();
      this.#parts.predict.show(predicting);
      this.#parts.predict.resetScore();
      this.requestRender();
    }
    this.#parts.predictToggle.setAttribute('aria-pressed', String(predicting));
  }

  /** Predict mode: asks for a guess before the next phase (or brings the focus back to the open question). */
  #askNext(model) {
    const p = this.#parts;
    if (!p.predict.asking) {
      if (!model.pending) return this.#announceStop(model);
      const next = model.comingPhase;
      p.predict.ask(descentQuestion(next, model.pending, model.config));
      this.#announce(`Predict: ${next}. Make your guess, then press Reveal.`, true);
    }
    p.predict.focus();
  }

  /** The guess is in: the phase is shown, and the panel puts the core's value beside the guess. */
  #revealed(q, guess) {
    const model = this.model;
    if (!model?.pending) return null;
    const verdict = q.judge(guess);
    model.nextPhase();
    queueMicrotask(() => {
      this.#announce(`${this.#parts.predict.resultText} Press Next to predict the next phase.`, true);
      this.#parts.phase.focus();
    });
    this.dispatchEvent(new CustomEvent('predict', { detail: { phase: q.phase, guess, right: verdict.right, score: this.#parts.predict.score }, bubbles: true, composed: true }));
    return verdict;
  }

  problemChanged() {
    this.pause();
    this.#done = null;
  }

  started(model) {
    if (this.ownsModel) model.setPredicting(this.#predicting);
    if (this.settings.autoplay && !this.#autoplayed && !reducedMotion()) {
      this.#autoplayed = true;
      this.play();
    }
  }

  stopped() {
    this.pause();
  }

  render(model) {
    const p = this.#parts;
    if (!p) return;
    p.problem.show(model.error);
    p.done.show(this.#done);
    p.still.show(explainStill(model.config));
    if (!model.descent) {
      p.status.textContent = 'This problem cannot be run.';
      for (const b of [p.phase, p.step, p.play, p.reset]) b.disabled = true;
      return;
    }
    const v = model.values();
    const phase = model.phaseName;
    const shown = model.shown;
    p.network.update({ ...v, phase });
    const trail = model.trail();
    const losses = model.lossTrail();
    p.curve.update({
      x: v.x,
      y: v.y,
      trail: trail.slice(0, losses.length),
      trailLoss: losses,
      optimum: v.optimum,
      point: shown ? { w: shown.w, loss: v.loss, slope: v.dJdW } : null,
      next: v.wNext,
      phase,
      view: this.#wholeCurve ? 'whole' : 'follow',
    });
    for (const name of STEP_EQUATIONS) p.slots[name].show(buildEquation(name, v, phase));
    for (const li of p.equations.children) li.classList.toggle('current', PHASE_EQUATION[phase] === li.dataset.equation);

    p.phase.textContent = `Next: ${model.comingPhase}`;
    const stopped = !model.pending;
    p.phase.disabled = stopped;
    p.step.disabled = stopped || this.#predicting;
    p.play.disabled = (stopped && !this.#playing) || this.#predicting;
    p.reset.disabled = false;
    p.status.textContent = STATUS[phase ?? (this.#predicting ? 'predicting' : 'ready')](model.steps, formatNumber(model.w));

    if (model.stop) {
      p.stop.textContent = explainStop(model.config, model.facts, model.stop);
      p.stop.hidden = false;
    } else {
      p.stop.hidden = true;
    }
  }

  /**
   * Sets the live region. While playing, only what a listener can follow is read: a step at most once a second
   * (0.9 s, so that steps a second apart are all read); `force` for what the reader did or must know.
   */
  #announce(text, force = false) {
    const now = performance.now();
    if (!force && this.#playing && now - this.#announced < ANNOUNCE_EVERY_MS) return;
    this.#announced = now;
    this.#parts.live.textContent = text;
  }

  #stepText(model) {
    return `step ${model.steps}: w = ${formatNumber(model.w)}, loss = ${formatNumber(model.loss)}`;
  }

  #phaseText(model) {
    const v = model.values();
    const t = {
      forward: `forward: ŷ = ${formatNumber(v.yHat)}`,
      error: `error: J = ${formatNumber(v.loss)}`,
      backward: `backward: dJ/dw = ${formatNumber(v.dJdW)}`,
    }[model.phaseName];
    return t ?? this.#stepText(model);
  }

  #act(action) {
    const model = this.model;
    if (!model?.descent) return;
    if (action !== 'help' && this.#done) {
      this.#done = null;
      this.requestRender();
    }
    switch (action) {
      case 'predict':
        this.setAttribute('mode', this.#predicting ? 'explore' : 'predict');
        this.dispatchEvent(new CustomEvent('modechange', { detail: { mode: this.#predicting ? 'explore' : 'predict' }, bubbles: true, composed: true }));
        break;
      case 'phase':
        this.pause();
        if (this.#predicting) this.#askNext(model);
        else if (model.nextPhase()) this.#announce(this.#phaseText(model), true);
        else this.#announceStop(model);
        break;
      case 'step':
        this.pause();
        if (this.#predicting) this.#askNext(model);
        else if (model.nextStep()) this.#announce(this.#stepText(model), true);
        else this.#announceStop(model);
        break;
      case 'play':
        if (this.#predicting) this.#askNext(model);
        else if (this.#playing) this.pause();
        else this.play();
        break;
      case 'reset':
        this.reset();
        break;
      case 'help':
        this.#toggleHelp();
        break;
      case 'slower':
      case 'faster': {
        const i = SPEEDS.indexOf(this.#speed) + (action === 'faster' ? 1 : -1);
        this.#setSpeed(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i))]);
        this.#announce(`speed: ${this.#speed} steps per second`, true);
        break;
      }
    }
  }

  #announceStop(model) {
    if (model.stop) this.#announce(explainStop(model.config, model.facts, model.stop), true);
  }

  #toggleHelp(open = this.#parts.help.hidden) {
    this.#parts.help.hidden = !open;
    this.#parts.keys.setAttribute('aria-expanded', String(open));
  }

  #onKey(e) {
    if (typingTarget(e)) return;
    if (e.key === 'Escape' && !this.#parts.help.hidden) return this.#toggleHelp(false);
    const action = shortcutAction(e, DESCENT_SHORTCUTS);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    this.#act(action);
  }

  #setSpeed(s) {
    this.#speed = s;
    if (this.#parts) this.#parts.speed.value = String(s);
  }

  #tick = (now) => {
    if (!this.#playing) return;
    const model = this.model;
    const dt = Math.min(now - this.#last, 250);
    if (this.#speed <= PHASED_UP_TO) {
      if (now - this.#last >= 1000 / (this.#speed * 4)) {
        this.#last = now;
        if (!model.nextPhase()) return this.#halt(model);
        // Phases go by four times a step: a listener hears the step once it is complete.
        if (model.stepComplete) this.#announce(this.#stepText(model));
      }
    } else {
      this.#last = now;
      this.#budget += (dt * this.#speed) / 1000;
      let n = Math.floor(this.#budget);
      const until = model.facts?.analysis?.stepsToWithin;
      if (this.#stopAtConvergence && Number.isFinite(until) && model.steps < until) n = Math.min(n, until - model.steps);
      if (n > 0) {
        this.#budget -= n;
        if (model.advance(n) === 0) return this.#halt(model);
        this.#announce(this.#stepText(model));
      }
      if (!model.pending) return this.#halt(model);
    }
    const within = model.facts?.analysis?.stepsToWithin;
    if (this.#stopAtConvergence && Number.isFinite(within) && model.steps >= Math.max(within, 1) && model.stepComplete) {
      this.pause();
      const a = model.facts.analysis;
      this.#done = `Converged after ${formatCount(model.steps)} step${model.steps === 1 ? '' : 's'}: w = ${formatNumber(model.w)} is within ${formatNumber(a.tolerance)} of w* = ${formatNumber(a.optimum)}, so Play stops here. Press Play again to go on.`;
      this.#announce(this.#done, true);
      this.requestRender();
      return;
    }
    this.#frame = requestAnimationFrame(this.#tick);
  };

  #halt(model) {
    this.pause();
    this.#announceStop(model);
  }

  // Public API -------------------------------------------------------------------------------------------------

  /** Starts playing (at the chosen speed). */
  play() {
    const model = this.model;
    if (this.#playing || !model?.pending) return;
    // Play stops once when w comes within the tolerance of w*; started from there, it goes on.
    const within = model.facts?.analysis?.stepsToWithin;
    this.#stopAtConvergence = !(Number.isFinite(within) && model.steps >= Math.max(within, 1));
    this.#done = null;
    this.#playing = true;
    this.#last = performance.now();
    this.#budget = 0;
    this.#frame = requestAnimationFrame(this.#tick);
    this.#syncPlay();
  }

  /** Stops playing. */
  pause() {
    if (!this.#playing) return;
    this.#playing = false;
    cancelAnimationFrame(this.#frame);
    this.#syncPlay();
  }

  #syncPlay() {
    const p = this.#parts;
    if (!p) return;
    p.play.textContent = this.#playing ? 'Pause' : 'Play';
    p.play.setAttribute('aria-pressed', String(this.#playing));
    this.toggleAttribute('playing', this.#playing);
    this.requestRender();
  }

  /** Shows the next phase of the step in progress; returns false when the descent has stopped. */
  nextPhase() {
    this.pause();
    return this.model?.nextPhase() ?? false;
  }

  /** Completes the step in progress; returns false when the descent has stopped. */
  nextStep() {
    this.pause();
    return this.model?.nextStep() ?? false;
  }

  /** Back to w₀. */
  reset() {
    this.pause();
    this.#done = null;
    this.model?.reset();
    if (this.model) this.#announce(`reset: step 0, w = ${formatNumber(this.model.w)}`, true);
  }

  get playing() {
    return this.#playing;
  }
  get w() {
    return this.model?.w ?? null;
  }
  get steps() {
    return this.model?.steps ?? 0;
  }
  get loss() {
    return this.model?.descent ? this.model.loss : null;
  }
  get phase() {
    return this.model?.phaseName ?? null;
  }
  get records() {
    return this.model ? this.model.records.map((r) => ({ ...r })) : [];
  }
  get diverged() {
    return Boolean(this.model?.stop);
  }
  get config() {
    return this.model ? { ...this.model.config } : null;
  }
  get analysis() {
    return this.model?.facts?.analysis ? { ...this.model.facts.analysis } : null;
  }

  /** The trace as CSV text. */
  exportCSV() {
    return traceToCSV(this.model?.records ?? []);
  }

  /** The trace as JSON text. */
  exportJSON() {
    return traceToJSON(this.model?.config ?? {}, this.model?.records ?? []);
  }
}
