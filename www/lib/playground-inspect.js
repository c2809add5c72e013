// What the playground reads from its network to show beyond the pictures: each feature's map (computed by the core),
// and for the gradient panel one training point's pass, the selected parameter's check and where it sits. Plain
// functions of a Network handle; the figures they feed take the plain numbers these return.
import { VANISHING } from './figures/gradient-panel.js';
import { formatNumber } from './format.js';
import { FEATURES, POINT_STRIDE } from './playground-state.js';
import { layerOf, neuronNames, parameterAt } from './playground-shape.js';

/** Step h of the gradient check. */
const CHECK_H = 1e-5;

/**
 * Each feature's own values over a side × side grid of `domain` × `domain`, scaled to [−1, 1]: computed by the core
 * (a one-weight identity network on the feature), so the page never recomputes a feature. A Map by feature key.
 */
export function featureMaps(core, side, [lo, hi]) {
  const maps = new Map();
  for (const f of FEATURES) {
    const identity = { activation: 'identity', outputActivation: 'identity' };
    const net = new core.Network({ layers: [1, 1], features: [f.name], ...identity });
    net.setParameters([1], [0]);
    const values = net.predictGrid(lo, hi, lo, hi, side, side);
    net.free();
    const scale = Math.max(1e-9, ...values.map(Math.abs));
    maps.set(f.key, values.map((v) => v / scale));
  }
  return maps;
}

/** A training point of one-hot targets, named by its class: "training point 3: x = (1.2, −0.4), class 2". */
function classPointText(train, point, stride) {
  const row = train.subarray(point * stride, (point + 1) * stride);
  const targets = Array.from(row.subarray(2));
  const f = (v) => formatNumber(v, 3);
  return `training point ${point + 1}: x = (${f(row[0])}, ${f(row[1])}), class ${targets.indexOf(Math.max(...targets)) + 1}`;
}

/**
 * For training point `point` of `net` (a network of `layers`, inputs named by the feature keys `features`): the
 * non-input neurons whose f′ is below VANISHING (not identity), and, when `selected` ({kind, index}) is set, the
 * gradient panel's data (the core's check on the training points, and the chain on that point).
 */
export function inspect(net, layers, features, selected, point, stride = POINT_STRIDE) {
  const pass = net.pointPass(point);
  const activations = net.config.activations;
  const flagged = [];
  for (let k = layers[0]; k < pass.fPrime.length; k++) {
    // A softmax's δ = p − t is not a product with f′: its outputs are never flagged (as the gradient panel says).
    const bends = !['identity', 'softmax'].includes(activations[layerOf(layers, k) - 1]);
    if (bends && Math.abs(pass.fPrime[k]) < VANISHING) flagged.push(k - layers[0]);
  }
  if (!selected) return { flagged, panel: null };
  const { name, to, from, index, weightStart } = parameterAt(layers, selected);
  const check = net.gradientCheck(index, CHECK_H);
  const train = net.trainData();
  const labels = FEATURES.filter((f) => features.includes(f.key)).map((f) => f.label);
  const panel = {
    name, kind: selected.kind, check, points: train.length / stride,
    chain: {
      pass, to, from, weights: Array.from(net.weights()), layers, activations, weightStart,
      point: Array.from(train.slice(point * stride, (point + 1) * stride)),
      ...(stride > POINT_STRIDE ? { pointText: classPointText(train, point, stride) } : {}),
      names: neuronNames(layers, labels),
    },
  };
  return { flagged, panel };
}
