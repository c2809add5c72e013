// The boundary's last holes, each tried directly as a hostile or careless page would (out of memory has its own
// test, in a Node with a small wasm memory: out-of-memory.test.mjs): a string of 64 million characters is refused by
// its length, never copied; a call made from inside another call on the same handle is refused as "busy", and a
// free() from there happens when the call returns; a network whose loss grows a million-fold stops with its loss
// and bound as fields, at parameters a lower rate trains on from; the messages' numbers and quotes are written
// as JavaScript writes them; the article figure's facts come from one call on its descent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './boundary-fuzz.mjs';

const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
const LONG = 'x'.repeat(64_000_000);

for (const dir of ['pkg', 'pkg-article']) {
  test(`${dir}: a 64-million-character string is refused by its length, without being copied into the module`, async () => {
    const { api, wasm } = await loadPackage(dir, '&long');
    const memory = () => wasm.memory.buffer.byteLength;
    // The same refusals with short strings first (and the headroom a constructor makes for its small blocks), so
    // that only a copy of the long string could grow the memory.
    assert.throws(() => api.step({ ...ARTICLE, x: 'short' }), { kind: 'invalid', field: 'config.x' });
    assert.throws(() => new api.Descent({ ...ARTICLE, rate: 1 }), { kind: 'invalid', field: 'config.rate' });
    if (api.Network) {
      assert.throws(() => new api.Network({ layers: [2, 1], activation: 'short' }), { kind: 'invalid', field: 'config.activation' });
      new api.Network({ layers: [2, 1] }).free();
    }
    const before = memory();
    assert.throws(() => api.step({ ...ARTICLE, x: LONG }), (e) => e.kind === 'invalid' && e.field === 'config.x'
      && e.message === `config.x must be a number (got the string "${'x'.repeat(40)}"… (64000000 characters))`);
    assert.throws(() => new api.Descent({ ...ARTICLE, [LONG.slice(0, 1_000_000)]: 1 }), (e) => e.kind === 'invalid'
      && e.field === 'config' && e.message.startsWith(`config has an unknown field the string "${'x'.repeat(40)}"… (1000000 characters); its fields are x, y, w, lr`));
    if (api.Network) {
      assert.throws(() => new api.Network({ layers: [2, 1], activation: LONG }), (e) => e.kind === 'invalid'
        && e.field === 'config.activation' && /^config\.activation must be one of "identity", "relu", "tanh", "sigmoid", "softmax" \(output layer only\) \(got the string "x{40}"… \(64000000 characters\)\)$/.test(e.message));
      assert.throws(() => new api.Network({ layers: [2, 1], features: ['x1', LONG] }), { kind: 'invalid', field: 'config.features[1]' });
      const net = new api.Network({ layers: [2, 1] });
      assert.throws(() => net.useDataset({ dataset: LONG }), { kind: 'invalid', field: 'data.dataset' });
      net.free();
    }
    assert.equal(memory(), before, 'the module memory did not grow: the string was never copied');
  });
}

test('a name is quoted as the native build quotes it: escapes, control characters, code points', async () => {
  const { api } = await loadPackage('pkg');
  assert.throws(() => new api.Network({ layers: [2, 1], loss: 'a"b\\c\n😀' }), (e) => e.message
    === 'config.loss must be one of "squared", "halfSquared", "crossEntropy" (got "a\\"b\\\\c\\u{a}😀")');
  assert.throws(() => new api.Network({ layers: [2, 1], loss: 3 }), (e) => e.message
    === 'config.loss must be one of "squared", "halfSquared", "crossEntropy" (got 3)');
  // Numbers as String(v) writes them, −0 with its sign.
  assert.throws(() => api.step({ ...ARTICLE, lr: -0 }), (e) => e.message === 'config.lr must be a finite number in (0, 100] (got -0)');
  assert.throws(() => api.step({ ...ARTICLE, x: 1.5e300 }), (e) => e.message === 'config.x must be a finite number in [-1000, 1000] (got 1.5e+300)');
  assert.throws(() => api.step({ ...ARTICLE, x: 2e-7 - 5000 }), (e) => /\(got -4999\.9999998\)$/.test(e.message));
});

test('a call from inside another call on the same network is refused as busy, and changes nothing', async () => {
  const { api, wasm } = await loadPackage('pkg', '&busy');
  const net = new api.Network({ layers: [2, 3, 1], seed: 1 });
  net.useDataset({ dataset: 'xor', points: 40 });
  const inner = [];
  const spec = {
    dataset: 'circle',
    get points() {
      for (const call of [() => net.trainSteps(1), () => net.steps, () => net.weights(), () => net.useDataset({ dataset: 'xor' })]) {
        try {
          call();
          inner.push('accepted');
        } catch (e) {
          inner.push(e.kind);
        }
      }
      return 30;
    },
  };
  net.useDataset(spec);
  assert.deepEqual(inner, ['busy', 'busy', 'busy', 'busy']);
  assert.equal(net.steps, 0, 'the inner trainSteps did nothing');
  assert.equal(net.trainData().length + net.testData().length, 30 * 3, 'the outer call finished with its own points');
  // Another handle is free to be called meanwhile.
  const other = new api.Network({ layers: [2, 1] });
  other.useDataset({ dataset: 'xor', points: 20 });
  net.useDataset({ dataset: 'xor', get points() { other.trainSteps(2); return 20; } });
  assert.equal(other.steps, 2);
  let message = '';
  const test = new Proxy([], {
    get(target, key) {
      if (key === 'length') {
        try {
          net.reset();
        } catch (e) {
          message = e.message;
        }
      }
      return target[key];
    },
  });
  net.setData([0.5, 0.5, 1], test);
  assert.match(message, /^this Network is busy: reset\(\) was called from inside another call on it/);
  other.free();
  net.free();
  // wasm-bindgen's own "recursive use of an object" never escapes, and no wasm stack was left behind.
  const probe = api.__stackProbe();
  const d = new api.Descent(ARTICLE);
  assert.throws(() => new api.Network({ layers: [2, 1], get seed() { d.free(); return d.w; } }), { kind: 'invalid' });
  assert.equal(api.__stackProbe(), probe);
  void wasm;
});

test('free() from inside a call on the same handle happens when the call returns; the value is freed, not leaked', async () => {
  const { api, wasm } = await loadPackage('pkg', '&free');
  const cycle = () => {
    const net = new api.Network({ layers: [2, 8, 1] });
    let during = null;
    net.useDataset({
      dataset: 'xor',
      get points() {
        net.free();
        try {
          during = net.steps;
        } catch (e) {
          during = e.kind;
        }
        return 20;
      },
    });
    assert.equal(during, 'busy', 'until the call returns, the network is live and busy');
    assert.throws(() => net.steps, { kind: 'freed' });
    net.free(); // a second free does nothing
  };
  for (let k = 0; k < 200; k++) cycle(); // (the allocator's free lists reach their sizes)
  const before = wasm.memory.buffer.byteLength;
  for (let k = 0; k < 5000; k++) cycle();
  assert.equal(wasm.memory.buffer.byteLength, before, 'each network was freed when its call returned: memory is flat');
  // A freed handle's free() during another handle's call frees at once.
  const a = new api.Network({ layers: [2, 1] });
  const b = new api.Network({ layers: [2, 1] });
  a.useDataset({ dataset: 'xor', get points() { b.free(); return 10; } });
  assert.throws(() => b.steps, { kind: 'freed' });
  assert.equal(a.trainData().length + a.testData().length, 30);
  a.free();
});

test('a network whose loss grows a million-fold stops there, with step, epoch, loss and bound, and a lower rate trains on', async () => {
  const { api } = await loadPackage('pkg');
  const { divergenceFactor } = api.limits().network;
  assert.equal(divergenceFactor, 1e6);
  // Unnormalised inputs (x from 100 to 119, y = 30x), identity output, lr 10, batches of 10.
  const net = new api.Network({ layers: [1, 1], activation: 'identity', outputActivation: 'identity', loss: 'squared', lr: 10, batchSize: 10 });
  const rows = [];
  for (let k = 0; k < 20; k++) rows.push(100 + k, 30 * (100 + k));
  net.setData(rows, []);
  const start = net.trainLoss();
  let error = null;
  try {
    net.trainSteps(1000);
  } catch (e) {
    error = e;
  }
  assert.equal(error?.kind, 'diverged', String(error));
  assert.equal(error.bound, divergenceFactor * Math.max(start, 1));
  assert.ok(Number.isFinite(error.loss) && error.loss > error.bound, `${error.loss} > ${error.bound}`);
  assert.equal(error.step, net.steps + 1);
  assert.equal(error.epoch, net.epochs + 1);
  assert.equal(error.field, undefined);
  assert.ok(error.message.includes('a million times the loss when training began') && !/[\u0001\u0002]/.test(error.message), error.message);
  const kept = net.trainLoss();
  assert.ok(kept <= error.bound && Math.abs(net.weights()[0]) < 1e6, `${kept}`);
  net.setLearningRate(2e-5);
  net.trainSteps(200);
  assert.ok(net.trainLoss() < kept / 1e3, `${net.trainLoss()} after ${kept}`);
  net.free();
  // The article's descent diverges as before: step, no epoch, loss or bound.
  assert.throws(() => api.train({ ...ARTICLE, lr: 100 }, 1000), (e) => e.kind === 'diverged' && e.step > 0
    && !('epoch' in e) && !('loss' in e) && !('bound' in e));
});

for (const dir of ['pkg', 'pkg-article']) {
  test(`${dir}: Descent.facts answers analyze and stepsToDigits in one call, from the checked configuration`, async () => {
    const { api } = await loadPackage(dir);
    for (const config of [ARTICLE, { ...ARTICLE, lr: 0.4 }, { ...ARTICLE, x: -3, w: 2 }]) {
      const d = new api.Descent(config);
      assert.deepEqual(d.facts(6), { analysis: api.analyze(config), stepsToDigits: api.stepsToDigits(config, 6) });
      assert.throws(() => d.facts(16), { kind: 'invalid', field: 'decimals' });
      d.free();
    }
    const zero = new api.Descent({ ...ARTICLE, x: 0 });
    assert.throws(() => zero.facts(6), { kind: 'invalid', field: 'config.x' });
    zero.free();
  });
}

test('a method called on what is not a handle of its class is refused before wasm reads it as one', async () => {
  const { api } = await loadPackage('pkg', '&brand');
  const net = new api.Network({ layers: [2, 3, 1] });
  const d = new api.Descent(ARTICLE);
  const w = Object.getOwnPropertyDescriptor(api.Descent.prototype, 'w').get;
  assert.throws(() => w.call(net), { kind: 'freed' }, 'a network is not a descent');
  assert.throws(() => api.Network.prototype.trainSteps.call(d, 1), { kind: 'freed' });
  const forged = Object.create(api.Descent.prototype, { __wbg_ptr: { value: 8, writable: true } });
  assert.throws(() => forged.step(), { kind: 'freed' });
  assert.throws(() => w.call(new Proxy(d, {})), { kind: 'freed' });
  Object.defineProperty(d, '__wbg_ptr', { value: 12345, configurable: true });
  assert.throws(() => d.step(), { kind: 'freed' }, 'a handle given its own pointer is not trusted');
  delete d.__wbg_ptr;
  assert.equal(String(d.step().wNext), '0.59');
  d.free();
  net.free();
});
