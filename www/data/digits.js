// backprop-lab/data/digits: the 8×8 handwritten digits (UCI's optical digits as scikit-learn ships them, CC BY 4.0;
// see README.md beside this file), loaded on demand and never part of the core module.
//
//   import { loadDigits } from 'backprop-lab/data/digits';
//   const { images, labels, width, height, classes } = await loadDigits();
//
// digits.bin is found next to this file (new URL(…, import.meta.url)), so the same code loads it in a browser from
// this site or from a CDN, in a bundler (which copies the file and rewrites the URL), and in Node, where fetch() cannot
// read file: URLs and the file is read with node:fs instead.

/** Images in the set. */
export const DIGITS_COUNT = 1797;
/** Pixels per row and rows per image. */
export const DIGITS_WIDTH = 8;
export const DIGITS_HEIGHT = 8;
/** Grey levels 0..16: the ink counted in each 4 × 4 block of a 32 × 32 bitmap. */
export const DIGITS_LEVELS = 17;
/** Classes: the digits 0 to 9. */
export const DIGITS_CLASSES = 10;

/** Where the data is: pixels (DIGITS_COUNT × 64 bytes, image by image, row by row), then DIGITS_COUNT labels. */
export const digitsUrl = new URL('./digits.bin', import.meta.url);

const PIXELS = DIGITS_COUNT * DIGITS_WIDTH * DIGITS_HEIGHT;

/** An error as data, as the core's: `kind` ("load" or "invalid"), the `url`, and a message a person can act on. */
function failure(kind, url, message) {
  return Object.assign(new Error(message), { kind, field: 'digits', url: String(url) });
}

/** The file's bytes: node:fs for a file: URL where there is one (Node), fetch() everywhere else. */
async function bytesOf(url) {
  const fs = url.protocol === 'file:' ? globalThis.process?.getBuiltinModule?.('node:fs/promises') : null;
  let response;
  try {
    if (fs) return new Uint8Array(await fs.readFile(url));
    response = await fetch(url);
  } catch (e) {
    throw failure('load', url, `the digits could not be read from ${url} (${e.message})`);
  }
  if (!response.ok) throw failure('load', url, `the digits could not be fetched from ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Checks the bytes and splits them into images and labels (views of one buffer). */
function parse(bytes, url) {
  if (bytes.length !== PIXELS + DIGITS_COUNT) {
    throw failure('invalid', url, `${url} has ${bytes.length} bytes, not the ${PIXELS + DIGITS_COUNT} of the digits`);
  }
  const images = bytes.subarray(0, PIXELS);
  const labels = bytes.subarray(PIXELS);
  if (images.some((v) => v >= DIGITS_LEVELS) || labels.some((v) => v >= DIGITS_CLASSES)) {
    throw failure('invalid', url, `${url} has a pixel above 16 or a label above 9: it is not the digits`);
  }
  return { images, labels, width: DIGITS_WIDTH, height: DIGITS_HEIGHT, classes: DIGITS_CLASSES };
}

const loads = new Map();

/**
 * The digits in the dataset's own order: `images` (DIGITS_COUNT × 64 bytes, 0..16), `labels` (0..9), `width`,
 * `height` and `classes`. Loaded once per URL (later calls share the promise; a failed load is tried again);
 * `url` (relative to this module) loads a copy from elsewhere. Rejects with an Error of `kind` "load" or "invalid".
 */
export function loadDigits(url = digitsUrl) {
  const where = new URL(String(url), digitsUrl);
  const href = where.href;
  if (!loads.has(href)) {
    const load = bytesOf(where).then((bytes) => parse(bytes, where));
    load.catch(() => loads.delete(href));
    loads.set(href, load);
  }
  return loads.get(href);
}
