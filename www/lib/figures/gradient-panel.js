// What no playground shows: for the selected weight or bias, the gradient from backpropagation beside the central
// difference the core computes on the same training points, and their relative difference; then the chain for one
// training point, layer by layer in the article's notation, with live numbers:
//   ∂J/∂w = δ(to)·a(from);  δ(to) = f′(z(to))·Σₖ w(to→k)·δ(k) (hidden);  δ(ŷ) = f′(z)·∂J/∂ŷ (output);
//   with a softmax output and its cross-entropy, δ(pₖ) = pₖ − tₖ for every output k.
// Neurons whose f′ is below 0.01 (saturated tanh or sigmoid, dead ReLU) are flagged: there the gradient vanishes.
//
// Takes plain numbers (the core's check and one point's pass) and never holds the network.
import { element as el } from '../dom.js';
import { formatNumber } from '../format.js';

/** Below this slope a neuron passes back almost nothing. */
export const VANISHING = 0.01;
const n = (v) => formatNumber(v, 6);
const p = (v) => (v < 0 ? `(${n(v)})` : n(v));


/** A line "label = value"; data-quantity names it and data-value holds the number in full, for tests and tools. */
function row(parent, quantity, label, value, note, number) {
  const line = el('p', 'check-row');
  line.dataset.quantity = quantity;
  if (number !== undefined) line.dataset.value = String(number);
  line.append(el('span', 'check-label', label), el('span', 'check-value', value));
  if (note) line.append(el('span', 'check-note', note));
  parent.append(line);
  return line;
}

/** Why a neuron's slope is small, in words. */
function vanishingReason(activation, z) {
  if (activation === 'relu') return `ReLU is dead here (z = ${n(z)} ≤ 0)`;
  if (activation === 'identity') return '';
  return `${activation} is saturated (z = ${n(z)})`;
}

/**
 * @returns {{ update(d: ?object, hint?: string): void, element: HTMLElement }} update(null, hint) shows how to pick a parameter.
 * d = { name, kind, check: {backprop, numeric, relative, h, value, lossPlus, lossMinus}, points, batchText? (what J is averaged over, said instead of "the N training points"),
 *       chain: { layers, activations, names(neuron) → string, from?: neuron, to: neuron, weights, pass: {z, a, fPrime, delta, dA, dOutput, loss, index}, point: [x1, x2, y],
 *                pointText?: what the point is, said instead of "training point i: x = (x1, x2), y = …" } }
 */
export function createGradientPanel(container) {
  const root = el('div', 'gradient-panel');
  root.setAttribute('part', 'gradient');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'Gradient check and chain for the selected parameter');
  const check = el('div', 'check');
  const chain = el('div', 'chain');
  root.append(check, chain);
  container.append(root);

  /** The hint shown while nothing is picked (null otherwise): a frame that would show it again changes nothing. */
  let shownHint = null;

  function update(d, hint = 'Click or press Enter on a link of the diagram to check that weight’s gradient (and edit it); on a neuron, its bias.') {
    if (!d && hint === shownHint) return;
    shownHint = d ? null : hint;
    check.replaceChildren();
    chain.replaceChildren();
    if (!d) {
      check.append(el('p', 'hint', hint));
      return;
    }
    const { name, check: c, points } = d;
    const what = d.kind === 'weight' ? 'w' : 'b';
    check.append(el('h3', 'panel-title', `Is backpropagation right about ${name} = ${n(c.value)}?`));
    check.append(el('p', 'hint', d.batchText ?? `J is the mean loss over the ${points} training points, the batch the gradient is for.`));
    row(check, 'backprop', `∂J/∂${what} by backpropagation`, n(c.backprop), undefined, c.backprop);
    row(check, 'numeric', `(J(${what} + h) − J(${what} − h)) / 2h, h = ${formatNumber(c.h)}`, n(c.numeric), `from J = ${formatNumber(c.lossPlus)} and ${formatNumber(c.lossMinus)}`, c.numeric);
    const agree = c.relative < 1e-6;
    row(check, 'relative', 'relative difference', formatNumber(c.relative, 3),
      agree ? 'they agree: backpropagation is the derivative' : 'they differ: a ReLU kink at 0, or a step h too coarse for this curvature', c.relative);
    const ch = d.chain;
    if (!ch) return;
    const { pass, to, from, names, weights, layers, activations } = ch;
    const [x1, x2, y] = ch.point ?? [];
    chain.append(el('h3', 'panel-title', `The chain for ${ch.pointText ?? `training point ${pass.index + 1}: x = (${n(x1)}, ${n(x2)}), y = ${n(y)}`}, J = ${n(pass.loss)}`));
    const last = layers.reduce((s, v) => s + v, 0) - 1;
    // A softmax output with its cross-entropy: δ(pₖ) = pₖ − tₖ for each output, the target tₖ = pₖ − δ(pₖ).
    const softmax = activations.at(-1) === 'softmax';
    const outputStart = last + 1 - layers.at(-1);
    if (d.kind === 'weight') {
      const product = pass.delta[to] * pass.a[from];
      row(chain, 'link', `∂J/∂${name} = δ(${names(to)}) · a(${names(from)})`, `${p(pass.delta[to])} · ${p(pass.a[from])} = ${n(product)}`, undefined, product);
    } else {
      row(chain, 'link', `∂J/∂${name} = δ(${names(to)}) · 1`, n(pass.delta[to]), undefined, pass.delta[to]);
    }
    // Layer by layer from the neuron the parameter feeds to the output.
    const starts = [];
    layers.reduce((s, v, l) => ((starts[l] = s), s + v), 0);
    const layerOf = (k) => starts.findLastIndex((s) => s <= k);
    // A softmax's δ = p − t is not a product with f′: its outputs are never flagged.
    const flagged = (k) => Math.abs(pass.fPrime[k]) < VANISHING && !['identity', 'softmax'].includes(activations[layerOf(k) - 1]);
    const delta = (k, quantity) => {
      const l = layerOf(k);
      if (softmax && k >= outputStart) {
        const t = Math.round(pass.a[k] - pass.delta[k]);
        row(chain, quantity, `δ(${names(k)}) = ${names(k)} − t`, `${p(pass.a[k])} − ${t} = ${n(pass.delta[k])}`, 'softmax with its cross-entropy: ∂J/∂z = p − t, t = 1 for the point’s class, 0 for the others', pass.delta[k]);
        return;
      }
      const f = activations[l - 1];
      const note = flagged(k) ? `f′ = ${n(pass.fPrime[k])} < ${VANISHING}: ${vanishingReason(f, pass.z[k])}, so the gradient vanishes here` : undefined;
      if (k === last) {
        const line = row(chain, quantity, `δ(ŷ) = f′(z) · ∂J/∂ŷ`, `${p(pass.fPrime[k])} · ${p(pass.dOutput[0])} = ${n(pass.delta[k])}`, note, pass.delta[k]);
        line.classList.toggle('vanishing', flagged(k));
        return;
      }
      const next = starts[l + 1];
      const fan = layers[l];
      const terms = [];
      for (let i = 0; i < layers[l + 1]; i++) {
        const w = weights[ch.weightStart[l + 1] + i * fan + (k - starts[l])];
        terms.push(`${p(w)}·${p(pass.delta[next + i])}`);
      }
      const line = row(chain, quantity, `δ(${names(k)}) = f′(z) · Σₖ w(${names(k)}→k)·δ(k)`, `${p(pass.fPrime[k])} · (${terms.join(' + ')}) = ${p(pass.fPrime[k])} · ${p(pass.dA[k])} = ${n(pass.delta[k])}`, note, pass.delta[k]);
      line.classList.toggle('vanishing', flagged(k));
    };
    delta(to, 'delta-to');
    for (let l = layerOf(to) + 1; l < layers.length; l++) {
      if (l === layers.length - 1 && !softmax) {
        delta(last, 'delta-output');
        break;
      }
      const list = el('p', 'check-row layer-deltas');
      list.dataset.quantity = l === layers.length - 1 ? 'output-deltas' : `layer-${l}`;
      list.append(el('span', 'check-label', l === layers.length - 1 ? 'outputs: δ = p − t =' : `layer ${l}: δ =`));
      for (let k = starts[l]; k < starts[l] + layers[l]; k++) {
        // A softmax's outputs are named on their chips: which one holds the point's class (δ = p − 1 < 0) shows.
        const chip = el('span', `chip${flagged(k) ? ' vanishing' : ''}`, softmax && k >= outputStart ? `${names(k)}: ${n(pass.delta[k])}` : n(pass.delta[k]));
        chip.title = softmax && k >= outputStart ? `${names(k)}: p − t` : `${names(k)}: f′(z) = ${n(pass.fPrime[k])}${flagged(k) ? ` (below ${VANISHING}: ${vanishingReason(activations[l - 1], pass.z[k])})` : ''}`;
        list.append(chip);
      }
      chain.append(list);
    }
    const flaggedAll = [];
    for (let k = layers[0]; k <= last; k++) if (flagged(k)) flaggedAll.push(names(k));
    chain.append(el('p', 'hint', flaggedAll.length
      ? `Flagged (f′ below ${VANISHING} on this point): ${flaggedAll.join(', ')}. Little gradient passes back through them.`
      : `No neuron has f′ below ${VANISHING} on this point: the gradient flows through every one.`));
  }

  update(null);
  return { update, element: root };
}
