// J(w, b) of one neuron as a contour map, with the descent's path on it and, at the current point, the direction
// of steepest descent −∇J. Takes plain numbers: the grid of J the core computed in one call, the grid's rectangle,
// and the path. The w and b axes have the same scale, so the arrow crosses the contour lines at right angles.
import { formatNumber } from '../format.js';
import { clear, linear, polyline, set, svg } from '../svg.js';

const SIZE = 320;
const M = { left: 40, right: 10, top: 10, bottom: 34 };
/** Contour levels: fractions of the largest J, squared, so the lines crowd towards the valley floor. */
const LEVELS = Array.from({ length: 11 }, (_, k) => ((k + 1) / 12) ** 2);
const ARROW = 46;

/**
 * @returns {{ update(d: { values: Float64Array, grid: {wMin:number, wMax:number, bMin:number, bMax:number,
 *   columns:number, rows:number}, path: {w:number, b:number}[], gradient: ?{dJdW:number, dJdB:number} }): void }}
 */
export function createContourFigure(container) {
  const W = SIZE + M.left + M.right;
  const H = SIZE + M.top + M.bottom;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart contour', role: 'img', part: 'contour' });
  const title = svg('title', {}, 'The loss J over w and b, as a contour map');
  const axes = svg('g', { class: 'axes' });
  const lines = svg('g', { class: 'contours' });
  const trail = svg('path', { class: 'trail contour-path' });
  const dots = svg('g', { class: 'trail-dots' });
  const arrow = svg('g', { class: 'gradient-arrow' });
  const point = svg('circle', { class: 'point', r: 5 });
  root.append(title, svg('rect', { class: 'contour-plot', x: M.left, y: M.top, width: SIZE, height: SIZE }), lines, axes, trail, dots, arrow, point);
  container.append(root);
  let drawn = null;

  function update({ values, grid, path, gradient }) {
    const sx = linear(grid.wMin, grid.wMax, M.left, M.left + SIZE);
    const sy = linear(grid.bMin, grid.bMax, M.top + SIZE, M.top);
    if (drawn !== values) {
      drawn = values;
      drawContours(lines, values, grid, sx, sy);
      drawAxes(axes, grid, sx, sy);
    }
    const pts = path.map((p) => [sx(p.w), sy(p.b)]);
    set(trail, { d: pts.length > 1 ? polyline(pts) : null });
    clear(dots);
    path.forEach((p, i) => dots.append(svg('circle', { cx: sx(p.w).toFixed(1), cy: sy(p.b).toFixed(1), r: 2.4, 'data-w': p.w, 'data-b': p.b, 'data-step': i })));
    const last = path.at(-1);
    set(point, { cx: sx(last.w), cy: sy(last.b) });
    clear(arrow);
    let direction = '';
    if (gradient && (gradient.dJdW !== 0 || gradient.dJdB !== 0)) {
      // −∇J on screen: b grows upwards, so its screen component changes sign.
      const len = Math.hypot(gradient.dJdW, gradient.dJdB);
      const dx = (-gradient.dJdW / len) * ARROW;
      const dy = (gradient.dJdB / len) * ARROW;
      const [x0, y0] = [sx(last.w), sy(last.b)];
      const head = Math.atan2(dy, dx);
      const tip = (a) => `${(x0 + dx - 8 * Math.cos(head + a)).toFixed(1)} ${(y0 + dy - 8 * Math.sin(head + a)).toFixed(1)}`;
      arrow.append(
        svg('line', { x1: x0, y1: y0, x2: x0 + dx, y2: y0 + dy, 'data-dx': dx, 'data-dy': dy }),
        svg('path', { d: `M${(x0 + dx).toFixed(1)} ${(y0 + dy).toFixed(1)}L${tip(0.45)}L${tip(-0.45)}z` }),
      );
      direction = ` The arrow −∇J = (${formatNumber(-gradient.dJdW, 4)}, ${formatNumber(-gradient.dJdB, 4)}) points downhill, across the contour lines at right angles.`;
    }
    const steps = path.length - 1;
    title.textContent = `The loss J over w from ${formatNumber(grid.wMin, 3)} to ${formatNumber(grid.wMax, 3)} and b from ${formatNumber(grid.bMin, 3)} to ${formatNumber(grid.bMax, 3)}, as contour lines. The valley floor is a straight line of (w, b) pairs that fit the point equally well. The path of ${steps} step${steps === 1 ? '' : 's'} starts at w = ${formatNumber(path[0].w, 4)}, b = ${formatNumber(path[0].b, 4)} and is now at w = ${formatNumber(last.w, 4)}, b = ${formatNumber(last.b, 4)}.${direction}`;
  }

  return { update, reset: () => { drawn = null; } };
}

/** The contour lines of the grid at each level, by marching squares (one path per level). */
function drawContours(group, values, grid, sx, sy) {
  clear(group);
  let top = 0;
  for (const v of values) if (Number.isFinite(v) && v > top) top = v;
  if (!(top > 0)) return;
  const { columns: nx, rows: ny } = grid;
  const at = (i, j) => values[j * nx + i];
  const px = (i) => sx(grid.wMin + ((grid.wMax - grid.wMin) * i) / (nx - 1));
  const py = (j) => sy(grid.bMin + ((grid.bMax - grid.bMin) * j) / (ny - 1));
  LEVELS.forEach((fraction, k) => {
    const level = top * fraction;
    let d = '';
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
        const corner = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
        const crossings = [];
        for (let e = 0; e < 4; e++) {
          const a = c[e];
          const b = c[(e + 1) % 4];
          if ((a < level) === (b < level)) continue;
          const t = (level - a) / (b - a);
          const [ia, ja] = corner[e];
          const [ib, jb] = corner[(e + 1) % 4];
          crossings.push([px(ia + (ib - ia) * t), py(ja + (jb - ja) * t)]);
        }
        for (let s = 0; s + 1 < crossings.length; s += 2) {
          const [[x1, y1], [x2, y2]] = [crossings[s], crossings[s + 1]];
          d += `M${x1.toFixed(1)} ${y1.toFixed(1)}L${x2.toFixed(1)} ${y2.toFixed(1)}`;
        }
      }
    }
    if (d) group.append(svg('path', { d, class: `contour-line level-${k}`, 'data-level': level }));
  });
}

function drawAxes(group, grid, sx, sy) {
  clear(group);
  const bottom = M.top + SIZE;
  group.append(svg('line', { class: 'axis', x1: M.left, x2: M.left + SIZE, y1: bottom, y2: bottom }));
  group.append(svg('line', { class: 'axis', x1: M.left, x2: M.left, y1: M.top, y2: bottom }));
  for (const w of tickValues(grid.wMin, grid.wMax)) {
    group.append(svg('text', { class: 'tick-label', x: sx(w), y: bottom + 15, 'text-anchor': 'middle' }, formatNumber(w, 3)));
  }
  for (const b of tickValues(grid.bMin, grid.bMax)) {
    group.append(svg('text', { class: 'tick-label', x: M.left - 5, y: sy(b) + 4, 'text-anchor': 'end' }, formatNumber(b, 3)));
  }
  group.append(svg('text', { class: 'axis-label', x: M.left + SIZE, y: bottom + 30, 'text-anchor': 'end' }, 'w'));
  group.append(svg('text', { class: 'axis-label', x: 6, y: M.top + 10 }, 'b'));
}

/** Three round ticks inside [lo, hi]. */
function tickValues(lo, hi) {
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 2));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= 4) ?? step * 10;
  const out = [];
  for (let v = Math.ceil(lo / nice) * nice; v <= hi + 1e-9; v += nice) out.push(Math.abs(v) < nice * 1e-9 ? 0 : v);
  return out;
}
