// <backprop-regimes>: the learning-rate regimes with their boundaries for the current x, the current lr marked, and
// what the descent does, said in the numbers of the current problem. Buttons set lr to a boundary.
import { button, element, frame as makeFrame } from '../dom.js';
import { FigureElement } from './figure-element.js';
import { createRegimesFigure } from '../figures/regimes.js';
import { explainRegime } from '../explain.js';
import { DESCENT_BOUNDS } from '../state.js';

const LR = DESCENT_BOUNDS.lr;

export class RegimesElement extends FigureElement {
  static label = 'Learning-rate regimes';
  #figure = null;
  #text = null;
  #buttons = null;

  build(root) {
    const frame = makeFrame();
    this.#figure = createRegimesFigure(frame);
    this.#text = element('p', 'caption regime-text');
    this.#text.setAttribute('part', 'caption');
    this.#buttons = element('div', 'presets');
    for (const [key, label] of [['lrOneStep', 'lr = 1/(2x²): one step'], ['lrLimit', 'lr = 1/x²: forever'], ['beyond', 'lr just beyond 1/x²']]) {
      button(this.#buttons, 'preset', label, () => this.#preset(key)).dataset.preset = key;
    }
    frame.append(this.#text, this.#buttons);
    root.append(frame);
  }

  #preset(key) {
    const a = this.model?.facts?.analysis;
    if (!a) return;
    const lr = key === 'beyond' ? a.lrLimit * 1.125 : a[key];
    if (lr > LR.min && lr <= LR.max) this.requestLearningRate(lr);
  }

  render(model) {
    if (!this.#figure) return;
    const a = model.facts?.analysis;
    this.#buttons.hidden = !a;
    if (a) this.#figure.update({ lr: model.config.lr, lrOneStep: a.lrOneStep, lrLimit: a.lrLimit, regime: a.regime });
    else this.#figure.reset();
    this.#text.textContent = model.error ?? explainRegime(model.config, model.facts);
    this.#text.dataset.regime = a?.regime ?? 'none';
  }
}
