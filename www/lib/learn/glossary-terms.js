// Links a page's prose to the glossary: the first mention of each glossary term in the page's paragraphs becomes a
// link to its entry on the path's page (learn.html#glossary-…), whose entry shows as a tooltip on hover and focus.
// The terms come from the glossary's one table, so a page need not mark them by hand. Words inside links, headings,
// code, buttons and figures are left alone.
import { element } from '../dom.js';
import { GLOSSARY } from './glossary.js';
import { wireGlossaryTips } from './glossary-tips.js';

/** Where the entries live, relative to this module (so the link works wherever the site is served). */
const GLOSSARY_PAGE = new URL('../../learn.html', import.meta.url);
const SKIP = 'a, h1, h2, h3, h4, code, pre, kbd, button, label, select, math, svg, figure, [class*="notice"]';

/** Wraps the first mention of each term in the paragraphs under `root`; returns the ids linked. */
function linkTerms(root = document.querySelector('main') ?? document.body, tipId = 'term-tip') {
  const linked = [];
  const terms = GLOSSARY.filter((e) => e.term.length > 3).sort((a, b) => b.term.length - a.term.length);
  const paragraphs = [...root.querySelectorAll('p, li')].filter((p) => !p.closest(SKIP));
  for (const entry of terms) {
    const pattern = new RegExp(`\\b${entry.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'i');
    search: for (const p of paragraphs) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(SKIP)) continue;
        const m = pattern.exec(node.data);
        if (!m) continue;
        const after = node.splitText(m.index);
        after.splitText(m[0].length);
        const link = element('a', 'term', after.data);
        link.href = `${GLOSSARY_PAGE.href}#glossary-${entry.id}`;
        link.dataset.term = entry.id;
        link.setAttribute('aria-describedby', tipId);
        after.replaceWith(link);
        linked.push(entry.id);
        break search;
      }
    }
  }
  return linked;
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
  return linkTerms();
}

glossaryOnPage();
