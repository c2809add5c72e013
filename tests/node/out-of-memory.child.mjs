// Run by out-of-memory.test.mjs (and `make fuzz`) in a Node whose wasm memories may not grow past a few dozen
// megabytes (--wasm-max-mem-pages), so that a page's worth of live handles fills the module's memory in a second.
// It fills the memory every way a page can (descents stepped to their full history, networks, their data, grids)
// and prints, as one JSON line, every refusal it met and what the module did next; the test judges them. With
// `--fuzz N` it runs N calls of the boundary fuzzer with memory kept full (`hoard`) and prints the fuzzer's counts.
import { loadPackage, fuzz } from './boundary-fuzz.mjs';

const fuzzAt = process.argv.indexOf('--fuzz');
if (fuzzAt > 0) {
  const pkg = await loadPackage('pkg');
  const started = performance.now();
  const stats = fuzz(pkg, { calls: Number(process.argv[fuzzAt + 1]), seed: 77, warmUp: 500, hoard: true });
  stats.seconds = (performance.now() - started) / 1000;
  stats.pages = pkg.wasm.memory.buffer.byteLength / 65536;
  console.log(JSON.stringify(stats));
  process.exit(0);
}

const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
const WIDE = { layers: [2, 64, 64, 64, 64, 64, 64, 64, 64, 1] };
const { api, wasm } = await loadPackage('pkg');
const report = { pages: wasm.memory.buffer.byteLength / 65536, refusals: [], traps: [], checks: {} };
const stack = api.__stackProbe();

/** Calls `fn`; a refusal is recorded with what it was (a trap is recorded apart, and must never happen). */
function attempt(what, fn) {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || !e?.kind) report.traps.push(`${what}: ${e?.constructor?.name} ${e?.message}`);
    else report.refusals.push({ what, kind: e.kind, field: e.field ?? null, message: e.message });
    return { error: e };
  }
}

// 1. No handle keeps its grid: twenty networks each ask for a grid of 1000 × 1000 numbers (8 MB), more than memory
// holds at once, fine one after the other; a grid larger than memory can hold is refused, and the network goes on.
const small = [];
for (let k = 0; k < 20; k++) small.push(new api.Network({ layers: [2, 4, 1] }));
report.checks.gridsOneAfterAnother = small.map((n) => attempt('predictGrid', () => n.predictGrid(-1, 1, -1, 1, 1000, 1000).length).value ?? 0);
const keeper = small.shift();
for (const n of small) n.free();


// 2. Descents stepped to their full history (100,000 steps each) until memory is full.
const descents = [];
let refused = null;
for (let k = 0; k < 500 && !refused; k++) {
  const made = attempt('new Descent', () => new api.Descent(ARTICLE));
  if (made.error) {
    refused = made.error;
    break;
  }
  const d = made.value;
  descents.push(d);
  for (let i = 0; i < 10 && !refused; i++) {
    const before = [d.steps, d.w];
    const trained = attempt('Descent.train', () => d.train(10_000));
    if (trained.error) {
      refused = trained.error;
      // all or none: the descent is exactly as it was
      report.checks.descentUnchanged = d.steps === before[0] && Object.is(d.w, before[1]);
    }
  }
}
report.checks.descentsBeforeFull = descents.length;
report.checks.descentRefusal = refused && { kind: refused.kind, field: refused.field ?? null };
// The other handles still answer, and the module still computes.
report.checks.othersUsable = descents[0].steps === 100_000 && String(api.train(ARTICLE, 1)[0].wNext) === '0.59';

// 3. With memory full: a network, a large grid, data, a trace are refused as out of memory, never a trap.
const full = {};
for (const [name, fn] of [
  ['new Network', () => new api.Network(WIDE).free()],
  ['Descent.train', () => descents[descents.length - 1].train(10_000)],
  ['api.train', () => api.train(ARTICLE, 10_000)],
]) full[name] = attempt(name, fn).error?.kind ?? 'accepted';
report.checks.whenFull = full;
// A grid of 28.8 MB does not fit in what is left: refused, and its network goes on.
const huge = attempt('predictNeuronGrid', () => keeper.predictNeuronGrid(-1, 1, -1, 1, 900, 800));
report.checks.hugeGrid = huge.error ? { kind: huge.error.kind, field: huge.error.field ?? null } : 'accepted';
keeper.useDataset({ dataset: 'xor', points: 50 });
keeper.trainSteps(10);
report.checks.networkGoesOn = keeper.steps === 10;

// 4. Freeing makes room again: the same calls succeed.
for (const d of descents.splice(0)) d.free();
keeper.free();
report.checks.afterFree = attempt('after free', () => {
  const d = new api.Descent(ARTICLE);
  for (let i = 0; i < 10; i++) d.train(10_000);
  const steps = d.steps;
  d.free();
  return steps;
}).value ?? null;

// 5. Networks, with data, until memory is full.
const nets = [];
refused = null;
for (let k = 0; k < 400 && !refused; k++) {
  const made = attempt('new Network', () => new api.Network(WIDE));
  if (made.error) {
    refused = made.error;
    break;
  }
  nets.push(made.value);
  const data = attempt('useDataset', () => made.value.useDataset({ dataset: 'spiral', points: 5000 }));
  if (data.error) refused = data.error;
}
report.checks.networksBeforeFull = nets.length;
report.checks.networkRefusal = refused && { kind: refused.kind, field: refused.field ?? null };
for (const n of nets.splice(0)) n.free();

report.checks.stackUnchanged = api.__stackProbe() === stack;
report.checks.alive = String(api.train(ARTICLE, 1)[0].wNext) === '0.59';
report.pagesAtEnd = wasm.memory.buffer.byteLength / 65536;
console.log(JSON.stringify(report));
