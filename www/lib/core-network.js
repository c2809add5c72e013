// Loads the full wasm core (the article's exports and the Network handle) once per page, relative to this module's
// own URL like core.js. Only the network figures import this module, and only when one of them starts.
import init, * as core from '../pkg/backprop_lab.js';

let loading = null;

/** Resolves to the full core's exports (Network, …) once the module is compiled. */
export function loadNetworkCore() {
  loading ??= init({ module_or_path: new URL('../pkg/backprop_lab_bg.wasm', import.meta.url) }).then(() => core);
  return loading;
}
