// What the package's two API entries (backprop-lab and backprop-lab/network) share: their init and initSync, around
// the wasm-bindgen glue of their build. init() with no argument loads the module the page's figures use (the same
// instance); in Node it reads the module's file, since fetch() cannot read file: URLs.

/**
 * The init and initSync of an entry. `glueInit`/`glueInitSync`: the build's wasm-bindgen functions; `wasmUrl`: its
 * module; `load`: the figures' loader of that build (lib/core.js or lib/core-network.js).
 */
export function entryLoaders({ glueInit, glueInitSync, wasmUrl, load }) {
  /** Compiles the module once; pass a URL, a Response, bytes or a WebAssembly.Module to load another copy. */
  async function init(input) {
    if (input !== undefined) return glueInit({ module_or_path: input });
    const fs = wasmUrl.protocol === 'file:' ? globalThis.process?.getBuiltinModule?.('node:fs') : null;
    if (fs) return glueInit({ module_or_path: fs.readFileSync(wasmUrl) });
    return load();
  }

  /** Instantiates the module synchronously from its bytes or a WebAssembly.Module (`{ module }` is accepted too). */
  function initSync(input) {
    return glueInitSync(input && typeof input === 'object' && 'module' in input ? input : { module: input });
  }

  return { init, initSync };
}
