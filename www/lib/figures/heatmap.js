// The playground's picture: a value over the plane as a heatmap (an nx × ny image written with ImageData from a
// plain array, drawn smoothly onto the canvas at its full resolution), with axes, and the data points on top:
// training points filled, test points as rings with a contrasting outline (visible on light and dark), a reader's own
// points as diamonds. With classes (a softmax's outputs, a point's together) each point of the map takes the colour
// of the class that wins there, as strong as its probability is above chance, and the data points are drawn in
// their class's colour and shape (circle, square, triangle, in turn), so the classes part without colour too.
// Takes plain arrays and colours; never holds the network.
import { formatNumber } from '../format.js';
import { clear, svg } from '../svg.js';

/** The canvas's side in pixels: sharp at up to 480 CSS px, and on a 2× screen at phone widths. */
export const SIZE = 480;
const M = { left: 38, bottom: 28, top: 8, right: 6 }; // room for the axes, in canvas pixels
/** The axes' type: 14 canvas pixels, and never under 12 CSS px however small the picture is drawn. */
const AXIS_FONT = { units: 14, px: 12 };
/** The plot inside the canvas (the rest holds the axes), in canvas pixels. */
export const PLOT = { x: M.left, y: M.top, w: SIZE - M.left - M.right, h: SIZE - M.top - M.bottom };
/** How strongly the colour shows a value of size 1 (the rest is the background). */
const STRENGTH = 0.8;

/** A CSS colour as [r, g, b] (a 2-D context normalizes any CSS colour to #rrggbb). */
export function rgb(color, context) {
  context.fillStyle = '#000';
  context.fillStyle = color;
  const hex = /^#([0-9a-f]{6})$/i.exec(context.fillStyle)?.[1] ?? '000000';
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/**
 * Writes `values` (clamped to [−1, 1]; with `discretize` only their sign) into the RGBA pixels `px`, from the
 * neutral colour at 0 to `neg` at −1 and `pos` at +1.
 */
export function paint(px, values, count, { neg, pos, mid }, discretize = false) {
  for (let i = 0; i < count; i++) {
    let v = values[i];
    if (!Number.isFinite(v)) v = 0;
    if (discretize) v = v >= 0 ? 1 : -1;
    else v = v < -1 ? -1 : v > 1 ? 1 : v;
    const end = v < 0 ? neg : pos;
    const k = (v < 0 ? -v : v) * STRENGTH;
    px[4 * i] = mid[0] + (end[0] - mid[0]) * k;
    px[4 * i + 1] = mid[1] + (end[1] - mid[1]) * k;
    px[4 * i + 2] = mid[2] + (end[2] - mid[2]) * k;
    px[4 * i + 3] = 255;
  }
}

/**
 * Writes a grid of `classes` probabilities per point (a softmax's outputs, a point's together) into the RGBA pixels
 * `px`: the winning class's colour (`ends[k]`, as [r, g, b]), from the neutral colour at chance (p = 1/classes) to
 * full at p = 1; with `discretize`, the winner's colour at full strength.
 */
function paintClasses(px, values, count, classes, { ends, mid }, discretize = false) {
  const chance = 1 / classes;
  for (let i = 0; i < count; i++) {
    const base = i * classes;
    let k = 0;
    for (let c = 1; c < classes; c++) if (values[base + c] > values[base + k]) k = c;
    const p = values[base + k];
    // s = (p − 1/K) / (1 − 1/K): 0 where every class is as likely, 1 where one is certain
    let v = Number.isFinite(p) ? (p - chance) / (1 - chance) : 0;
    if (discretize) v = 1;
    v = v < 0 ? 0 : v > 1 ? 1 : v;
    const end = ends[k % ends.length];
    const w = v * STRENGTH;
    px[4 * i] = mid[0] + (end[0] - mid[0]) * w;
    px[4 * i + 1] = mid[1] + (end[1] - mid[1]) * w;
    px[4 * i + 2] = mid[2] + (end[2] - mid[2]) * w;
    px[4 * i + 3] = 255;
  }
}

/** Traces the mark of class `k` (circle, square, triangle, in turn; a circle for other data) of radius r at (x, y). */
function markPath(ctx, k, x, y, r) {
  ctx.beginPath();
  const shape = k === null ? 0 : k % 3;
  if (shape === 0) ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === 1) ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
  else {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r, y + r * 0.75);
    ctx.lineTo(x - r, y + r * 0.75);
    ctx.closePath();
  }
}

/**
 * `classes`: 0 for a grid of one value per point (labels ±1 or values), or the number of classes of a grid of
 * probabilities (labels then are class indices, coloured by `colors.classes`, CSS colours taken in turn).
 * @returns {{ update(d: { grid: Float64Array|number[], nx: number, ny: number, domain: [number, number],
 *   train: Float64Array|number[], test: Float64Array|number[], user?: number[][], discretize?: boolean,
 *   classes?: number, colors: { negative: string, positive: string, neutral: string, stroke: string, muted: string,
 *   classes?: string[] } }): void,
 *   canvas: HTMLCanvasElement, toPlane(clientX: number, clientY: number, domain: [number, number]): ?[number, number] }}
 */
export function createHeatmapFigure(container, label) {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  canvas.className = 'heatmap';
  canvas.setAttribute('part', 'heatmap');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  // The axes are vector text over the canvas, in its coordinates: a canvas drawn smaller than its pixels is scaled
  // as an image, and WebKit's scaling drops rows, among them the 1 px stroke of a minus sign ("−2" read "2").
  const axes = svg('svg', { class: 'heatmap-axes', viewBox: `0 0 ${SIZE} ${SIZE}`, 'aria-hidden': 'true' });
  const box = document.createElement('div');
  box.className = 'heatmap-box';
  box.append(canvas, axes);
  container.append(box);
  // The axes' type in canvas units, for the size the picture is drawn at (the labels are placed for it).
  let font = AXIS_FONT.units;
  let axesDomain = null;
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => {
      // Rounded up to a tenth of a unit: never under AXIS_FONT.px.
      const next = Math.max(AXIS_FONT.units, Math.ceil((AXIS_FONT.px * SIZE * 10) / (box.getBoundingClientRect().width || SIZE)) / 10);
      if (next === font) return;
      font = next;
      if (axesDomain) drawAxes(axesDomain);
    }).observe(box);
  }
  const ctx = canvas.getContext('2d');
  const small = document.createElement('canvas');
  const smallCtx = small.getContext('2d');
  let image = null;
  let palette = null;
  let paletteKey = '';

  // What stays put while the network trains (the data points and the axes) is drawn once onto a transparent layer,
  // and drawn again only when the points, the colours or the domain change; each frame repaints the map beneath it
  // and lays this layer on top with one drawImage.
  const overlay = document.createElement('canvas');
  overlay.width = SIZE;
  overlay.height = SIZE;
  const octx = overlay.getContext('2d');
  let drawn = null;

  function update({ grid, nx, ny, domain, train, test, user = [], discretize = false, classes = 0, colors }) {
    if (!image || image.width !== nx || image.height !== ny) {
      small.width = nx;
      small.height = ny;
      image = smallCtx.createImageData(nx, ny);
    }
    const key = `${colors.negative}|${colors.positive}|${colors.neutral}|${colors.classes ?? ''}`;
    if (key !== paletteKey) {
      palette = {
        neg: rgb(colors.negative, ctx), pos: rgb(colors.positive, ctx), mid: rgb(colors.neutral, ctx),
        ends: (colors.classes ?? []).map((c) => rgb(c, ctx)),
      };
      paletteKey = key;
    }
    if (classes > 0) paintClasses(image.data, grid, nx * ny, classes, palette, discretize);
    else paint(image.data, grid, nx * ny, palette, discretize);
    smallCtx.putImageData(image, 0, 0);
    ctx.fillStyle = colors.neutral;
    ctx.fillRect(0, 0, SIZE, SIZE);
    ctx.imageSmoothingEnabled = !discretize;
    // Bilinear: enlarging a grid of 100 points, 'high' (bicubic) changes no pixel by more than 10 of 255 and costs
    // 5 times as much in a browser drawing without a GPU (0.8 against 4.3 ms a frame, headless Chromium).
    ctx.imageSmoothingQuality = 'low';
    // Pixel centres sit on the grid's points: the image spans half a cell beyond the outer points.
    const cw = PLOT.w / (nx - 1 || 1);
    const ch = PLOT.h / (ny - 1 || 1);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
    ctx.clip();
    ctx.drawImage(small, PLOT.x - cw / 2, PLOT.y - ch / 2, PLOT.w + cw, PLOT.h + ch);
    ctx.restore();
    const now = { train, test, user: user.flat(), domain, colors: `${key}|${colors.stroke}|${colors.muted}|${classes}` };
    if (!drawn || !sameLayer(drawn, now)) {
      drawOverlay(now, user, colors, classes);
      drawn = { ...now, train: Array.from(train), test: Array.from(test) };
    }
    ctx.drawImage(overlay, 0, 0);
  }

  /** The points (clipped to the plot) and the axes, on the transparent layer. */
  function drawOverlay({ train, test, domain }, user, colors, classes) {
    const ctx = octx;
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
    ctx.clip();
    const [lo, hi] = domain;
    const sx = (v) => PLOT.x + ((v - lo) / (hi - lo)) * PLOT.w;
    const sy = (v) => PLOT.y + ((hi - v) / (hi - lo)) * PLOT.h;
    const ends = colors.classes ?? [];
    const color = classes > 0 ? (t) => ends[t % ends.length] : (t) => (t >= 0 ? colors.positive : colors.negative);
    const strength = classes > 0 ? () => 1 : (t) => Math.min(1, Math.abs(t));
    const shape = classes > 0 ? (t) => t : () => null;
    // Test points: a ring in the class colour inside a ring of the text colour, so they stand out on any ground.
    for (let i = 0; i + 2 < test.length; i += 3) {
      markPath(ctx, shape(test[i + 2]), sx(test[i]), sy(test[i + 1]), 4.2);
      ctx.lineWidth = 4.2;
      ctx.strokeStyle = colors.stroke;
      ctx.stroke();
      ctx.lineWidth = 2.2;
      ctx.strokeStyle = color(test[i + 2]);
      ctx.stroke();
    }
    for (let i = 0; i + 2 < train.length; i += 3) {
      markPath(ctx, shape(train[i + 2]), sx(train[i]), sy(train[i + 1]), 4.2);
      ctx.globalAlpha = 0.35 + 0.65 * strength(train[i + 2]);
      ctx.fillStyle = color(train[i + 2]);
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1;
      ctx.strokeStyle = colors.stroke;
      ctx.stroke();
    }
    for (const [x, y, l] of user) {
      const cx = sx(x);
      const cy = sy(y);
      ctx.beginPath();
      ctx.moveTo(cx, cy - 7);
      ctx.lineTo(cx + 7, cy);
      ctx.lineTo(cx, cy + 7);
      ctx.lineTo(cx - 7, cy);
      ctx.closePath();
      ctx.fillStyle = color(l);
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = colors.stroke;
      ctx.stroke();
    }
    ctx.restore();
    drawAxes(domain);
  }

  /** The plot's frame, ticks and numbers, and the names x₁ and x₂, as SVG over the canvas (coloured by the styles). */
  function drawAxes([lo, hi]) {
    axesDomain = [lo, hi];
    clear(axes);
    axes.style.setProperty('--axis-font', `${font}px`);
    const text = (x, y, anchor, content) => axes.append(svg('text', { x, y, 'text-anchor': anchor }, content));
    axes.append(svg('rect', { x: PLOT.x + 0.5, y: PLOT.y + 0.5, width: PLOT.w - 1, height: PLOT.h - 1 }));
    const ticks = [];
    const step = (hi - lo) / 6;
    for (let k = 0; k <= 6; k++) {
      const v = formatNumber(Math.round((lo + k * step) * 100) / 100);
      const x = PLOT.x + (k / 6) * PLOT.w;
      const y = PLOT.y + (1 - k / 6) * PLOT.h;
      ticks.push(`M${x} ${PLOT.y + PLOT.h}v4M${PLOT.x - 4} ${y}h4`);
      // Below the plot (the first and last flush with its ends); left of it, centred on the tick (the top one
      // below its tick, the bottom one above, so both stay inside the picture).
      text(x, PLOT.y + PLOT.h + 4 + font * 0.8, k === 0 ? 'start' : k === 6 ? 'end' : 'middle', v);
      text(PLOT.x - 6, k === 6 ? y + font * 0.75 : k === 0 ? y : y + font * 0.35, 'end', v);
    }
    axes.append(svg('path', { d: ticks.join('') }));
    text(SIZE - M.right - 2, PLOT.y + PLOT.h - 4, 'end', 'x₁');
    text(PLOT.x + 4, PLOT.y + font, 'start', 'x₂');
  }

  /** The plane point under a pointer (client coordinates), or null outside the plot. */
  function toPlane(clientX, clientY, [lo, hi]) {
    const box = canvas.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * SIZE;
    const py = ((clientY - box.top) / box.height) * SIZE;
    if (px < PLOT.x || px > PLOT.x + PLOT.w || py < PLOT.y || py > PLOT.y + PLOT.h) return null;
    return [lo + ((px - PLOT.x) / PLOT.w) * (hi - lo), hi - ((py - PLOT.y) / PLOT.h) * (hi - lo)];
  }

  return { update, canvas, toPlane };
}

/** True when two frames' layers hold the same points, colours and domain (compared value by value). */
function sameLayer(a, b) {
  const same = (x, y) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  return a.colors === b.colors && same(a.domain, b.domain) && same(a.user, b.user) && same(a.train, b.train) && same(a.test, b.test);
}
