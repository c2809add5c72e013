// What every figure element shares: a shadow root styled by one shared stylesheet, an accessible name, lazy
// loading (the `loading` attribute, as <model-viewer> has it), and a descent model — its own, read from the
// attributes x, y, w, lr and steps, or another figure's, named by the `for` attribute, so several figures can show
// one descent. Subclasses build their parts once and render from the model.
import { DescentModel } from '../descent-model.js';
import { readAttributes, STATE_ATTRIBUTES } from '../state.js';
import { figureSheet, whenNear } from './shadow.js';

/** The model each element owns (elements linked with `for` borrow their source's). */
const owned = new WeakMap();

export class FigureElement extends HTMLElement {
  static get observedAttributes() {
    return [...STATE_ATTRIBUTES, 'for', 'loading'];
  }

  /** The accessible name used when the page gives none. */
  static label = 'Gradient descent figure';

  #model = null;
  #observer = null;
  #started = false;
  #built = null;
  #queued = false;
  #refused = [];
  #listeners = [];
  #connected = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.#connected = true;
    if (!this.hasAttribute('role')) this.setAttribute('role', 'figure');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) this.setAttribute('aria-label', this.constructor.label);
    if (!this.hasAttribute('for') && !owned.has(this)) owned.set(this, new DescentModel(this.#readConfig().config));
    this.#built ??= figureSheet().then((s) => {
      this.shadowRoot.adoptedStyleSheets = [s];
      this.build(this.shadowRoot);
    });
    if (this.getAttribute('loading') === 'eager') this.#start();
    // Observe once the parts are built: only then does the figure have its real height, so figures further down
    // a post do not all look near the viewport at first.
    else this.#built.then(() => this.isConnected && this.#observe());
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#unlisten();
    this.#started = false;
    this.stopped?.();
  }

  attributeChangedCallback(name, before, after) {
    // Before connectedCallback (an upgrade reports every attribute first) there is nothing to update yet.
    if (before === after || !this.#connected) return;
    if (name === 'loading') {
      if (after === 'eager') this.#start();
      return;
    }
    if (name === 'for') {
      if (this.#started) {
        this.#unlisten();
        this.#started = false;
        this.#start();
      }
      return;
    }
    const model = owned.get(this);
    if (!model) return;
    const { config, steps } = this.#readConfig();
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

  /** Attributes that were present but not acceptable (names only), for a notice. */
  get refusedAttributes() {
    return [...this.#refused];
  }

  /** Loads now, whatever `loading` says; resolves when the figure shows its first render. */
  async load() {
    await this.#start();
  }

  #readConfig() {
    const read = readAttributes(this);
    this.#refused = read.refused;
    return read;
  }

  #observe() {
    if (this.#started || this.#observer) return;
    this.#observer = whenNear(this, () => this.#start());
  }

  async #start() {
    if (this.#started) return this.#starting;
    this.#started = true;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#starting = (async () => {
      await this.#built;
      const model = await this.#findModel();
      if (!model) return;
      this.#model = model;
      const own = owned.get(this) === model;
      const onChange = () => this.requestRender();
      this.#listen(model, 'change', onChange);
      if (own) {
        for (const type of ['step', 'diverge', 'reset']) {
          this.#listen(model, type, (e) => this.dispatchEvent(new CustomEvent(type, { detail: e.detail, bubbles: true, composed: true })));
        }
      }
      const first = !model.ready;
      await model.load();
      if (own && first) model.runTo(this.#readConfig().steps);
      this.render(model);
      this.started?.(model);
    })();
    return this.#starting;
  }

  #starting = null;

  async #findModel() {
    const id = this.getAttribute('for');
    if (!id) return owned.get(this) ?? null;
    const source = this.getRootNode().getElementById?.(id);
    if (!source) {
      this.showProblem(`This figure is linked to a figure with id “${id}”, which is not on the page.`);
      return null;
    }
    await customElements.whenDefined(source.localName);
    const model = owned.get(source);
    if (!model) this.showProblem('This figure is linked to an element that is not a figure with its own descent.');
    return model ?? null;
  }

  #listen(target, type, fn) {
    target.addEventListener(type, fn);
    this.#listeners.push([target, type, fn]);
  }

  #unlisten() {
    for (const [target, type, fn] of this.#listeners) target.removeEventListener(type, fn);
    this.#listeners = [];
  }

  /** Re-renders once, after the current task's changes. */
  requestRender() {
    if (this.#queued || !this.#model) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.#model) this.render(this.#model);
    });
  }

  /** Applies a new learning rate to the descent shown (its own, or the linked figure's). */
  requestLearningRate(lr) {
    const id = this.getAttribute('for');
    const target = id ? this.getRootNode().getElementById?.(id) : this;
    target?.setAttribute('lr', String(lr));
  }

  // Subclasses implement build(root), render(model) and showProblem(text).
  build() {}
  render() {}
  showProblem(text) {
    const p = document.createElement('p');
    p.className = 'problem';
    p.textContent = text;
    this.shadowRoot.append(p);
  }
}

/** A notice naming attributes that fell back to their defaults (names only, never their values). */
export function refusedNotice(names) {
  if (names.length === 0) return '';
  return `The attribute${names.length > 1 ? 's' : ''} ${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} not a number in range, so the article’s value is used.`;
}
