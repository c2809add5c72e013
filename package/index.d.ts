// Types for backprop-lab: the article's core (step, train, analyze, stepsToDigits, Descent).
// The functions and classes are wasm-bindgen's declarations of ./pkg-article/; init, initSync and wasmUrl are this entry's.
import type { Analysis, DescentConfig, InitInput, InitOutput, SyncInitInput } from './pkg-article/backprop_lab.js';

export * from './pkg-article/backprop_lab.js';

/** The URL of the wasm module this entry uses (a file: URL in Node, an http(s): URL in a browser). */
export declare const wasmUrl: URL;

/**
 * Compiles the wasm module once; every export works after the promise resolves. With no argument it loads the module
 * next to this file (in Node, it reads the file); or pass a URL, a Response, bytes or a WebAssembly.Module.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<InitOutput>;

/** Instantiates the module synchronously from its bytes or a WebAssembly.Module, bare or as { module }. */
export declare function initSync(input: SyncInitInput | { module: SyncInitInput }): InitOutput;

export default init;

/**
 * The closed-form facts of `config`, counting the steps to get within `tolerance` (default
 * `limits().descent.defaultTolerance`) of the optimum.
 * (Declared here with `tolerance` optional, as it is: the generated declaration marks it required.)
 */
export declare function analyze(config: DescentConfig, tolerance?: number): Analysis;
