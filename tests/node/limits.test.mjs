// The pages' tables read their limits and defaults before the core has loaded, from the module `make build`
// generates from the core's limits() (pkg-article/limits.js); this test proves that module is limits() itself and
// that each table accepts exactly what the core accepts (one source: Rust), so that neither can change alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './boundary-fuzz.mjs';
import { DESCENT_FIELDS, DEFAULTS } from '../../www/lib/state.js';
import { LIMITS } from '../../www/pkg-article/limits.js';
import { LIMITS as FULL_LIMITS } from '../../www/pkg/limits.js';

const { api } = await loadPackage('pkg-article');
const { descent } = api.limits();
const field = (key) => DESCENT_FIELDS.find((f) => f.key === key);

/** Whether every object and array in `value` is frozen. */
const deepFrozen = (value) => value === null || typeof value !== 'object' || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

test('the generated limits modules are each build’s limits(), deep-frozen', () => {
  assert.deepEqual(LIMITS, api.limits(), 'pkg-article/limits.js is a fresh limits() of the article build');
  assert.equal(LIMITS.network, undefined, 'the article build has no network limits');
  assert.ok(deepFrozen(LIMITS) && deepFrozen(FULL_LIMITS));
  assert.throws(() => { LIMITS.descent.maxLr = 1e9; }, TypeError);
  // The full build's descent limits are the article build's (one core), and it adds the network's.
  assert.deepEqual(FULL_LIMITS.descent, LIMITS.descent);
  assert.equal(FULL_LIMITS.maxWorkPerCall, LIMITS.maxWorkPerCall);
  assert.equal(typeof FULL_LIMITS.network.maxLr, 'number');
});

test('the table’s texts say the core’s bounds', () => {
  assert.equal(field('y').range, 'a number from −1000 to 1000');
  assert.equal(field('x').range, '0, or a number from 0.000001 to 1000 in size');
  assert.equal(field('lr').range, 'a number above 0, at most 100');
  assert.equal(field('step').range, 'a whole number from 0 to 10000');
  assert.ok(field('y').range.includes(String(descent.maxAbsValue)) && field('step').range.endsWith(String(descent.maxSteps)));
});

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
