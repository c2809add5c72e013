// <backprop-loss>: the loss per step on a log scale, for its own descent (x, y, w, lr, steps) or, with `for`,
// for another figure's.
import { element, frame as makeFrame } from '../dom.js';
import { FigureElement } from './figure-element.js';
import { createLossFigure, powerOfTen } from '../figures/loss.js';
import { formatCount, formatNumber } from '../format.js';

export class LossElement extends FigureElement {
  static label = 'Loss per step, log scale';
  #figure = null;
  #caption = null;

  build(root) {
    const frame = makeFrame();
    this.#figure = createLossFigure(frame);
    this.#caption = element('p', 'caption');
    this.#caption.setAttribute('part', 'caption');
    frame.append(this.#caption);
    root.append(frame);
  }

  render(model) {
    if (!this.#figure) return;
    const losses = model.lossTrail();
    const { gridDecades } = this.#figure.update({ losses });
    const last = losses.at(-1);
    const after = losses.length - 1; // J(w₀) … J(wₙ): n steps (in predict mode J at the current w may not be shown yet)
    const times = gridDecades === 1 ? 'ten' : gridDecades <= 6 ? formatCount(10 ** gridDecades) : powerOfTen(gridDecades);
    this.#caption.textContent = losses.length
      ? `The loss J after ${formatCount(after)} step${after === 1 ? '' : 's'}: ${formatNumber(last)} (log scale: each gridline is ${times} times smaller than the one above).`
      : '';
  }
}
