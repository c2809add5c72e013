// The boundary fuzzer: seeded hostile calls to every export of a built package, as an attacker or a careless caller
// would make them. Used by tests/node/boundary.test.mjs (100,000 calls in `make test`) and scripts/fuzz.mjs
// (10⁶ calls and the soak in `make fuzz`).
//
// Each stateful handle has a twin that replays only the calls the first accepted, with the same arguments;
// after every refused call the two must agree bit for bit (a refusal changes nothing). Every refusal must be an
// Error with a `kind`; a wasm trap (WebAssembly.RuntimeError) or any other throw is counted and fails the run.
// The wasm memory size and the stack probe are read before and after. Among the hostile classes: a call made from
// inside a call on the same handle must be refused as "busy", a free() from there must free the handle when the
// call returns, and a string of millions of characters must be refused without being copied into the module.
// With `hoard`, the run also keeps descents and networks alive until memory is full (for a Node whose wasm memory
// is capped): every call then either succeeds or is refused as "outOfMemory".
import { readFileSync } from 'node:fs';

/** Loads one package (its own module instance) and returns its exports and the wasm instance's exports. */
export async function loadPackage(dir, instance = '') {
  const base = new URL(`../../www/${dir}/`, import.meta.url);
  const api = await import(new URL(`backprop_lab.js?${dir}${instance}`, base));
  const wasm = api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', base)) });
  return { api, wasm, name: dir };
}

/** mulberry32: the same stream on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every kind a refusal may have. */
export const KINDS = ['invalid', 'diverged', 'tooMuchWork', 'freed', 'busy', 'outOfMemory'];
const ARTICLE = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
const NETWORK = { layers: [2, 3, 1], lr: 0.1, batchSize: 5, seed: 3 };

/** The hostile classes, each a way to wrap or replace a plain value. */
export const CLASSES = [
  'lyingLength', 'valueOfFrees', 'throwingGetter', 'throwingProxy', 'revokedProxy', 'freedHandle',
  'wrongArrayKind', 'hugeSparseArray', 'notANumber', 'reentrant', 'freesCallee', 'longString', 'strangeKey', 'oddNumber',
];

/** A string of a million characters: refused by its length, it must never be copied into the module. */
const LONG = 'y'.repeat(1_000_000);

function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const throwing = () => {
  throw new Error('hostile');
};
const NOT_NUMBERS = ['3', '', 'x'.repeat(10_000), null, undefined, true, false, [], [3], [1, 2, 3], {}, { valueOf: () => 3 },
  3n, Symbol('s'), () => 3, new Number(3), new Date(0), new Float64Array([NaN, 1, 2])];
const NUMBERS = [0, -0, 1, 2, 3, 0.5, 1e-320, 5e-324, 1e-300, 1e9, 1e300, NaN, Infinity, -Infinity, 2 ** 53, -1, 7];

export function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

/**
 * A hostile stand-in for `plain` (a number, an object or an array) of class `cls`. `victim()` returns a handle
 * that a hostile value may free; `makeHandle()` makes a new one (to free and to allocate in the middle of a call).
 */
function hostile(rnd, cls, plain, ctx) {
  switch (cls) {
    case 'lyingLength': {
      const a = new Float64Array(Array.isArray(plain) ? plain : [1, 2, 3, 4, 5, 6, 7, 8, 9]);
      Object.defineProperty(a, 'length', { value: rnd() < 0.5 ? 1 : 1e6 });
      if (rnd() < 0.5) return a;
      // An array proxy whose length is not its elements' count (one lie per proxy, so its twin sees the same).
      const arr = Array.isArray(plain) ? plain : [1, 2];
      const lie = rnd() < 0.5 ? 2 : 1e9;
      return new Proxy(arr, { get: (t, k) => (k === 'length' ? lie : t[k]) });
    }
    case 'valueOfFrees':
      return { valueOf() { ctx.freeVictim(); ctx.makeHandle()?.free(); return typeof plain === 'number' ? plain : 1; } };
    case 'throwingGetter': {
      if (plain && typeof plain === 'object' && !Array.isArray(plain)) {
        const o = { ...plain };
        const key = pick(rnd, Object.keys(o));
        Object.defineProperty(o, key, { get: throwing, enumerable: true });
        return o;
      }
      const a = Array.isArray(plain) ? [...plain] : [1, 2, 3];
      Object.defineProperty(a, Math.floor(rnd() * a.length), { get: throwing });
      return a;
    }
    case 'throwingProxy': {
      const trap = pick(rnd, ['get', 'ownKeys', 'getPrototypeOf', 'has', 'getOwnPropertyDescriptor']);
      return new Proxy(Array.isArray(plain) ? [...plain] : { ...(typeof plain === 'object' ? plain : {}) },
        { [trap]: throwing });
    }
    case 'revokedProxy':
      return revoked();
    case 'freedHandle': {
      const h = ctx.makeHandle();
      h?.free();
      return h;
    }
    case 'wrongArrayKind': {
      const values = Array.isArray(plain) ? plain : [1, 2, 3];
      return pick(rnd, [() => new Int32Array(values), () => new Float32Array(values), () => new DataView(new ArrayBuffer(8)),
        () => ({ length: values.length, 0: 1 }), () => new Uint8Array(8), () => new BigInt64Array(2),
        () => 'a string', () => null, () => undefined])();
    }
    case 'hugeSparseArray': {
      const a = [];
      a.length = pick(rnd, [1e8, 2 ** 32 - 1, 1e5]); // (3e7 would make V8 fill a 240 MB backing store)
      return a;
    }
    case 'notANumber':
      return pick(rnd, NOT_NUMBERS);
    case 'reentrant':
      return new Proxy(copyOf(plain), { get(t, k) { ctx.reenter(); return t[k]; } });
    case 'freesCallee':
      return new Proxy(copyOf(plain), { get(t, k) { ctx.freeCallee(); return t[k]; } });
    case 'longString': {
      if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return LONG;
      const o = { ...plain };
      if (rnd() < 0.5) o[LONG] = 1;
      else o[pick(rnd, Object.keys(o))] = LONG;
      return o;
    }
    case 'oddNumber': {
      // a number at the edges (−0, subnormal, 2⁵³, ±Infinity, NaN), in place of a number or of one field's
      if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return pick(rnd, NUMBERS);
      return { ...plain, [pick(rnd, Object.keys(plain))]: pick(rnd, NUMBERS) };
    }
    case 'strangeKey':
      // an own property named like the prototype's, or one no call accepts
      return plain && typeof plain === 'object' && !Array.isArray(plain)
        ? { ...plain, [pick(rnd, ['__proto__', 'constructor', 'rate', 'toString', ''])]: 1 } : pick(rnd, NOT_NUMBERS);
    default:
      throw new Error(cls);
  }
}

/** A copy of an object or array to wrap in a proxy ({} for anything else). */
function copyOf(plain) {
  if (Array.isArray(plain)) return [...plain];
  return plain && typeof plain === 'object' ? { ...plain } : {};
}

/**
 * A network that diverges (unnormalised inputs, identity output): trained at `lr`, it either trains or stops as
 * diverged with its step, epoch, loss and bound as numbers, after which a lower rate must train on.
 */
function diverge(api, lr) {
  const net = new api.Network({ layers: [1, 1], activation: 'identity', outputActivation: 'identity', loss: 'squared', lr, batchSize: 10 });
  try {
    const rows = [];
    for (let k = 0; k < 20; k++) rows.push(100 + k, 30 * (100 + k));
    net.setData(rows, []);
    try {
      net.trainSteps(100);
    } catch (e) {
      if (e?.kind !== 'diverged' || ![e.step, e.epoch, e.loss, e.bound].every((v) => typeof v === 'number') || !(e.loss > e.bound)) {
        throw new Error(`divergence without its fields: ${e?.kind} ${e?.message}`);
      }
      net.setLearningRate(1e-5);
      net.trainSteps(10);
      throw e;
    }
  } finally {
    net.free();
  }
}

/** Bit-exact comparison of two Float64Arrays. */
function sameBits(a, b) {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

const bits = (v) => new Float64Array([v]);

/**
 * Runs `calls` seeded calls on one package. Returns the counts: calls, accepted, refusals by kind, refusals by
 * hostile class, traps, other throws, twin mismatches, and memory and stack before and after.
 */
export function fuzz(pkg, { calls, seed = 1, warmUp = 40_000, hoard = false }) {
  const { api, wasm } = pkg;
  const rnd = random(seed);
  const full = typeof api.Network === 'function';
  const stats = {
    package: pkg.name, calls: 0, accepted: 0, refused: {}, byClass: {}, traps: 0, foreign: [], mismatches: [],
    memoryBefore: 0, memoryAfter: 0, stackBefore: 0, stackAfter: 0, busy: 0, deferredFrees: 0, hoarded: 0,
  };
  const memory = () => wasm.memory.buffer.byteLength;
  const state = { descent: null, twinDescent: null, net: null, twinNet: null, victim: null };
  /** The handles `hoard` keeps alive (freed to make room for fresh twins). */
  const kept = [];
  const fresh = () => {
    if (hoard) for (const h of kept.splice(0)) h.free();
    state.descent?.free(); state.twinDescent?.free();
    state.descent = new api.Descent(ARTICLE);
    state.twinDescent = new api.Descent(ARTICLE);
    if (full) {
      state.net?.free(); state.twinNet?.free();
      state.net = new api.Network(NETWORK);
      state.twinNet = new api.Network(NETWORK);
      for (const n of [state.net, state.twinNet]) n.useDataset({ dataset: 'xor', points: 40, seed: 9 });
    }
  };
  fresh();
  const timing = {};
  const history = [];
  stats.timing = timing;
  const ctx = {
    freeVictim() { state.victim?.free(); },
    newVictim() { state.victim = ctx.makeHandle(); },
    makeHandle() { return rnd() < 0.5 || !full ? new api.Descent(ARTICLE) : new api.Network(NETWORK); },
    /** The handle whose call is in progress (null for a free function or a constructor). */
    callee: null,
    /** From inside a call: a call on the handle being called must be refused as busy; another handle trains. */
    reenter() {
      const h = ctx.callee;
      if (h && h.__wbg_ptr !== 0) {
        try {
          void h.steps;
          stats.foreign.push(`a call from inside a call on the same ${h.constructor.name} was accepted`);
        } catch (e) {
          if (e?.kind === 'busy') stats.busy++;
          else stats.foreign.push(`a call from inside a call on the same handle: ${e?.constructor?.name} ${e?.kind} ${e?.message}`);
        }
      }
      try {
        if (state.victim instanceof api.Descent) state.victim.train(1);
        else state.victim?.trainSteps(1);
      } catch { /* the victim's own refusals (freed, too many steps) are not this class's concern */ }
    },
    /** From inside a call: frees the handle being called (which must happen when the call returns). */
    freeCallee() {
      ctx.callee?.free();
    },
  };

  /** The operations: each gives the plain arguments, the call on a handle, and which argument may be hostile. */
  const ops = [
    { name: 'step', args: () => [{ ...ARTICLE, lr: pick(rnd, [0.1, 0.3, 0.5, 2]) }], run: (a) => api.step(...a) },
    { name: 'train', args: () => [{ ...ARTICLE, x: pick(rnd, [1.5, 0, 1e-300, 5e-324, 1000]), lr: pick(rnd, [0.1, 100]) }, pick(rnd, [3, 100, 0])], run: (a) => api.train(...a) },
    { name: 'analyze', args: () => [{ ...ARTICLE, lr: pick(rnd, [0.1, 0.5, 100]) }, pick(rnd, [undefined, 1e-3])], run: (a) => api.analyze(...a) },
    { name: 'stepsToDigits', args: () => [ARTICLE, pick(rnd, [3, 6])], run: (a) => api.stepsToDigits(...a) },
    { name: 'limits', args: () => [], run: () => api.limits() },
    { name: 'newDescent', args: () => [{ ...ARTICLE, w: pick(rnd, [0.8, -3]) }], run: (a) => new api.Descent(...a).free() },
    { name: 'Descent.train', handle: 'descent', args: () => [pick(rnd, [1, 2, 5])], run: (a, d) => d.train(...a) },
    { name: 'Descent.step', handle: 'descent', args: () => [], run: (a, d) => d.step() },
    { name: 'Descent.analyze', handle: 'descent', args: () => [pick(rnd, [undefined, 1e-4])], run: (a, d) => d.analyze(...a) },
    { name: 'Descent.read', handle: 'descent', args: () => [], run: (a, d) => [d.w, d.steps, d.loss, d.trail(), d.losses()] },
  ];
  if (full) {
    ops.push(
      { name: 'newNetwork', args: () => [{ ...NETWORK, layers: pick(rnd, [[2, 3, 1], [1, 1], [2, 64, 64, 64, 64, 1]]) }], run: (a) => new api.Network(...a).free() },
      { name: 'bigNetwork', args: () => [pick(rnd, [1e5, 1e6, 2])], run: (a) => {
        const big = new api.Network({ layers: [2, 64, 64, 64, 1] });
        try {
          big.useDataset({ dataset: 'circle', points: 100 });
          big.trainSteps(...a);
        } finally { big.free(); }
      } },
      { name: 'Network.trainSteps', handle: 'net', args: () => [pick(rnd, [1, 3, 20])], run: (a, n) => n.trainSteps(...a) },
      { name: 'Network.trainEpochs', handle: 'net', args: () => [pick(rnd, [1, 2])], run: (a, n) => n.trainEpochs(...a) },
      { name: 'Network.setLearningRate', handle: 'net', args: () => [pick(rnd, [0.1, 0.03, 5, 10])], run: (a, n) => n.setLearningRate(...a) },
      { name: 'Network.setParameters', handle: 'net', args: () => [Array.from({ length: 9 }, () => rnd() - 0.5), [0.1, -0.1, 0.2, 0]], run: (a, n) => n.setParameters(...a) },
      { name: 'Network.setData', handle: 'net', args: () => [Array.from({ length: 30 }, () => rnd() * 2 - 1), [0.5, 0.5, 1]], run: (a, n) => n.setData(...a) },
      { name: 'Network.useDataset', handle: 'net', args: () => [{ dataset: pick(rnd, ['xor', 'circle', 'spiral']), points: 40, seed: 2 }], run: (a, n) => n.useDataset(...a) },
      { name: 'Network.predict', handle: 'net', args: () => [[0.1, 0.2, -0.3, 0.4]], run: (a, n) => n.predict(...a) },
      { name: 'Network.predictGrid', handle: 'net', args: () => [-1, 1, -1, 1, 4, 3], run: (a, n) => n.predictGrid(...a) },
      { name: 'Network.predictGridInto', handle: 'net', args: () => [new Float64Array(12), -1, 1, -1, 1, 4, 3], run: (a, n) => n.predictGridInto(...a) },
      { name: 'Network.predictNeuronGrid', handle: 'net', args: () => [-1, 1, -1, 1, 2, 2], run: (a, n) => n.predictNeuronGrid(...a) },
      { name: 'Network.trace', handle: 'net', args: () => [pick(rnd, [0, 3])], run: (a, n) => n.trace(...a) },
      { name: 'Network.read', handle: 'net', args: () => [], run: (a, n) => [n.weights(), n.biases(), n.gradients(), n.trainLoss(), n.steps, n.config, n.metrics()] },
      { name: 'divergingNetwork', args: () => [pick(rnd, [10, 1, 0.1])], run: (a) => diverge(api, ...a) },
    );
  }
  if (hoard) {
    // Handles kept alive until memory is full, and released now and then: every call then succeeds or is refused
    // as outOfMemory (the other ops go on between them; the twins are not compared, as either may run out first).
    ops.push(
      { name: 'hoardDescent', args: () => [], run: () => {
        const d = new api.Descent(ARTICLE);
        kept.push(d);
        for (let i = 0; i < 3; i++) d.train(10_000);
        stats.hoarded++;
      } },
      { name: 'hoardNetwork', args: () => [], run: () => {
        const n = new api.Network({ layers: [2, 64, 64, 64, 64, 1] });
        kept.push(n);
        n.useDataset({ dataset: 'spiral', points: 5000 });
        stats.hoarded++;
      } },
      { name: 'hoardGrid', args: () => [], run: () => state.net.predictGrid(-1, 1, -1, 1, 1000, 1000) },
      { name: 'release', args: () => [], run: () => {
        // now and then, a quarter of what is kept (so that memory stays full most of the time)
        if (rnd() < 0.2) for (const h of kept.splice(0, Math.ceil(kept.length / 4))) h.free();
      } },
    );
  }

  if (process.env.FUZZ_SKIP) for (const name of process.env.FUZZ_SKIP.split(',')) ops.splice(ops.findIndex((o) => o.name === name), 1);
  /** Whether the call's own handle (or its twin) was freed during the call. */
  const calleeFreed = (op) => op.handle && (state[op.handle].__wbg_ptr === 0
    || (op.handle === 'descent' ? state.twinDescent : state.twinNet).__wbg_ptr === 0);
  const agree = () => {
    const d = state.descent; const t = state.twinDescent;
    if (!sameBits(bits(d.w), bits(t.w)) || d.steps !== t.steps) return 'descent';
    if (full) {
      const n = state.net; const u = state.twinNet;
      if (!sameBits(n.weights(), u.weights()) || !sameBits(n.biases(), u.biases()) || n.steps !== u.steps
        || n.epochs !== u.epochs || !sameBits(bits(n.trainLoss()), bits(u.trainLoss()))) return 'network';
    }
    return null;
  };

  const one = (measure) => {
    if (!state.victim || rnd() < 0.01) { state.victim?.free(); ctx.newVictim(); }
    const op = pick(rnd, ops);
    const plain = op.args();
    const args = [...plain];
    let cls = null;
    if (rnd() < 0.6) {
      cls = pick(rnd, CLASSES);
      if (cls === 'freedHandle' && op.handle) {
        // The handle itself freed: every method must throw kind "freed", and cost nothing.
        const h = op.handle === 'descent' ? new api.Descent(ARTICLE) : new api.Network(NETWORK);
        h.free();
        return call(op, plain, args, cls, h, measure);
      }
      if (args.length > 0) {
        const k = Math.floor(rnd() * args.length);
        args[k] = hostile(rnd, cls, args[k], ctx);
      } else {
        cls = null;
      }
    }
    return call(op, plain, args, cls, op.handle ? state[op.handle] : null, measure);
  };

  const call = (op, plain, args, cls, handle, measure) => {
    if (measure) stats.calls++;
    const t0 = performance.now();
    const memoryBefore = memory();
    ctx.callee = handle;
    try {
      op.run(args, handle);
      if (measure) stats.accepted++;
      if (op.handle && handle === state[op.handle] && !hoard) {
        const twin = op.handle === 'descent' ? state.twinDescent : state.twinNet;
        ctx.callee = twin;
        try {
          op.run(args, twin);
        } catch (e) {
          if (!(hoard && e?.kind === 'outOfMemory')) {
            stats.mismatches.push(`${op.name} (${cls}): accepted, but its twin refused the same call: ${e.message}`);
          }
        }
      }
      history.push(`${op.name}(${cls}) accepted`);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        stats.traps++;
        throw new Error(`${op.name} trapped (${cls}): ${e.message}`);
      }
      if (!(e instanceof Error) || !KINDS.includes(e.kind) || typeof e.message !== 'string') {
        stats.foreign.push(`${op.name} (${cls}): ${e?.constructor?.name} ${String(e?.message ?? e).slice(0, 200)}`);
        return;
      }
      if (measure) {
        stats.refused[e.kind] = (stats.refused[e.kind] ?? 0) + 1;
        if (cls) stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
      }
      if (cls === 'freedHandle' && op.handle && e.kind !== 'freed') stats.foreign.push(`${op.name}: a freed handle gave ${e.kind}`);
      if (e.kind === 'outOfMemory' && !hoard) stats.foreign.push(`${op.name} (${cls}): out of memory without a cap`);
      history.push(`${op.name}(${cls}) refused ${e.kind}`);
      const which = calleeFreed(op) || hoard ? null : agree();
      if (which) {
        stats.mismatches.push(`${op.name} (${cls}, ${e.kind}): the ${which} and its twin differ after a refusal; before: ${history.slice(-6).join(', ')}`);
        fresh();
      }
    }
    ctx.callee = null;
    // (on a handle's method, which allocates nothing of that size itself)
    if (cls === 'longString' && op.handle && !hoard && memory() - memoryBefore >= LONG.length) {
      stats.foreign.push(`${op.name}: the module's memory grew by ${memory() - memoryBefore} bytes: a long string was copied`);
    }
    // A free() from inside the call happened when the call returned: the handle reads as freed (and the twins
    // start again); it was never left reading as freed while its value leaked (the memory check sees a leak).
    if (calleeFreed(op)) {
      try {
        void state[op.handle].steps;
        stats.foreign.push(`${op.name}: freed during its call, yet it still answers`);
      } catch (e) {
        if (e?.kind !== 'freed') stats.foreign.push(`${op.name}: freed during its call, then ${e?.kind} ${e?.message}`);
      }
      stats.deferredFrees++;
      fresh();
    }
    if (measure) timing[op.name] = (timing[op.name] ?? 0) + performance.now() - t0;
    if (state.descent.steps > 300) { state.descent.reset(); state.twinDescent.reset(); }
    if (full && state.net.steps > 2000) { state.net.reset(); state.twinNet.reset(); }
  };

  // Warm up (the allocator reaches its high-water mark for these sizes), then measure.
  for (let k = 0; k < warmUp; k++) one(false);
  fresh();
  stats.memoryBefore = wasm.memory.buffer.byteLength;
  stats.stackBefore = api.__stackProbe();
  for (let k = 0; k < calls; k++) one(true);
  fresh();
  stats.stackAfter = api.__stackProbe();
  stats.memoryAfter = wasm.memory.buffer.byteLength;
  // Every export still works.
  stats.alive = String(api.train(ARTICLE, 1)[0].wNext) === '0.59';
  stats.mismatchCount = stats.mismatches.length;
  stats.mismatches = stats.mismatches.slice(0, 20);
  stats.foreignCount = stats.foreign.length;
  stats.foreign = stats.foreign.slice(0, 20);
  return stats;
}
