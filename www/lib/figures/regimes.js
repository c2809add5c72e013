// The learning-rate regimes on a number line: monotone below 1/(2x²), oscillating up to 1/x², diverging beyond,
// with the boundaries for the current x and a marker at the current lr. Takes plain numbers.
import { formatNumber } from '../format.js';
import { clear, linear, svg } from '../svg.js';

/** What the page calls each regime (the core's names are identifiers, never read out). */
const REGIME_WORDS = { monotone: 'in the smooth range', oneStep: 'exactly the one-step rate', oscillating: 'in the zig-zag range', oscillatingForever: 'exactly the rate that zig-zags forever', diverging: 'in the diverging range' };

const W = 400;
const H = 84;
const M = { left: 12, right: 12 };

/** @returns {{ update(data: {lr: number, lrOneStep: number, lrLimit: number, regime: string}): void, reset(): void }} */
export function createRegimesFigure(container) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart regimes', role: 'img', part: 'regimes' });
  const title = svg('title', {}, 'Learning-rate regimes');
  const g = svg('g');
  root.append(title, g);
  container.append(root);

  function update({ lr, lrOneStep, lrLimit, regime }) {
    clear(g);
    const max = lrLimit * 1.6;
    const sx = linear(0, max, M.left, W - M.right);
    const y = 42;
    const band = (a, b, cls, label) => {
      g.append(svg('rect', { class: `band ${cls}`, x: sx(a), y: y - 10, width: Math.max(0, sx(b) - sx(a)), height: 20 }));
      g.append(svg('text', { class: 'band-label', x: (sx(a) + sx(b)) / 2, y: y + 4, 'text-anchor': 'middle' }, label));
    };
    band(0, lrOneStep, 'monotone', 'smooth');
    band(lrOneStep, lrLimit, 'oscillating', 'zig-zag');
    band(lrLimit, max, 'diverging', 'diverges');
    const boundary = (v, label, anchor) => {
      g.append(svg('line', { class: 'boundary', x1: sx(v), x2: sx(v), y1: y - 22, y2: y + 10 }));
      g.append(svg('text', { class: 'boundary-label', x: sx(v) + (anchor === 'end' ? -4 : 4), y: y - 15, 'text-anchor': anchor }, label));
    };
    boundary(lrOneStep, `1/(2x²) = ${formatNumber(lrOneStep, 4)}`, 'end');
    boundary(lrLimit, `1/x² = ${formatNumber(lrLimit, 4)}`, 'start');
    const off = lr > max;
    const mx = sx(Math.min(lr, max));
    g.append(svg('path', { class: `marker ${regime}`, d: `M${mx} ${y + 12}l-6 10h12z` }));
    g.append(svg('text', { class: 'marker-label', x: Math.min(Math.max(mx, 60), W - 60), y: y + 36, 'text-anchor': 'middle' },
      `lr = ${formatNumber(lr)}${off ? ' (off the scale) →' : ''}`));
    title.textContent = `Learning-rate regimes for this x: smooth below ${formatNumber(lrOneStep)}, zig-zag up to ${formatNumber(lrLimit)}, diverging beyond; lr = ${formatNumber(lr)} is ${REGIME_WORDS[regime] ?? 'not classified'}`;
  }

  return { update, reset: () => clear(g) };
}
