// The loss per step on a log scale. Takes the plain array of losses J(w₀), J(w₁), …; a loss of exactly 0 (the
// descent landed on the optimum) sits on the bottom edge, marked "0". Optionally a second series (`test`, drawn
// dashed, e.g. the test loss beside the training loss), another name for the horizontal axis (`xLabel`), and where
// each loss sits on it (`at`, for a history that keeps one loss every few epochs; by default loss k sits at k).
import { formatNumber } from '../format.js';
import { linear, polyline, svg, thin, ticks } from '../svg.js';

const W = 400;
const H = 160;
const M = { left: 50, right: 12, top: 12, bottom: 32 };

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10ⁿ as text: "1" for n = 0, "10⁻⁸" for n = −8. */
export const powerOfTen = (n) => (n === 0 ? '1' : `10${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((d) => SUPERSCRIPT[d]).join('')}`);

/**
 * update() returns { gridDecades }: each gridline is 10^gridDecades times smaller than the one above.
 * @returns {{ update(data: { losses: number[] }): { gridDecades: number }, reset(): void }}
 */
export function createLossFigure(container) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart loss', role: 'img', part: 'loss' });
  const title = svg('title', {}, 'The loss per step, on a log scale');
  const axes = svg('g', { class: 'axes' });
  const line = svg('path', { class: 'loss-path' });
  const testLine = svg('path', { class: 'loss-path test-path' });
  const dots = svg('g', { class: 'loss-dots' });
  root.append(title, axes, testLine, line, dots);
  container.append(root);
  const plot = { x: M.left, y: M.top, w: W - M.left - M.right, h: H - M.top - M.bottom };

  function update({ losses, test = [], xLabel = 'step', at = null }) {
    const xOf = at ? (i) => at[i] : (i) => i;
    const all = test.length ? [...losses, ...test] : losses;
    const positive = all.filter((v) => v > 0);
    const hasZero = positive.length < all.length;
    let lo = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : -1;
    let hi = positive.length ? Math.ceil(Math.log10(Math.max(...positive))) : 0;
    if (hi <= lo) hi = lo + 1;
    if (hasZero) lo -= 1; // room for the zero line below the smallest positive loss
    const n = Math.max(at ? (at.at(-1) ?? 0) : Math.max(losses.length - 1, test.length - 1), 10);
    const sx = linear(0, n, plot.x, plot.x + plot.w);
    const sy = linear(lo, hi, plot.y + plot.h, plot.y);
    const y = (v) => (v > 0 ? sy(Math.log10(v)) : sy(lo));

    // The axes as a list of [tag, attributes, text], written over the elements already there: a frame that only
    // moves the epoch ticks changes a few attributes instead of building the axes again.
    const items = [
      ['line', { class: 'axis', x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h }],
      ['line', { class: 'axis', x1: plot.x, x2: plot.x, y1: plot.y, y2: plot.y + plot.h }],
    ];
    const every = Math.max(1, Math.ceil((hi - lo) / 5));
    // One style for the whole axis: decimals while every label is short (0.001 … 1000), else powers of ten.
    const powers = lo < -3 || hi > 3;
    for (let e = lo; e <= hi; e += every) {
      const label = hasZero && e === lo ? '0' : powers ? powerOfTen(e) : formatNumber(10 ** e);
      items.push(['line', { class: 'grid', x1: plot.x, x2: plot.x + plot.w, y1: sy(e), y2: sy(e) }]);
      items.push(['text', { class: 'tick-label', x: plot.x - 5, y: sy(e) + 3.5, 'text-anchor': 'end' }, label]);
    }
    for (const s of ticks(0, n, 5).filter(Number.isInteger)) {
      items.push(['text', { class: 'tick-label', x: sx(s), y: plot.y + plot.h + 14, 'text-anchor': 'middle' }, String(s)]);
    }
    items.push(['text', { class: 'axis-label', x: plot.x + plot.w, y: H - 3, 'text-anchor': 'end' }, xLabel]);
    items.push(['text', { class: 'axis-label', x: 4, y: plot.y + 4 }, 'J']);
    patch(axes, items);

    const pts = thin(losses.map((v, i) => [sx(xOf(i)), y(v)]), 400);
    line.setAttribute('d', pts.length > 1 ? polyline(pts) : '');
    const testPts = thin(test.map((v, i) => [sx(xOf(i)), y(v)]), 400);
    testLine.setAttribute('d', testPts.length > 1 ? polyline(testPts) : '');
    const marks = losses.length <= 60 ? pts : pts.slice(-1);
    const r = losses.length <= 60 ? 2.5 : 3;
    patch(dots, marks.map(([cx, cy]) => ['circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r }]));
    const last = losses.at(-1);
    title.textContent = losses.length ? `The loss per step on a log scale: ${losses.length} values, the last J = ${formatNumber(last)}` : 'The loss per step on a log scale: no loss shown yet';
    return { gridDecades: every };
  }

  return { update, reset: () => update({ losses: [] }) };
}

/**
 * Makes `group`'s children the elements `items` describe ([tag, attributes, text?] each), reusing the elements in
 * place: only attributes and texts that differ are written, missing elements added, extra ones removed.
 */
function patch(group, items) {
  let node = group.firstElementChild;
  for (const [tag, attrs, text] of items) {
    if (!node || node.localName !== tag) {
      const made = svg(tag, attrs, text);
      group.insertBefore(made, node);
      continue;
    }
    for (const [k, v] of Object.entries(attrs)) {
      const value = String(v);
      if (node.getAttribute(k) !== value) node.setAttribute(k, value);
    }
    for (const name of node.getAttributeNames()) if (!(name in attrs)) node.removeAttribute(name);
    if (text !== undefined && node.textContent !== text) node.textContent = text;
    node = node.nextElementSibling;
  }
  while (node) {
    const next = node.nextElementSibling;
    node.remove();
    node = next;
  }
}
