// Softmax outputs and metrics() through the built package, as a page uses them: a three-class network trained on a
// built-in set, its metrics in one call, its trace and point pass, and refusals as data (kind, field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
const api = await import(new URL('backprop_lab.js', pkg));
api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });

const SOFTMAX = { layers: [2, 8, 3], activation: 'tanh', outputActivation: 'softmax', loss: 'crossEntropy', optimizer: 'adam', lr: 0.03, batchSize: 10, shuffle: true };

/** The error a call throws, for its data. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

test('a softmax network learns three blobs and metrics() reads it in one call', () => {
  const net = new api.Network(SOFTMAX);
  net.useDataset({ dataset: 'blobs3', points: 600, seed: 3 });
  net.trainEpochs(30);
  const m = net.metrics();
  assert.deepEqual(Object.keys(m), ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'labels', 'confusion']);
  assert.equal(m.trainLoss, net.trainLoss());
  assert.equal(m.testLoss, net.testLoss());
  assert.ok(m.testAccuracy >= 0.95, String(m.testAccuracy));
  assert.deepEqual(m.labels, [0, 1, 2]);
  assert.equal(m.confusion.length, 9);
  assert.equal(m.confusion.reduce((a, b) => a + b, 0), net.testData().length / 5);
  const right = m.confusion[0] + m.confusion[4] + m.confusion[8];
  assert.equal(right / 300, m.testAccuracy);
  // the probabilities of each prediction sum to 1
  const p = net.predict([0, 3, -2.6, -1.5]);
  assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-15 && Math.abs(p[3] + p[4] + p[5] - 1) < 1e-15);
  net.free();
});

test('the trace and the point pass of a softmax network show p − t', () => {
  const net = new api.Network({ ...SOFTMAX, layers: [2, 3] });
  net.setData([0.5, -1, 0, 1, 0, 2, 1, 1, 0, 0], []);
  const pass = net.pointPass(0);
  const trace = net.trace(0);
  const labels = trace.nodes.map((n) => n.label);
  for (const label of ['max z', 'Σe', 'ŷ1', 'ŷ2', 'ŷ3', 'J']) assert.ok(labels.includes(label), label);
  const t = [0, 1, 0];
  for (let k = 0; k < 3; k++) {
    assert.equal(trace.nodes.find((n) => n.label === `ŷ${k + 1}`).value, pass.a[2 + k]);
    assert.ok(Math.abs(pass.delta[2 + k] - (pass.a[2 + k] - t[k])) < 1e-15);
  }
  assert.ok(Math.abs(trace.nodes[trace.loss].value + Math.log(pass.a[3])) < 1e-15);
  assert.ok(net.gradientCheck(0).relative < 1e-7);
  net.free();
});

test('softmax and its targets are refused as data, naming the field', () => {
  let e = thrown(() => new api.Network({ layers: [2, 3], outputActivation: 'softmax' }));
  assert.deepEqual([e.kind, e.field], ['invalid', 'config.loss']);
  e = thrown(() => new api.Network({ layers: [2, 3, 3], activation: 'softmax', outputActivation: 'softmax', loss: 'crossEntropy' }));
  assert.deepEqual([e.kind, e.field], ['invalid', 'config.activation']);
  const net = new api.Network({ ...SOFTMAX, layers: [2, 3] });
  net.setData([0, 0, 1, 0, 0], []);
  e = thrown(() => net.setData([0, 0, 1, 0, 0, 1, 1, 0.5, 0.2, 0.2], []));
  assert.deepEqual([e.kind, e.field], ['invalid', 'train[7]']);
  assert.match(e.message, /point 1: its targets, columns 2 to 4/);
  assert.deepEqual(Array.from(net.trainData()), [0, 0, 1, 0, 0]);
  e = thrown(() => net.useDataset({ dataset: 'xor' }));
  assert.deepEqual([e.kind, e.field], ['invalid', 'data.dataset']);
  net.free();
});

test('a regression reads r2 and no class figures', () => {
  const net = new api.Network({ layers: [2, 4, 1], loss: 'squared', outputActivation: 'identity' });
  net.useDataset({ dataset: 'plane', points: 200 });
  const m = net.metrics();
  assert.deepEqual(Object.keys(m), ['trainLoss', 'testLoss', 'r2']);
  net.trainEpochs(50);
  const after = net.metrics();
  assert.ok(after.r2 > 0.9 && after.r2 > m.r2, `${m.r2} → ${after.r2}`);
  net.free();
});

test('pointPassAt gives the pass of a point outside the data, checked as a data row', () => {
  const net = new api.Network({ ...SOFTMAX, layers: [2, 4, 3] });
  net.setData([0.5, -1, 0, 1, 0, 2, 1, 1, 0, 0], []);
  const at = net.pointPassAt([0.5, -1, 0, 1, 0]);
  const pass = net.pointPass(0);
  assert.equal(at.index, null);
  assert.equal(pass.index, 0);
  assert.deepEqual({ ...at, index: 0 }, pass);
  let e = thrown(() => net.pointPassAt([0.5, -1, 0, 1]));
  assert.deepEqual([e.kind, e.field], ['invalid', 'point']);
  e = thrown(() => net.pointPassAt([0.5, -1, 0, 0.5, 0]));
  assert.deepEqual([e.kind, e.field], ['invalid', 'point[2]']);
  net.free();
});
