// Standalone widget pages (for iframes): the figure takes its state from the page's fragment
// (descent.html#x=1.5&y=0.5&w=0.8&lr=0.1&step=3, read through the state table, refused values fall back to the
// article's with a notice), and the page reports its height to the host page, which can size the iframe with
// embed/resize.js.
import '../backprop-lab.js';
import { FIELDS, readState, refusalNotice } from '../lib/state.js';

const figure = document.getElementById('figure');
const notice = document.getElementById('url-notice');

function apply() {
  const read = readState(location.hash);
  const message = refusalNotice(read);
  notice.textContent = message ?? '';
  notice.hidden = !message;
  for (const f of FIELDS) figure.setAttribute(f.attribute, String(read.state[f.key]));
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
