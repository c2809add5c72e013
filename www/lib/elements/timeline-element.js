// <backprop-timeline for="main">: time travel through a descent. A slider under the figure scrubs to any step (the
// keyboard's arrows step, Home and End go to the ends, as a slider's keys do); the figure it is linked to is redrawn
// at that step (through its `steps` attribute, so a page's URL follows), and the step's full record is shown: every
// factor of the chain rule, as the core computed it.
//
// Attributes: for (the descent figure's id), theme, loading. Events: none of its own (the figure's step and reset).
import { element, frame as makeFrame } from '../dom.js';
import { FigureElement, FIGURE_FIELDS } from './figure-element.js';
import { formatNumber } from '../format.js';
import { formulaLine, linked } from '../formula.js';

/** The timeline reaches at least this many steps ahead of the start, or to six digits where that is further. */
const MIN_EXTENT = 10;
/** ...and never further than this: a slider of more positions than pixels cannot be used. */
const MAX_EXTENT = 500;

/** The rows of a step's record: [label, the record's field, its formula in the glossary's table and which side]. */
const ROWS = [
  ['w', 'w', null],
  ['ŷ', 'yHat', 'prediction'],
  ['J', 'loss', 'loss'],
  ['dJ/dŷ', 'dJdYHat', 'lossSlope'],
  ['dŷ/dw', 'dYHatdW', 'predictionSlope'],
  ['dJ/dw', 'dJdW', 'chain'],
  ['w next', 'wNext', 'update', 'right'],
];

/** A row's formula as the equations draw it, its symbols linked to the glossary; the first row says what w is. */
function rowFormula(name, side) {
  return name ? formulaLine(name, { side }) : 'the weight before the step';
}

export class TimelineElement extends FigureElement {
  static label = 'Timeline of the descent';
  static fields = FIGURE_FIELDS;

  #parts = null;
  /** The furthest step the slider reaches (it grows as the figure steps on). */
  #extent = MIN_EXTENT;

  build(root) {
    const frame = makeFrame('timeline');
    const label = element('label', 'timeline-label');
    const text = element('span', null, 'Step ');
    const slider = element('input');
    slider.type = 'range';
    slider.min = '0';
    slider.step = '1';
    slider.setAttribute('part', 'slider');
    slider.addEventListener('input', () => this.#goTo(Number(slider.value)));
    label.append(text, slider);
    const where = element('p', 'timeline-where');
    where.setAttribute('aria-live', 'polite');
    const table = element('table', 'timeline-record');
    table.setAttribute('part', 'record');
    const caption = element('caption');
    const body = element('tbody');
    table.append(caption, body);
    for (const [name, , equation, side] of ROWS) {
      const tr = element('tr');
      const th = linked(element('th', null, name), name);
      th.scope = 'row';
      const cell = element('td', 'equation');
      cell.append(rowFormula(equation, side));
      tr.append(th, element('td', 'value'), cell);
      body.append(tr);
    }
    // No record until the first render finds a step taken: shown before it, the empty table took 200 px more than
    // the figure at step 0 (its room in reserve.css), and gave them back as it drew, shifting the page.
    table.hidden = true;
    frame.append(label, where, table);
    root.append(frame);
    this.#parts = { slider, where, caption, body, table };
  }

  /** Redraws the linked figure at step k, through its `steps` attribute. */
  #goTo(k) {
    const id = this.settings.for;
    const target = id ? this.getRootNode().getElementById?.(id) : this;
    target?.setAttribute('steps', String(k));
  }

  render(model) {
    if (!this.#parts || !model.ready) return;
    const { slider, where, caption, body, table } = this.#parts;
    const steps = model.steps;
    const digits = model.facts?.analysis?.stepsToWithin;
    const ahead = Number.isFinite(digits) ? digits : MIN_EXTENT;
    this.#extent = Math.min(MAX_EXTENT, Math.max(this.#extent, steps, ahead, MIN_EXTENT));
    if (model.stop && steps >= this.#extent) this.#extent = steps; // a run that stopped ends the line
    slider.max = String(this.#extent);
    slider.value = String(steps);
    slider.setAttribute('aria-valuetext', `step ${steps} of ${this.#extent}, w = ${formatNumber(model.w)}`);
    where.textContent = `Step ${steps} of ${this.#extent}: w = ${formatNumber(model.w)}`;
    const record = steps > 0 ? model.records[steps - 1] : null;
    table.hidden = !record;
    if (!record) {
      where.textContent += ' (no step taken yet: move the slider, or press Step on the figure)';
      return;
    }
    caption.textContent = `The record of step ${steps}: w${sub(steps - 1)} → w${sub(steps)}`;
    ROWS.forEach(([, key], i) => {
      const cell = body.rows[i].cells[1];
      cell.textContent = formatNumber(record[key]);
      cell.dataset.value = String(record[key]);
    });
  }
}

const sub = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
