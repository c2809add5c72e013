// Links a page's prose to the glossary: the first mention of each glossary term in the page's paragraphs becomes a
// link to its entry on the path's page (learn.html#glossary-…), whose entry shows as a tooltip on hover and focus.
// Symbols in the prose (<i>ŷ</i>, <i>f</i>′, <i>x</i>₁) show their entry on hover, and the first of an entry that no
// term has linked becomes its link. Terms and symbols come from the glossary's one table, so a page need not mark
// them by hand. Words inside links, headings, code, buttons and figures are left alone.
import { element } from '../dom.js';
import { entryOfSymbol, GLOSSARY, SUBSCRIPTS, SUBSCRIPT_CLASS } from './glossary.js';
import { wireGlossaryTips } from './glossary-tips.js';

/** Where the entries live, relative to this module (so the link works wherever the site is served). */
const GLOSSARY_PAGE = new URL('../../learn.html', import.meta.url);
const SKIP = 'a, h1, h2, h3, h4, code, pre, kbd, button, label, select, math, svg, figure, [class*="notice"]';

/** A link to `entry`'s glossary entry around `content`, described by the tooltip `tipId`. */
function termLink(entry, content, tipId) {
  const link = element('a', 'term', content);
  link.href = `${GLOSSARY_PAGE.href}#glossary-${entry.id}`;
  link.dataset.term = entry.id;
  link.setAttribute('aria-describedby', tipId);
  return link;
}

/**
 * Links the first text in the paragraphs that `pattern` finds (outside links, headings, code and figures) to
 * `entry`; returns whether it found one.
 */
function linkFirst(paragraphs, pattern, entry, tipId) {
  for (const p of paragraphs) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(SKIP)) continue;
      const m = pattern.exec(node.data);
      if (!m) continue;
      const found = node.splitText(m.index);
      found.splitText(m[0].length);
      found.replaceWith(termLink(entry, found.data, tipId));
      return true;
    }
  }
  return false;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wraps the first mention of each term in the paragraphs; returns the ids linked. */
function linkTerms(paragraphs, tipId) {
  const terms = GLOSSARY.filter((e) => e.term.length > 3).sort((a, b) => b.term.length - a.term.length);
  return terms.filter((entry) => linkFirst(paragraphs, new RegExp(`\\b${escape(entry.term)}s?\\b`, 'i'), entry, tipId)).map((e) => e.id);
}

const SUBSCRIPT = Object.fromEntries(Object.entries(SUBSCRIPTS).map(([sub, plain]) => [plain, sub]));
const MARKS = new RegExp(`^[′*${SUBSCRIPT_CLASS}]*`, 'u');

/** The symbol an <i> writes (<i>p<sub>t</sub></i> as pₜ), with a prime or subscript that follows it outside (<i>f</i>′, <i>x</i>₁). */
function symbolOf(i) {
  const next = i.nextSibling?.nodeType === Node.TEXT_NODE ? MARKS.exec(i.nextSibling.data)[0] : '';
  const written = [...i.childNodes].map((n) => (n.localName === 'sub' ? [...n.textContent].map((c) => SUBSCRIPT[c] ?? c).join('') : n.textContent)).join('').trim();
  // f′ is not f: a primed symbol is its own entry or none
  return entryOfSymbol(written + next) ?? (next.startsWith('′') ? undefined : entryOfSymbol(written));
}

/**
 * Marks each symbol in the paragraphs with its entry (a tooltip on hover), and links the first of each entry not in
 * `linked` (so a keyboard reaches every entry the page uses); returns the ids it linked.
 */
function linkSymbols(paragraphs, linked, tipId) {
  const done = new Set(linked);
  const added = [];
  for (const i of paragraphs.flatMap((p) => [...p.querySelectorAll('i, var')])) {
    if (i.closest(SKIP)) continue;
    const entry = symbolOf(i);
    if (!entry) continue;
    i.dataset.term = entry.id;
    i.classList.add('term-symbol');
    if (done.has(entry.id)) continue;
    done.add(entry.id);
    const link = termLink(entry, '', tipId);
    i.replaceWith(link);
    link.append(i);
    added.push(entry.id);
  }
  // A Greek symbol is written upright, outside <i>: its first mention in the text links it.
  const greek = GLOSSARY.filter((e) => /^[α-ω]$/u.test(e.symbol) && !done.has(e.id));
  return [...added, ...greek.filter((entry) => linkFirst(paragraphs, new RegExp(escape(entry.symbol), 'u'), entry, tipId)).map((e) => e.id)];
}

/** Links the page's terms and wires their tooltips (one tooltip element, made here if the page has none). */
function glossaryOnPage() {
  let tip = document.getElementById('term-tip');
  if (!tip) {
    tip = element('div', 'term-tip');
    tip.id = 'term-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    // Inside a landmark (the page's header), and positioned against the page, not a figure's container.
    (document.querySelector('body > header') ?? document.body).append(tip);
  }
  wireGlossaryTips(tip);
  const root = document.querySelector('main') ?? document.body;
  const paragraphs = [...root.querySelectorAll('p, li')].filter((p) => !p.closest(SKIP));
  const terms = linkTerms(paragraphs, tip.id);
  return [...terms, ...linkSymbols(paragraphs, terms, tip.id)];
}

glossaryOnPage();
