// The one base of every figure element. It gives each figure a shadow root styled by the figures' stylesheet, an
// accessible name, lazy loading (the `loading` attribute, as <model-viewer> has it), a `theme`, and its settings read
// from its own table of fields (fields.js) whenever an attribute changes, under either of a field's names (the
// attribute or the link's key). Attributes that cannot be used, or that the table does not know (a misspelling), are
// the page author's mistake: they fall back to their defaults and are reported on the console once, with the nearest
// real name, never to readers.
//
// A subclass declares `static fields` and `static label`, and implements:
//   build(root)         once, before anything loads: the parts, at their final size (so nothing shifts later);
//   start()             async, once, when the figure nears the viewport: load what it needs, draw the first time;
//   configure(changed)  after start, once per batch of attribute changes (a Set of attribute names);
//   applyOptions()      optional, after build and on every change: cheap display switches (controls shown …);
//   stopped()           optional, when it leaves the page; themeChanged() optional, for colours drawn outside CSS.
import { COMMON_FIELDS, acceptedAttributes, canonicalAttribute, readAttributes, refusalText } from '../fields.js';
import { nearestName } from '../nearest-name.js';
import { figureSheet, whenNear } from './shadow.js';

/** Attributes HTML gives every element (besides aria-*, data-* and on* handlers): never an author's misspelling. */
const HTML_ATTRIBUTES = new Set(['id', 'class', 'style', 'title', 'lang', 'dir', 'role', 'slot', 'part', 'exportparts', 'tabindex', 'hidden', 'inert',
  'is', 'nonce', 'autofocus', 'draggable', 'spellcheck', 'translate', 'contenteditable', 'popover', 'accesskey', 'enterkeyhint', 'inputmode',
  'autocapitalize', 'itemscope', 'itemprop', 'itemtype', 'itemid', 'itemref', 'writingsuggestions']);
const isHtmlAttribute = (name) => HTML_ATTRIBUTES.has(name) || /^(aria|data)-|^on[a-z]+$/.test(name);

export class BaseElement extends HTMLElement {
  /** The accessible name used when the page gives none. */
  static label = 'Figure';
  /** The table of this figure's attributes (and URL keys). */
  static fields = COMMON_FIELDS;

  static get observedAttributes() {
    return acceptedAttributes(this.fields);
  }

  /** The values of the table's fields, as read from the attributes. */
  settings = null;
  #refused = [];
  #warned = '';
  #checkedNames = false;
  #built = null;
  #observer = null;
  #starting = null;
  #ready = false;
  #changed = new Set();

  /** The figure's custom states: "waiting" until its first drawing (styles/reserve.css keeps its room meanwhile). */
  #internals = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.#internals = this.attachInternals?.() ?? null;
    this.#state('waiting', true);
  }

  #state(name, on) {
    try {
      if (on) this.#internals?.states.add(name);
      else this.#internals?.states.delete(name);
    } catch {
      // Browsers without custom states keep the reservation only until the element is defined.
    }
  }

  connectedCallback() {
    if (!this.hasAttribute('role')) this.setAttribute('role', 'figure');
    if (!this.hasAttribute('aria-label') && !this.hasAttribute('aria-labelledby')) this.setAttribute('aria-label', this.constructor.label);
    this.#read();
    this.#warnUnknown();
    this.#built ??= figureSheet().then((sheet) => {
      this.shadowRoot.adoptedStyleSheets = [sheet];
      this.build(this.shadowRoot);
      this.applyOptions?.();
    });
    if (this.settings.loading === 'eager') this.load();
    else this.#built.then(() => this.isConnected && !this.#starting && (this.#observer ??= whenNear(this, () => this.load())));
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.stopped?.();
  }

  attributeChangedCallback(given, before, after) {
    // Before connectedCallback (an upgrade reports every attribute first) there is nothing to update yet.
    if (before === after || this.settings === null) return;
    this.#read();
    const name = canonicalAttribute(this.constructor.fields, given) ?? given; // a link's key names its attribute
    if (name === 'loading') {
      if (this.settings.loading === 'eager' && this.isConnected) this.load();
      return;
    }
    if (name === 'theme') {
      if (this.#ready) queueMicrotask(() => this.themeChanged?.()); // after the new colours apply
      return;
    }
    this.#built?.then(() => this.applyOptions?.());
    if (!this.#ready) return;
    // Several attributes set together (a new URL) are applied once.
    if (this.#changed.size === 0) {
      queueMicrotask(() => {
        const changed = new Set(this.#changed);
        this.#changed.clear();
        this.configure(changed);
      });
    }
    this.#changed.add(name);
  }

  /** Loads now, whatever `loading` says; resolves when the figure shows its first render. */
  load() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#starting ??= (async () => {
      await this.#built;
      await this.start();
      this.#ready = true;
      this.#state('waiting', false);
    })();
    return this.#starting;
  }

  /** True once the figure has loaded what it needs and drawn. */
  get ready() {
    return this.#ready;
  }

  /** Attributes that were present but not acceptable (names only). */
  get refusedAttributes() {
    return [...this.#refused];
  }

  #read() {
    const { values, refused } = readAttributes(this, this.constructor.fields);
    this.settings = values;
    this.#refused = refused;
    const text = refused.length ? refusalText({ refused }, { source: 'attributes', whose: 'its' }) : '';
    if (text && text !== this.#warned) console.warn(`<${this.localName}${this.id ? ` id="${this.id}"` : ''}>: ${text}`);
    this.#warned = text;
  }

  /** Names, once, every attribute present that neither the table nor HTML knows, with the nearest real one. */
  #warnUnknown() {
    if (this.#checkedNames) return;
    this.#checkedNames = true;
    const fields = this.constructor.fields;
    const known = new Set(acceptedAttributes(fields));
    const candidates = fields.map((f) => [f.attribute, ...f.attributes, f.title]);
    for (const name of this.getAttributeNames()) {
      if (known.has(name) || isHtmlAttribute(name)) continue;
      const near = nearestName(name, candidates);
      const hint = near ? `did you mean “${near}”?` : `its attributes are ${fields.map((f) => f.attribute).join(', ')}.`;
      console.warn(`<${this.localName}${this.id ? ` id="${this.id}"` : ''}>: the attribute “${name}” is not one of this figure’s, so it is ignored; ${hint}`);
    }
  }

  build() {}
  async start() {}
  configure() {}
}
