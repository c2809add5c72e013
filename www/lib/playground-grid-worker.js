// The playground's 100 × 100 heatmap grid, computed off the page's main thread while training plays: a module worker
// with its own copy of the core. The page sends the network's settings (once per network), its weights and biases,
// which grid it wants (the output's, or one neuron's map) and a buffer to fill; the worker sets a network of those
// settings to those parameters, fills the buffer through playground-grid.js's fillGrid (the same module and the
// same function as on the main thread, so the same bits), and hands the buffer back.
//
// Message in:  { id, generation, config, weights, biases, neuron (null: the output), domain: [lo, hi], side,
//                out: Float64Array(side²) }
// Message out: { id, generation, grid } (grid is `out`, filled), or { id, generation, error } if the core refused.
import { loadNetworkCore } from './core-network.js';
import { fillGrid } from './playground-grid.js';

let network = null;
let generation = -1;
/** Every neuron's grid, neuron by neuron (the core computes them together); kept between messages. */
let neuronGrids = new Float64Array(0);

self.addEventListener('message', async ({ data }) => {
  const { id, config, weights, biases, neuron = null, domain, side, out } = data;
  try {
    const core = await loadNetworkCore();
    if (data.generation !== generation) {
      network?.free();
      network = new core.Network(config);
      generation = data.generation;
    }
    network.setParameters(weights, biases);
    neuronGrids = fillGrid(network, neuron, out, neuronGrids, domain, side);
    self.postMessage({ id, generation, grid: out }, [out.buffer]);
  } catch (e) {
    self.postMessage({ id, generation: data.generation, error: String(e?.message ?? e) });
  }
});
