// `make bench`: one table of the workloads of WORKLOADS.md (W1, W2, the W3 100 × 100 grid) and the article's step,
// natively (examples/bench_network.rs), in Node (the simd128 module and the scalar one) and in headless Chromium
// (the simd128 module, through playwright-core and /usr/bin/chromium): ms, GFLOP/s and the share of this machine's
// scalar-f64 peak, measured natively in the same run (12 chains of a ← a·m + c). Medians; the native and wasm code
// compute the same bits, and the last lines say so for W2 after 1000 epochs and W4 after 10.
//
// With CONVNETJS set to a checkout of karpathy/convnetjs (its src/ and compile/build.xml; its code is read at bench
// time and never enters this repository), W4 also runs beside ConvNetJS's trainer on the same network, in the same
// process, alternating, in Node and in Chromium, and the ratio is printed (see runW4SideBySide).
//
//   node scripts/bench.mjs        (after `make build`)
//   CONVNETJS=/path/to/convnetjs node scripts/bench.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { runWasmBench, runW4SideBySide, readConvnet, readWorkloads } from './bench-wasm.mjs';

// FLOPs of each workload (WORKLOADS.md's core FLOPs: 2 per multiply-add, tanh not counted; the article's step is
// ŷ = x·w, ŷ − y, (ŷ − y)², 2(ŷ − y), ·x, lr·g, w − lr·g).
const WORK = [
  ['W1', 'W1 ms/epoch (2-4-2-1)', 24250],
  ['W2', 'W2 ms/epoch (2-8×6-1)', 527650],
  ['W3out', 'W3 ms/grid, output only', 6880000],
  ['W3all', 'W3 ms/grid, every neuron', 6880000],
  // W4: per image 2368 MACs forward, 2368 weight gradients, 320 δ back to the hidden layer (×1347), and 2410
  // parameters per update (×85 batches): 7,015,282 MACs; the softmax's exp and ln not counted
  ['W4', 'W4 ms/epoch (64-32-10 softmax, digits)', 14030564],
  ['article', 'article ms/step (one weight)', 7],
];

const workloads = readWorkloads();
const convnet = process.env.CONVNETJS ? readConvnet(process.env.CONVNETJS) : null;
console.error(`bench: ${cpus().length} cores (${cpus()[0].model}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

console.error('bench: native (cargo run --release --example bench_network)');
const native = JSON.parse(execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'bench_network', '--', '--json'],
  { encoding: 'utf8' }).trim().split('\n').pop());

const pkg = new URL('../www/pkg/', import.meta.url);
console.error(`bench: Node ${process.version}, simd128 and scalar modules`);
const node = await runWasmBench({ glue: new URL('backprop_lab.js?simd', pkg).href,
  wasm: readFileSync(new URL('backprop_lab_bg.wasm', pkg)), workloads });
const nodeScalar = await runWasmBench({ glue: new URL('backprop_lab.js?scalar', pkg).href,
  wasm: readFileSync(new URL('backprop_lab_scalar_bg.wasm', pkg)), workloads });
const nodeSide = convnet && await runW4SideBySide({ glue: new URL('backprop_lab.js?side', pkg).href,
  wasm: readFileSync(new URL('backprop_lab_bg.wasm', pkg)), workloads, convnet });

console.error('bench: headless Chromium, simd128 module');
const { server, url } = await startServer({ root: 'www', port: 0 });
const profile = mkdtempSync(join(tmpdir(), 'backprop-bench-'));
let browser;
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    bypassCSP: true, // the side by side evaluates ConvNetJS's source, which the pages' policy forbids
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await context.newPage();
  await page.goto(`${url}index.html`);
  browser = {
    version: context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1],
    result: await page.evaluate(runWasmBench, { glue: `${url}pkg/backprop_lab.js`, wasm: `${url}pkg/backprop_lab_bg.wasm`, workloads }),
  };
  if (convnet) {
    const fresh = await context.newPage();
    await fresh.goto(`${url}index.html`);
    browser.side = await fresh.evaluate(runW4SideBySide, { glue: `${url}pkg/backprop_lab.js?side`, wasm: `${url}pkg/backprop_lab_bg.wasm`, workloads, convnet });
  }
  await context.close();
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

const peak = native.peak;
const ms = (v) => (v >= 0.01 ? v.toFixed(3) : `${(v * 1e6).toFixed(0)} ns`);
const gflops = (flop, t) => flop / (t * 1e-3) / 1e9;
const cell = (flop, t) => `${ms(t)} | ${gflops(flop, t).toFixed(2)} | ${((100 * gflops(flop, t)) / peak).toFixed(0)}%`;
console.log(`Scalar f64 peak of this machine, measured natively in this run: ${peak.toFixed(2)} GFLOP/s`);
console.log(`Chromium ${browser.version}, Node ${process.version}; medians (min-max spread in the JSON below)\n`);
console.log('| workload | native ms | GFLOP/s | of peak | Node ms | GFLOP/s | of peak | Node scalar ms | Chromium ms | GFLOP/s | of peak | wasm / native (Node, Chromium) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [key, label, flop] of WORK) {
  const [n, w, s, c] = [native[key][0], node[key][0], nodeScalar[key][0], browser.result[key][0]];
  console.log(`| ${label} | ${cell(flop, n)} | ${cell(flop, w)} | ${ms(s)} | ${cell(flop, c)} | ${(w / n).toFixed(2)}, ${(c / n).toFixed(2)} |`);
}
const same = [native.W2loss, node.W2loss, nodeScalar.W2loss, browser.result.W2loss];
console.log(`\nW2 training loss after 1000 epochs: ${same.map(String).join(', ')} (native, Node, Node scalar, Chromium)${same.every((v) => v === same[0]) ? ': the same bits' : ': DIFFERENT'}`);
const w4 = [native.W4loss, node.W4loss, nodeScalar.W4loss, browser.result.W4loss];
console.log(`W4 training loss after 10 epochs: ${w4.map(String).join(', ')} (native, Node, Node scalar, Chromium)${w4.every((v) => v === w4[0]) ? ': the same bits' : ': DIFFERENT'}`);
if (convnet) {
  const row = (engine, r) => `| ${engine} | ${ms(r.convnet[0])} [${ms(r.convnet[1])}-${ms(r.convnet[2])}] | ${ms(r.ours[0])} [${ms(r.ours[1])}-${ms(r.ours[2])}] | ${r.ratio.toFixed(1)}× | ${(100 * r.convnetAccuracy).toFixed(1)}%, ${(100 * r.oursAccuracy).toFixed(1)}% |`;
  console.log('\nW4 beside ConvNetJS\'s trainer, same process, alternating (5 of our epochs, then 1 of theirs, 5 timed rounds after a warm-up):\n');
  console.log('| engine | ConvNetJS ms/epoch | ours ms/epoch | ratio | test accuracy at the end (ConvNetJS, ours) |');
  console.log('|---|---|---|---|---|');
  console.log(row(`Node ${process.version}`, nodeSide));
  console.log(row(`Chromium ${browser.version}`, browser.side));
}
console.log(JSON.stringify({ native, node, nodeScalar, chromium: browser.result, side: convnet ? { node: nodeSide, chromium: browser.side } : null }));
