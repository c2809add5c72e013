// Run by out-of-memory.test.mjs (and `make fuzz`) in a Node whose wasm memories may not grow past a few dozen
// megabytes (--wasm-max-mem-pages), so that a page's worth of live handles fills the module's memory in a second.
// It fills the memory every way a page can (descents stepped to their full history, networks, their data, grids)
// and prints, as one JSON line, every refusal it met and what the module did next; the test judges them. With
// `--fuzz N` it runs N calls of the boundary fuzzer with memory kept full (`hoard`) and prints the fuzzer's counts;
// with `--reuse N` it fills memory and frees it N times, and asks each time for the largest block a fresh module holds.
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

const reuseAt = process.argv.indexOf('--reuse');
if (reuseAt > 0) {
  console.log(JSON.stringify(await reuse(Number(process.argv[reuseAt + 1]))));
  process.exit(0);
}

/**
 * `--reuse N`: N times, fills memory with many small and medium handles until a call is refused as outOfMemory,
 * frees every other one and asks for a 16 MB grid (served or refused, memory now being merged around live blocks),
 * checks that the handles still alive hold what the same handles in a fresh module hold, frees them all, then makes
 * the largest grid a fresh module holds (4,000,000 numbers: a 32 MB block, the largest power of two that 64 MB
 * holds) and trains a network; each must succeed and equal, bit for bit, what a fresh module computes.
 */
async function reuse(cycles) {
  const { api, wasm } = await loadPackage('pkg');
  const fresh = await loadPackage('pkg', 'fresh');
  const reference = { grid: largestGrid(fresh.api), losses: lossSequence(fresh.api) };
  const out = { cycles: [], traps: [], before: sameAs(reference, largestGrid(api), lossSequence(api)) };
  const kindOf = (e) => e.kind ?? `${e?.constructor?.name} ${e?.message}`;
  for (let c = 0; c < cycles; c++) {
    const { held, refusal } = fill(api, out.traps);
    for (const [i, { handle }] of held.entries()) if (i % 2) handle.free();
    let halfGrid = 'accepted';
    try {
      largestGrid(api, 400);
    } catch (e) {
      halfGrid = kindOf(e);
    }
    const kept = held.filter((entry, i) => i % 2 === 0 && !entry.partial);
    const changed = kept.filter(({ handle, spec }) => {
      const twin = make(fresh.api, spec);
      const same = bits(fingerprint(handle)).equals(bits(fingerprint(twin)));
      twin.free();
      return !same;
    }).length;
    for (const [i, { handle }] of held.entries()) if (i % 2 === 0) handle.free();
    let grid = null;
    try {
      grid = largestGrid(api);
    } catch (e) {
      grid = { kind: kindOf(e) };
    }
    out.cycles.push({
      handles: held.length,
      refusal,
      halfGrid,
      kept: kept.length,
      changed,
      pages: wasm.memory.buffer.byteLength / 65536,
      ...(grid instanceof Float64Array ? sameAs(reference, grid, lossSequence(api)) : { grid }),
    });
  }
  out.alive = String(api.train(ARTICLE, 1)[0].wNext) === '0.59';
  return out;
}

/** A network's outputs and hidden outputs over a 1000 × `ny` grid: 5 numbers a point, 4,000,000 for 800 rows. */
function largestGrid(api, ny = 800) {
  const net = new api.Network({ layers: [2, 4, 1], seed: 11 });
  try {
    return net.predictNeuronGrid(-1, 1, -1, 1, 1000, ny);
  } finally {
    net.free();
  }
}

/** The training loss after each of 40 steps of a seeded network on the spiral, and its final weights. */
function lossSequence(api) {
  const net = new api.Network({ layers: [2, 8, 8, 1], seed: 5, lr: 0.1, batchSize: 10 });
  net.useDataset({ dataset: 'spiral', points: 400, noise: 0.1, seed: 2 });
  const losses = [];
  for (let i = 0; i < 40; i++) {
    net.trainSteps(1);
    losses.push(net.trainLoss());
  }
  const weights = [...net.weights()];
  net.free();
  return [...losses, ...weights];
}

/** The bytes of a list of numbers. */
function bits(a) {
  return Buffer.from(new Float64Array(a).buffer);
}

/** Whether a grid and a loss sequence are bit for bit the reference's. */
function sameAs(reference, grid, losses) {
  return { gridSame: bits(grid).equals(bits(reference.grid)), lossesSame: bits(losses).equals(bits(reference.losses)) };
}

/**
 * A handle from its spec: a descent trained `descent` steps, or a network of `layers` with `points` trained 3 steps
 * (and a small grid asked of it, `grid` points a side). `keep` gets the handle as soon as it exists.
 */
function make(api, spec, keep = () => {}) {
  const h = spec.descent ? new api.Descent(ARTICLE) : new api.Network({ layers: spec.layers });
  keep(h);
  if (spec.descent) h.train(spec.descent);
  if (spec.points) {
    h.useDataset({ dataset: 'spiral', points: spec.points });
    h.trainSteps(3);
    h.predictGrid(-1, 1, -1, 1, spec.grid, spec.grid);
  }
  return h;
}

/** What a handle holds: a descent's trail, a network's weights, biases and training loss. */
function fingerprint(h) {
  return h.trail ? h.trail() : [...h.weights(), ...h.biases(), h.trainLoss()];
}

/**
 * Keeps making handles of many sizes (descents with histories of 1,000 to 9,000 steps, four small networks,
 * networks of 3 to 15 hidden neurons with 50 to 1,500 points, a small grid each in between) until a call is refused
 * as outOfMemory; returns them with their specs (`partial` for the one the refusal left half made) and the refusal.
 * The freed history buffers and grids leave blocks of every class between the live ones.
 */
function fill(api, traps) {
  const held = [];
  for (let k = 0; k < 100_000; k++) {
    const specs = [{ descent: 1000 * (1 + (k % 9)) }, ...[1, 2, 3, 4].map((h) => ({ layers: [2, h, 1] })),
      { layers: [2, 3 + (k % 13), 1], points: 50 + ((k * 97) % 1500), grid: 10 + (k % 50) }];
    for (const spec of specs) {
      const entry = { spec, partial: true };
      try {
        // kept as soon as it exists, to be freed whatever comes next
        make(api, spec, (handle) => held.push(Object.assign(entry, { handle })));
        entry.partial = false;
      } catch (e) {
        if (e.kind !== 'outOfMemory') traps.push(`${e?.constructor?.name} ${e?.message}`);
        return { held, refusal: e.kind ?? null };
      }
    }
  }
  return { held, refusal: null };
}

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
