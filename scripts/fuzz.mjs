// make fuzz: the long boundary fuzz (10⁶ hostile calls per package), the same with memory kept full (10⁴ calls in a
// Node whose wasm memory is capped at 64 MB, so every call must succeed or be refused as outOfMemory) and the soak
// (10⁷ article steps, 10⁵ network epochs, 10⁵ create/free cycles), with the wasm memory and the stack probe
// sampled; prints the figures and exits non-zero on any trap, foreign throw, twin mismatch, or memory or stack that
// does not come back.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadPackage, fuzz } from '../tests/node/boundary-fuzz.mjs';

const CALLS = Number(process.env.FUZZ_CALLS ?? 1_000_000);
const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
let failed = false;
const fail = (what) => {
  failed = true;
  console.log(`FAILED: ${what}`);
};
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

for (const dir of ['pkg', 'pkg-article']) {
  const pkg = await loadPackage(dir);
  const started = performance.now();
  const s = fuzz(pkg, { calls: CALLS, seed: 1_000_003 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`fuzz ${dir}: ${s.calls} calls in ${seconds} s; ${s.accepted} accepted; refused by kind ${JSON.stringify(s.refused)}`);
  console.log(`  refused by hostile class ${JSON.stringify(s.byClass)}`);
  console.log(`  traps ${s.traps}; foreign throws ${s.foreignCount}; twin mismatches ${s.mismatchCount}; re-entrant calls refused as busy ${s.busy}; frees from inside a call ${s.deferredFrees}; memory ${s.memoryBefore} → ${s.memoryAfter} bytes; stack probe ${s.stackBefore} → ${s.stackAfter}`);
  if (s.traps || s.foreignCount || s.mismatchCount) fail(`${dir}: ${[...s.foreign, ...s.mismatches].slice(0, 5).join('; ')}`);
  // (a call that checks memory has room may grow it once to a high-water mark, two pages at most; a leak grows it
  // call after call)
  if (s.memoryAfter - s.memoryBefore > 2 * 65536 || s.stackAfter !== s.stackBefore) fail(`${dir}: memory or stack moved`);
}

// With memory kept full, in a Node whose wasm memory may not grow past 64 MB.
{
  const child = fileURLToPath(new URL('../tests/node/out-of-memory.child.mjs', import.meta.url));
  const calls = Math.max(3000, Math.floor(CALLS / 100));
  const run = spawnSync(process.execPath, ['--wasm-max-mem-pages=1024', child, '--fuzz', String(calls)], { encoding: 'utf8' });
  const s = run.status === 0 ? JSON.parse(run.stdout.trim().split('\n').pop()) : null;
  if (!s) {
    fail(`memory full: the run failed: ${run.stderr.slice(0, 500)}`);
  } else {
    console.log(`fuzz pkg with memory full (64 MB): ${s.calls} calls in ${s.seconds.toFixed(1)} s; ${s.accepted} accepted; refused by kind ${JSON.stringify(s.refused)}; ${s.hoarded} handles hoarded; traps ${s.traps}; foreign throws ${s.foreignCount}; stack probe ${s.stackBefore} → ${s.stackAfter}`);
    if (s.traps || s.foreignCount || !s.alive || s.stackAfter !== s.stackBefore) fail(`memory full: ${s.foreign.slice(0, 5).join('; ')}`);
    if (!(s.refused.outOfMemory > 0)) fail('memory full: no call was refused as outOfMemory');
  }
}

// The soak, on a fresh instance of the full package.
const { api, wasm } = await loadPackage('pkg', '&soak');
const memory = () => wasm.memory.buffer.byteLength;
const samples = [];
const soak = (name, rounds, body) => {
  const started = performance.now();
  const stack = api.__stackProbe();
  const first = memory();
  let high = first;
  for (let r = 0; r < rounds; r++) {
    body(r);
    if (r % Math.max(1, Math.floor(rounds / 100)) === 0) high = Math.max(high, memory());
  }
  const last = memory();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  samples.push({ name, first, high, last });
  console.log(`soak ${name}: ${seconds} s; memory ${mb(first)} at the start, ${mb(high)} at most, ${mb(last)} at the end; stack probe ${stack} → ${api.__stackProbe()}`);
  if (api.__stackProbe() !== stack) fail(`${name}: the stack moved`);
};

// 10⁷ article steps: 1,000 calls of 10,000 steps, the descent reset every 10 calls (it keeps 100,000 steps).
const descent = new api.Descent(ARTICLE);
let steps = 0;
soak('10^7 article steps (Descent.train(10000) × 1000)', 1000, (r) => {
  if (r % 10 === 0) descent.reset();
  steps += descent.train(10_000).length;
});
if (steps !== 10_000_000) fail(`article steps: ${steps}`);
descent.free();

// 10⁵ network epochs: XOR, 200 points, a [2, 8, 8, 1] network, 100 epochs a call.
const net = new api.Network({ layers: [2, 8, 8, 1], lr: 0.03, batchSize: 10 });
net.useDataset({ dataset: 'xor', points: 400, noise: 0.1, seed: 1 });
soak('10^5 network epochs (trainEpochs(100) × 1000)', 1000, () => net.trainEpochs(100));
if (net.epochs !== 100_000) fail(`network epochs: ${net.epochs}`);
console.log(`  after 10^5 epochs: train loss ${net.trainLoss().toPrecision(4)}, test loss ${net.testLoss().toPrecision(4)}`);
net.free();

// 10⁵ create/free cycles of each handle, with data and a grid on the network.
soak('10^5 create/free cycles (Network with data and a grid, and Descent)', 100_000, () => {
  const n = new api.Network({ layers: [2, 4, 1] });
  n.useDataset({ dataset: 'circle', points: 20 });
  n.trainSteps(1);
  n.predictGrid(-1, 1, -1, 1, 4, 4);
  n.free();
  new api.Descent(ARTICLE).free();
});
const cycles = samples[samples.length - 1];
if (cycles.last !== cycles.first) fail('create/free cycles: memory grew');

console.log(failed ? 'make fuzz: FAILED' : 'make fuzz: every figure as required (traps: 0)');
process.exit(failed ? 1 : 0);
