// Loads the wasm core once per page, relative to this module's own URL, so the folder works wherever it is copied.
import init, * as core from '../pkg-article/backprop_lab.js';

let loading = null;

/** Resolves to the core's exports (step, train, analyze, stepsToDigits, Descent) once the module is compiled. */
export function loadCore() {
  loading ??= init({ module_or_path: new URL('../pkg-article/backprop_lab_bg.wasm', import.meta.url) }).then(() => core);
  return loading;
}
