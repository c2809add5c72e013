// backprop-lab/learn: the derivation checker. `checkExpression(text, variables, expected)` reads a reader's
// expression in the article's symbols (x, y, w, ŷ, J, z, a, b, δ, η or lr; σ, tanh, exp, ln), evaluates it at the
// points given, and compares it with the engine's values, factor by factor where a product is expected.
// Plain JavaScript: no wasm, no eval, never throws.
export { checkExpression, TOLERANCE } from './lib/learn/check.js';
export { MAX_DEPTH, MAX_LENGTH } from './lib/learn/expression.js';
