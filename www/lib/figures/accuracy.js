// The share of images answered right, after each epoch: training (solid) and test (dashed), from 0 to 100 %, with
// the 90 % line marked. Takes the plain arrays of accuracies (fractions in [0, 1]); the loss has its own chart
// (figures/loss.js).
import { formatNumber } from '../format.js';
import { linear, polyline, svg, thin, ticks } from '../svg.js';

const W = 400;
const H = 160;
const M = { left: 50, right: 12, top: 12, bottom: 32 };
/** The line drawn across the chart: the accuracy the page's goal names. */
const GOAL = 0.9;

/** @returns {{ update(d: { train: number[], test: number[] }): void }} */
export function createAccuracyFigure(container) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart accuracy', role: 'img', part: 'accuracy' });
  const title = svg('title', {}, 'Accuracy per epoch');
  const plot = { x: M.left, y: M.top, w: W - M.left - M.right, h: H - M.top - M.bottom };
  const sy = linear(0, 1, plot.y + plot.h, plot.y);
  const axes = svg('g', { class: 'axes' });
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    axes.append(svg('line', { class: 'grid', x1: plot.x, x2: plot.x + plot.w, y1: sy(v), y2: sy(v) }));
    axes.append(svg('text', { class: 'tick-label', x: plot.x - 5, y: sy(v) + 3.5, 'text-anchor': 'end' }, `${v * 100}%`));
  }
  axes.append(svg('line', { class: 'goal', x1: plot.x, x2: plot.x + plot.w, y1: sy(GOAL), y2: sy(GOAL) }));
  axes.append(svg('text', { class: 'tick-label goal-label', x: plot.x + plot.w, y: sy(GOAL) + 12, 'text-anchor': 'end' }, `${GOAL * 100}%`));
  axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h }));
  axes.append(svg('line', { class: 'axis', x1: plot.x, x2: plot.x, y1: plot.y, y2: plot.y + plot.h }));
  axes.append(svg('text', { class: 'axis-label', x: plot.x + plot.w, y: H - 3, 'text-anchor': 'end' }, 'epoch'));
  const xTicks = svg('g', { class: 'x-ticks' });
  const trainLine = svg('path', { class: 'accuracy-path' });
  const testLine = svg('path', { class: 'accuracy-path test-path' });
  root.append(title, axes, xTicks, trainLine, testLine);
  container.append(root);
  let lastN = -1;

  function update({ train, test }) {
    const n = Math.max(train.length - 1, 10);
    const sx = linear(0, n, plot.x, plot.x + plot.w);
    if (n !== lastN) {
      lastN = n;
      xTicks.replaceChildren(...ticks(0, n, 5).filter(Number.isInteger).map((s) => svg('text', { class: 'tick-label', x: sx(s), y: plot.y + plot.h + 14, 'text-anchor': 'middle' }, String(s))));
    }
    const path = (values) => {
      const pts = thin(values.map((v, i) => [sx(i), sy(Number.isFinite(v) ? v : 0)]), 400);
      return pts.length > 1 ? polyline(pts) : '';
    };
    trainLine.setAttribute('d', path(train));
    testLine.setAttribute('d', path(test));
    const pct = (v) => (Number.isFinite(v) ? `${formatNumber(v * 100, 3)}%` : '—');
    title.textContent = `Accuracy per epoch: ${train.length - 1} epochs, training ${pct(train.at(-1))}, test ${pct(test.at(-1))}`;
  }

  return { update };
}
