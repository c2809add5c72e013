// The playground's model in Node, without a page: its history bounded by thinning (never by stopping), the stop
// after a divergence carrying the error's own fields, a learning rate that lifts it without touching the kept
// parameters, and the rules for a reader's points and the selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './boundary-fuzz.mjs';
import { HISTORY_LIMIT, PlaygroundModel } from '../../www/lib/playground-model.js';
import { PLAYGROUND_DEFAULTS } from '../../www/lib/playground-state.js';

const { api } = await loadPackage('pkg');
const state = (changes) => ({ ...structuredClone(PLAYGROUND_DEFAULTS), ...changes });

test('the history keeps one point every `stride` epochs and the newest; full, it drops every other point', () => {
  const m = new PlaygroundModel(api);
  assert.equal(m.build(state({ data: 'circle', hidden: [3] })), null);
  const total = 2 * HISTORY_LIMIT + 37;
  for (let e = 1; e <= total; e++) assert.equal(m.trainEpoch(), true, `epoch ${e}`);
  const h = m.history;
  // 2,037 epochs: the stride doubled at 1,000 and at 2,000 points' worth (1 → 2 → 4).
  assert.equal(h.stride, 4);
  const want = Array.from({ length: Math.floor(total / 4) + 1 }, (_, k) => 4 * k);
  assert.deepEqual(h.epochs, [...want, total]);
  assert.equal(h.train.at(-1), m.network.trainLoss());
  assert.equal(h.test.at(-1), m.network.testLoss());
  assert.equal(m.trainLoss, h.train.at(-1));
  assert.equal(m.stop, null);
  m.free();
});

test('a divergence stops with the error’s fields; a new learning rate lifts the stop and keeps the parameters', () => {
  const m = new PlaygroundModel(api);
  m.build(state({ data: 'xor', out: 'identity', lr: 10, batch: 10 }));
  let epochs = 0;
  while (m.trainEpoch()) epochs += 1;
  assert.ok(epochs < 100, `stopped after ${epochs} epochs`);
  const { stop } = m;
  assert.equal(stop.kind, 'diverged');
  assert.equal(stop.lr, 10);
  assert.equal(stop.output, 'identity');
  assert.ok(Number.isInteger(stop.step) && stop.epoch === epochs + 1, JSON.stringify(stop));
  assert.equal(m.trainEpoch(), false, 'stopped stays stopped');
  const kept = Array.from(m.network.weights());
  assert.equal(m.setLearningRate(0.001), null);
  assert.equal(m.stop, null);
  assert.equal(m.state.lr, 0.001);
  assert.equal(m.network.config.lr, 0.001);
  assert.deepEqual(Array.from(m.network.weights()), kept);
  assert.equal(m.epochs, epochs, 'nothing rebuilt');
  // A rate the core refuses is said, and changes nothing.
  assert.match(m.setLearningRate(-1), /lr/);
  assert.equal(m.state.lr, 0.001);
  m.free();
});

test('a reader’s points and the selection: what the plane and the network allow, nothing else', () => {
  const m = new PlaygroundModel(api);
  m.build(state({ data: 'circle', hidden: [4, 2] }));
  const rows = m.network.trainData().length;
  assert.equal(m.addPoint(1.23456, -2, 1), true);
  assert.deepEqual(m.userPoints, [[1.235, -2, 1]]);
  assert.equal(m.network.trainData().length, rows + 3);
  assert.equal(m.generatedTrain.length, rows, 'the generated points, without the reader’s');
  for (const [x, y, label] of [[7, 0, 1], [0, NaN, 1], [0, 0, 0], [0, 0, '1']]) assert.equal(m.addPoint(x, y, label), false);
  assert.equal(m.userPoints.length, 1);
  // Layers 2, 4, 2, 1: 8 + 8 + 2 weights, 4 + 2 + 1 biases.
  assert.equal(m.select({ kind: 'weight', index: 17 }), true);
  for (const p of [{ kind: 'weight', index: 18 }, { kind: 'bias', index: 7 }, { kind: 'bias', index: 1.5 }, { kind: 'other', index: 0 }, null]) {
    assert.equal(m.select(p), false, JSON.stringify(p));
  }
  assert.deepEqual(m.selected, { kind: 'weight', index: 17 });
  // A smaller network drops a selection it no longer has.
  m.build(state({ data: 'circle', hidden: [2] }));
  assert.equal(m.selected, null);
  m.free();
});
