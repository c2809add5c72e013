// `make profile`: where the time of W1, W2 and the W3 grid goes in wasm, from V8's own CPU profiler in Node.
//
// Builds the simd128 module with the `profile` feature (tanh_lanes, forward_block, backward_block, batch_pass,
// update and save_position stay separate functions instead of being inlined) and without wasm-opt (so that the
// function names survive), runs each workload under `node --cpu-prof`, and prints each function's share of the
// samples. Keeping a function out of line costs a call per use, so the shares are close to, not exactly, those of
// the shipped module. Prints numbers; asserts nothing.
//
//   node scripts/profile.mjs                 (make profile)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readWorkloads } from './bench-wasm.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target', 'profile');

/** One workload in this process (the child run by `node --cpu-prof`). */
async function run(name, pkg) {
  const api = await import(pathToFileURL(join(pkg, 'backprop_lab.js')).href);
  await api.default({ module_or_path: readFileSync(join(pkg, 'backprop_lab_bg.wasm')) });
  const w = readWorkloads()[name === 'W3' ? 'W2' : name];
  const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
  const net = new api.Network({
    layers: w.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', optimizer: 'sgd',
    lr: 0.03, batchSize: 10, shuffle: false, seed: 42,
  });
  net.setData(rows(w.train), rows(w.test));
  net.setParameters(Float64Array.from(w.initialWeights), Float64Array.from(w.initialBiases));
  if (name === 'W3') {
    net.trainEpochs(1000);
    const out = new Float64Array(100 * 100);
    for (let k = 0; k < 300; k++) net.predictGridInto(out, -6, 6, -6, 6, 100, 100);
  } else {
    for (let k = 0; k < 10; k++) {
      net.setParameters(Float64Array.from(w.initialWeights), Float64Array.from(w.initialBiases));
      net.trainEpochs(1000);
    }
  }
}

/** Self time per function name, as shares of all samples. */
function shares(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName || '(anonymous)']));
  const counts = new Map();
  for (const id of profile.samples) counts.set(names.get(id), (counts.get(names.get(id)) ?? 0) + 1);
  const total = profile.samples.length;
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, n / total]);
}

/** `backprop_lab::network::pairs::<impl …Dense>::forward_block::h…` → `forward_block`. */
const short = (name) => {
  const parts = name.replace(/::h[0-9a-f]{16}$/, '').split('::');
  return parts[parts.length - 1];
};

if (process.argv[2] === '--run') {
  await run(process.argv[3], process.argv[4]);
} else {
  console.error('profile: building the simd128 module with the profile feature, names kept');
  execFileSync('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown', '--features', 'profile'], {
    stdio: 'inherit',
    env: { ...process.env, RUSTFLAGS: '-C target-feature=+simd128', CARGO_TARGET_DIR: OUT },
  });
  const pkg = join(OUT, 'pkg');
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', pkg,
    join(OUT, 'wasm32-unknown-unknown', 'release', 'backprop_lab.wasm')], { stdio: 'inherit' });
  console.log(`V8 CPU profile in Node ${process.version}, self time per function (the module built with the profile feature)\n`);
  for (const [name, what] of [['W1', '10 × 1000 epochs'], ['W2', '10 × 1000 epochs'], ['W3', 'W2 trained, then 300 output grids of 100 × 100']]) {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-profile-'));
    try {
      execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--run', name, pkg],
        { stdio: 'inherit' });
      const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile')));
      const top = shares(file).filter(([, share]) => share >= 0.005).slice(0, 10);
      console.log(`${name} (${what}): ${top.map(([n, s]) => `${short(n)} ${(100 * s).toFixed(1)}%`).join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
