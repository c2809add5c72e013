// The playground's side of the package in Node: its JavaScript tables tied to the core's limits() (one source for
// every list and bound), features and regularization through the config, and the inspect exports (pointPass,
// gradientCheck, setWeight, setBias) refusing hostile arguments by name and changing nothing when they do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './boundary-fuzz.mjs';
import { DATASETS, FEATURES, MAX_BATCH, MAX_HIDDEN_LAYERS, MAX_NEURONS, MAX_NOISE, PLAYGROUND_FIELDS, POINTS, RATES, RATIO, REG_RATES, REGULARIZATIONS, REGRESSIONS, networkSettings, PLAYGROUND_DEFAULTS } from '../../www/lib/playground-state.js';
import { LIMITS } from '../../www/pkg/limits.js';

const { api } = await loadPackage('pkg');
const limits = api.limits().network;
const playgroundField = (key) => PLAYGROUND_FIELDS.find((f) => f.key === key);

test('the generated pkg/limits.js is the full build’s limits()', () => {
  assert.deepEqual(LIMITS, api.limits(), 'a fresh limits() call of the full build');
});

test('the table’s lr and regularization-rate bounds are the core’s, and say so', () => {
  const lr = playgroundField('lr');
  assert.equal(lr.parse(String(limits.maxLr)), limits.maxLr);
  assert.equal(lr.parse(String(limits.maxLr * (1 + 1e-12))), null);
  assert.equal(lr.range, 'a number above 0, at most 10');
  const rate = playgroundField('rate');
  assert.equal(rate.parse(String(limits.maxRegularizationRate)), limits.maxRegularizationRate);
  assert.equal(rate.parse(String(limits.maxRegularizationRate * (1 + 1e-12))), null);
  assert.equal(rate.range, 'a number from 0 to 10');
});

test('the playground’s tables are within the core’s limits and use its names', () => {
  assert.deepEqual(FEATURES.map((f) => f.name), limits.features);
  assert.deepEqual(REGULARIZATIONS, limits.regularizations);
  assert.deepEqual(REG_RATES, limits.regularizationRates);
  assert.equal(Math.max(...REG_RATES), limits.maxRegularizationRate);
  for (const d of DATASETS) assert.ok(limits.datasets.includes(d), d);
  for (const d of REGRESSIONS) assert.ok(DATASETS.includes(d), d);
  assert.equal(FEATURES.length, limits.features.length, 'the page writes every feature the core has');
  assert.ok(RATIO[0] / 100 > 0 && RATIO[1] / 100 < 1 && RATIO[0] <= PLAYGROUND_DEFAULTS.ratio && PLAYGROUND_DEFAULTS.ratio <= RATIO[1]);
  assert.equal(PLAYGROUND_DEFAULTS.ratio / 100, limits.defaultTrainFraction);
  assert.ok(POINTS.classify <= limits.maxPoints && Math.max(...RATES) <= limits.maxLr && Math.min(...RATES) > 0);
  assert.ok(MAX_NOISE / 100 <= limits.maxNoise);
  assert.ok(MAX_HIDDEN_LAYERS + 2 <= limits.maxLayers && MAX_NEURONS <= limits.maxWidth && FEATURES.length <= limits.maxWidth);
  assert.ok(Math.max(...RATES) <= limits.maxLr && MAX_BATCH <= limits.maxPoints && POINTS.regress <= limits.maxPoints);
  assert.equal(PLAYGROUND_DEFAULTS.lr, limits.defaultLr);
  assert.equal(PLAYGROUND_DEFAULTS.batch, limits.defaultBatchSize);
});

test('the default state builds, and features and regularization read back from config', () => {
  const { config, data } = networkSettings({ ...PLAYGROUND_DEFAULTS, features: ['x1', 'x1x2', 'sinx2'], reg: 'l1', rate: 0.003 });
  const net = new api.Network(config);
  net.useDataset(data);
  const c = net.config;
  assert.deepEqual(c.features, ['x1', 'x1*x2', 'sin(x2)']);
  assert.deepEqual([c.layers[0], c.regularization, c.regularizationRate], [3, 'l1', 0.003]);
  assert.equal(net.trainData().length % 3, 0, 'rows stay raw (x1, x2, label)');
  const again = new api.Network(c);
  assert.deepEqual(again.config, c, 'config reads back as a config');
  for (const [patch, field] of [[{ layers: [2, 1], features: ['x1*x2'] }, 'config.layers[0]'], [{ layers: [1, 1], features: ['x9'] }, 'config.features[0]'], [{ layers: [2, 1], features: ['x2', 'x1'] }, 'config.features[1]'], [{ layers: [2, 1], regularization: 'l3' }, 'config.regularization'], [{ layers: [2, 1], regularizationRate: 11 }, 'config.regularizationRate'], [{ layers: [2, 1], regularizationRate: '0.1' }, 'config.regularizationRate']]) {
    assert.throws(() => new api.Network(patch), (e) => e instanceof Error && e.field === field, JSON.stringify(patch));
  }
  net.free();
  again.free();
});

test('the inspect exports refuse hostile arguments by name and leave the network as it was', () => {
  const net = new api.Network({ layers: [2, 3, 1], features: ['x1', 'x2'], seed: 4 });
  net.useDataset({ dataset: 'xor', points: 40, seed: 4 });
  net.trainEpochs(2);
  const snapshot = () => JSON.stringify([Array.from(net.weights()), Array.from(net.biases()), net.steps, net.epochs]);
  const before = snapshot();
  const hostile = [NaN, Infinity, -1, 1.5, 1e20, '1', null, {}, [], Symbol('s'), 10n, { valueOf: () => 0 }];
  let refused = 0;
  for (const v of hostile) {
    // -1 and 1.5 are fine weights and biases, so they are hostile only as indices.
    const asValue = typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e6 ? [] : [() => net.gradientCheck(0, v), () => net.setWeight(0, v), () => net.setBias(0, v)];
    for (const call of [() => net.pointPass(v), () => net.gradientCheck(v), () => net.setWeight(v, 0.5), () => net.setBias(v, 0.5), ...asValue]) {
      try {
        call();
      } catch (e) {
        assert.ok(e instanceof Error && typeof e.field === 'string' && e.field.length > 0, String(e));
        refused += 1;
      }
      assert.equal(snapshot(), before);
    }
  }
  assert.ok(refused >= hostile.length * 6, `${refused} refusals`);
  assert.throws(() => net.gradientCheck(0, 0), (e) => e.field === 'h');
  assert.throws(() => net.setWeight(9, 0.5), (e) => e.field === 'index');
  assert.throws(() => net.setWeight(0, 2e6), (e) => e.field === 'weights[0]');
  // The exports themselves, on good arguments.
  const check = net.gradientCheck(3);
  assert.equal(check.h, 1e-5);
  assert.equal(check.backprop, net.gradients()[3]);
  assert.ok(check.relative < 1e-6, JSON.stringify(check));
  const pass = net.pointPass(0);
  assert.equal(pass.z.length, 2 + 3 + 1);
  net.setWeight(2, 0.25);
  assert.equal(net.weights()[2], 0.25);
  assert.deepEqual(Array.from(net.deadWeights()), Array(9).fill(0));
  net.free();
});
