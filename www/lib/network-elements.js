// The network figures' registration: <backprop-neuron>, <backprop-graph> and <backprop-playground> are defined only
// once a page uses one, their code and the full wasm core imported on demand: a figure that loads eagerly
// (loading="eager") at once, any other when it nears the viewport (as its core would load then anyway), so a page
// does not download the code of figures a reader never scrolls to. backprop-lab.js re-exports this, so its one
// script tag still registers every figure; a page with network figures only (network.html) loads just this file.
import { whenNear } from './elements/shadow.js';

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
/** Elements waiting to come near the viewport (each watched once). */
const watched = new WeakSet();
const defineUsed = () => {
  for (const name of NETWORK_TAGS) {
    if (requested.has(name)) continue;
    for (const el of document.querySelectorAll(name)) {
      if (el.getAttribute('loading') === 'eager') {
        defineNetworkElement(name);
        break;
      }
      if (watched.has(el)) continue;
      watched.add(el);
      let observer = null;
      observer = whenNear(el, () => {
        observer?.disconnect();
        defineNetworkElement(name);
      });
    }
  }
  return requested.size === NETWORK_TAGS.length;
};
if (!defineUsed()) {
  // Elements added later (by a host page's script), or made eager, are noticed too, until every network figure is defined.
  const watcher = new MutationObserver(() => defineUsed() && watcher.disconnect());
  watcher.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['loading'] });
}
