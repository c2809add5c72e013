// The workloads of WORKLOADS.md through the wasm package, in any JavaScript engine: `runWasmBench` is one
// self-contained function, so that scripts/bench.mjs can run the very same code in Node and, through playwright,
// in headless Chromium. W1 and W2 ms/epoch (1 warm-up + 5 runs of 1000 epochs from the same initial parameters),
// the W3 100 × 100 grid after W2's training (10 warm-up + 30 timed grids), output only and every neuron's output,
// and the article's step (`train` of 10,000 steps, 1 warm-up + 5 runs). Medians with min and max.
//
//   node scripts/bench-wasm.mjs [scalar]     (after `make build`: this engine alone; `make bench` runs all)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs the workloads. `glue`: URL of backprop_lab.js; `wasm`: the module's URL (browser) or bytes (Node);
 * `workloads`: { W1, W2 } as parsed from tests/data. Returns { W1, W2, W3out, W3all, article, W2loss } with
 * [median, min, max] in ms.
 */
export async function runWasmBench({ glue, wasm, workloads }) {
  const api = await import(glue);
  await api.default({ module_or_path: wasm });
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(s.length / 2)], s[0], s[s.length - 1]];
  };
  const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
  const result = {};
  for (const name of ['W1', 'W2']) {
    const w = workloads[name];
    const net = new api.Network({
      layers: w.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', optimizer: 'sgd',
      lr: 0.03, batchSize: 10, shuffle: false, seed: 42,
    });
    net.setData(rows(w.train), rows(w.test));
    const times = [];
    for (let run = 0; run < 6; run++) {
      net.setParameters(Float64Array.from(w.initialWeights), Float64Array.from(w.initialBiases));
      const t0 = performance.now();
      net.trainEpochs(1000);
      if (run > 0) times.push((performance.now() - t0) / 1000);
    }
    result[name] = stats(times);
    if (name === 'W2') {
      result.W2loss = net.trainLoss();
      for (const [key, into, make] of [
        ['W3out', 'predictGridInto', 'predictGrid'],
        ['W3all', 'predictNeuronGridInto', 'predictNeuronGrid'],
      ]) {
        const out = new Float64Array(net[make](-6, 6, -6, 6, 100, 100).length);
        const grid = [];
        for (let i = 0; i < 40; i++) {
          const t0 = performance.now();
          net[into](out, -6, 6, -6, 6, 100, 100);
          if (i >= 10) grid.push(performance.now() - t0);
        }
        result[key] = stats(grid);
      }
    }
    net.free();
  }
  const steps = [];
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    api.train({ x: 1.5, y: 0.5, w: 0.8, lr: 0.1 }, 10000);
    if (run > 0) steps.push((performance.now() - t0) / 10000);
  }
  result.article = stats(steps);
  return result;
}

/** The workload files as objects. */
export function readWorkloads() {
  const read = (name) => JSON.parse(readFileSync(new URL(`../tests/data/${name}.json`, import.meta.url), 'utf8'));
  return { W1: read('W1'), W2: read('W2') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] === 'scalar' ? 'backprop_lab_scalar_bg.wasm' : 'backprop_lab_bg.wasm';
  const pkg = new URL('../www/pkg/', import.meta.url);
  const r = await runWasmBench({
    glue: new URL('backprop_lab.js', pkg).href, wasm: readFileSync(new URL(file, pkg)), workloads: readWorkloads(),
  });
  const show = ([m, lo, hi]) => `${m.toFixed(4)} [${lo.toFixed(4)}-${hi.toFixed(4)}]`;
  console.log(`wasm (${file}) in Node ${process.version}`);
  for (const [k, label] of [['W1', 'W1 ms/epoch'], ['W2', 'W2 ms/epoch'], ['W3out', 'W3 ms/grid, output only'],
    ['W3all', 'W3 ms/grid, every neuron'], ['article', 'article ms/step']]) console.log(`${label}: ${show(r[k])}`);
  console.log(`W2 training loss after 1000 epochs: ${r.W2loss}`);
}
