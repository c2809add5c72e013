// The glossary: one entry for each symbol and term the pages use, with its meaning, its equation and where it
// appears. The path's lessons link their terms here, the page's glossary section is drawn from it, and the tooltips
// read it: one source for each definition.

/**
 * @typedef {{ id: string, term: string, symbol: string, meaning: string, equation: string, where: string[] }} Entry
 * `symbol` is what the screens write ("ŷ", "δ"; empty for a word such as "epoch"); `where` names the pages.
 */

/** @type {readonly Entry[]} */
export const GLOSSARY = Object.freeze([
  { id: 'input', term: 'input', symbol: 'x', meaning: 'The number the network is given.', equation: 'x = 1.5 in the article', where: ['article', 'network', 'path'] },
  { id: 'target', term: 'target', symbol: 'y', meaning: 'The number the network should answer for its input.', equation: 'y = 0.5 in the article', where: ['article', 'network', 'path'] },
  { id: 'weight', term: 'weight', symbol: 'w', meaning: 'A number on a connection that multiplies what flows along it; learning changes it.', equation: 'ŷ = x·w', where: ['article', 'network', 'path'] },
  { id: 'prediction', term: 'prediction', symbol: 'ŷ', meaning: 'What the network answers: its output for the input.', equation: 'ŷ = x·w (one weight); ŷ = f(z) (a neuron)', where: ['article', 'network', 'path'] },
  { id: 'forward-pass', term: 'forward pass', symbol: '', meaning: 'Computing the prediction from the input, layer by layer, with the current weights.', equation: 'x → z = w·x + b → a = f(z) → ŷ', where: ['article', 'network', 'path'] },
  { id: 'loss', term: 'loss', symbol: 'J', meaning: 'One number saying how wrong the prediction is; training makes it small.', equation: 'J = (ŷ − y)²', where: ['article', 'network', 'path'] },
  { id: 'gradient', term: 'gradient', symbol: 'dJ/dw', meaning: 'How fast the loss changes when a weight changes: its sign says which way is downhill, its size how steep.', equation: 'dJ/dw = 2(ŷ − y)·x', where: ['article', 'network', 'path'] },
  { id: 'chain-rule', term: 'chain rule', symbol: '', meaning: 'The derivative through a chain of steps is the product of each step’s own derivative.', equation: 'dJ/dw = dJ/dŷ · dŷ/dw', where: ['article', 'network', 'path'] },
  { id: 'backward-pass', term: 'backward pass', symbol: '', meaning: 'Applying the chain rule from the loss back to every weight: backpropagation.', equation: 'δ = ∂J/∂z, passed back layer by layer', where: ['article', 'network', 'path'] },
  { id: 'learning-rate', term: 'learning rate', symbol: 'η', meaning: 'The fraction of the gradient each update moves a weight by; the screens also write it lr.', equation: 'w ← w − η·dJ/dw', where: ['article', 'network', 'path'] },
  { id: 'update', term: 'update', symbol: 'w ←', meaning: 'Moving every weight a step against its gradient.', equation: 'w ← w − η·dJ/dw', where: ['article', 'network', 'path'] },
  { id: 'optimum', term: 'optimum', symbol: 'w*', meaning: 'The weight at which the loss is smallest: for one weight, the prediction is exact there.', equation: 'w* = y/x', where: ['article', 'path'] },
  { id: 'bias', term: 'bias', symbol: 'b', meaning: 'A number added to a neuron’s weighted sum, so its line need not pass through zero.', equation: 'z = w·x + b', where: ['network', 'path'] },
  { id: 'weighted-sum', term: 'weighted sum', symbol: 'z', meaning: 'What a neuron adds up before its activation: its inputs times their weights, plus its bias.', equation: 'z = b + Σ w·a', where: ['network', 'path'] },
  { id: 'activation', term: 'activation', symbol: 'a', meaning: 'A neuron’s output: its weighted sum passed through a bending function f.', equation: 'a = f(z), e.g. σ(z) or tanh(z)', where: ['network', 'path'] },
  { id: 'sigmoid', term: 'sigmoid', symbol: 'σ', meaning: 'An activation that squeezes any number into 0 … 1.', equation: 'σ(z) = 1/(1 + e^−z), σ′(z) = σ(z)(1 − σ(z))', where: ['network', 'path'] },
  { id: 'slope', term: 'slope of the activation', symbol: 'f′', meaning: 'How fast the activation changes at z; the backward pass multiplies by it at every neuron.', equation: 'tanh′(z) = 1 − tanh(z)², σ′(z) = σ(z)(1 − σ(z))', where: ['network', 'path'] },
  { id: 'delta', term: 'delta', symbol: 'δ', meaning: 'A neuron’s share of the blame: how fast the loss changes with its weighted sum.', equation: 'δ = ∂J/∂z = f′(z)·Σₖ w(to k)·δₖ', where: ['network', 'path'] },
  { id: 'hidden-layer', term: 'hidden layer', symbol: '', meaning: 'A layer of neurons between the input and the output, seen by neither.', equation: 'a₁ = f(w₁·x + b₁)', where: ['network', 'path'] },
  { id: 'vanishing-gradient', term: 'vanishing gradient', symbol: '', meaning: 'Gradients that shrink layer by layer, because each layer multiplies δ by f′ (at most ¼ for the sigmoid), so early layers barely learn.', equation: 'δ₁ = f′(z₁)·w₂·δ₂', where: ['network', 'path'] },
  { id: 'epoch', term: 'epoch', symbol: '', meaning: 'One pass over every training point.', equation: '', where: ['network'] },
  { id: 'batch', term: 'batch', symbol: '', meaning: 'The points whose gradients are averaged for one update.', equation: 'w ← w − η·mean of dJ/dw over the batch', where: ['network'] },
]);

const BY_ID = new Map(GLOSSARY.map((e) => [e.id, e]));

/** The entry named `id`, or undefined. */
export function glossaryEntry(id) {
  return BY_ID.get(id);
}
