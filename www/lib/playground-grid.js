// The page's side of playground-grid-worker.js: while training plays, each frame hands the worker the network's
// current parameters (when it is not busy) and draws the newest grid it has returned, so the 100 × 100 forward passes
// run beside the main thread's training and drawing instead of inside its frame: the output's grid, or the map of
// the neuron a reader hovers. A grid is at most a frame or two behind the diagram; it is labelled with the epoch it
// shows. Where a module worker cannot start (an old browser,
// a script served from another origin, a policy that forbids it), createGridWorker returns null, or `failed` turns
// true, and the figure computes the grid itself as before.

/**
 * Fills `out` (side² numbers) with the grid over [lo, hi]² of `neuron`'s output, or of the network's output when
 * `neuron` is null: the core's predictGridInto, or the neuron's share of predictNeuronGridInto, which computes every
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

/**
 * @returns {?{ request(r: { generation: number, epoch: number, neuron?: ?number, config: object,
 *   weights: Float64Array, biases: Float64Array, domain: [number, number], side: number }): void,
 *   latest(generation: number, neuron?: ?number): ?{ grid: Float64Array, epoch: number }, failed: boolean,
 *   terminate(): void }} `neuron` is null (the default) for the output's grid, else the neuron whose map it is.
 */
export function createGridWorker() {
  let worker;
  try {
    // Written out whole, as bundlers (Vite, webpack) recognize it and bundle the worker with its imports.
    worker = new Worker(new URL('./playground-grid-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let failed = false;
  let pending = null; // the request in flight: { id, generation, epoch, neuron }
  let newest = null; // { grid, generation, epoch, neuron }
  const spares = [];
  let ids = 0;
  const fail = () => {
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
    request({ generation, epoch, neuron = null, config, weights, biases, domain, side }) {
      if (failed || pending) return;
      let out = spares.pop();
      if (!out || out.length !== side * side) out = new Float64Array(side * side);
      pending = { id: ++ids, generation, epoch, neuron };
      worker.postMessage({ id: pending.id, generation, config, weights, biases, neuron, domain, side, out }, [out.buffer]);
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
