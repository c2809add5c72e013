// A drawn digit as the dataset's digits were made. UCI's optical digits (the 8 × 8 images scikit-learn ships) came
// from 32 × 32 bitmaps of handwriting: each was cut into 64 blocks of 4 × 4 pixels, and each block became the number
// of its pixels that were ink, 0 to 16 (17 levels). Here the reader's strokes (polylines in the 32 × 32 square) are
// drawn with a round pen into such a bitmap, then counted the same way.
//
// Plain functions of arrays; the drawing box (figures/drawing.js) holds the strokes and the pointer.

/** The bitmap's side, the block's side, and the image's side: 32 = 4 × 8. */
export const BITMAP = 32;
const BLOCK = 4;
export const SIDE = BITMAP / BLOCK;
/** The most ink one block holds: 4 × 4 = 16, so 17 levels 0..16. */
export const LEVELS = BLOCK * BLOCK + 1;
/** The pen's radius, in bitmap pixels: strokes 3 to 4 pixels wide, as thick as the dataset's. */
export const PEN = 1.75;
/** The margin a fitted drawing keeps from the bitmap's edges, in pixels (the pen's own width stays inside). */
const FIT_MARGIN = PEN;
/** A fitted drawing is magnified at most this much (a dot does not become a disc). */
const MAX_FIT_SCALE = 6;

/**
 * The 8 × 8 image of a 32 × 32 bitmap (1 = ink, row by row): each entry the count of ink pixels in its 4 × 4 block,
 * image[r·8 + c] = Σ over i, j in 0..3 of bitmap[(4r + i)·32 + 4c + j].
 */
export function reduce(bitmap) {
  const image = new Uint8Array(SIDE * SIDE);
  for (let y = 0; y < BITMAP; y++) {
    for (let x = 0; x < BITMAP; x++) {
      if (bitmap[y * BITMAP + x]) image[((y / BLOCK) | 0) * SIDE + ((x / BLOCK) | 0)] += 1;
    }
  }
  return image;
}

/** The squared distance from (px, py) to the segment from (ax, ay) to (bx, by). */
function distance2(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * The 32 × 32 bitmap of `strokes` (arrays of [x, y] points, 0 ≤ x, y ≤ 32) drawn with a round pen of radius
 * `pen`: a pixel is ink when its centre lies within `pen` of a stroke's segment (a one-point stroke is a dot).
 */
export function rasterize(strokes, pen = PEN) {
  const bitmap = new Uint8Array(BITMAP * BITMAP);
  const r2 = pen * pen;
  for (const stroke of strokes) {
    // Segments from each point to the next; a stroke of one point is the segment from it to itself, a dot.
    for (let s = 0; s < Math.max(1, stroke.length - 1); s++) {
      const [ax, ay] = stroke[s];
      const [bx, by] = stroke[Math.min(s + 1, stroke.length - 1)];
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - pen));
      const x1 = Math.min(BITMAP - 1, Math.ceil(Math.max(ax, bx) + pen));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by) - pen));
      const y1 = Math.min(BITMAP - 1, Math.ceil(Math.max(ay, by) + pen));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          if (distance2(x + 0.5, y + 0.5, ax, ay, bx, by) <= r2) bitmap[y * BITMAP + x] = 1;
        }
      }
    }
  }
  return bitmap;
}

/**
 * `strokes` moved and scaled (keeping their proportions) so that they fill the square as the dataset's digits do:
 * their bounding box centred, its longer side spanning the square less the pen's margin on each side.
 */
export function fit(strokes) {
  const points = strokes.flat();
  if (points.length === 0) return strokes;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY);
  const room = BITMAP - 2 * FIT_MARGIN;
  const scale = span === 0 ? 1 : Math.min(MAX_FIT_SCALE, room / span);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return strokes.map((stroke) => stroke.map(([x, y]) => [BITMAP / 2 + (x - cx) * scale, BITMAP / 2 + (y - cy) * scale]));
}

/**
 * A 32 × 32 bitmap whose reduction is `image` (8 × 8, 0..16): each block's count of pixels inked, in reading order.
 * The way back from a dataset image to a drawing the box can show and edit.
 */
export function expand(image) {
  const bitmap = new Uint8Array(BITMAP * BITMAP);
  for (let b = 0; b < SIDE * SIDE; b++) {
    const top = ((b / SIDE) | 0) * BLOCK;
    const left = (b % SIDE) * BLOCK;
    for (let k = 0; k < Math.min(image[b], BLOCK * BLOCK); k++) bitmap[(top + ((k / BLOCK) | 0)) * BITMAP + left + (k % BLOCK)] = 1;
  }
  return bitmap;
}
