// W4 (bench/WORKLOADS.md: the digits, 64-32-10 softmax, Adam, batches of 16) through the built modules in Node, with
// the bench's own code (scripts/bench-wasm.mjs): the training loss after 10 epochs must be the native value to the
// bit (tests/data/W4.json, which tests/workloads.rs asserts natively), in the simd128 and the scalar module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readWorkloads, runWasmBench } from '../../scripts/bench-wasm.mjs';

const pkg = new URL('../../www/pkg/', import.meta.url);
const workloads = readWorkloads();

for (const [build, file] of [['simd128', 'backprop_lab_bg.wasm'], ['scalar', 'backprop_lab_scalar_bg.wasm']]) {
  test(`W4 in the ${build} module gives the native loss after 10 epochs, to the bit`, async () => {
    const r = await runWasmBench({
      glue: new URL(`backprop_lab.js?${build}`, pkg).href, wasm: readFileSync(new URL(file, pkg)), workloads, only: ['W4'],
    });
    assert.equal(r.W4loss, workloads.W4.trainLossAfter10Epochs);
    assert.equal(r.W4accuracy, workloads.W4.testAccuracyAfter10Epochs);
    assert.ok(r.W4[0] > 0);
  });
}
