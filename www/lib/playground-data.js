// A reader's own data in the playground: a CSV read by data/csv.js (through <backprop-csv-import>) made into what
// the playground trains on, and split into training and test points. Plain functions, no DOM, no core.
//
//   binary      rows x₁, x₂, ±1: one tanh output, as the generated two-class sets
//   classes     rows x₁, x₂ and a one-hot target per class: one softmax output per class, with the cross-entropy
//   regression  rows x₁, x₂, value: one identity output
//
// The plane the playground draws is [−6, 6]²: inputs reaching beyond it are scaled by one factor (the shape of the
// data kept) so that the farthest sits at FIT; a regression's values beyond [−1, 1] (the heatmap's colour scale) are
// scaled into it. Both factors are kept, so the page says what it did.

/** Where the farthest input lands after scaling, inside the plane's 6 (a point on the edge would be cut in half). */
const FIT = 5.5;
const PLANE = 6;

/** The output activation each kind of labels trains with. */
export const CUSTOM_OUTPUT = { binary: 'tanh', classes: 'softmax', regression: 'identity' };

/**
 * What the playground trains on for a CSV read: { kind, outputs, stride, rows (Float64Array, x₁, x₂ and the
 * targets per row), count, classes (names: binary negative first, classes by index), inputScale, targetScale }.
 * `read` is <backprop-csv-import>'s `data` event's detail: { parsed, rows (the core's rows, one-hot for classes),
 * range: { min, max } of the inputs }.
 */
export function customData({ parsed, rows, range }) {
  const outputs = parsed.kind === 'classes' ? parsed.classes.length : 1;
  const stride = 2 + outputs;
  const out = Float64Array.from(rows);
  const far = Math.max(Math.abs(range.min), Math.abs(range.max));
  const inputScale = far > PLANE ? FIT / far : 1;
  let targetScale = 1;
  if (parsed.kind === 'regression') {
    let top = 0;
    for (let r = 2; r < out.length; r += stride) top = Math.max(top, Math.abs(out[r]));
    if (top > 1) targetScale = 1 / top;
  }
  for (let r = 0; r < out.length; r += stride) {
    out[r] *= inputScale;
    out[r + 1] *= inputScale;
    if (outputs === 1) out[r + 2] *= targetScale;
  }
  const classes = parsed.kind === 'regression' ? [] : [...parsed.classes];
  return { kind: parsed.kind, outputs, stride, rows: out, count: parsed.rows, classes, inputScale, targetScale };
}

/** A small seeded generator (mulberry32): the same shuffle for the same seed, on every engine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The rows (of `stride` numbers) shuffled by `seed` (Fisher–Yates) and cut: the first `fraction` of them train, the
 * rest test; at least one of each when there are two rows or more. { train, test } as Float64Arrays.
 */
export function splitRows(rows, stride, fraction, seed) {
  const n = rows.length / stride;
  const order = Array.from({ length: n }, (_, k) => k);
  const next = random(seed);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const cut = n < 2 ? n : Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
  const take = (list) => {
    const out = new Float64Array(list.length * stride);
    list.forEach((row, k) => out.set(rows.subarray(row * stride, (row + 1) * stride), k * stride));
    return out;
  };
  return { train: take(order.slice(0, cut)), test: take(order.slice(cut)) };
}
