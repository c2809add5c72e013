// The glossary: one entry for each symbol and term the pages use, with its meaning, its equations and where it
// appears, and every formula the screens write, once. The equations draw their symbols from these formulas (each
// symbol linked to its entry), the path's glossary and the tooltips quote them, and the pages' prose links its terms
// here: one source for each definition. Plain data: no DOM, so Node can read it too.

/**
 * Every formula the screens write, in the screens' notation. www/lib/formula.js draws one as MathML; the equations
 * put the current numbers after it.
 */
export const FORMULAS = Object.freeze({
  prediction: 'ŷ = x·w',
  loss: 'J = (ŷ − y)²',
  chain: 'dJ/dw = dJ/dŷ · dŷ/dw',
  gradient: 'dJ/dw = 2(ŷ − y)·x',
  update: 'w ← w − lr·dJ/dw',
  optimum: 'w* = y/x',
  sum: 'z = w·x + b',
  neuron: 'ŷ = σ(z)',
  lossSlope: 'dJ/dŷ = 2(ŷ − y)',
  predictionSlope: 'dŷ/dw = x',
  neuronSlope: 'dŷ/dz = ŷ(1 − ŷ)',
  sumSlopeW: 'dz/dw = x',
  sumSlopeB: 'dz/db = 1',
  chainW: 'dJ/dw = dJ/dŷ · dŷ/dz · dz/dw',
  chainB: 'dJ/db = dJ/dŷ · dŷ/dz · dz/db',
  updateB: 'b ← b − lr·dJ/db',
  layerSum: 'z = b + Σ w·a',
  activation: 'a = f(z)',
  sigmoid: 'σ(z) = 1/(1 + e^(−z))',
  sigmoidSlope: 'σ′(z) = σ(z)·(1 − σ(z))',
  tanhSlope: 'tanh′(z) = 1 − tanh(z)²',
  relu: 'relu(z) = max(0, z)',
  delta: 'δ = ∂J/∂z',
  deltaBack: 'δ = f′(z)·Σ w·δ',
  weightGradient: '∂J/∂w = δ·a',
  vanishing: 'δ₁ = f′(z₁)·w₂·δ₂',
  softmax: 'pₖ = e^(zₖ)/Σ e^(zⱼ)',
  crossEntropy: 'J = −ln pₜ',
  softmaxDelta: '∂J/∂zₖ = pₖ − tₖ',
  batchLoss: 'J = (1/n)·Σ Jᵢ',
  centralDifference: 'dJ/dw ≈ (J(w + h) − J(w − h))/2h',
});

/** The subscripts the notation writes (δ₁, pₖ, pₜ), with the plain character each stands for. */
export const SUBSCRIPTS = Object.freeze({ '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', 'ᵢ': 'i', 'ⱼ': 'j', 'ₖ': 'k', 'ₜ': 't', 'ₙ': 'n' });

/** The pages an entry can appear on, with their files and names. */
export const PAGES = Object.freeze({
  article: { file: 'index.html', name: 'the article' },
  network: { file: 'network.html', name: 'the network page' },
  digits: { file: 'digits.html', name: 'the digits page' },
  path: { file: 'learn.html', name: 'the path' },
});

/**
 * @typedef {{ id: string, term: string, symbol: string, aliases?: string[], spoken?: string, meaning: string,
 *   formulas: (keyof typeof FORMULAS)[], where: (keyof typeof PAGES)[] }} Entry
 * `symbol` is what the screens write ("ŷ", "δ"; empty for a word such as "epoch"), `aliases` other spellings of it,
 * `spoken` how a screen reader says it when that differs from the symbol; `formulas` names its equations in
 * FORMULAS, `where` the pages it appears on.
 */

/** @type {readonly Entry[]} */
export const GLOSSARY = Object.freeze([
  { id: 'input', term: 'input', symbol: 'x', meaning: 'The number the network is given.', formulas: ['prediction'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'target', term: 'target', symbol: 'y', aliases: ['t', 'tₖ'], meaning: 'The answer the network should give for its input; with classes, t is the true class (tₖ is 1 for it and 0 for the others).', formulas: ['loss', 'softmaxDelta'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'weight', term: 'weight', symbol: 'w', meaning: 'A number on a connection that multiplies what flows along it; learning changes it.', formulas: ['prediction', 'update'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'prediction', term: 'prediction', symbol: 'ŷ', spoken: 'y hat', meaning: 'What the network answers: its output for the input.', formulas: ['prediction', 'neuron'], where: ['article', 'network', 'path'] },
  { id: 'forward-pass', term: 'forward pass', symbol: '', meaning: 'Computing the prediction from the input, layer by layer, with the current weights.', formulas: ['sum', 'activation'], where: ['article', 'network', 'path'] },
  { id: 'loss', term: 'loss', symbol: 'J', meaning: 'One number saying how wrong the prediction is; training makes it small. Also called the error.', formulas: ['loss'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'gradient', term: 'gradient', symbol: 'dJ/dw', aliases: ['∂J/∂w'], meaning: 'How fast the loss changes when a weight changes: its sign says which way is downhill, its size how steep.', formulas: ['gradient', 'weightGradient'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'chain-rule', term: 'chain rule', symbol: '', meaning: 'The derivative through a chain of steps is the product of each step’s own derivative.', formulas: ['chain', 'chainW'], where: ['article', 'network', 'path'] },
  { id: 'backward-pass', term: 'backward pass', symbol: '', meaning: 'Applying the chain rule from the loss back to every weight: backpropagation.', formulas: ['deltaBack'], where: ['article', 'network', 'path'] },
  { id: 'learning-rate', term: 'learning rate', symbol: 'lr', aliases: ['η'], meaning: 'The fraction of the gradient each update moves a weight by; also written η.', formulas: ['update'], where: ['article', 'network', 'path'] },
  { id: 'update', term: 'update', symbol: '←', meaning: 'Moving every weight a step against its gradient; ← reads “becomes”.', formulas: ['update', 'updateB'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'optimum', term: 'optimum', symbol: 'w*', meaning: 'The weight at which the loss is smallest: for one weight, the prediction is exact there.', formulas: ['optimum'], where: ['article', 'path'] },
  { id: 'bias', term: 'bias', symbol: 'b', meaning: 'A number added to a neuron’s weighted sum, so its line need not pass through zero.', formulas: ['sum', 'updateB'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'weighted-sum', term: 'weighted sum', symbol: 'z', meaning: 'What a neuron adds up before its activation: its inputs times their weights, plus its bias.', formulas: ['sum', 'layerSum'], where: ['network', 'digits', 'path'] },
  { id: 'activation', term: 'activation', symbol: 'a', meaning: 'A neuron’s output: its weighted sum passed through a bending function f, such as σ or tanh.', formulas: ['activation'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'sigmoid', term: 'sigmoid', symbol: 'σ', spoken: 'sigma', meaning: 'An activation that squeezes any number into 0 … 1.', formulas: ['sigmoid', 'sigmoidSlope'], where: ['network', 'path'] },
  { id: 'tanh', term: 'tanh', symbol: 'tanh', meaning: 'The hyperbolic tangent: an activation that squeezes any number into −1 … 1, steepest (slope 1) at 0.', formulas: ['tanhSlope'], where: ['network', 'digits', 'path'] },
  { id: 'relu', term: 'ReLU', symbol: 'relu', meaning: 'The rectified linear unit: an activation that keeps a positive sum and turns a negative one into 0; its slope is 1 or 0.', formulas: ['relu'], where: ['network', 'path'] },
  { id: 'slope', term: 'slope of the activation', symbol: 'f′', aliases: ['σ′', 'tanh′'], meaning: 'How fast the activation changes at z; the backward pass multiplies by it at every neuron.', formulas: ['sigmoidSlope', 'tanhSlope'], where: ['network', 'path'] },
  { id: 'delta', term: 'delta', symbol: 'δ', spoken: 'delta', meaning: 'A neuron’s share of the blame: how fast the loss changes with its weighted sum.', formulas: ['delta', 'deltaBack'], where: ['network', 'digits', 'path'] },
  { id: 'hidden-layer', term: 'hidden layer', symbol: '', meaning: 'A layer of neurons between the input and the output, seen by neither.', formulas: ['layerSum'], where: ['article', 'network', 'digits', 'path'] },
  { id: 'vanishing-gradient', term: 'vanishing gradient', symbol: '', meaning: 'Gradients that shrink layer by layer, because each layer multiplies δ by f′ (at most ¼ for the sigmoid), so early layers barely learn.', formulas: ['vanishing'], where: ['path'] },
  { id: 'softmax', term: 'softmax', symbol: 'p', aliases: ['pₖ', 'pₜ'], meaning: 'An output that turns the last layer’s sums into probabilities, one per class, that add up to 1.', formulas: ['softmax', 'softmaxDelta'], where: ['digits'] },
  { id: 'cross-entropy', term: 'cross-entropy', symbol: '', meaning: 'The loss for classes: minus the log of the probability given to the true class; with softmax its δ is p − t.', formulas: ['crossEntropy', 'softmaxDelta'], where: ['digits'] },
  { id: 'epoch', term: 'epoch', symbol: '', meaning: 'One pass over every training point.', formulas: [], where: ['network', 'digits'] },
  { id: 'batch', term: 'batch', symbol: '', meaning: 'The points whose losses are averaged for one update.', formulas: ['batchLoss'], where: ['network'] },
  { id: 'test-data', term: 'test data', symbol: '', meaning: 'Points held back from training, to see how the network does on data it has never seen.', formulas: [], where: ['network'] },
  { id: 'accuracy', term: 'accuracy', symbol: '', meaning: 'The share of points whose most likely class is the true one.', formulas: [], where: ['digits'] },
  { id: 'confusion-matrix', term: 'confusion matrix', symbol: '', meaning: 'A table counting, for each true class (row), how often each class was predicted (column); right answers sit on its diagonal.', formulas: [], where: ['digits'] },
  { id: 'feature', term: 'feature', symbol: '', meaning: 'A number computed from each point and fed to the network as an input, such as x₁² or sin x₁.', formulas: [], where: ['network'] },
  { id: 'gradient-check', term: 'central difference', symbol: '', meaning: 'A gradient estimated without backpropagation, from the loss a little either side of a weight; it checks the backward pass.', formulas: ['centralDifference'], where: ['network', 'digits'] },
]);

const BY_ID = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry named `id`, or undefined. */
export function glossaryEntry(id) {
  return BY_ID.get(id);
}

const BY_SYMBOL = new Map(GLOSSARY.flatMap((e) => [e.symbol, ...(e.aliases ?? [])].filter(Boolean).map((s) => [s, e])));

/** The notation's subscript characters, as a regular-expression class's contents. */
export const SUBSCRIPT_CLASS = Object.keys(SUBSCRIPTS).join('');
const TRAILING_SUBSCRIPT = new RegExp(`[${SUBSCRIPT_CLASS}]+$`, 'u');

/**
 * The entry whose symbol (or one of its other spellings) is `symbol`, else the one of `symbol` without its
 * subscript (δ₁ is a δ, Jᵢ a J); or undefined.
 */
export function entryOfSymbol(symbol) {
  return BY_SYMBOL.get(symbol) ?? BY_SYMBOL.get(symbol.replace(TRAILING_SUBSCRIPT, ''));
}

/** The symbol an entry is named with beside its term, or '' where the symbol is the term itself (tanh, ReLU). */
export function shownSymbol(entry) {
  return entry.symbol.toLowerCase() === entry.term.toLowerCase() ? '' : entry.symbol;
}
