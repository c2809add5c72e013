// The two modules of www/pkg/ behind one glue: the simd128 build (two points per f64x2 instruction) and the scalar
// build that browsers without wasm SIMD load. They must give the same bits: the workloads' losses after training
// and a 100 × 100 grid of every neuron, compared bit for bit; and the loader must pick the scalar file when the
// SIMD probe does not validate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { wasmFile } from '../../www/lib/core-network.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const simd = await import(new URL('backprop_lab.js?simd', pkg));
simd.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });
const scalar = await import(new URL('backprop_lab.js?scalar', pkg));
scalar.initSync({ module: readFileSync(new URL('backprop_lab_scalar_bg.wasm', pkg)) });

const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));

function run(api, name) {
  const w = JSON.parse(readFileSync(new URL(`../data/${name}.json`, import.meta.url), 'utf8'));
  const net = new api.Network({
    layers: w.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', lr: 0.03, batchSize: 10,
  });
  net.setData(rows(w.train), rows(w.test));
  net.setParameters(Float64Array.from(w.initialWeights), Float64Array.from(w.initialBiases));
  net.trainEpochs(30);
  const result = {
    losses: Float64Array.of(net.trainLoss(), net.testLoss()),
    weights: net.weights(),
    grid: net.predictNeuronGrid(-6, 6, -6, 6, 100, 100),
  };
  net.free();
  return result;
}

const bits = (a) => Array.from(new BigUint64Array(Float64Array.from(a).buffer), (b) => b.toString(16));

for (const name of ['W1', 'W2']) {
  test(`${name}: the simd128 and scalar modules give the same bits`, () => {
    const [a, b] = [run(simd, name), run(scalar, name)];
    assert.deepEqual(bits(a.losses), bits(b.losses));
    assert.deepEqual(bits(a.weights), bits(b.weights));
    assert.equal(a.grid.length, b.grid.length);
    assert.deepEqual(bits(a.grid), bits(b.grid));
    assert.ok(a.losses[0] > 0 && a.losses[0] < 0.5, `trained loss ${a.losses[0]}`);
  });
}

test('the loader picks the simd128 module where the probe validates, the scalar one elsewhere', () => {
  assert.equal(wasmFile(), 'backprop_lab_bg.wasm');
  assert.equal(wasmFile(() => false), 'backprop_lab_scalar_bg.wasm');
});
