// The glossary's tooltips: anything marked with data-term (a term link of class "term" in the prose, a symbol in an
// equation, even inside a figure's shadow root) shows its entry on hover, and a link shows it on focus too; Escape
// hides it. Any page with one tooltip element (role="tooltip") can wire them.
import { element } from '../dom.js';
import { FORMULAS, glossaryEntry, shownSymbol } from './glossary.js';

/** The innermost element of an event's path that names a glossary entry. */
const termOf = (event) => event.composedPath().find((n) => n instanceof Element && n.hasAttribute('data-term')) ?? null;

/** Shows the entry of a hovered or focused term (or symbol) in `tip`. */
export function wireGlossaryTips(tip) {
  for (const type of ['mouseover', 'focusin']) {
    document.addEventListener(type, (e) => {
      const term = termOf(e);
      if (term) showTip(tip, term);
    });
  }
  for (const type of ['mouseout', 'focusout']) document.addEventListener(type, (e) => termOf(e) && hideTip(tip));
  document.addEventListener('keydown', (e) => e.key === 'Escape' && hideTip(tip));
}

/** The entry's text for a tooltip: its name and symbol, its meaning, its formulas. */
function tipContent(entry) {
  const symbol = shownSymbol(entry);
  const parts = [element('strong', null, symbol ? `${entry.term}, ${symbol}: ` : `${entry.term}: `), entry.meaning];
  if (entry.formulas.length) parts.push(' ', element('span', 'glossary-equation', entry.formulas.map((f) => FORMULAS[f]).join('; ')));
  return parts;
}

/** The symbol or term whose entry the tooltip shows (lit while it does). */
let shown = null;

function showTip(tip, target) {
  const entry = glossaryEntry(target.getAttribute('data-term'));
  if (!entry) return;
  shown?.classList.remove('term-shown');
  shown = target;
  target.classList.add('term-shown');
  tip.replaceChildren(...tipContent(entry));
  const box = target.getBoundingClientRect();
  tip.hidden = false;
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  tip.style.maxWidth = `${width}px`;
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hideTip(tip) {
  tip.hidden = true;
  shown?.classList.remove('term-shown');
  shown = null;
}
