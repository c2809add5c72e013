// The network page's wiring: the playground's state in the URL (both ways, through its state table and the parser
// family of fields.js, version v=1 included), the copy-link button and the theme. The figures themselves are custom
// elements and know nothing of this page. The state table is imported only when a URL holds a run or the playground
// reports a change: a reader who never scrolls to the playground downloads none of its code.
import { readFragment, refusalText, writeAttributes, writeFragment } from './fields.js';
import { wireTheme } from './theme.js';

const playground = document.getElementById('playground');
const notice = document.getElementById('url-notice');
const WHOSE = 'the playground’s';

let loadedFields = null;
const playgroundFields = () =>
  import('./playground-state.js').then((m) => (loadedFields = m.PLAYGROUND_FIELDS));

async function writeUrl(state) {
  // once the table is here, the address changes in the same task as the playground's change
  const fields = loadedFields ?? (await playgroundFields());
  // "hidden=4,2" and "points=1,2,1;…" read better than their escaped forms
  const text = `#${writeFragment(state, fields).replaceAll('%2C', ',').replaceAll('%3B', ';')}`;
  if (location.hash !== text) history.replaceState(null, '', text);
}

async function applyFragment(fragment) {
  const fields = await playgroundFields();
  const read = readFragment(fragment, fields);
  const message = refusalText(read, { whose: WHOSE });
  notice.textContent = message ?? '';
  notice.hidden = !message;
  // Every field is set (a missing one to its default), so a link shows exactly its run.
  writeAttributes(playground, fields, read.state);
  if (message) writeUrl(read.state); // do not keep, or pass on, what could not be used
}

playground.addEventListener('change', (e) => {
  if (e.target !== playground || !e.detail) return;
  notice.hidden = true;
  writeUrl(e.detail);
});

document.getElementById('copy-link').addEventListener('click', async () => {
  const status = document.getElementById('copy-status');
  if (playground.state) await writeUrl(playground.state);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it opens the playground with these settings and this seed.';
  } catch {
    status.textContent = 'Copy the address bar: it holds the playground’s settings and seed.';
  }
});

wireTheme(document.getElementById('theme'), 'backprop-neuron, backprop-graph, backprop-playground');

/** True when `hash` holds a run: not empty, and not an anchor of the page (the skip link's #play, #playground). */
const holdsRun = (hash) => hash.length > 1 && !document.getElementById(hash.slice(1));

// A link to a run opens the playground at once, with its settings; otherwise its code loads when a reader nears it
// (network-elements.js).
if (holdsRun(location.hash)) applyFragment(location.hash).then(() => playground.setAttribute('loading', 'eager'));
window.addEventListener('hashchange', () => holdsRun(location.hash) && applyFragment(location.hash));
