// The boundary fuzzer in `make test` (its one fuzz layer): 100,000 seeded hostile calls over each built package
// (www/pkg and www/pkg-article), every hostile class, twins compared bit for bit after every refusal, no trap, every
// re-entrant call refused as busy, every free() from inside a call done when it returns, no long string copied,
// and the wasm memory and stack where they started (memory within a high-water mark of two pages).
// out-of-memory.test.mjs runs it with memory full. `make fuzz` runs 10⁶ calls, the same with memory full, and the
// soak (scripts/fuzz.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, fuzz, CLASSES } from './boundary-fuzz.mjs';

const CALLS = 100_000;

for (const dir of ['pkg', 'pkg-article']) {
  test(`${dir}: ${CALLS} hostile calls, refused as data, with no trap, no leak and no change to a refusing handle`, async () => {
    const pkg = await loadPackage(dir);
    const started = performance.now();
    const s = fuzz(pkg, { calls: CALLS, seed: 20261128 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${dir}: ${s.calls} calls in ${seconds.toFixed(1)} s, ${s.accepted} accepted, refused ${JSON.stringify(s.refused)}, traps ${s.traps}; ${s.busy} re-entrant calls refused as busy, ${s.deferredFrees} frees from inside a call; memory ${s.memoryBefore} → ${s.memoryAfter} bytes, stack probe ${s.stackBefore} → ${s.stackAfter}`);
    assert.equal(s.calls, CALLS);
    assert.equal(s.traps, 0);
    assert.deepEqual(s.foreign, [], 'every refusal is an Error with a kind');
    assert.deepEqual(s.mismatches, [], 'a refused call changes nothing');
    for (const cls of CLASSES) assert.ok(s.byClass[cls] > 100, `${cls} was refused ${s.byClass[cls] ?? 0} times`);
    const kinds = dir === 'pkg' ? ['invalid', 'diverged', 'tooMuchWork', 'freed'] : ['invalid', 'diverged', 'freed'];
    for (const kind of kinds) assert.ok(s.refused[kind] > 0, `no refusal of kind ${kind}`);
    assert.equal(s.refused.outOfMemory, undefined, 'nothing runs out of memory with memory to spare');
    if (dir === 'pkg') {
      assert.ok(s.busy > 100, `${s.busy} re-entrant calls refused as busy`);
      assert.ok(s.deferredFrees > 10, `${s.deferredFrees} frees from inside a call`);
    }

    // (a call that checks memory has room may grow it once to a high-water mark; a leak grows it call after call)
    assert.ok(s.memoryAfter - s.memoryBefore <= 2 * 65536, `wasm memory is flat: ${s.memoryBefore} → ${s.memoryAfter}`);
    assert.equal(s.stackAfter, s.stackBefore, 'no wasm stack is left behind');
    assert.ok(s.alive);
  });
}

test('the stack probe sees a leak: a null pointer thrown inside wasm (what the freed-handle guard prevents) leaks', async () => {
  const { api, wasm } = await loadPackage('pkg', '&probe');
  const before = api.__stackProbe();
  assert.throws(() => wasm.descent_w(0), /null pointer/);
  assert.ok(api.__stackProbe() < before, 'the raw export left its frame on the wasm stack');
  // Through the package, the same mistake costs nothing and says what happened.
  const d = new api.Descent({ x: 1.5, y: 0.5, w: 0.8, lr: 0.1 });
  d.free();
  const after = api.__stackProbe();
  for (let k = 0; k < 10_000; k++) assert.throws(() => d.w, (e) => e.kind === 'freed' && /has been freed/.test(e.message));
  d.free(); // freeing twice does nothing
  assert.equal(api.__stackProbe(), after);
});
