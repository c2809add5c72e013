// A reader's own data and the three-class sets in the playground's model, in Node: the seeded split keeps every row
// once and is the same for the same seed; a CSV's inputs beyond the plane and a regression's values beyond ±1 are
// scaled by one factor each; the model builds one softmax output per class with the cross-entropy, draws the points
// by class index, and a link's data=custom without data is refused by name, changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './boundary-fuzz.mjs';
import { PlaygroundModel } from '../../www/lib/playground-model.js';
import { PLAYGROUND_DEFAULTS } from '../../www/lib/playground-state.js';
import { customData, splitRows } from '../../www/lib/playground-data.js';
import { coreRows, parseCsv } from '../../www/data/csv.js';

const { api } = await loadPackage('pkg');
const state = (changes) => ({ ...structuredClone(PLAYGROUND_DEFAULTS), ...changes });

/** What <backprop-csv-import> hands on for `text`. */
function read(text) {
  const parsed = parseCsv(text);
  assert.equal(parsed.ok, true, parsed.error?.message);
  const xs = Array.from(parsed.points).filter((_, i) => i % 3 !== 2);
  return { parsed, rows: coreRows(parsed), range: { min: Math.min(...xs), max: Math.max(...xs) } };
}

test('splitRows: a seeded shuffle, every row once, the training share rounded, at least one row each side', () => {
  const rows = Float64Array.from({ length: 10 * 3 }, (_, i) => (i % 3 === 2 ? 1 : Math.floor(i / 3)));
  const a = splitRows(rows, 3, 0.7, 5);
  assert.equal(a.train.length / 3, 7);
  assert.equal(a.test.length / 3, 3);
  const ids = [...a.train, ...a.test].filter((_, i) => i % 3 === 0).sort((x, y) => x - y);
  assert.deepEqual(ids, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(splitRows(rows, 3, 0.7, 5), a, 'the same seed, the same split');
  assert.notDeepEqual(splitRows(rows, 3, 0.7, 6).train, a.train, 'another seed, another order');
  assert.equal(splitRows(rows, 3, 0.99, 0).test.length / 3, 1, 'one test row at least');
  assert.equal(splitRows(rows, 3, 0.01, 0).train.length / 3, 1, 'one training row at least');
});

test('customData: inputs beyond [−6, 6] scaled so the farthest lands at 5.5; regression values into [−1, 1]', () => {
  const far = customData(read('x1,x2,y\n-22,1,0.5\n11,-2,-40\n3,4,10\n'));
  assert.equal(far.kind, 'regression');
  assert.equal(far.inputScale, 5.5 / 22);
  assert.equal(far.targetScale, 1 / 40);
  assert.deepEqual(Array.from(far.rows), [-5.5, 0.25, 0.0125, 2.75, -0.5, -1, 0.75, 1, 0.25]);
  const near = customData(read('1,2,-1\n3,4,1\n'));
  assert.deepEqual({ kind: near.kind, inputScale: near.inputScale, targetScale: near.targetScale, outputs: near.outputs }, { kind: 'binary', inputScale: 1, targetScale: 1, outputs: 1 });
  const named = customData(read('1,2,cat\n3,4,dog\n5,0,cat\n0,0,eel\n'));
  assert.deepEqual({ outputs: named.outputs, stride: named.stride, classes: named.classes }, { outputs: 3, stride: 5, classes: ['cat', 'dog', 'eel'] });
  assert.deepEqual(Array.from(named.rows.subarray(5, 10)), [3, 4, 0, 1, 0]);
});

test('the model: blobs3 builds three softmax outputs with the cross-entropy and draws each point by its class', () => {
  const m = new PlaygroundModel(api);
  assert.equal(m.build(state({ data: 'blobs3', out: 'identity' })), null);
  assert.equal(m.state.out, 'softmax', 'the data decides the output');
  assert.deepEqual(m.network.config.layers, [2, 4, 2, 3]);
  assert.equal(m.network.config.loss, 'crossEntropy');
  assert.equal(m.stride, 5);
  const rows = m.network.trainData();
  const drawn = m.drawn.train;
  assert.equal(drawn.length / 3, rows.length / 5);
  for (let r = 0; r < rows.length / 5; r++) {
    assert.equal(drawn[3 * r], rows[5 * r]);
    assert.equal(rows[5 * r + 2 + drawn[3 * r + 2]], 1, `row ${r}: the drawn class is the one-hot's`);
  }
  assert.equal(m.addPoint(1, 1, 1), false, 'no ±1 point on three classes');
  m.setPoints([[1, 1, 1]]);
  assert.deepEqual(m.userPoints, [], 'nor through setPoints (a link’s points=…)');
  assert.equal(m.network.trainData().length, rows.length);
  for (let e = 0; e < 30; e++) m.trainEpoch();
  assert.equal(m.testAccuracy, m.network.metrics().testAccuracy);
  assert.ok(m.testAccuracy > 0.9, `blobs3 after 30 epochs: ${m.testAccuracy}`);
  // Back to two classes: one tanh output again.
  assert.equal(m.build(state({ data: 'circle', out: 'softmax' })), null);
  assert.deepEqual([m.state.out, m.outputs], ['tanh', 1]);
  m.free();
});

test('the model: data=custom without data is refused by name; with a CSV of classes it trains on the split', () => {
  const m = new PlaygroundModel(api);
  assert.match(m.build(state({ data: 'custom' })), /no data of your own/);
  assert.equal(m.network, null);
  const lines = Array.from({ length: 30 }, (_, k) => `${[-3, 3, 0][k % 3] + (k % 4) * 0.1},${[-2, -2, 3][k % 3]},${['a', 'b', 'c'][k % 3]}`);
  m.setCustom(customData(read(lines.join('\n'))));
  assert.equal(m.build(state({ data: 'custom', ratio: 60, hidden: [4] })), null);
  assert.equal(m.network.trainData().length / 5, 18);
  assert.equal(m.network.testData().length / 5, 12);
  assert.equal(m.network.config.activations.at(-1), 'softmax');
  for (let e = 0; e < 60; e++) m.trainEpoch();
  assert.equal(m.testAccuracy, 1, 'three well-parted clusters');
  m.free();
});

test('the model: a CSV of values trains an identity output on the values scaled into [−1, 1]', () => {
  const m = new PlaygroundModel(api);
  const lines = Array.from({ length: 40 }, (_, k) => `${(k % 8) - 4},${Math.floor(k / 8) - 2},${10 * ((k % 8) - 4) + 0.5}`);
  const custom = customData(read(lines.join('\n')));
  assert.equal(custom.kind, 'regression');
  m.setCustom(custom);
  // The page asks for the output the labels need (CUSTOM_OUTPUT): identity for values.
  assert.equal(m.build(state({ data: 'custom', out: 'identity', hidden: [3] })), null);
  assert.equal(m.network.config.activations.at(-1), 'identity');
  const targets = [...m.network.trainData(), ...m.network.testData()].filter((_, i) => i % 3 === 2);
  assert.equal(Math.max(...targets.map(Math.abs)), 1, 'the largest value, −39.5, is −1');
  const first = m.testLoss;
  for (let e = 0; e < 40; e++) m.trainEpoch();
  assert.ok(m.testLoss < first / 4, `the loss falls: ${first} → ${m.testLoss}`);
  assert.equal(m.testAccuracy, null, 'no accuracy for values');
  m.free();
});

test('the model: a CSV of two class names trains two softmax outputs (one-hot targets), not a tanh', () => {
  const m = new PlaygroundModel(api);
  const lines = Array.from({ length: 20 }, (_, k) => `${k % 2 ? 3 : -3},${(k % 5) - 2},${k % 2 ? 'dog' : 'cat'}`);
  const custom = customData(read(lines.join('\n')));
  assert.deepEqual([custom.kind, custom.outputs], ['classes', 2]);
  m.setCustom(custom);
  assert.equal(m.build(state({ data: 'custom', out: 'softmax' })), null);
  assert.deepEqual([m.network.config.activations.at(-1), m.network.config.layers.at(-1), m.state.out], ['softmax', 2, 'softmax']);
  m.free();
});
