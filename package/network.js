// backprop-lab/network: the full core, the article's exports and the Network handle.
// `import { init, Network } from 'backprop-lab/network'`, then `await init()`. The wasm module is found next to this
// file, as in the article's entry; in Node, `init()` reads the file, or call `initSync({ module: readFileSync(wasmUrl) })`.
import { loadNetworkCore, wasmUrl as buildUrl } from './lib/core-network.js';
import { entryLoaders } from './lib/wasm-entry.js';
import glueInit, { initSync as glueInitSync } from './pkg/backprop_lab.js';

export * from './pkg/backprop_lab.js';

/**
 * The URL of the wasm module this entry uses (a file: URL in Node, an http(s): URL in a browser): the simd128 build,
 * or the scalar one where the engine has no wasm SIMD (the same choice the network figures make).
 */
export const wasmUrl = buildUrl();

export const { init, initSync } = entryLoaders({ glueInit, glueInitSync, wasmUrl, load: loadNetworkCore });
export default init;
