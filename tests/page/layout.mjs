// Layout checks run inside a page, through every open shadow root: what a reader would see as cut off, overflowing
// or too small. Returns a list of problems (empty when none), each naming the element and the numbers.

/** Smallest text a figure may draw, in CSS pixels on screen. */
export const MIN_TEXT_PX = 11;

export function layoutProblems(page) {
  return page.evaluate((minText) => {
    const problems = [];
    const roots = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i].querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const all = (selector) => roots.flatMap((r) => [...r.querySelectorAll(selector)]);
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden]');
    const name = (el) => `${el.getRootNode().host?.localName ?? 'page'} ${el.localName}${el.className?.baseVal ?? (el.className ? `.${String(el.className).split(' ')[0]}` : '')}`;

    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) problems.push(`the page is ${overflow}px wider than the screen`);

    // An equation is either whole in its box, or its box scrolls visibly and takes the keyboard focus.
    for (const box of all('.equation, .table-wrap')) {
      if (!visible(box)) continue;
      const cut = box.scrollWidth - box.clientWidth;
      if (cut <= 1) continue;
      const style = getComputedStyle(box);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (!scrolls) problems.push(`${name(box)} cuts ${cut}px of its equation off`);
      else if (box.tabIndex < 0) problems.push(`${name(box)} scrolls but cannot take the focus`);
      else if (!box.matches('.scrolls')) problems.push(`${name(box)} scrolls without showing that it does`);
    }
    // Nothing is cut by a box that hides its overflow.
    for (const math of all('math')) {
      if (!visible(math)) continue;
      const r = math.getBoundingClientRect();
      for (let p = math.parentElement ?? math.getRootNode().host; p; p = p.parentElement ?? p.getRootNode().host) {
        const s = getComputedStyle(p);
        if (s.overflowX === 'visible') continue;
        if (s.overflowX === 'auto' || s.overflowX === 'scroll') break;
        const q = p.getBoundingClientRect();
        if (r.right > q.right + 1) problems.push(`${name(math)} is cut at the right by ${name(p)} (${Math.round(r.right - q.right)}px)`);
        break;
      }
    }
    // Text drawn in figures is large enough to read, and values stay inside the circles that hold them.
    for (const text of all('svg text')) {
      if (!visible(text) || !text.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 1);
      if (size < minText - 0.05) problems.push(`${name(text)} “${text.textContent.slice(0, 24)}” is ${size.toFixed(1)}px high`);
    }
    for (const svg of all('svg.network')) {
      if (!visible(svg)) continue;
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => [t, t.getBoundingClientRect()]);
      for (const [t, r] of texts) {
        if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`${name(t)} “${t.textContent}” leaves its figure`);
      }
      const names = texts.filter(([t]) => t.matches('.node-name'));
      for (const [t, r] of texts.filter(([t]) => t.matches('.node-value'))) {
        const c = t.parentElement.querySelector('circle').getBoundingClientRect();
        if (r.top < c.bottom - 1) problems.push(`${name(t)} “${t.textContent}” overlaps its circle`);
        for (const [u, q] of texts) if (u !== t && !names.some(([n]) => n === u) && r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom) problems.push(`${name(t)} “${t.textContent}” overlaps “${u.textContent}”`);
      }
      for (const [t, r] of names) {
        const c = t.parentElement.querySelector('circle').getBoundingClientRect();
        if (r.left < c.left || r.right > c.right) problems.push(`${name(t)} “${t.textContent}” overflows its circle`);
      }
    }
    // Table cells show their whole text.
    for (const cell of all('th, td')) {
      if (!visible(cell)) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name(cell)} “${cell.textContent.slice(0, 24)}” is cut`);
    }
    return problems;
  }, MIN_TEXT_PX);
}
