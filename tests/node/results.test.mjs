// The shapes of what the exports return and the numbers their messages quote, in every module: the result objects
// are built field by field in JavaScript (src/wasm/values.js) and the numbers in messages are written there too,
// so these pin the declared field names, their order and the texts, which the pages and users rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

async function load(dir, file, tag) {
  const base = new URL(`../../www/${dir}/`, import.meta.url);
  const api = await import(new URL(`backprop_lab.js?results-${tag}`, base));
  api.initSync({ module: readFileSync(new URL(file, base)) });
  return api;
}
const MODULES = {
  simd128: await load('pkg', 'backprop_lab_bg.wasm', 'simd'),
  scalar: await load('pkg', 'backprop_lab_scalar_bg.wasm', 'scalar'),
  article: await load('pkg-article', 'backprop_lab_bg.wasm', 'article'),
};
const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };

/** The message's "(got …)" text for a value handed where a DescentConfig object belongs. */
function quoted(api, value) {
  try {
    api.step(value);
  } catch (e) {
    return /\(got (.*)\)$/.exec(e.message)[1];
  }
  throw new Error('not refused');
}

for (const [name, api] of Object.entries(MODULES)) {
  test(`${name}: messages write numbers as String() does, -0 with its sign`, () => {
    const cases = [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [-0, '-0'], [0, '0'], [0.59, '0.59'],
      [2e-7, '2e-7'], [0.000001, '0.000001'], [1e21, '1e+21'], [123456789012345680000, '123456789012345680000'],
      [-1.4175582052407377e158, '-1.4175582052407377e+158'], [5e-324, '5e-324'], [1500, '1500'], [0.1 + 0.2, '0.30000000000000004']];
    for (const [value, text] of cases) assert.equal(quoted(api, value), text, String(value));
    const others = [[undefined, 'undefined'], [null, 'null'], [true, 'true'], [[1], 'an array'], [() => 1, 'a function'],
      [Symbol('s'), 'a symbol'], [10n, 'a BigInt'], [new Int32Array(2), 'an Int32Array of length 2'],
      [new Float64Array(3), 'a Float64Array of length 3'], [new DataView(new ArrayBuffer(2)), 'a DataView'],
      ['tanh', 'the string "tanh"'], ['a"b\\c\n\u0085é😀', 'the string "a\\"b\\\\c\\u{a}\\u{85}é😀"'],
      ['😀'.repeat(50), `the string "${'😀'.repeat(40)}"… (50 characters)`]];
    for (const [value, text] of others) assert.equal(quoted(api, value), text, String(value));
    assert.throws(() => api.step({ ...ARTICLE, lr: 0 }), { message: 'config.lr must be a finite number in (0, 100] (got 0)' });
    assert.throws(() => api.step({ ...ARTICLE, x: 1e4 }),
      { message: 'config.x must be a finite number in [-1000, 1000] (got 10000)', field: 'config.x', kind: 'invalid' });
  });

  test(`${name}: the article's results are plain objects with the declared fields in order`, () => {
    const record = api.step(ARTICLE);
    assert.equal(Object.getPrototypeOf(record), Object.prototype);
    const { x, y, w, lr } = ARTICLE; // the chain rule in JavaScript's own doubles
    const yHat = x * w, error = yHat - y, dJdYHat = 2 * error, dJdW = dJdYHat * x;
    assert.deepEqual(record, { w, yHat, error, loss: error * error, dJdYHat, dYHatdW: x, dJdW, wNext: w - lr * dJdW });
    assert.deepEqual(Object.keys(record), ['w', 'yHat', 'error', 'loss', 'dJdYHat', 'dYHatdW', 'dJdW', 'wNext']);
    assert.ok(Array.isArray(api.train(ARTICLE, 3)) && api.train(ARTICLE, 0).length === 0);
    const a = api.analyze({ ...ARTICLE, lr: 0.5 });
    assert.deepEqual(Object.keys(a), ['optimum', 'curvature', 'slope', 'intercept', 'factor', 'regime', 'lrOneStep',
      'lrLimit', 'initialDistance', 'tolerance', 'stepsToWithin', 'overflowStep']);
    assert.equal(a.regime, 'diverging');
    assert.equal(a.stepsToWithin, null);
    assert.equal(typeof a.overflowStep, 'number');
    assert.equal(api.analyze(ARTICLE).overflowStep, null);
    const d = new api.Descent(ARTICLE);
    assert.deepEqual(Object.entries(d.config), Object.entries(ARTICLE));
    d.train(2);
    assert.deepEqual(d.history(), api.train(ARTICLE, 2));
    d.free();
    const limits = api.limits();
    assert.deepEqual(Object.keys(limits), name === 'article' ? ['descent', 'maxWorkPerCall'] : ['descent', 'maxWorkPerCall', 'network']);
    assert.deepEqual(Object.keys(limits.descent), ['maxAbsValue', 'maxLr', 'maxSteps', 'maxHistory', 'maxCountedSteps',
      'maxDecimals', 'minTolerance', 'maxTolerance', 'defaultTolerance', 'defaults']);
    assert.deepEqual(limits.descent.defaults, ARTICLE);
    assert.equal(limits.maxWorkPerCall, 100000000);
  });
}

for (const [name, api] of Object.entries(MODULES).filter(([n]) => n !== 'article')) {
  test(`${name}: the network's results are plain objects with the declared fields in order`, () => {
    const sgd = new api.Network({ layers: [2, 3, 1], seed: 4 });
    assert.deepEqual(sgd.config, { layers: [2, 3, 1], activations: ['tanh', 'tanh'], loss: 'halfSquared', optimizer: 'sgd',
      lr: 0.03, batchSize: 10, shuffle: false, seed: 4, bias: true, features: ['x1', 'x2'], regularization: 'none',
      regularizationRate: 0 });
    assert.deepEqual(Object.keys(sgd.config), ['layers', 'activations', 'loss', 'optimizer', 'lr', 'batchSize', 'shuffle',
      'seed', 'bias', 'features', 'regularization', 'regularizationRate']);
    const adam = new api.Network({ layers: [3, 2, 1], optimizer: 'adam', beta2: 0.99, bias: false });
    assert.deepEqual(Object.keys(adam.config), ['layers', 'activations', 'loss', 'optimizer', 'beta1', 'beta2', 'epsilon',
      'lr', 'batchSize', 'shuffle', 'seed', 'bias', 'regularization', 'regularizationRate']);
    assert.deepEqual([adam.config.beta1, adam.config.beta2, adam.config.epsilon], [0.9, 0.99, 1e-8]);
    assert.equal(new api.Network({ layers: [2, 1], optimizer: 'momentum' }).config.momentum, 0.9);

    sgd.useDataset({ dataset: 'xor', points: 20, seed: 1 });
    const pass = sgd.pointPass(0);
    assert.deepEqual(Object.keys(pass), ['index', 'z', 'a', 'fPrime', 'delta', 'dA', 'dOutput', 'loss']);
    assert.ok(Array.isArray(pass.z) && pass.z.length === 6 && pass.dOutput.length === 1);
    const check = sgd.gradientCheck(2);
    assert.deepEqual(Object.keys(check), ['index', 'value', 'backprop', 'numeric', 'lossPlus', 'lossMinus', 'h', 'relative']);
    assert.equal(check.index, 2);
    assert.equal(check.h, 1e-5);
    const trace = sgd.trace(0);
    assert.deepEqual(Object.keys(trace), ['nodes', 'edges', 'loss']);
    assert.deepEqual(Object.keys(trace.nodes[0]), ['id', 'label', 'op', 'value', 'grad']);
    assert.deepEqual(Object.keys(trace.edges[0]), ['from', 'to', 'local']);
    assert.equal(trace.nodes[trace.loss].label, 'J');
    assert.ok(trace.nodes.some((n) => n.label === 'w1[2,1]'));
    assert.ok(trace.nodes.every((n, k) => n.id === k));
    const limits = api.limits().network;
    assert.deepEqual(limits.features, ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)']);
    assert.deepEqual(limits.regularizationRates, [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
    assert.ok(Array.isArray(limits.datasets) && limits.datasets.includes('spiral'));
  });
}
