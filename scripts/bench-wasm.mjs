// WORKLOADS.md W1-W3 through the wasm package, in Node's V8 (the engine of Chromium): W1 and W2 ms/epoch
// (1 warm-up + 5 runs of 1000 epochs from the same initial parameters, medians with min-max), and the W3 100 × 100
// heatmap after W2's training (10 warm-up + 30 timed grids), forward only and with every neuron's output.
// Compare with `cargo run --release --example bench_network` (the same code natively), run right before it.
//
//   node scripts/bench-wasm.mjs        (after `make build`; `make bench` runs both)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const pkg = new URL('../www/pkg/', import.meta.url);
const api = await import(new URL('backprop_lab.js', pkg));
api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });

const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs) => `${median(xs).toFixed(3)} [${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)}]`;

function workload(name) {
  const w = JSON.parse(readFileSync(new URL(`../tests/data/${name}.json`, import.meta.url), 'utf8'));
  const net = new api.Network({
    layers: w.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', optimizer: 'sgd',
    lr: 0.03, batchSize: 10, shuffle: false, seed: 42,
  });
  net.setData(rows(w.train), rows(w.test));
  const fresh = () => net.setParameters(Float64Array.from(w.initialWeights), Float64Array.from(w.initialBiases));
  return { net, fresh };
}

for (const name of ['W1', 'W2']) {
  const { net, fresh } = workload(name);
  const times = [];
  for (let run = 0; run < 6; run++) {
    fresh();
    const t0 = performance.now();
    net.trainEpochs(1000);
    const ms = performance.now() - t0;
    if (run > 0) times.push(ms / 1000);
  }
  console.log(`wasm ${name}: ${summary(times)} ms/epoch; train loss after 1000 epochs ${net.trainLoss()}`);
  if (name === 'W2') {
    for (const [label, fn] of [
      ['forward only', (out) => net.predictGridInto(out, -6, 6, -6, 6, 100, 100)],
      ['every neuron', (out) => net.predictNeuronGridInto(out, -6, 6, -6, 6, 100, 100)],
    ]) {
      const probe = label === 'forward only' ? net.predictGrid(-6, 6, -6, 6, 100, 100) : net.predictNeuronGrid(-6, 6, -6, 6, 100, 100);
      const out = new Float64Array(probe.length);
      const grid = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        fn(out);
        if (i >= 10) grid.push(performance.now() - t0);
      }
      console.log(`wasm W3 ${label}: ${summary(grid)} ms/grid`);
    }
  }
  net.free();
}
