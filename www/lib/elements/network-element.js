// What the network figures share (<backprop-neuron>, <backprop-graph>, <backprop-playground>): a shadow root styled
// by the figures' stylesheet, an accessible name, the `loading` attribute (lazy by default: the full wasm core is
// fetched only when the figure nears the viewport), buttons, and the stop notice. Subclasses build their parts once
// (build), get the core when it is loaded (started), and re-read their attributes on change (configure).
import { figureSheet, whenNear } from './shadow.js';

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

/** An element with a class and optional text (never parsed as markup). */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A button named by `action` (data-action, part) that calls `onClick`, appended to `parent`. */
export function button(parent, action, text, onClick) {
  const b = element('button', null, text);
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('part', `button ${action}-button`);
  b.addEventListener('click', onClick);
  parent.append(b);
  return b;
}

/** A labelled <select> of `options` ([value, text] pairs), appended to `parent`. */
export function choice(parent, key, label, options, onChange) {
  const wrap = element('label', 'setting', `${label} `);
  const select = element('select');
  select.dataset.key = key;
  for (const [value, text] of options) {
    const o = element('option', null, text);
    o.value = value;
    select.append(o);
  }
  select.addEventListener('change', () => onChange(select.value));
  wrap.append(select);
  parent.append(wrap);
  return select;
}

/** A toolbar (role toolbar, part `controls`). */
export function toolbar(label) {
  const bar = element('div', 'controls');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', label);
  bar.setAttribute('part', 'controls');
  return bar;
}

/** A polite live region, read by screen readers and hidden from sight. */
export function liveRegion() {
  const live = element('p', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  return live;
}

/**
 * A requestAnimationFrame loop for a Play button: `frame(now)` runs once per frame and returns false to stop;
 * `toggled(playing)` runs on every start and stop (to relabel the button). The loop lives in JavaScript; the core
 * only computes.
 */
export function frameLoop(frame, toggled) {
  let id = 0;
  let playing = false;
  const tick = (now) => {
    if (!playing) return;
    if (frame(now) === false) stop();
    else id = requestAnimationFrame(tick);
  };
  function stop() {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(id);
    toggled(false);
  }
  return {
    start() {
      if (playing) return;
      playing = true;
      id = requestAnimationFrame(tick);
      toggled(true);
    },
    stop,
    get playing() {
      return playing;
    },
  };
}

/** Shows a Play button's state: its text and aria-pressed. */
export function showPlaying(play, playing, idle = 'Play') {
  play.textContent = playing ? 'Pause' : idle;
  play.setAttribute('aria-pressed', String(playing));
}

/** A notice naming attributes that fell back to their defaults (names only, never their values); '' for none. */
export function refusedText(names) {
  if (names.length === 0) return '';
  const many = names.length > 1;
  return `The attribute${many ? 's' : ''} ${names.join(', ')} could not be used, so ${many ? 'their defaults are' : 'its default is'} used.`;
}
