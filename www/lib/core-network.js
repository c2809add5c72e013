// Loads the full wasm core (the article's exports and the Network handle) once per page, relative to this module's
// own URL like core.js. Only the network figures import this module, and only when one of them starts.
import init, * as core from '../pkg/backprop_lab.js';

// The smallest module that uses a wasm SIMD instruction (i8x16.splat, i8x16.popcnt): valid only where the browser
// has simd128. Both builds give the same bits; the simd128 one computes two points per instruction.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0,
  65, 0, 253, 15, 253, 98, 11]);

/** The module file this browser runs: the simd128 build, or the scalar one where wasm SIMD is missing. */
export function wasmFile(validate = (bytes) => WebAssembly.validate(bytes)) {
  return validate(SIMD_PROBE) ? 'backprop_lab_bg.wasm' : 'backprop_lab_scalar_bg.wasm';
}

// Each build's URL written out whole: bundlers (Vite, Rollup, webpack) copy a file named by a literal
// new URL('…', import.meta.url), while a computed name makes them copy the whole folder, or fail in Vite's dev server.
const BUILDS = {
  'backprop_lab_bg.wasm': new URL('../pkg/backprop_lab_bg.wasm', import.meta.url),
  'backprop_lab_scalar_bg.wasm': new URL('../pkg/backprop_lab_scalar_bg.wasm', import.meta.url),
};

/** The URL of the module file this browser runs (see wasmFile). */
export function wasmUrl(validate) {
  return BUILDS[wasmFile(validate)];
}

let loading = null;

/** Resolves to the full core's exports (Network, …) once the module is compiled. */
export function loadNetworkCore() {
  loading ??= init({ module_or_path: wasmUrl() }).then(() => core);
  return loading;
}
