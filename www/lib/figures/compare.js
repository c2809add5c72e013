// Two runs of the same problem on one J(w): the same start, two learning rates, each run's trail of weights, the
// optimum w*, and the step where the runs part (the first step that leaves them on opposite sides of w*). Takes
// plain numbers and arrays; draws into an SVG sized by its viewBox.
import { formatNumber } from '../format.js';
import { linked } from '../formula.js';
import { clear, linear, polyline, set, svg, ticks } from '../svg.js';

const W = 420;
const H = 250;
const M = { left: 44, right: 12, top: 14, bottom: 34 };
/** The two runs' classes: colour and dash pattern both tell them apart. */
export const RUN_CLASSES = ['run-a', 'run-b'];

/**
 * @param {Element} container
 * @returns {{ update(data: { x: number, y: number, optimum: ?number,
 *   runs: { trail: number[], label: string }[], parted: ?number }): void }}
 */
export function createCompareFigure(container) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart compare', role: 'img', part: 'compare' });
  const title = svg('title', {}, 'Two runs of gradient descent on the same J(w)');
  const plot = { x: M.left, y: M.top, w: W - M.left - M.right, h: H - M.top - M.bottom };
  const axes = svg('g', { class: 'axes' });
  const curve = svg('path', { class: 'curve-line' });
  const optimum = svg('line', { class: 'optimum' });
  const trails = RUN_CLASSES.map((c) => svg('path', { class: `compare-trail ${c}` }));
  const dots = RUN_CLASSES.map((c) => svg('g', { class: `compare-dots ${c}` }));
  const marks = svg('g', { class: 'parted' });
  root.append(title, axes, curve, optimum, ...trails, ...dots, marks);
  container.append(root);

  function update({ x, y, optimum: wStar, runs, parted }) {
    const all = runs.flatMap((r) => r.trail).filter(Number.isFinite);
    if (Number.isFinite(wStar)) all.push(wStar);
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    const pad = (hi - lo || Math.abs(hi) || 1) * 0.08;
    lo -= pad;
    hi += pad;
    const J = (w) => (x * w - y) ** 2; // only to draw the curve; the trails are the core's
    const top = Math.max(J(lo), J(hi), 1e-12) * 1.05;
    const sx = linear(lo, hi, plot.x, plot.x + plot.w);
    const sy = (v) => Math.min(Math.max(linear(0, top, plot.y + plot.h, plot.y)(v), plot.y - 40), plot.y + plot.h + 40);

    clear(axes);
    axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h }));
    axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x, y1: plot.y, y2: plot.y + plot.h }));
    for (const v of ticks(lo, hi, 4)) {
      axes.append(svg('text', { class: 'tick-label', x: sx(v), y: plot.y + plot.h + 15, 'text-anchor': 'middle' }, formatNumber(v, 3)));
    }
    axes.append(linked(svg('text', { class: 'axis-label', x: plot.x + plot.w, y: H - 3, 'text-anchor': 'end' }, 'w'), 'w'));
    axes.append(linked(svg('text', { class: 'axis-label', x: 4, y: plot.y + 4 }, 'J'), 'J'));
    set(curve, { d: polyline(Array.from({ length: 121 }, (_, i) => lo + ((hi - lo) * i) / 120).map((w) => [sx(w), sy(J(w))])) });
    if (Number.isFinite(wStar)) set(optimum, { x1: sx(wStar), x2: sx(wStar), y1: plot.y, y2: plot.y + plot.h, visibility: 'visible' });
    else set(optimum, { visibility: 'hidden' });

    runs.forEach((run, r) => {
      const points = run.trail.filter(Number.isFinite).map((w) => [sx(w), sy(J(w))]);
      set(trails[r], { d: points.length > 1 ? polyline(points) : '' });
      clear(dots[r]);
      for (const [px, py] of points) dots[r].append(svg('circle', { cx: px, cy: py, r: 3 }));
    });
    clear(marks);
    if (parted !== null && parted !== undefined) {
      runs.forEach((run) => {
        const w = run.trail[parted];
        if (Number.isFinite(w)) marks.append(svg('circle', { class: 'parted-mark', cx: sx(w), cy: sy(J(w)), r: 7 }));
      });
    }
  }

  return { update };
}
