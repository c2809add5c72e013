// <backprop-equation name="forward|error|chain|derivative|update|result">: one equation of the article with the
// current numbers, highlighted when its phase is the current one. Usually linked with `for` to a <backprop-descent>.
import { FigureElement, FIGURE_FIELDS } from './figure-element.js';
import { equationBox } from '../dom.js';
import { field, oneOf } from '../fields.js';
import { buildEquation, EQUATIONS } from '../equations.js';

const NAMES = Object.keys(EQUATIONS);

export class EquationElement extends FigureElement {
  static label = 'Equation';

  static fields = [...FIGURE_FIELDS, field('name', { fallback: 'forward', parse: oneOf(NAMES), range: NAMES.join(', '), title: 'equation name', meaning: 'Which of the article’s equations to show, with the current numbers, lit while its phase is the current one.' })];

  #slot = null;

  build(root) {
    this.#slot = equationBox('equation standalone');
    this.#slot.setAttribute('part', 'equation');
    root.append(this.#slot);
  }

  render(model) {
    if (!this.#slot || !model.descent) return;
    const eq = buildEquation(this.settings.name, model.values(), model.phaseName);
    this.#slot.show(eq);
    this.#slot.classList.toggle('current', Boolean(eq.querySelector('.quantity.current')));
  }
}
