// The built package (www/pkg, `wasm-pack build --target web`) as a developer uses it from Node: initSync with
// the module's bytes, then the exported functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const pkg = new URL('../../www/pkg/', import.meta.url);
const api = await import(new URL('backprop_lab.js', pkg));
api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });

const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };

test('train gives the article table through initSync', () => {
  const records = api.train(ARTICLE, 5);
  assert.deepEqual(records.map((r) => String(r.wNext)), ['0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375']);
  assert.deepEqual(Object.keys(records[0]), ['w', 'yHat', 'error', 'loss', 'dJdYHat', 'dYHatdW', 'dJdW', 'wNext']);
});

test('analyze and stepsToDigits give the closed form and the hidden rows', () => {
  const a = api.analyze(ARTICLE);
  assert.equal(a.regime, 'monotone');
  assert.equal(a.lrOneStep.toFixed(4), '0.2222');
  assert.equal(a.lrLimit.toFixed(4), '0.4444');
  assert.equal(a.stepsToWithin, 23);
  assert.equal(api.stepsToDigits(ARTICLE, 6), 25);
  assert.equal(api.stepsToDigits({ ...ARTICLE, lr: 0.5 }, 6), null);
});

test('a Descent steps, refuses bad counts unchanged, and resets', () => {
  const d = new api.Descent(ARTICLE);
  d.train(3);
  assert.throws(() => d.train(-1), /steps must be a whole number from 0 to 10000 \(got -1\)/);
  assert.throws(() => d.train(Number.NaN), /got NaN/);
  assert.equal(d.steps, 3);
  assert.equal(String(d.w), '0.410975');
  assert.deepEqual(Array.from(d.trail(), String), ['0.8', '0.59', '0.4745', '0.410975']);
  d.reset();
  assert.equal(d.steps, 0);
  d.free();
});

test('bad configs throw errors that name the field', () => {
  assert.throws(() => api.step({ ...ARTICLE, lr: 0 }), { message: 'config.lr must be a finite number in (0, 100] (got 0)' });
  assert.throws(() => api.step({ x: 1.5, y: 0.5, w: 0.8 }), /config.lr is missing/);
  assert.throws(() => api.step(undefined), /config must be an object/);
  assert.throws(() => api.train({ ...ARTICLE, lr: 0.5 * 200 }, 1000), /^Error: diverged at step \d+/);
});
