// The network figures' registration: <backprop-neuron>, <backprop-graph> and <backprop-playground> are defined only
// once a page uses one, their code and the full wasm core imported on demand. backprop-lab.js re-exports this, so its
// one script tag still registers every figure; a page with network figures only (network.html) loads just this file.

/** The network figures: tag → the import of its class, run only when such an element is on the page. */
export const NETWORK_ELEMENTS = {
  'backprop-neuron': () => import('./elements/neuron-element.js').then((m) => m.NeuronElement),
  'backprop-graph': () => import('./elements/graph-element.js').then((m) => m.GraphElement),
  'backprop-playground': () => import('./elements/playground-element.js').then((m) => m.PlaygroundElement),
};

const requested = new Set();

/** Defines the network figure `name` (importing its code); resolves to its class. */
export function defineNetworkElement(name) {
  if (!requested.has(name)) {
    requested.add(name);
    NETWORK_ELEMENTS[name]().then((element) => customElements.get(name) ?? customElements.define(name, element));
  }
  return customElements.whenDefined(name);
}

const NETWORK_TAGS = Object.keys(NETWORK_ELEMENTS);
const defineUsed = () => {
  for (const name of NETWORK_TAGS) if (!requested.has(name) && document.querySelector(name)) defineNetworkElement(name);
  return requested.size === NETWORK_TAGS.length;
};
if (!defineUsed()) {
  // Elements added later (by a host page's script) are noticed too, until every network figure is defined.
  const watcher = new MutationObserver(() => defineUsed() && watcher.disconnect());
  watcher.observe(document.documentElement, { childList: true, subtree: true });
}
