// The pages' tables read their limits and defaults before the core has loaded, so they hold them as numbers; this
// test ties each one to the core's own limits() (one source: Rust), so that neither can change alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DESCENT_FIELDS, DEFAULTS } from '../../www/lib/state.js';

const pkg = new URL('../../www/pkg-article/', import.meta.url);
const api = await import(new URL('backprop_lab.js', pkg));
api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });
const { descent } = api.limits();
const field = (key) => DESCENT_FIELDS.find((f) => f.key === key);

test('the descent table accepts exactly what the core accepts', () => {
  for (const key of ['x', 'y', 'w']) {
    const f = field(key);
    assert.equal(f.parse(String(descent.maxAbsValue)), descent.maxAbsValue, `${key} at the limit`);
    assert.equal(f.parse(String(-descent.maxAbsValue)), -descent.maxAbsValue, `${key} at minus the limit`);
    assert.equal(f.parse(String(descent.maxAbsValue * (1 + 1e-12))), null, `${key} beyond the limit`);
  }
  assert.equal(field('lr').parse(String(descent.maxLr)), descent.maxLr);
  assert.equal(field('lr').parse(String(descent.maxLr * (1 + 1e-12))), null);
  assert.equal(field('lr').parse('0'), null, 'lr must be above 0, as the core requires');
  assert.equal(field('step').parse(String(descent.maxSteps)), descent.maxSteps, 'a link may ask for as many steps as one train call takes');
  assert.equal(field('step').parse(String(descent.maxSteps + 1)), null);
});

test('the defaults are the core’s (the article’s problem)', () => {
  assert.deepEqual({ x: DEFAULTS.x, y: DEFAULTS.y, w: DEFAULTS.w, lr: DEFAULTS.lr }, descent.defaults);
});

test('every problem the table accepts, the core accepts (x of the smallest accepted size included)', () => {
  for (const x of ['1e-6', '-1e-6', '0', '1000']) {
    const v = field('x').parse(x);
    assert.notEqual(v, null, x);
    assert.doesNotThrow(() => api.step({ x: v, y: 0.5, w: 0.8, lr: 100 }), x);
  }
});
