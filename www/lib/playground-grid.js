// The playground heatmap's grids, and when each is computed where. While training plays, each frame hands the worker
// (playground-grid-worker.js) the network's current parameters (when it is not busy) and draws the newest grid it has
// returned, so the 100 × 100 forward passes run beside the main thread's training and drawing instead of inside its
// frame: the output's grid, or the map of the neuron a reader hovers. A grid is at most a frame or two behind the
// diagram; it is labelled with the epoch it shows. Paused, the grid is computed on the main thread, exact.
//
// The worker is a module worker. From the page's own origin it starts from its URL; from a script on another origin
// (a CDN), where browsers refuse a worker's URL, it starts from a same-origin blob: URL whose one line imports the
// worker module (which then needs CORS, as the module scripts do). Under a Content Security Policy that blob needs
// `worker-src blob:` (or `script-src … blob:` where worker-src is not set). Where neither can start (an old browser,
// a policy that forbids it), createGridWorker returns null, or `failed` turns true, the console says so once
// (console.info), and the figure computes the grid itself, exact, in its own frame.

/**
 * Fills `out` with the grid over [lo, hi]² of `neuron`'s output (side² numbers), or of the network's outputs when
 * `neuron` is null (side² × outputs numbers, a point's outputs together): the core's predictGridInto, or the neuron's share of predictNeuronGridInto, which computes every
 * neuron's map at once into `scratch`. Returns the scratch to keep for the next call (a new one when its size had to
 * change). The worker and the figure (paused, or without a worker) both draw through this, so their grids agree.
 */
export function fillGrid(network, neuron, out, scratch, [lo, hi], side) {
  if (neuron === null) {
    network.predictGridInto(out, lo, hi, lo, hi, side, side);
    return scratch;
  }
  const count = side * side;
  const every = network.biases().length * count;
  if (scratch.length !== every) scratch = new Float64Array(every);
  network.predictNeuronGridInto(scratch, lo, hi, lo, hi, side, side);
  out.set(scratch.subarray(neuron * count, (neuron + 1) * count));
  return scratch;
}


/** The heatmap grid's side, and the domain it covers (the playground's plane). */
export const GRID = 100;

/**
 * Which grid the heatmap draws each frame, and where it is computed: a source of grids of side × side over
 * `domain`² for one figure. next() answers the grid to draw of `neuron` (null: the output) for `network` as it
 * stands at (`generation`, `epoch`): while `playing`, the worker's newest (after asking it for this epoch's), or
 * null when it has none newer than the one shown (the same pixels need no repaint); paused, or when what is shown
 * changes, or where no worker runs, one computed here.
 */
export function createGridSource(side = GRID, domain = [-6, 6]) {
  let grid = new Float64Array(side * side);
  let scratch = new Float64Array(0);
  /** The worker (null until the first frame that plays; false where none can run). */
  let worker = null;
  /** The network settings the worker was last sent, by generation (sent once per network). */
  let sent = { generation: -1, config: null };
  /** What the heatmap shows: the output's grid (neuron null) or a neuron's map, of which network and epoch. */
  let shown = { generation: -1, neuron: null, epoch: 0 };

  function offThread(network, generation, epoch, neuron, length) {
    worker ??= createGridWorker() ?? false;
    if (!worker || worker.failed) return null;
    if (sent.generation !== generation) sent = { generation, config: network.config };
    const newest = worker.latest(generation, neuron);
    const { config } = sent;
    const [weights, biases] = [network.weights(), network.biases()];
    worker.request({ generation, epoch, neuron, config, weights, biases, domain, side, length });
    return { newest };
  }

  return {
    /**
     * `outputs`: the network's outputs (the output's grid holds that many numbers per point).
     * @returns {?{ grid: Float64Array, epoch: number }}
     */
    next(network, { generation, epoch, neuron = null, playing = false, outputs = 1 }) {
      const length = side * side * (neuron === null ? outputs : 1);
      if (grid.length !== length) grid = new Float64Array(length);
      const same = shown.generation === generation && shown.neuron === neuron;
      const off = playing ? offThread(network, generation, epoch, neuron, length) : null;
      let drawn = null;
      if (off && same) {
        // Never an older network than the one shown last (a grid the worker started before a drawing made here).
        if (!off.newest || off.newest.epoch <= shown.epoch) return null;
        drawn = { grid: off.newest.grid, epoch: off.newest.epoch };
      }
      if (!drawn) {
        scratch = fillGrid(network, neuron, grid, scratch, domain, side);
        drawn = { grid, epoch };
      }
      shown = { generation, neuron, epoch: drawn.epoch };
      return drawn;
    },
    /** True when the picture shown is not the network at (generation, epoch). */
    behind(generation, epoch) {
      return shown.generation !== generation || shown.epoch !== epoch;
    },
    /** The epoch whose network the output's grid shows (-1 while a neuron's map is shown). */
    get shownEpoch() {
      return shown.neuron === null ? shown.epoch : -1;
    },
    terminate() {
      if (worker) worker.terminate();
      worker = null;
    },
  };
}

/**
 * @returns {?{ request(r: { generation: number, epoch: number, neuron?: ?number, config: object,
 *   weights: Float64Array, biases: Float64Array, domain: [number, number], side: number, length?: number }): void,
 *   latest(generation: number, neuron?: ?number): ?{ grid: Float64Array, epoch: number }, failed: boolean,
 *   terminate(): void }} `neuron` is null (the default) for the output's grid, else the neuron whose map it is;
 *   `length` the grid's numbers (side², by default; side² × outputs for a network of several outputs).
 */
export function createGridWorker() {
  const worker = startWorker();
  if (!worker) return null;
  let failed = false;
  let pending = null; // the request in flight: { id, generation, epoch, neuron }
  let newest = null; // { grid, generation, epoch, neuron }
  const spares = [];
  let ids = 0;
  const fail = () => {
    if (!failed) console.info(FALLBACK);
    failed = true;
    worker.terminate();
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  worker.addEventListener('message', ({ data }) => {
    const sent = pending;
    pending = null;
    if (data.error !== undefined || !sent || data.id !== sent.id) return fail();
    if (newest) spares.push(newest.grid);
    newest = { grid: data.grid, generation: sent.generation, epoch: sent.epoch, neuron: sent.neuron };
  });
  return {
    request({ generation, epoch, neuron = null, config, weights, biases, domain, side, length = side * side }) {
      if (failed || pending) return;
      let out = spares.pop();
      if (!out || out.length !== length) out = new Float64Array(length);
      pending = { id: ++ids, generation, epoch, neuron };
      const message = { id: pending.id, generation, config, weights, biases, neuron, domain, side, out };
      worker.postMessage(message, [out.buffer]);
    },
    latest(generation, neuron = null) {
      return newest && newest.generation === generation && newest.neuron === neuron ? newest : null;
    },
    get failed() {
      return failed;
    },
    terminate() {
      failed = true;
      worker.terminate();
    },
  };
}

const WORKER_FILE = './playground-grid-worker.js';
const FALLBACK = 'backprop-lab: the playground’s grid worker could not start (a Content Security Policy without '
  + '`worker-src blob:`, or a browser without module workers), so its heatmap is computed on the page’s thread.';

/**
 * The worker: from its own URL where the page may (the same origin), else from a same-origin blob: URL that imports
 * it; null, after saying so on the console, where neither starts.
 */
function startWorker() {
  try {
    // Written out whole, as bundlers (Vite, webpack) recognize it and bundle the worker with its imports.
    return new Worker(new URL('./playground-grid-worker.js', import.meta.url), { type: 'module' });
  } catch {
    // Another origin's script (a CDN): a worker's URL must be the page's own origin; a blob: URL made here is.
  }
  let url = null;
  try {
    // The module's address as a string (not the pattern above, which a bundler would take for a second worker).
    const module = JSON.stringify(new URL(WORKER_FILE, import.meta.url).href);
    // Imported dynamically (Chromium refuses a blob worker's static import from another origin), with the messages
    // that arrive meanwhile kept and handed to the module once it listens; a module that cannot load says so.
    const source = `const early = []; const keep = (e) => early.push(e.data); addEventListener('message', keep);
import(${module}).then(() => { removeEventListener('message', keep);
  for (const data of early) dispatchEvent(new MessageEvent('message', { data })); },
(e) => postMessage({ id: -1, error: String(e) }));`;
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    return new Worker(url, { type: 'module' });
  } catch {
    console.info(FALLBACK);
    return null;
  } finally {
    // The worker fetches its blob soon after it is constructed; the blob is let go a minute later.
    if (url) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
