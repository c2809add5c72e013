// The glossary's tooltips: a link of class "term" (data-term naming a glossary entry, aria-describedby naming the
// tooltip) shows its entry on hover and on focus, and Escape hides it. Any page with such links and one tooltip
// element (role="tooltip") can wire them.
import { element } from '../dom.js';
import { glossaryEntry } from './glossary.js';

/** Shows the entry of a focused or hovered `a.term` in `tip`. */
export function wireGlossaryTips(tip) {
  for (const type of ['mouseover', 'focusin']) document.addEventListener(type, (e) => e.target.closest?.('a.term') && showTip(tip, e.target.closest('a.term')));
  for (const type of ['mouseout', 'focusout']) document.addEventListener(type, (e) => e.target.closest?.('a.term') && hideTip(tip));
  document.addEventListener('keydown', (e) => e.key === 'Escape' && hideTip(tip));
}

function showTip(tip, link) {
  const entry = glossaryEntry(link.dataset.term);
  if (!entry) return;
  tip.replaceChildren(element('strong', null, entry.symbol ? `${entry.term}, ${entry.symbol}: ` : `${entry.term}: `), entry.meaning);
  if (entry.equation) tip.append(' ', element('span', 'glossary-equation', entry.equation));
  const box = link.getBoundingClientRect();
  tip.hidden = false;
  const width = Math.min(320, document.documentElement.clientWidth - 16);
  tip.style.maxWidth = `${width}px`;
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hideTip(tip) {
  tip.hidden = true;
}
