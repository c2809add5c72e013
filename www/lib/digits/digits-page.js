// The digits page's wiring: <backprop-digits> defined once its stylesheet is here (so it draws styled the first
// time), its settings in the URL both ways through its table (digits-state.js), and the theme. The figure's code,
// the full core and the digits data load only when the figure starts.
import { readFragment, refusalText, writeAttributes, writeFragment } from '../fields.js';
import { stylesheet } from '../elements/shadow.js';
import { wireTheme } from '../theme.js';
import { DIGITS_FIELDS } from './digits-state.js';
import { DIGITS_SHEET, DigitsElement } from './digits-element.js';

const figure = document.getElementById('digits');
const notice = document.getElementById('url-notice');

/** The settings in the address bar ("hidden=64,16" reads better than its escaped form). */
function writeUrl(state) {
  const text = `#${writeFragment(state, DIGITS_FIELDS).replaceAll('%2C', ',')}`;
  if (location.hash !== text) history.replaceState(null, '', text);
}

/** A link's settings become the figure's attributes; what cannot be used is said, and left out of the address. */
function applyFragment(fragment) {
  const read = readFragment(fragment, DIGITS_FIELDS);
  const message = refusalText(read, { whose: 'the figure’s' });
  notice.textContent = message ?? '';
  notice.hidden = !message;
  writeAttributes(figure, DIGITS_FIELDS, read.state);
  if (message) writeUrl(read.state);
}

if (location.hash.length > 1) applyFragment(location.hash);
window.addEventListener('hashchange', () => applyFragment(location.hash));
figure.addEventListener('change', (e) => {
  if (e.target !== figure || !e.detail) return;
  notice.hidden = true;
  writeUrl(e.detail);
});
wireTheme(document.getElementById('theme'), 'backprop-digits');

DigitsElement.sheet = await stylesheet(DIGITS_SHEET);
if (!customElements.get('backprop-digits')) customElements.define('backprop-digits', DigitsElement);
