// The workloads of WORKLOADS.md through the wasm package, in any JavaScript engine: `runWasmBench` is one
// self-contained function, so that scripts/bench.mjs can run the very same code in Node and, through playwright,
// in headless Chromium. W1 and W2 ms/epoch (1 warm-up + 5 runs of 1000 epochs from the same initial parameters),
// the W3 100 × 100 grid after W2's training (10 warm-up + 30 timed grids), output only and every neuron's output,
// W4 ms/epoch (the digits: 1 warm-up + 5 runs of 10 epochs from the seed, and the loss after 10 epochs) and the
// article's step (`train` of 10,000 steps, 1 warm-up + 5 runs). Medians with min and max. `runW4SideBySide` runs
// W4 beside ConvNetJS's trainer on the same network in the same process, alternating (see scripts/bench.mjs).
//
//   node scripts/bench-wasm.mjs [scalar]     (after `make build`: this engine alone; `make bench` runs all)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs the workloads. `glue`: URL of backprop_lab.js; `wasm`: the module's URL (browser) or bytes (Node);
 * `workloads`: { W1, W2, W4 } as `readWorkloads` gives them; `only`: the names to run (default all of W1, W2 with
 * W3, W4, article). Returns { W1, W2, W3out, W3all, W4, article, W2loss, W4loss } with [median, min, max] in ms.
 */
export async function runWasmBench({ glue, wasm, workloads, only = ['W1', 'W2', 'W4', 'article'] }) {
  const api = await import(glue);
  await api.default({ module_or_path: wasm });
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(s.length / 2)], s[0], s[s.length - 1]];
  };
  const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
  const result = {};
  for (const name of ['W1', 'W2'].filter((n) => only.includes(n))) {
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
  if (only.includes('W4')) {
    const w4 = workloads.W4;
    // pixels/16 (exact) then the one-hot label, as tests/common/workload.rs builds them
    const rows = (from, to) => {
      const out = new Float64Array((to - from) * 74);
      for (let k = from, o = 0; k < to; k++, o += 74) {
        for (let p = 0; p < 64; p++) out[o + p] = w4.images[64 * k + p] / 16;
        out[o + 64 + w4.labels[k]] = 1;
      }
      return out;
    };
    const net = new api.Network(w4.config);
    net.setData(rows(0, w4.train), rows(w4.train, w4.labels.length));
    const times = [];
    for (let run = 0; run < 6; run++) {
      net.reset();
      const t0 = performance.now();
      net.trainEpochs(10);
      if (run > 0) times.push((performance.now() - t0) / 10);
    }
    result.W4 = stats(times);
    result.W4loss = net.trainLoss();
    result.W4accuracy = net.metrics().testAccuracy;
    net.free();
  }
  if (only.includes('article')) {
    const steps = [];
    for (let run = 0; run < 6; run++) {
      const t0 = performance.now();
      api.train({ x: 1.5, y: 0.5, w: 0.8, lr: 0.1 }, 10000);
      if (run > 0) steps.push((performance.now() - t0) / 10000);
    }
    result.article = stats(steps);
  }
  return result;
}

/**
 * W4 beside ConvNetJS's trainer, in one process, alternating: each of `rounds` rounds (the first a warm-up) times
 * 5 of our epochs, then one of ConvNetJS's on the same network (input 64, fc 32 tanh, softmax 10, its Adam at the
 * same lr, β₁, β₂, ε, batches of 16, no weight decay) and the same images, each epoch in a fresh random order as
 * its demos train. `convnet`: ConvNetJS's source (src/convnet_*.js concatenated as its compile/build.xml lists them).
 * Returns per-epoch ms [median, min, max] of each, their ratio, and each one's test accuracy at the end.
 */
export async function runW4SideBySide({ glue, wasm, workloads, convnet, rounds = 6 }) {
  const api = await import(glue);
  await api.default({ module_or_path: wasm });
  const module = { exports: {} };
  new Function('module', convnet)(module); // eslint-disable-line no-new-func
  const cnn = module.exports;
  const w4 = workloads.W4;
  const n = w4.labels.length;
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[Math.floor(s.length / 2)], s[0], s[s.length - 1]];
  };
  const rows = new Float64Array(n * 74);
  const vols = [];
  for (let k = 0; k < n; k++) {
    const v = new cnn.Vol(1, 1, 64, 0);
    for (let p = 0; p < 64; p++) rows[74 * k + p] = v.w[p] = w4.images[64 * k + p] / 16;
    rows[74 * k + 64 + w4.labels[k]] = 1;
    vols.push(v);
  }
  const ours = new api.Network(w4.config);
  ours.setData(rows.subarray(0, 74 * w4.train), rows.subarray(74 * w4.train));
  const theirs = new cnn.Net();
  theirs.makeLayers([
    { type: 'input', out_sx: 1, out_sy: 1, out_depth: 64 },
    { type: 'fc', num_neurons: w4.config.layers[1], activation: 'tanh' },
    { type: 'softmax', num_classes: 10 },
  ]);
  const trainer = new cnn.Trainer(theirs, {
    method: 'adam', learning_rate: w4.config.lr, batch_size: w4.config.batchSize, beta1: 0.9, beta2: 0.999, eps: 1e-8,
    l2_decay: 0,
  });
  const order = Array.from({ length: w4.train }, (_, k) => k);
  const [oursTimes, theirTimes] = [[], []];
  let theirLoss = NaN;
  for (let round = 0; round < rounds; round++) {
    let t0 = performance.now();
    ours.trainEpochs(5);
    if (round > 0) oursTimes.push((performance.now() - t0) / 5);
    t0 = performance.now();
    for (let c = order.length; c > 0;) {
      const k = Math.floor(Math.random() * c--);
      [order[c], order[k]] = [order[k], order[c]];
    }
    let loss = 0;
    for (const k of order) loss += trainer.train(vols[k], w4.labels[k]).cost_loss;
    if (round > 0) theirTimes.push(performance.now() - t0);
    theirLoss = loss / order.length;
  }
  let right = 0;
  for (let k = w4.train; k < n; k++) {
    theirs.forward(vols[k]);
    right += theirs.getPrediction() === w4.labels[k] ? 1 : 0;
  }
  const result = {
    ours: stats(oursTimes), convnet: stats(theirTimes), oursAccuracy: ours.metrics().testAccuracy,
    convnetAccuracy: right / (n - w4.train), convnetLoss: theirLoss,
  };
  result.ratio = result.convnet[0] / result.ours[0];
  ours.free();
  return result;
}

/**
 * The workload files as objects; W4 with the digits' pixels and labels as plain arrays (www/data/digits.bin), so
 * that the object can be handed to a browser page.
 */
export function readWorkloads() {
  const read = (name) => JSON.parse(readFileSync(new URL(`../tests/data/${name}.json`, import.meta.url), 'utf8'));
  const digits = readFileSync(new URL('../www/data/digits.bin', import.meta.url));
  const images = Array.from(digits.subarray(0, 1797 * 64));
  const labels = Array.from(digits.subarray(1797 * 64));
  return { W1: read('W1'), W2: read('W2'), W4: { ...read('W4'), images, labels } };
}

/**
 * ConvNetJS's source from a checkout of karpathy/convnetjs at `dir`: its src/convnet_*.js in the order of its
 * compile/build.xml (how its build/convnet.js is made). Its code is read at bench time and never enters this
 * repository.
 */
export function readConvnet(dir) {
  const xml = readFileSync(`${dir}/compile/build.xml`, 'utf8');
  const files = [...xml.matchAll(/<file name="([^"]+)"/g)].map((m) => m[1]);
  return files.map((f) => readFileSync(`${dir}/src/${f}`, 'utf8')).join('\n');
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
    ['W3all', 'W3 ms/grid, every neuron'], ['W4', 'W4 ms/epoch'], ['article', 'article ms/step']]) console.log(`${label}: ${show(r[k])}`);
  console.log(`W2 training loss after 1000 epochs: ${r.W2loss}`);
  console.log(`W4 training loss after 10 epochs: ${r.W4loss}`);
}
