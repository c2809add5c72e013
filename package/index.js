// backprop-lab: the article's core. `import { init, step, train } from 'backprop-lab'`, then `await init()`.
//
// The wasm module is found next to this file (new URL(…, import.meta.url)), so the same code works from a CDN, from a
// bundler (which copies the module and rewrites the URL) and from a copied folder. In Node, `init()` reads the file,
// or call `initSync({ module: readFileSync(wasmUrl) })` yourself.
import { loadCore } from './lib/core.js';
import { entryLoaders } from './lib/wasm-entry.js';
import glueInit, { initSync as glueInitSync } from './pkg-article/backprop_lab.js';

export * from './pkg-article/backprop_lab.js';

/** The URL of the wasm module this entry uses (a file: URL in Node, an http(s): URL in a browser). */
export const wasmUrl = new URL('./pkg-article/backprop_lab_bg.wasm', import.meta.url);

export const { init, initSync } = entryLoaders({ glueInit, glueInitSync, wasmUrl, load: loadCore });
export default init;
