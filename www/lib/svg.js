// A tiny SVG builder and the scales every chart uses. Positions are attributes, never inline styles.

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children (strings become text). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Sets attributes on an existing element. */
export function set(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) node.removeAttribute(k);
    else node.setAttribute(k, String(v));
  }
  return node;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0, d1, r0, r1) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** A path "M x y L x y …" through points, with coordinates rounded to 0.1 of a unit. */
export function polyline(points) {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join('');
}

/** Keeps at most `max` of the points (always the first and the last), for long runs. */
export function thin(points, max = 400) {
  if (points.length <= max) return points;
  const every = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * every)]);
}

/** Removes all children. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}
