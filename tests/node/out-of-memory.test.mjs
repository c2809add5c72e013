// Running out of memory is a refusal, never a trap: in a Node whose wasm memory may not grow past 64 MB, a child
// process (out-of-memory.child.mjs) fills the module's memory with descents, networks, data and grids, as a page
// with many figures could; every call that does not fit is refused as data (kind "outOfMemory", naming what to free),
// the handle it was made on is left as it was, every other handle still works, and free() makes room again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PAGES = 1024; // 64 MB
const CHILD = fileURLToPath(new URL('out-of-memory.child.mjs', import.meta.url));

/** Runs the child in a Node whose wasm memory may not grow past PAGES, and returns its JSON line. */
function runChild(...args) {
  const run = spawnSync(process.execPath, [`--wasm-max-mem-pages=${PAGES}`, CHILD, ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

test('a full memory refuses calls as outOfMemory, leaves the module working, and free() makes room again', () => {
  const report = runChild();
  const { checks } = report;
  assert.deepEqual(report.traps, [], 'no call trapped');
  assert.ok(report.pagesAtEnd <= PAGES);
  // The descents filled memory, and the one that no longer fit was refused without a change.
  assert.ok(checks.descentsBeforeFull >= 2, JSON.stringify(checks));
  assert.equal(checks.descentRefusal?.kind, 'outOfMemory', JSON.stringify(checks.descentRefusal));
  assert.notEqual(checks.descentUnchanged, false, 'a refused train changes nothing');
  assert.ok(checks.othersUsable, 'the other descents and the module still work');
  for (const [call, kind] of Object.entries(checks.whenFull)) assert.ok(['outOfMemory', 'accepted'].includes(kind), `${call}: ${kind}`);
  assert.equal(checks.afterFree, 100_000, 'after free(), a descent steps to its full history again');
  // Networks with data fill it too, and are refused the same way.
  assert.equal(checks.networkRefusal?.kind, 'outOfMemory', JSON.stringify(checks.networkRefusal));
  assert.ok(checks.networksBeforeFull >= 2);
  // No handle keeps its grid: twenty 8 MB grids, one after the other, in 64 MB.
  assert.deepEqual(checks.gridsOneAfterAnother, Array(20).fill(1_000_000));
  assert.deepEqual(checks.hugeGrid, { kind: 'outOfMemory', field: 'ny' });
  assert.ok(checks.networkGoesOn && checks.stackUnchanged && checks.alive);
  for (const r of report.refusals) {
    assert.equal(r.kind, 'outOfMemory', JSON.stringify(r));
    assert.match(r.message, /^not enough memory for .+ \(\d+ bytes\): the module's memory is full; free\(\) the networks and descents no longer needed/);
  }
});

test('the boundary fuzzer with memory kept full: every call succeeds or is refused as data, none traps', () => {
  const s = runChild('--fuzz', '3000');
  console.log(`with memory full: ${s.calls} calls in ${s.seconds.toFixed(1)} s, ${s.accepted} accepted, refused ${JSON.stringify(s.refused)}, ${s.hoarded} handles hoarded, ${s.pages} pages`);
  assert.equal(s.traps, 0);
  assert.deepEqual(s.foreign, [], 'every refusal is an Error with a kind');
  assert.ok(s.refused.outOfMemory > 20, `${s.refused.outOfMemory} refusals for memory`);
  assert.ok(s.pages <= PAGES && s.alive);
  assert.equal(s.stackAfter, s.stackBefore, 'no wasm stack is left behind');
});

test('memory once full and freed serves the largest block again, cycle after cycle, with the same results', () => {
  const CYCLES = 5;
  const r = runChild('--reuse', String(CYCLES));
  assert.deepEqual(r.traps, [], 'no call trapped');
  // Before filling, the module made the 32 MB grid and trained as a fresh module does.
  assert.deepEqual(r.before, { gridSame: true, lossesSame: true });
  assert.equal(r.cycles.length, CYCLES);
  for (const [c, cycle] of r.cycles.entries()) {
    const at = `cycle ${c}: ${JSON.stringify(cycle)}`;
    assert.equal(cycle.refusal, 'outOfMemory', at);
    assert.ok(cycle.handles >= 100, at);
    // With half the handles freed, a 16 MB grid is made or refused as data, and the other half hold what they held.
    assert.ok(['accepted', 'outOfMemory'].includes(cycle.halfGrid), at);
    assert.ok(cycle.kept >= 50, at);
    assert.equal(cycle.changed, 0, at);
    // All freed, the memory holds the largest grid again, and computes it and a training run bit for bit as before.
    assert.equal(cycle.gridSame, true, at);
    assert.equal(cycle.lossesSame, true, at);
    assert.ok(cycle.pages <= PAGES, at);
    // No cycle loses memory to the one before: at least as many handles fit as in the first, within a tenth.
    assert.ok(cycle.handles >= 0.9 * r.cycles[0].handles, at);
  }
  assert.ok(r.alive);
});
