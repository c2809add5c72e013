// The drawing box's reduction (www/lib/digits/ink.js): a 32 × 32 bitmap becomes 8 × 8 counts of ink per 4 × 4 block,
// 17 levels, as UCI's optical digits were made; checked against 8 × 8 images counted by hand, and the pen, the fit
// and the way back from a dataset image checked against their definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BITMAP, LEVELS, PEN, SIDE, expand, fit, rasterize, reduce } from '../../www/lib/digits/ink.js';

/** A bitmap with ink where `inked(x, y)` holds. */
const bitmapOf = (inked) => Uint8Array.from({ length: BITMAP * BITMAP }, (_, i) => (inked(i % BITMAP, Math.floor(i / BITMAP)) ? 1 : 0));
/** An 8 × 8 image as 8 rows of 8 numbers. */
const rows = (image) => Array.from({ length: SIDE }, (_, r) => Array.from(image.slice(r * SIDE, r * SIDE + SIDE)));

test('the sizes: 32 × 32 pixels in 4 × 4 blocks, 8 × 8 levels of 0 to 16', () => {
  assert.deepEqual([BITMAP, SIDE, LEVELS], [32, 8, 17]);
});

test('reduce counts ink per 4 × 4 block: a hand-counted 8 × 8', () => {
  // Ink: a vertical bar in columns 5–6 (block column 1, 2 pixels of each block row), a horizontal line on row 10
  // (block row 2, one row of 4 pixels per block; it crosses the bar, which already holds 2 of its pixels there),
  // the whole block at row 6, column 6 (pixels 24–27 × 24–27), and a single pixel at (31, 0).
  const bitmap = bitmapOf((x, y) => x === 5 || x === 6 || y === 10 || (x >= 24 && x < 28 && y >= 24 && y < 28) || (x === 31 && y === 0));
  assert.deepEqual(rows(reduce(bitmap)), [
    [0, 8, 0, 0, 0, 0, 0, 1],
    [0, 8, 0, 0, 0, 0, 0, 0],
    [4, 10, 4, 4, 4, 4, 4, 4],
    [0, 8, 0, 0, 0, 0, 0, 0],
    [0, 8, 0, 0, 0, 0, 0, 0],
    [0, 8, 0, 0, 0, 0, 0, 0],
    [0, 8, 0, 0, 0, 0, 16, 0],
    [0, 8, 0, 0, 0, 0, 0, 0],
  ]);
  assert.deepEqual(Array.from(reduce(bitmapOf(() => true))), new Array(64).fill(16), 'all ink: the top level, 16');
  assert.deepEqual(Array.from(reduce(bitmapOf(() => false))), new Array(64).fill(0));
});

test('the pen inks the pixels whose centres lie within its radius of the stroke', () => {
  assert.equal(PEN, 1.75);
  // A dot at (16, 16): centres (x + ½, y + ½) within 1.75 of it, x, y in 14..17: the 4 × 4 square less its
  // corners (distance √(1.5² + 1.5²) ≈ 2.12), and the four pixels at distance √(2.5² + 0.5²) ≈ 2.55 stay out.
  const dot = rasterize([[[16, 16]]]);
  const inked = [];
  dot.forEach((v, i) => v && inked.push([i % BITMAP, Math.floor(i / BITMAP)]));
  assert.deepEqual(inked, [[15, 14], [16, 14], [14, 15], [15, 15], [16, 15], [17, 15], [14, 16], [15, 16], [16, 16], [17, 16], [15, 17], [16, 17]]);
  // Its blocks: the dot straddles the four blocks around (16, 16), three pixels in each.
  assert.deepEqual(rows(reduce(dot))[3].slice(3, 5), [3, 3]);
  assert.deepEqual(rows(reduce(dot))[4].slice(3, 5), [3, 3]);
  // A horizontal stroke along y = 2 from x = 4 to x = 28 inks rows 0..3 (centres 0.5..3.5, within 1.75 of y = 2):
  // block row 0. In the first block, column 3 (centre 0.5 from the end) has all 4 rows; column 2 (1.5 away) only the
  // rows 0.5 from the line (1.5² + 0.5² ≤ 1.75², 1.5² + 1.5² is not); column 1 (2.5 away) none: 6. The same at the end.
  const line = reduce(rasterize([[[4, 2], [28, 2]]]));
  assert.deepEqual(rows(line)[0], [6, 16, 16, 16, 16, 16, 16, 6]);
  assert.deepEqual(rows(line).slice(1).flat(), new Array(56).fill(0));
});

test('fit centres the strokes and scales their longer side to the square less the pen, keeping proportions', () => {
  const fitted = fit([[[2, 4], [6, 12]]]);
  const room = 32 - 2 * PEN; // the longer side (8 tall) spans this
  const [[a, b]] = fitted;
  assert.ok(Math.abs(b[1] - a[1] - room) < 1e-12);
  assert.ok(Math.abs((b[0] - a[0]) - room / 2) < 1e-12, 'width stays half the height');
  assert.ok(Math.abs((a[0] + b[0]) / 2 - 16) < 1e-12 && Math.abs((a[1] + b[1]) / 2 - 16) < 1e-12, 'centred');
  assert.deepEqual(fit([]), []);
  assert.deepEqual(fit([[[3, 3]]]), [[[16, 16]]], 'a dot is centred, not magnified');
});

test('expand is the way back: the reduction of an expanded image is the image, for every level', () => {
  const image = Uint8Array.from({ length: 64 }, (_, i) => (i * 7) % LEVELS);
  assert.deepEqual(reduce(expand(image)), image);
});
