// Names and positions in a dense network's flat layout, as the core lays it out: neurons numbered across layers
// (inputs first); weights per layer l = 1..L, per destination neuron i, per source neuron j; biases per non-input
// neuron. The playground's diagram, gradient panel and tests read parameters through these, never by guesswork.

/** The first neuron of each layer, and the first weight of each layer (weightStart[0] = 0). */
function starts(layers) {
  const neuron = [];
  const weight = [0];
  let n = 0;
  let w = 0;
  layers.forEach((size, l) => {
    neuron.push(n);
    n += size;
    if (l > 0) {
      weight.push(w);
      w += size * layers[l - 1];
    }
  });
  weight[0] = 0;
  return { neuron, weight, neurons: n, weights: w };
}

/** The layer of neuron k. */
export function layerOf(layers, k) {
  const { neuron } = starts(layers);
  return neuron.findLastIndex((s) => s <= k);
}

/** A function naming neuron k: an input by `inputNames`, a hidden neuron a{l}[i], the output ŷ. */
export function neuronNames(layers, inputNames) {
  const { neuron } = starts(layers);
  const last = layers.length - 1;
  return (k) => {
    const l = neuron.findLastIndex((s) => s <= k);
    if (l === 0) return inputNames[k] ?? `x${k + 1}`;
    if (l === last) return layers[last] === 1 ? 'ŷ' : `ŷ${k - neuron[l] + 1}`;
    return `a${l}[${k - neuron[l] + 1}]`;
  };
}

/**
 * Where a selected parameter sits: { name (w{l}[i,j] or b{l}[i], 1-based as the core names them), to (the neuron it
 * feeds), from (the source neuron, for a weight), index (in the core's order: weights, then biases), weightStart }.
 */
export function parameterAt(layers, { kind, index }) {
  const { neuron, weight, weights } = starts(layers);
  if (kind === 'bias') {
    const to = layers[0] + index;
    const l = neuron.findLastIndex((s) => s <= to);
    return { name: `b${l}[${to - neuron[l] + 1}]`, to, from: null, index: weights + index, weightStart: weight };
  }
  const l = weight.findLastIndex((s, m) => m > 0 && s <= index);
  const k = index - weight[l];
  const i = Math.floor(k / layers[l - 1]);
  const j = k % layers[l - 1];
  return { name: `w${l}[${i + 1},${j + 1}]`, to: neuron[l] + i, from: neuron[l - 1] + j, index, weightStart: weight };
}

/** The selection { kind, index } of a parameter named w{l}[i,j] or b{l}[i] (1-based), or null for another name. */
export function parameterNamed(layers, name) {
  const { weight } = starts(layers);
  const w = /^w(\d+)\[(\d+),(\d+)\]$/.exec(name);
  if (w) {
    const [l, i, j] = w.slice(1).map(Number);
    if (l < 1 || l >= layers.length || i > layers[l] || j > layers[l - 1]) return null;
    return { kind: 'weight', index: weight[l] + (i - 1) * layers[l - 1] + (j - 1) };
  }
  const b = /^b(\d+)\[(\d+)\]$/.exec(name);
  if (b) {
    const [l, i] = b.slice(1).map(Number);
    if (l < 1 || l >= layers.length || i > layers[l]) return null;
    return { kind: 'bias', index: layers.slice(1, l).reduce((s, v) => s + v, 0) + (i - 1) };
  }
  return null;
}
