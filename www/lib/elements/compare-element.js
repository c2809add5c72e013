// <backprop-compare for="main" compare-lr="0.45">: two runs side by side on the same J(w): the descent's own learning
// rate and a second one, from the same start. The step where they part (land on opposite sides of w*) is marked,
// and the factor that decides each regime is shown with its numbers: every step multiplies w − w* by
// 1 − 2·lr·x², so the distance shrinks by |1 − 2·lr·x²| per step (grows, where that is above 1).
//
// Attributes: for (or x, y, w, lr of its own), compare-lr, theme, loading.
import { element, frame as makeFrame } from '../dom.js';
import { FigureElement, FIGURE_FIELDS } from './figure-element.js';
import { createCompareFigure, RUN_CLASSES } from '../figures/compare.js';
import { field } from '../fields.js';
import { descentField } from '../state.js';
import { formatNumber } from '../format.js';

const LR = descentField('lr');
/** The second run's learning rate (the article's case against 0.45 by default: one creeps, one overshoots). */
const COMPARE_LR_FIELD = field('lr2', {
  attribute: 'compare-lr', label: 'second learning rate', fallback: 0.45, parse: LR.parse, range: LR.range, url: false,
  title: 'second learning rate', meaning: 'The rate of the second run, drawn beside the descent’s own from the same start.',
});
/** Steps drawn of each run at most. */
const COMPARE_STEPS = 30;

/** The weights of a run from `config`, step by step, until it is within `tolerance` of w*, stops, or `steps` ran. */
function runTrail(core, config, optimum, steps = COMPARE_STEPS, tolerance = 1e-6) {
  const descent = new core.Descent(config);
  const trail = [config.w];
  try {
    for (let i = 0; i < steps && !(Math.abs(trail[trail.length - 1] - optimum) <= tolerance); i += 1) trail.push(descent.step().wNext);
  } catch {
    // the next step would leave the finite numbers: the trail ends where the run stops
  } finally {
    descent.free();
  }
  return trail;
}

/** Closer to w* than this (relative), a weight stands on w*, on neither side (a one-step landing, give or take a bit). */
const ON_OPTIMUM = 1e-12;

/** The first step after which the runs stand on opposite sides of w*, or null. */
function partingStep(a, b, optimum) {
  const side = (w) => (Math.abs(w - optimum) <= ON_OPTIMUM * Math.max(1, Math.abs(optimum)) ? 0 : Math.sign(w - optimum));
  for (let k = 1; k < Math.min(a.length, b.length); k += 1) if (side(a[k]) !== side(b[k]) && side(a[k]) !== 0 && side(b[k]) !== 0) return k;
  return null;
}

export class CompareElement extends FigureElement {
  static label = 'Two learning rates on the same J(w)';
  static fields = [...FIGURE_FIELDS, COMPARE_LR_FIELD];

  #parts = null;

  build(root) {
    const frame = makeFrame('compare');
    const form = element('label', 'compare-lr');
    const input = element('input');
    input.type = 'number';
    input.step = 'any';
    input.setAttribute('part', 'compare-lr');
    input.addEventListener('change', () => {
      if (COMPARE_LR_FIELD.parse(input.value) === null) {
        input.setAttribute('aria-invalid', 'true');
        this.#parts.error.textContent = `The second learning rate must be ${LR.range}.`;
        return;
      }
      input.removeAttribute('aria-invalid');
      this.#parts.error.textContent = '';
      this.setAttribute('compare-lr', input.value);
    });
    form.append('Second learning rate ', input);
    const error = element('p', 'compare-error');
    error.setAttribute('role', 'alert');
    const figure = element('div', 'compare-figure');
    const legend = element('ul', 'compare-legend');
    const factors = element('ul', 'compare-factors');
    const parted = element('p', 'compare-parted');
    frame.append(form, error, figure, legend, factors, parted);
    root.append(frame);
    this.#parts = { input, error, legend, factors, parted, figure: createCompareFigure(figure) };
  }

  render(model) {
    if (!this.#parts || !model.ready) return;
    const { input, legend, factors, parted, figure } = this.#parts;
    const config = model.config;
    const lr2 = this.settings.lr2;
    if (document.activeElement !== this) input.value = String(lr2);
    if (config.x === 0) {
      // ŷ = 0 whatever w is: dJ/dw = 0, no rate moves the weight, and there is no w* to compare the runs against.
      figure.update({ x: 0, y: config.y, optimum: null, runs: [{ trail: [config.w] }, { trail: [config.w] }], parted: null });
      legend.replaceChildren();
      factors.replaceChildren();
      parted.textContent = 'With x = 0 the prediction is 0 whatever w is, so dJ/dw = 0 and neither rate moves the weight.';
      parted.dataset.step = '';
      return;
    }
    const runs = [config.lr, lr2].map((lr) => {
      const c = { ...config, lr };
      const analysis = model.core.analyze(c);
      return { lr, analysis, trail: runTrail(model.core, c, analysis.optimum) };
    });
    const optimum = runs[0].analysis.optimum;
    const k = partingStep(runs[0].trail, runs[1].trail, optimum);
    figure.update({ x: config.x, y: config.y, optimum, runs: runs.map((r) => ({ trail: r.trail })), parted: k });
    legend.replaceChildren(
      ...runs.map((r, i) => legendItem(RUN_CLASSES[i], `lr = ${formatNumber(r.lr)}: ${r.trail.length - 1} steps drawn`)),
      legendItem('optimum', `w* = y/x = ${formatNumber(optimum)}, where J is smallest`),
      legendItem('parted', 'ring: the step where the runs part, on opposite sides of w*'),
    );
    // w − w* is multiplied by 1 − 2·lr·x² every step (the core's factor).
    factors.replaceChildren(
      ...runs.map((r, i) => {
        const f = r.analysis.factor;
        const li = element('li', RUN_CLASSES[i]);
        const verb = Math.abs(f) < 1 ? 'shrinks' : Math.abs(f) === 1 ? 'keeps its size' : 'grows';
        li.textContent = `lr = ${formatNumber(r.lr)}: w − w* is multiplied by 1 − 2·${formatNumber(r.lr)}·${formatNumber(config.x)}² = ${formatNumber(f)} each step, so it ${verb}${Math.abs(f) === 1 ? '' : ` by |${formatNumber(f)}| = ${formatNumber(Math.abs(f))} per step`}${f < 0 ? ', changing side every step' : ''}.`;
        li.dataset.factor = String(f);
        return li;
      }),
    );
    parted.textContent = k === null ? 'The two runs never stand on opposite sides of w*.' : `The runs part at step ${k}: one stands on each side of w* from there.`;
    parted.dataset.step = k === null ? '' : String(k);
  }
}

function legendItem(className, text) {
  const li = element('li', className);
  li.append(element('span', 'swatch'), text);
  return li;
}
