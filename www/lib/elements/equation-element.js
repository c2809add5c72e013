// <backprop-equation name="forward|error|chain|derivative|update|result">: one equation of the article with the
// current numbers, highlighted when its phase is the current one. Usually linked with `for` to a <backprop-descent>.
import { FigureElement } from './figure-element.js';
import { buildEquation, EQUATIONS } from '../equations.js';

export class EquationElement extends FigureElement {
  static label = 'Equation';

  static get observedAttributes() {
    return [...super.observedAttributes, 'name'];
  }

  #slot = null;

  build(root) {
    this.#slot = document.createElement('div');
    this.#slot.className = 'equation standalone';
    this.#slot.setAttribute('part', 'equation');
    root.append(this.#slot);
  }

  attributeChangedCallback(name, before, after) {
    if (name === 'name') {
      if (this.model) this.render(this.model);
      return;
    }
    super.attributeChangedCallback(name, before, after);
  }

  render(model) {
    if (!this.#slot || !model.descent) return;
    const name = EQUATIONS[this.getAttribute('name')] ? this.getAttribute('name') : 'forward';
    const eq = buildEquation(name, model.values(), model.phaseName);
    this.#slot.replaceChildren(eq);
    this.#slot.classList.toggle('current', Boolean(eq.querySelector('.quantity.current')));
  }
}
