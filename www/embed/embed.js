// Standalone widget pages (for iframes): the figure takes its settings from the page's fragment, read through the
// figure's own table of fields, so a fragment accepts every attribute the element does
// (descent.html#v=1&x=1.5&lr=0.1&step=3&theme=dark&controls=1). The page reports its height to the host page, which
// can size the iframe with embed/resize.js.
//
// A fragment's mistakes are the embedding author's, not the reader's: they go to the console, and the figure shows
// the values it could use.
import '../backprop-lab.js';
import { readFragment, refusalText, writeAttributes } from '../lib/fields.js';
import { DESCENT_FIELDS } from '../lib/state.js';

const figure = document.getElementById('figure');
const ALWAYS = new Set(DESCENT_FIELDS.map((f) => f.key));

async function apply() {
  await customElements.whenDefined(figure.localName);
  const fields = customElements.get(figure.localName).fields;
  const read = readFragment(location.hash, fields);
  const message = refusalText(read, { whose: 'the widget’s' });
  if (message) console.warn(`backprop-lab widget: ${message}`);
  // The problem always follows the fragment; the display options only where the fragment sets them.
  const state = Object.fromEntries(fields.filter((f) => ALWAYS.has(f.key) || read.given.includes(f.key)).map((f) => [f.key, read.state[f.key]]));
  writeAttributes(figure, fields, state);
  if (state.theme === 'light' || state.theme === 'dark') document.documentElement.dataset.theme = state.theme;
  else delete document.documentElement.dataset.theme;
}

/** Tells the host page how tall this widget is: { type: 'backprop-lab:height', height } (CSS pixels). */
function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ type: 'backprop-lab:height', height }, '*');
}

apply();
window.addEventListener('hashchange', apply);
new ResizeObserver(reportHeight).observe(document.documentElement);
window.addEventListener('load', reportHeight);
