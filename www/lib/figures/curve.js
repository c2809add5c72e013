// J(w) with the current point, its tangent (slope dJ/dw), the step it is about to take, and the trail of past w's.
// Takes plain numbers and arrays; draws into an SVG sized by its viewBox, so it scales with its container.
import { formatNumber } from '../format.js';
import { linked } from '../formula.js';
import { clear, linear, polyline, set, svg, thin, ticks } from '../svg.js';

const W = 400;
const H = 250;
const M = { left: 46, right: 12, top: 14, bottom: 34 };
let clipIds = 0;

/**
 * @param {Element} container
 * @returns {{ update(data: {
 *   x: number, y: number, trail: number[], trailLoss: number[], optimum: ?number,
 *   point: ?{w: number, loss: number, slope: ?number}, next: ?number, phase: ?string }): void, reset(): void,
 *   legend: HTMLElement }} (the legend is for the caller to place, near the chart)
 */
export function createCurveFigure(container) {
  const clipId = `bp-curve-clip-${++clipIds}`;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart curve', role: 'img', part: 'curve' });
  const title = svg('title', {}, 'The error J as a function of the weight w');
  const plot = { x: M.left, y: M.top, w: W - M.left - M.right, h: H - M.top - M.bottom };
  const clip = svg('clipPath', { id: clipId }, svg('rect', { x: plot.x, y: plot.y - 4, width: plot.w, height: plot.h + 4 }));
  const axes = svg('g', { class: 'axes' });
  const inner = svg('g', { 'clip-path': `url(#${clipId})` });
  const curve = svg('path', { class: 'curve-line' });
  const optimumLine = svg('line', { class: 'optimum' });
  const trailPath = svg('path', { class: 'trail' });
  const trailDots = svg('g', { class: 'trail-dots' });
  const lossLine = svg('line', { class: 'loss-line', 'data-quantity': 'loss' });
  const tangent = svg('line', { class: 'tangent', 'data-quantity': 'dJdW' });
  const arrow = svg('path', { class: 'step-arrow', 'data-quantity': 'wNext' });
  const ghost = svg('circle', { class: 'ghost', r: 4, 'data-quantity': 'wNext' });
  const point = svg('circle', { class: 'point', r: 5.5 });
  const labels = svg('g', { class: 'labels' });
  inner.append(curve, optimumLine, trailPath, trailDots, lossLine, tangent, ghost, point);
  root.append(title, svg('defs', {}, clip), axes, inner, arrow, labels);
  container.append(root);
  const legend = curveLegend();

  function update({ x, y, trail, trailLoss, optimum, point: p, next, phase, view = 'follow' }) {
    const [lo, hi] = domain(view, trail, optimum, next, p?.w);
    const J = (w) => (x * w - y) ** 2; // only to draw the curve; every number shown comes from the core
    const inView = (w) => w >= lo && w <= hi;
    const highest = Math.max(J(lo), J(hi), ...trailLoss.filter((v, i) => Number.isFinite(v) && inView(trail[i])));
    let top = Number.isFinite(highest * 1.05) ? highest * 1.05 : highest; // room above, unless at the f64 limit
    if (!(top > 0) || !Number.isFinite(top)) top = 1;
    const sx = linear(lo, hi, plot.x, plot.x + plot.w);
    const syRaw = linear(0, top, plot.y + plot.h, plot.y);
    // Off-scale values (the curve leaving the top, or J beyond the finite numbers) are pinned just outside the plot.
    const sy = (v) => {
      const y = syRaw(v);
      return Number.isFinite(y) ? Math.min(Math.max(y, plot.y - 50), plot.y + plot.h + 50) : plot.y - 50;
    };

    clear(axes);
    axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h }));
    axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x, y1: plot.y, y2: plot.y + plot.h }));
    const wTicks = ticks(lo, hi, 4);
    // Enough digits to tell neighbouring ticks apart, however far the view has zoomed in.
    const digits = Math.min(12, Math.max(3, Math.ceil(Math.log10(Math.max(...wTicks.map(Math.abs), 1e-300) / ((hi - lo) / 4))) + 1));
    for (const v of wTicks) {
      axes.append(svg('line', { class: 'tick', x1: sx(v), x2: sx(v), y1: plot.y + plot.h, y2: plot.y + plot.h + 4 }));
      axes.append(svg('text', { class: 'tick-label', x: sx(v), y: plot.y + plot.h + 15, 'text-anchor': 'middle' }, formatNumber(v, digits)));
    }
    // Very large or small J: the ticks show mantissas and the axis names the power of ten, so labels stay short.
    const power = top >= 1e5 || top < 1e-3 ? Math.floor(Math.log10(top)) : 0;
    const unit = 10 ** power;
    for (const v of ticks(0, top, 4)) {
      axes.append(svg('line', { class: 'grid', x1: plot.x, x2: plot.x + plot.w, y1: sy(v), y2: sy(v) }));
      axes.append(svg('text', { class: 'tick-label', x: plot.x - 5, y: sy(v) + 3.5, 'text-anchor': 'end' }, formatNumber(power ? v / unit : v, 3)));
    }
    axes.append(linked(svg('text', { class: 'axis-label', x: plot.x + plot.w, y: H - 3, 'text-anchor': 'end' }, 'w'), 'w'));
    axes.append(linked(svg('text', { class: 'axis-label', x: 4, y: plot.y + 4 }, power ? `J (× ${formatNumber(unit)})` : 'J'), 'J'));

    const samples = Array.from({ length: 121 }, (_, i) => {
      const w = lo + ((hi - lo) * i) / 120;
      return [sx(w), sy(J(w))];
    });
    set(curve, { d: polyline(samples) });

    if (Number.isFinite(optimum)) set(optimumLine, { x1: sx(optimum), x2: sx(optimum), y1: plot.y, y2: plot.y + plot.h, visibility: 'visible' });
    else set(optimumLine, { visibility: 'hidden' });
    legend.children[1].hidden = !Number.isFinite(optimum); // no w* (x = 0): nothing to name

    const pts = thin(trail.map((w, i) => [sx(w), sy(trailLoss[i])]), 300);
    set(trailPath, { d: pts.length > 1 ? polyline(pts) : null });
    clear(trailDots);
    const recent = pts.slice(-40);
    recent.forEach(([cx, cy], i) => trailDots.append(svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 2.6, 'fill-opacity': (0.25 + (0.6 * (i + 1)) / recent.length).toFixed(2) })));

    clear(labels);
    const show = (node, on) => set(node, { visibility: on ? 'visible' : 'hidden' });
    if (p) {
      const px = sx(p.w);
      const py = sy(Number.isFinite(p.loss) ? p.loss : J(p.w)); // J not computed yet: on the curve, unlabelled
      set(point, { cx: px, cy: py });
      set(lossLine, { x1: px, x2: px, y1: plot.y + plot.h, y2: py });
      show(point, true);
      show(lossLine, true);
      const hasSlope = Number.isFinite(p.slope);
      if (hasSlope) {
        // Long enough to read the slope, short enough to stay within the plot.
        const h = Math.min((hi - lo) * 0.3, (0.45 * top) / (Math.abs(p.slope) || 1));
        set(tangent, { x1: sx(p.w - h), y1: sy(p.loss - p.slope * h), x2: sx(p.w + h), y2: sy(p.loss + p.slope * h) });
      }
      show(tangent, hasSlope);
      const hasNext = Number.isFinite(next);
      if (hasNext) {
        const ay = plot.y + plot.h - 9;
        const nx = sx(next);
        const dir = nx >= px ? 1 : -1;
        const head = Math.abs(nx - px) > 8 ? `M${nx} ${ay}l${-6 * dir} -4v8z` : '';
        set(arrow, { d: `M${px} ${ay}H${nx}${head}` });
        set(ghost, { cx: nx, cy: sy(J(next)) });
      }
      show(arrow, hasNext);
      show(ghost, hasNext);
      const q = { forward: null, error: 'loss', backward: 'dJdW', update: 'wNext' }[phase] ?? null;
      for (const node of [lossLine, tangent, arrow, ghost]) node.classList.toggle('current', node.getAttribute('data-quantity') === q);
      const text = `w = ${formatNumber(p.w)}`;
      const avoid = [...samples, ...segmentPoints(tangent, hasSlope), ...(hasNext ? [[sx(next), sy(J(next))]] : [])];
      const spot = placeLabel(px, py, text.length * LABEL_EM, plot, avoid);
      labels.append(svg('text', { class: 'point-label', x: spot.x, y: spot.y, 'text-anchor': spot.anchor }, text));
    } else {
      for (const node of [point, lossLine, tangent, arrow, ghost]) show(node, false);
    }
    title.textContent = p
      ? `The error J against the weight w: the current point is w = ${formatNumber(p.w)}${Number.isFinite(p.loss) ? `, J = ${formatNumber(p.loss)}` : ''}` +
        (Number.isFinite(p.slope) ? `, slope dJ/dw = ${formatNumber(p.slope)}` : '')
      : 'The error J as a function of the weight w';
  }

  return { update, reset: () => { clear(trailDots); set(trailPath, { d: null }); }, legend };
}

/** What each mark of J(w) is, each beside a sample drawn with the chart's own classes. */
const LEGEND = [
  ['J(w), the error', () => svg('line', { class: 'curve-line', x1: 1, y1: 6, x2: 23, y2: 6 })],
  ['w*, the best weight', () => svg('line', { class: 'optimum', x1: 12, y1: 0, x2: 12, y2: 12 })],
  ['weights visited', () => svg('g', {}, svg('path', { class: 'trail', d: 'M2 9L22 3' }), svg('g', { class: 'trail-dots' }, svg('circle', { cx: 4, cy: 8.4, r: 2.2 }), svg('circle', { cx: 20, cy: 3.6, r: 2.2 })))],
  ['tangent: the slope dJ/dw', () => svg('line', { class: 'tangent', x1: 1, y1: 10, x2: 23, y2: 2 })],
  ['arrow: the step to the next w', () => svg('path', { class: 'step-arrow', d: 'M1 6H20M23 6l-6 -4v8z' })],
];

function curveLegend() {
  const list = document.createElement('ul');
  list.className = 'curve-legend';
  list.setAttribute('aria-label', 'Key to the chart of J(w)');
  for (const [text, sample] of LEGEND) {
    const item = document.createElement('li');
    item.append(svg('svg', { class: 'swatch', viewBox: '0 0 24 12', width: 24, height: 12, 'aria-hidden': 'true' }, sample()), text);
    list.append(item);
  }
  return list;
}

/** Width of one character of a label, in viewBox units (for the largest label font, 16px). */
const LABEL_EM = 8.6;
const LABEL_HEIGHT = 16;

/**
 * The weights the view spans. "whole": every weight visited, the optimum and the next weight. "follow": the last
 * few steps, the optimum and the next weight, so the point and its arrow stay apart as the steps shrink.
 */
function domain(view, trail, optimum, next, current) {
  const recent = view === 'whole' ? trail : trail.slice(-3);
  const ws = [...recent, current, optimum, next].filter(Number.isFinite);
  let lo = Math.min(...ws);
  let hi = Math.max(...ws);
  const size = Math.max(Math.abs(lo), Math.abs(hi), 1e-300);
  // Never narrower than a millionth of the numbers' size (the tick labels stay short), nor than a step's size. A
  // single weight (x = 0: w never moves, and there is no optimum) shows the bowl around it, not a millionth of it.
  const span = lo === hi ? Math.max(size, 1) : Math.max(hi - lo, size * 1e-6, Number.MIN_VALUE);
  const mid = (lo + hi) / 2;
  lo = mid - span * 0.68;
  hi = mid + span * 0.68;
  return Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : [-1, 1];
}

/** Points along a drawn line (the tangent), to keep labels off it. */
function segmentPoints(line, shown) {
  if (!shown) return [];
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)));
  return Array.from({ length: 25 }, (_, i) => [x1 + ((x2 - x1) * i) / 24, y1 + ((y2 - y1) * i) / 24]);
}

/** Where a label of `width` next to (px, py) covers the fewest points of `avoid`, inside the plot. */
function placeLabel(px, py, width, plot, avoid) {
  const gap = 9;
  const candidates = [
    { x: px + gap, y: py - gap, anchor: 'start' },
    { x: px - gap, y: py - gap, anchor: 'end' },
    { x: px + gap, y: py + gap + LABEL_HEIGHT - 4, anchor: 'start' },
    { x: px - gap, y: py + gap + LABEL_HEIGHT - 4, anchor: 'end' },
    { x: px + gap, y: plot.y + LABEL_HEIGHT, anchor: 'start' },
    { x: px - gap, y: plot.y + LABEL_HEIGHT, anchor: 'end' },
  ];
  let best = null;
  for (const c of candidates) {
    let left = c.anchor === 'start' ? c.x : c.x - width;
    left = Math.min(Math.max(left, plot.x + 2), plot.x + plot.w - width - 2);
    const top = Math.min(Math.max(c.y - LABEL_HEIGHT + 3, plot.y - 10), plot.y + plot.h - LABEL_HEIGHT);
    const hits = avoid.filter(([ax, ay]) => ax >= left - 2 && ax <= left + width + 2 && ay >= top - 2 && ay <= top + LABEL_HEIGHT + 2).length;
    const spot = { x: left, y: top + LABEL_HEIGHT - 3, anchor: 'start', hits };
    if (!best || hits < best.hits) best = spot;
    if (hits === 0) break;
  }
  return best;
}
