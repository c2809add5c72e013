// Every export called with seeded random hostile arguments: each call either succeeds or throws an Error with a
// message; none panics (a panic in wasm surfaces as WebAssembly.RuntimeError and poisons the module), and the
// module keeps working after every refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, random } from './boundary-fuzz.mjs';

const { api } = await loadPackage('pkg');

const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };

const NUMBERS = [0, -0, 1, -1, 0.5, 2.5, 1e-320, 1e9, 1e21, 1e300, -1e300, NaN, Infinity, -Infinity, 2 ** 32, 2 ** 53 + 1];
const VALUES = [...NUMBERS, '5', '', 'x'.repeat(10_000), null, undefined, true, {}, [], [1, 2, 3], { valueOf: () => 3 },
  new Float64Array([NaN, 1, 2]), Symbol('s'), () => 1, new Proxy({}, { get() { throw new Error('trap'); } })];

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

/** A config with one or two fields replaced by hostile values, or a hostile value instead of the config. */
function hostileConfig(rnd, base) {
  if (rnd() < 0.15) return pick(rnd, VALUES);
  const config = { ...base };
  const keys = Object.keys(base);
  for (let i = 0; i < 1 + Math.floor(rnd() * 2); i++) config[pick(rnd, keys)] = pick(rnd, rnd() < 0.7 ? NUMBERS : VALUES);
  if (rnd() < 0.1) config[pick(rnd, ['rate', '__proto__', 'constructor'])] = 1;
  return config;
}

const tally = { ok: 0, refused: 0 };

/**
 * Calls `fn` and returns null when it succeeds, else the error's message; a throw must be an ordinary Error with
 * a message, never a wasm trap.
 */
function survive(what, fn) {
  try {
    fn();
    tally.ok++;
    return null;
  } catch (e) {
    tally.refused++;
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what} trapped: ${e}`);
    if (e instanceof TypeError && /Symbol|BigInt/.test(String(e))) return e.message; // JS refused to convert
    assert.ok(e instanceof Error && e.message.length > 0 && e.message.length < 2000, `${what}: ${e}`);
    return e.message;
  }
}

test('the article exports survive 3000 hostile calls', () => {
  const rnd = random(7);
  const d = new api.Descent(ARTICLE);
  for (let i = 0; i < 3000; i++) {
    const config = hostileConfig(rnd, ARTICLE);
    const n = pick(rnd, VALUES);
    switch (i % 7) {
      case 0: survive('step', () => api.step(config)); break;
      case 1: survive('train', () => api.train(config, typeof n === 'number' && Math.abs(n) < 50 ? n : 3)); break;
      case 2: survive('analyze', () => api.analyze(config, pick(rnd, NUMBERS))); break;
      case 3: survive('stepsToDigits', () => api.stepsToDigits(config, pick(rnd, NUMBERS))); break;
      case 4: survive('new Descent', () => new api.Descent(config)?.free()); break;
      case 5: survive('Descent.train', () => d.train(n)); break;
      default: survive('Descent.analyze', () => d.analyze(pick(rnd, NUMBERS)));
    }
    if (d.steps > 50_000) d.reset();
  }
  assert.equal(String(api.train(ARTICLE, 1)[0].wNext), '0.59');
});

test('the Network export survives 1500 hostile calls', () => {
  const rnd = random(11);
  const base = { layers: [2, 3, 1], activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', optimizer: 'sgd',
    lr: 0.03, batchSize: 4, shuffle: false, seed: 1 };
  const net = new api.Network(base);
  net.useDataset({ dataset: 'xor', points: 40, seed: 3 });
  const snapshot = () => [Array.from(net.weights()), Array.from(net.biases()), net.steps];
  for (let i = 0; i < 1500; i++) {
    const before = snapshot();
    const v = () => pick(rnd, VALUES);
    const num = () => pick(rnd, NUMBERS);
    let refusal = null;
    switch (i % 12) {
      case 0: survive('new Network', () => new api.Network(hostileConfig(rnd, base))?.free()); break;
      case 1: refusal = survive('setParameters', () => net.setParameters(v(), v())); break;
      case 2: refusal = survive('setData', () => net.setData(v(), v())); break;
      case 3: refusal = survive('useDataset', () => net.useDataset(hostileConfig(rnd, { dataset: 'circle', points: 30, noise: 0.1, seed: 2, trainFraction: 0.5 }))); break;
      case 4: refusal = survive('trainSteps', () => net.trainSteps(Math.abs(num()) < 100 ? num() : v())); break;
      case 5: refusal = survive('trainEpochs', () => net.trainEpochs(Math.abs(num()) < 5 ? num() : v())); break;
      case 6: refusal = survive('predictGrid', () => net.predictGrid(num(), num(), num(), num(), Math.abs(num()) < 50 ? num() : v(), 3)); break;
      case 7: refusal = survive('predictGridInto', () => net.predictGridInto(new Float64Array(Math.floor(rnd() * 20)), -1, 1, -1, 1, 4, 4)); break;
      case 8: refusal = survive('predictNeuronGrid', () => net.predictNeuronGrid(-1, 1, -1, 1, num(), 2)); break;
      case 9: refusal = survive('trace', () => net.trace(num())); break;
      case 10: refusal = survive('setLearningRate', () => net.setLearningRate(num())); break;
      default: refusal = survive('predict', () => net.predict(v()));
    }
    // A refusal changes nothing; training that diverges keeps the steps before the one that diverged.
    if (refusal !== null && !refusal.startsWith('diverged')) {
      assert.deepEqual(snapshot(), before, `refused call #${i} (${refusal}) changed the network`);
    }
  }
  net.trainSteps(1);
  assert.ok(Number.isFinite(net.trainLoss()));
});

test('the hostile calls exercised both outcomes', () => {
  assert.ok(tally.ok > 500 && tally.refused > 1500, JSON.stringify(tally));
});
