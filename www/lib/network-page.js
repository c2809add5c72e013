// The network page's wiring: the playground's state in the URL (both ways, through its state table), the copy-link
// button and the theme. The figures themselves are custom elements and know nothing of this page.
import { readState, refusalNotice, writeState } from './state.js';
import { PLAYGROUND_FIELDS, SCHEMA_VERSION } from './playground-state.js';
import { wireTheme } from './theme.js';

const playground = document.getElementById('playground');
const notice = document.getElementById('url-notice');
const WHOSE = 'the playground’s';

function writeUrl(state) {
  const fragment = writeState({ ...state, v: SCHEMA_VERSION }, PLAYGROUND_FIELDS);
  // "hidden=4,2" and "points=1,2,1;…" read better than their escaped forms
  const text = `#${fragment.replaceAll('%2C', ',').replaceAll('%3B', ';')}`;
  if (location.hash !== text) history.replaceState(null, '', text);
}

/** A sentence when a link was written for another version of the settings (or before versions); null otherwise. */
function versionNotice(fragment, read) {
  const given = new URLSearchParams(fragment.slice(1)).has('v');
  if (given && read.state.v === SCHEMA_VERSION && !read.refused.includes('v')) return null;
  const which = given && !read.refused.includes('v') ? `version ${read.state.v}` : 'an older version';
  return `This link was made for ${which} of the playground’s settings; this page reads version ${SCHEMA_VERSION}, so it shows what it could read and may not reproduce the run exactly.`;
}

function applyFragment(fragment) {
  const read = readState(fragment, PLAYGROUND_FIELDS);
  const version = versionNotice(fragment, read);
  const message = [version, refusalNotice({ ...read, refused: read.refused.filter((l) => l !== 'v') }, WHOSE)].filter(Boolean).join(' ') || null;
  notice.textContent = message ?? '';
  notice.hidden = !message;
  read.state.v = SCHEMA_VERSION;
  for (const f of PLAYGROUND_FIELDS) playground.setAttribute(f.attribute, f.write(read.state[f.key]));
  if (message) writeUrl(read.state); // do not keep, or pass on, what could not be used
}

playground.addEventListener('change', (e) => {
  if (e.target !== playground || !e.detail) return;
  notice.hidden = true;
  writeUrl(e.detail);
});

document.getElementById('copy-link').addEventListener('click', async () => {
  const status = document.getElementById('copy-status');
  if (playground.state) writeUrl(playground.state);
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it opens the playground with these settings and this seed.';
  } catch {
    status.textContent = 'Copy the address bar: it holds the playground’s settings and seed.';
  }
});

wireTheme(document.getElementById('theme'), 'backprop-neuron, backprop-graph, backprop-playground');

if (location.hash.length > 1) applyFragment(location.hash);
window.addEventListener('hashchange', () => applyFragment(location.hash));
