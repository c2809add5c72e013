// The playground's 100 × 100 heatmap grid, computed off the page's main thread while training plays: a module worker
// with its own copy of the core. The page sends the network's settings (once per network), its weights and biases
// and a buffer to fill; the worker sets a network of those settings to those parameters, fills the buffer with the
// core's predictGridInto (the same module, so the same bits as on the main thread) and hands the buffer back.
//
// Message in:  { id, generation, config, weights, biases, domain: [lo, hi], side, out: Float64Array(side²) }
// Message out: { id, generation, grid } (grid is `out`, filled), or { id, generation, error } if the core refused.
import { loadNetworkCore } from './core-network.js';

let network = null;
let generation = -1;

self.addEventListener('message', async ({ data }) => {
  const { id, config, weights, biases, domain: [lo, hi], side, out } = data;
  try {
    const core = await loadNetworkCore();
    if (data.generation !== generation) {
      network?.free();
      network = new core.Network(config);
      generation = data.generation;
    }
    network.setParameters(weights, biases);
    network.predictGridInto(out, lo, hi, lo, hi, side, side);
    self.postMessage({ id, generation, grid: out }, [out.buffer]);
  } catch (e) {
    self.postMessage({ id, generation: data.generation, error: String(e?.message ?? e) });
  }
});
