// The built wasm modules' download weight, gzipped at level 9 as scripts/size.mjs measures it: no module may grow
// past its ceiling in scripts/budgets.mjs. (A size check on the modules `make build` already made; no timing.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { MODULE_TARGET_KB, CEILING_KB } from '../../scripts/budgets.mjs';

const gzippedKb = (file) => gzipSync(readFileSync(new URL(`../../www/${file}`, import.meta.url)), { level: 9 }).length / 1024;

for (const [file, ceiling] of [['pkg/backprop_lab_bg.wasm', CEILING_KB.full], ['pkg/backprop_lab_scalar_bg.wasm', CEILING_KB.full],
  ['pkg-article/backprop_lab_bg.wasm', CEILING_KB.article]]) {
  test(`www/${file} stays within ${ceiling} KB gzipped`, (t) => {
    const size = gzippedKb(file);
    t.diagnostic(`${size.toFixed(1)} KB gzipped (the full modules' target: ${MODULE_TARGET_KB} KB)`);
    assert.ok(size <= ceiling, `${size.toFixed(1)} KB gzipped, over its ceiling of ${ceiling} KB`);
  });
}

test('the article build is the smaller one: it leaves out the Network export', () => {
  assert.ok(gzippedKb('pkg-article/backprop_lab_bg.wasm') < gzippedKb('pkg/backprop_lab_scalar_bg.wasm') / 2);
});
