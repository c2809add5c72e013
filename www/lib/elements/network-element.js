// What the network figures share (<backprop-neuron>, <backprop-graph>, <backprop-playground>): a shadow root styled
// by the figures' stylesheet, an accessible name, the `loading` attribute (lazy by default: the full wasm core is
// fetched only when the figure nears the viewport), buttons, and the stop notice. Subclasses build their parts once
// (build), get the core when it is loaded (started), and re-read their attributes on change (configure).
import { figureSheet, whenNear } from './shadow.js';
import { refusalText } from '../fields.js';

export class NetworkFigureElement extends HTMLElement {
  static label = 'Network figure';
  /** Attributes whose change calls configure(). */
  static configAttributes = [];

  static get observedAttributes() {
    return [...this.configAttributes, 'loading', 'theme'];
  }

  #built = null;
  #observer = null;
  #starting = null;
  /** The core's exports once loaded (null before). */
  core = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (!this.hasAttribute('role')) this.setAttribute('role', 'figure');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) this.setAttribute('aria-label', this.constructor.label);
    this.#built ??= figureSheet().then((s) => {
      this.shadowRoot.adoptedStyleSheets = [s];
      this.build(this.shadowRoot);
    });
    if (this.getAttribute('loading') === 'eager') this.load();
    else this.#built.then(() => this.isConnected && !this.#starting && (this.#observer ??= whenNear(this, () => this.load())));
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.stopped?.();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'loading') {
      if (after === 'eager' && this.isConnected) this.load();
    } else if (name === 'theme') {
      if (this.core) queueMicrotask(() => this.themeChanged?.()); // after the new colours apply
    } else if (this.core && !this.#queued) {
      // Several attributes set together (a new URL) rebuild once.
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        this.configure();
      });
    }
  }

  #queued = false;

  /** Loads now, whatever `loading` says; resolves when the figure shows its first render. */
  load() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#starting ??= (async () => {
      await this.#built;
      const { loadNetworkCore } = await import('../core-network.js');
      this.core = await loadNetworkCore();
      this.configure();
    })();
    return this.#starting;
  }

  /** True once the core is loaded and the figure has rendered. */
  get ready() {
    return this.core !== null;
  }

  // Subclasses implement build(root) and configure(); stopped() and themeChanged() (colours drawn outside CSS) are optional.
  build() {}
  configure() {}
}

// The parts and the notice wording are shared with every other figure (parts.js, fields.js).
export { button, element, frameLoop, liveRegion, selectMenu as choice, showPlaying, toolbar } from './parts.js';

/** A notice naming attributes that fell back to their defaults (names only, never their values); '' for none. */
export const refusedText = (names) => refusalText({ refused: names }, { source: 'attributes', whose: 'its' }) ?? '';
