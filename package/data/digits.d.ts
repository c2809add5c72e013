// Types for backprop-lab/data/digits: the 8×8 handwritten digits (UCI's optical digits as scikit-learn ships them,
// CC BY 4.0: E. Alpaydin and C. Kaynak, 1998, https://doi.org/10.24432/C50P49), loaded on demand.

/** The digits in the dataset's own order. */
export interface Digits {
  /** 1797 images × 64 pixels, image by image, row by row; each pixel 0..16 (the ink in a 4 × 4 block). */
  images: Uint8Array;
  /** 1797 labels, 0..9. */
  labels: Uint8Array;
  width: 8;
  height: 8;
  classes: 10;
}

/** Images in the set: 1797. */
export declare const DIGITS_COUNT: number;
/** 8. */
export declare const DIGITS_WIDTH: number;
/** 8. */
export declare const DIGITS_HEIGHT: number;
/** Grey levels: 17 (0..16). */
export declare const DIGITS_LEVELS: number;
/** 10. */
export declare const DIGITS_CLASSES: number;
/** The data file next to this module. */
export declare const digitsUrl: URL;

/**
 * Loads the digits (once per URL; later calls share the promise). In a browser, from a CDN or in a bundler it fetches
 * the file next to this module; in Node it reads it. `url` loads a copy from elsewhere. Rejects with an Error whose
 * `kind` is "load" (unreachable) or "invalid" (not the digits).
 */
export declare function loadDigits(url?: URL | string): Promise<Digits>;
