// The article's figures: a BaseElement that shows a descent. Its own, read from the attributes x, y, w, lr and steps
// (the descent's table in state.js), or another figure's, named by the `for` attribute, so several figures can show
// one descent. Subclasses build their parts once and render(model) from the model.
import { BaseElement } from './base-element.js';
import { DescentModel } from '../descent-model.js';
import { COMMON_FIELDS, field, idRef } from '../fields.js';
import { DESCENT_FIELDS, descentConfig } from '../state.js';

/** `for`: the id of the figure whose descent this one shows (never part of a URL). */
const FOR_FIELD = field('for', { fallback: null, parse: idRef, url: false, range: 'the id of a figure on the page', title: 'linked figure',
  meaning: 'The id of another figure on the page whose descent this one shows (its x, y, w, lr and steps are used instead of this one’s).' });

/** The fields every descent figure reads: the problem and step, `for`, theme and loading. */
export const FIGURE_FIELDS = [...DESCENT_FIELDS, FOR_FIELD, ...COMMON_FIELDS];

const PROBLEM_ATTRIBUTES = new Set(DESCENT_FIELDS.map((f) => f.attribute));

/** Resolves at the first animation frame that no other figure has taken for its first drawing. */
let slots = Promise.resolve();
function nextSlot() {
  slots = slots.then(() => new Promise((done) => requestAnimationFrame(() => done())));
  return slots;
}

/** Models whose first run (to the `steps` attribute) has been set up. */
const started = new WeakSet();

/** The model each element owns (elements linked with `for` borrow their source's). */
const owned = new WeakMap();

export class FigureElement extends BaseElement {
  static label = 'Gradient descent figure';
  static fields = FIGURE_FIELDS;

  #model = null;
  #listeners = [];
  #queued = false;
  #dirty = false;

  connectedCallback() {
    super.connectedCallback();
    if (!this.settings.for && !owned.has(this)) owned.set(this, new DescentModel(descentConfig(this.settings).config));
    // An eager figure starts fetching the core at once, while its stylesheet and parts are still on their way.
    if (this.settings.loading === 'eager') owned.get(this)?.load();
  }

  async start() {
    await this.#link();
  }

  configure(changed) {
    if (changed.has('for')) {
      this.#unlisten();
      this.#link();
      return;
    }
    const model = owned.get(this);
    if (!model || ![...changed].some((name) => PROBLEM_ATTRIBUTES.has(name))) {
      this.requestRender();
      return;
    }
    this.problemChanged?.();
    const { config, steps } = descentConfig(this.settings);
    model.setConfig(config);
    if (model.ready) model.runTo(steps);
    this.requestRender();
  }

  /** The model this figure shows (null until it has started). */
  get model() {
    return this.#model;
  }

  /** True when this figure owns its descent (it is not linked to another figure with `for`). */
  get ownsModel() {
    return owned.has(this);
  }

  async #link() {
    const model = await this.#findModel();
    if (!model) return;
    this.#model = model;
    const own = owned.get(this) === model;
    this.#listen(model, 'change', () => this.requestRender());
    if (own) {
      for (const type of ['step', 'diverge', 'reset']) {
        this.#listen(model, type, (e) => this.dispatchEvent(new CustomEvent(type, { detail: e.detail, bubbles: true, composed: true })));
      }
    }
    const first = own && !started.has(model);
    if (own) started.add(model);
    await model.load();
    // Figures that show another's descent draw their first picture one frame after another, so the page's first
    // layout of a dozen equations and charts is spread over frames instead of one long task.
    if (!own) await nextSlot();
    if (own && first) {
      // The attributes as they are now (a page may have set them while the core loaded).
      const { config, steps } = descentConfig(this.settings);
      model.setConfig(config);
      model.runTo(steps);
    }
    this.#render();
    this.started?.(model);
  }

  async #findModel() {
    const id = this.settings.for;
    if (!id) return owned.get(this) ?? null;
    // A `for` that names nothing usable is the page author's mistake: said on the console once, never to readers.
    const source = this.getRootNode().getElementById?.(id);
    if (!source) {
      this.#authorMistake(`for="${id}" names no element on the page, so this figure shows nothing; give the figure it should follow id="${id}".`);
      return null;
    }
    if (source.localName.includes('-')) await customElements.whenDefined(source.localName); // (only custom elements get defined)
    const model = owned.get(source);
    if (!model) this.#authorMistake(`for="${id}" names a <${source.localName}>, which is not a figure with a descent of its own (such as <backprop-descent>), so this figure shows nothing.`);
    return model ?? null;
  }

  #mistakes = new Set();
  #authorMistake(text) {
    if (this.#mistakes.has(text)) return;
    this.#mistakes.add(text);
    console.warn(`<${this.localName}${this.id ? ` id="${this.id}"` : ''}>: ${text}`);
  }

  #listen(target, type, fn) {
    target.addEventListener(type, fn);
    this.#listeners.push([target, type, fn]);
  }

  #unlisten() {
    for (const [target, type, fn] of this.#listeners) target.removeEventListener(type, fn);
    this.#listeners = [];
  }

  /** Re-renders once, after the current task's changes (not at all if a render came first). */
  requestRender() {
    this.#dirty = true;
    if (this.#queued || !this.#model) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.#model && this.#dirty) this.#render();
    });
  }

  #render() {
    this.#dirty = false;
    this.render(this.#model);
  }

  /** Applies a new learning rate to the descent shown (its own, or the linked figure's). */
  requestLearningRate(lr) {
    const id = this.settings.for;
    const target = id ? this.getRootNode().getElementById?.(id) : this;
    target?.setAttribute('lr', String(lr));
  }

  // Subclasses implement build(root) and render(model).
  render() {}
}
