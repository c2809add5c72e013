// The front page's wiring: the state in the URL (both ways, through the state table), the problem inputs, the
// page-wide keyboard shortcuts, export, copy-link and the theme. The figures themselves are custom elements and
// know nothing of this page.
import { CONFIG_KEYS, DEFAULTS, DESCENT_BOUNDS, DESCENT_FIELDS, descentField as field } from './state.js';
import { readFragment, refusalText, writeAttributes, writeFragment } from './fields.js';
import { DESCENT_SHORTCUTS, shortcutAction, typingTarget } from './elements/shortcuts.js';
import { MODE_FIELD } from './elements/descent-element.js';
import { shortcutList } from './elements/parts.js';
import { download } from './trace-export.js';
import { wireTheme } from './theme.js';

const main = document.getElementById('main');
const form = document.getElementById('problem');
const notice = document.getElementById('url-notice');
const problemError = document.getElementById('problem-error');
/** The page's URL: the descent's table and the figure's mode (mode=predict). */
const URL_FIELDS = [...DESCENT_FIELDS, MODE_FIELD];

// --- URL → figure ------------------------------------------------------------------------------------------------

function applyFragment(fragment) {
  const read = readFragment(fragment, URL_FIELDS);
  const message = refusalText(read);
  notice.textContent = message ?? '';
  notice.hidden = !message;
  setProblem(read.state, read.state.step);
  if (message) writeUrl(read.state); // do not keep, or pass on, what could not be used
}

function setProblem(values, step = 0) {
  writeAttributes(main, URL_FIELDS, { ...values, step });
  syncInputs(values);
}

// --- figure → URL ------------------------------------------------------------------------------------------------

let urlQueued = false;
function writeUrl(state) {
  const text = `#${writeFragment(state, URL_FIELDS)}`;
  if (location.hash !== text) history.replaceState(null, '', text);
}

function currentState() {
  const config = main.config ?? Object.fromEntries(CONFIG_KEYS.map((k) => [k, DEFAULTS[k]]));
  return { ...config, step: main.steps ?? 0, mode: main.settings?.mode ?? 'explore' };
}

function queueUrl() {
  if (urlQueued) return;
  urlQueued = true;
  requestAnimationFrame(() => {
    urlQueued = false;
    writeUrl(currentState());
  });
}

// --- the inputs --------------------------------------------------------------------------------------------------

function syncInputs(values) {
  for (const key of CONFIG_KEYS) {
    const v = values[key];
    for (const input of form.querySelectorAll(`input[data-key="${key}"]`)) {
      if (document.activeElement === input && input.type === 'number') continue;
      input.value = String(v);
      input.removeAttribute('aria-invalid');
    }
  }
}

function onInput(event) {
  const input = event.target;
  const key = input.dataset.key;
  if (!key) return;
  const f = field(key);
  const v = f.parse(input.value);
  if (v === null) {
    input.setAttribute('aria-invalid', 'true');
    problemError.textContent = `${f.label} must be ${f.range}.`;
    problemError.hidden = false;
    return;
  }
  input.removeAttribute('aria-invalid');
  problemError.hidden = true;
  for (const other of form.querySelectorAll(`input[data-key="${key}"]`)) if (other !== input) other.value = String(v);
  main.setAttribute('steps', '0');
  main.setAttribute(f.attribute, String(v));
}

// The number inputs accept what the core accepts: their min and max are the core's limits().
for (const input of form.querySelectorAll('input[type="number"][data-key]')) {
  const { min, max } = DESCENT_BOUNDS[input.dataset.key];
  Object.assign(input, { min: String(min), max: String(max) });
}

form.addEventListener('input', onInput);
form.addEventListener('submit', (e) => e.preventDefault());

main.addEventListener('reset', () => {
  if (main.config) syncInputs(main.config);
  queueUrl();
});
main.addEventListener('step', queueUrl);
main.addEventListener('modechange', queueUrl);

document.getElementById('article-values').addEventListener('click', () => {
  notice.hidden = true;
  problemError.hidden = true;
  setProblem({ ...DEFAULTS, mode: main.settings?.mode ?? 'explore' }, 0);
  main.reset?.();
});
document.getElementById('export-csv').addEventListener('click', () => download('backprop-trace.csv', main.exportCSV(), 'text/csv'));
document.getElementById('export-json').addEventListener('click', () => download('backprop-trace.json', main.exportJSON(), 'application/json'));
document.getElementById('copy-link').addEventListener('click', async () => {
  const status = document.getElementById('copy-status');
  writeUrl(currentState());
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = 'Link copied: it opens this problem at this step.';
  } catch {
    status.textContent = 'Copy the address bar: it holds this problem and this step.';
  }
});

// --- keyboard ----------------------------------------------------------------------------------------------------

document.getElementById('shortcuts').replaceWith(Object.assign(shortcutList(DESCENT_SHORTCUTS), { id: 'shortcuts' }));

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || typingTarget(e)) return;
  const target = e.composedPath()[0];
  if (target instanceof HTMLButtonElement && (e.key === ' ' || e.key === 'Enter')) return;
  if (!shortcutAction(e, DESCENT_SHORTCUTS) && e.key !== 'Escape') return;
  // Forward to the figure, as if the key had been pressed inside it.
  e.preventDefault();
  main.dispatchEvent(new KeyboardEvent('keydown', { key: e.key, shiftKey: e.shiftKey }));
});

// --- theme -------------------------------------------------------------------------------------------------------

wireTheme(document.getElementById('theme'), 'backprop-descent, backprop-loss, backprop-table, backprop-regimes, backprop-equation');

// --- start -------------------------------------------------------------------------------------------------------

applyFragment(location.hash);
window.addEventListener('hashchange', () => applyFragment(location.hash));
