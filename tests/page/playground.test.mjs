// The playground as a reader uses it, in headless Chromium under the strict CSP: features toggled on the diagram
// (XOR is one product away from a single neuron), regularization shrinking the weights, the plane regression, a
// weight edited on its link, points added by clicking the map, a neuron's map enlarged on hover, and the gradient
// panel against the core's gradients() and a central difference computed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoProblems } from './helpers.mjs';
import { EL, inShadow, pageEnv, ready } from './playground-kit.mjs';
import { PLOT, SIZE } from '../../www/lib/figures/heatmap.js';

const env = pageEnv();
const evaluate = (page, fn, arg) => page.evaluate(fn, arg);

/** Plays with Play (at the speed set) until `epochs` epochs are done, then pauses. */
async function playTo(page, epochs) {
  await inShadow(page, 'button[data-action="play"]').click();
  await page.waitForFunction(([s, n]) => document.querySelector(s).epochs >= n, [EL, epochs], { timeout: 60_000 });
  await inShadow(page, 'button[data-action="play"]').click();
  await page.waitForFunction((s) => !document.querySelector(s).playing, EL);
}

const losses = (page) => evaluate(page, (s) => {
  const p = document.querySelector(s);
  return { train: p.network.trainLoss(), test: p.network.testLoss(), epochs: p.epochs };
}, EL);

/** The page's address fragment once it matches `pattern` (or after 2 s, for the assertion to show it). */
async function hashMatching(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(location.hash), pattern.source, { timeout: 2000 }).catch(() => {});
  return page.evaluate(() => location.hash);
}

test('XOR: with x1·x2 alone and no hidden layer one neuron learns it; with x1 and x2 alone it cannot', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=0&speed=20');
  await ready(page);
  // Remove both hidden layers, then swap the features on the diagram's first column.
  await inShadow(page, 'button[data-action="remove-layer"]').click();
  await inShadow(page, 'button[data-action="remove-layer"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.hidden.length === 0, EL);
  await inShadow(page, 'button[data-feature="x1x2"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.includes('x1x2'), EL);
  await inShadow(page, 'button[data-feature="x1"]').click();
  await page.waitForFunction((s) => !document.querySelector(s).state.features.includes('x1'), EL);
  await inShadow(page, 'button[data-feature="x2"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.join() === 'x1x2', EL);
  assert.deepEqual(await evaluate(page, (s) => document.querySelector(s).network.config.layers, EL), [1, 1]);
  assert.match(await hashMatching(page, /features=x1x2&/), /features=x1x2&/);
  await playTo(page, 100);
  const product = await losses(page);
  assert.ok(product.test < 0.05, `x1·x2: test loss ${product.test} after ${product.epochs} epochs`);

  await inShadow(page, 'button[data-feature="x1"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.length === 2, EL);
  await inShadow(page, 'button[data-feature="x2"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.length === 3, EL);
  await inShadow(page, 'button[data-feature="x1x2"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.join() === 'x1,x2', EL);
  await playTo(page, 100);
  const plain = await losses(page);
  // ½(ŷ − y)² with y = ±1: 0.5 is the loss of answering 0 everywhere.
  assert.ok(plain.test > 0.4, `x1, x2: test loss ${plain.test} after ${plain.epochs} epochs`);
  // The last feature cannot be turned off: the network needs an input.
  await inShadow(page, 'button[data-feature="x1"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.features.join() === 'x2', EL);
  await inShadow(page, 'button[data-feature="x2"]').click();
  assert.deepEqual(await evaluate(page, (s) => document.querySelector(s).state.features, EL), ['x2']);
  assertNoProblems(assert, problems);
  await page.close();
});

test('L2 regularization, chosen in the settings, shrinks the weights of the same run', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0&speed=20');
  await ready(page);
  const sumOfSquares = () => evaluate(page, (s) => Array.from(document.querySelector(s).network.weights()).reduce((a, w) => a + w * w, 0), EL);
  await playTo(page, 100);
  const free = await sumOfSquares();
  await inShadow(page, 'select[data-key="reg"]').selectOption('l2');
  await inShadow(page, 'select[data-key="rate"]').selectOption('0.03');
  await page.waitForFunction((s) => document.querySelector(s).network.config.regularizationRate === 0.03 && document.querySelector(s).epochs === 0, EL);
  assert.match(await hashMatching(page, /reg=l2&rate=0\.03&/), /reg=l2&rate=0\.03&/);
  await playTo(page, 100);
  const l2 = await sumOfSquares();
  assert.ok(l2 < 0.5 * free, `Σw² = ${l2} with L2 against ${free} without`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the plane regression reaches a small loss, drawn as a regression heatmap', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=0&speed=20');
  await ready(page);
  await inShadow(page, 'button[data-dataset="plane"]').click();
  await inShadow(page, 'select[data-key="out"]').selectOption('identity');
  await page.waitForFunction((s) => document.querySelector(s).network.config.activations.at(-1) === 'identity', EL);
  const labels = await evaluate(page, (s) => {
    const rows = Array.from(document.querySelector(s).network.trainData());
    return rows.filter((_, i) => i % 3 === 2);
  }, EL);
  assert.equal(labels.length, 600, 'Playground draws 1200 points to regress; half train');
  assert.ok(labels.some((t) => Math.abs(t) < 0.99 && t !== 0) && new Set(labels).size > 500, 'continuous labels');
  await playTo(page, 100);
  const { test: loss } = await losses(page);
  assert.ok(loss < 0.01, `plane: test loss ${loss}`);
  assert.match(await inShadow(page, '.legend').textContent(), /continuous/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('a weight edited on its link is what weights() reads; a refused value names the weight and changes nothing', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=0');
  await ready(page);
  await inShadow(page, 'button[data-action="step"]').click();
  const steps = await evaluate(page, (s) => document.querySelector(s).steps, EL);
  const link = inShadow(page, '.link[data-weight="5"]');
  await link.focus();
  await page.keyboard.press('Enter');
  const editor = inShadow(page, '.weight-editor input');
  await editor.waitFor({ state: 'visible' });
  assert.match(await inShadow(page, '.weight-editor').textContent(), /w1\[3,2\] =/);
  await editor.fill('0.75');
  await editor.press('Enter');
  await inShadow(page, '.weight-editor').waitFor({ state: 'hidden' });
  const read = await evaluate(page, (s) => ({ w: document.querySelector(s).network.weights()[5], steps: document.querySelector(s).steps }), EL);
  assert.deepEqual(read, { w: 0.75, steps }, 'the weight is set and training goes on from where it was');
  assert.equal(await evaluate(page, (s) => document.querySelector(s).selected.index, EL), 5, 'the link is selected for the gradient panel too');

  await inShadow(page, '.link[data-weight="5"]').focus();
  await page.keyboard.press('Enter');
  await editor.fill('2e6');
  await editor.press('Enter');
  assert.equal(await inShadow(page, '.editor-error').textContent(), 'weights[5] must be a finite number in [-1000000, 1000000] (got 2000000)');
  assert.equal(await evaluate(page, (s) => document.querySelector(s).network.weights()[5], EL), 0.75);
  await editor.press('Escape');
  assertNoProblems(assert, problems);
  await page.close();
});

test('points added by clicking the map are in trainData(), kept in the link, and can be cleared', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0');
  await ready(page);
  const n = await evaluate(page, (s) => document.querySelector(s).network.trainData().length, EL);
  const canvas = inShadow(page, 'canvas.heatmap');
  const box = await canvas.boundingBox();
  // The plot (PLOT, in canvas pixels of SIZE) spans [−6, 6] both ways: its centre is (0, 0).
  const at = (x, y) => ({ x: ((PLOT.x + ((x + 6) / 12) * PLOT.w) / SIZE) * box.width, y: ((PLOT.y + ((6 - y) / 12) * PLOT.h) / SIZE) * box.height });
  await canvas.click({ position: at(3, 3) });
  await canvas.click({ position: at(-2, 4), modifiers: ['Shift'] });
  const rows = await evaluate(page, (s) => Array.from(document.querySelector(s).network.trainData()), EL);
  assert.equal(rows.length, n + 6);
  const [x1, y1, l1, x2, y2, l2] = rows.slice(n);
  assert.ok(Math.abs(x1 - 3) < 0.05 && Math.abs(y1 - 3) < 0.05 && l1 === 1, `${x1}, ${y1}, ${l1}`);
  assert.ok(Math.abs(x2 + 2) < 0.05 && Math.abs(y2 - 4) < 0.05 && l2 === -1, `${x2}, ${y2}, ${l2}`);
  const hash = await hashMatching(page, /&points=[-\d.]+,[-\d.]+,1;[-\d.]+,[-\d.]+,-1$/);
  assert.match(hash, /&points=[-\d.]+,[-\d.]+,1;[-\d.]+,[-\d.]+,-1$/);
  // The link reproduces them.
  await page.goto('about:blank');
  await page.goto(new URL(`network.html${hash}`, env.url).href);
  await ready(page);
  assert.equal(await evaluate(page, (s) => document.querySelector(s).network.trainData().length, EL), n + 6);
  await inShadow(page, 'button[data-action="clear-points"]').click();
  assert.equal(await evaluate(page, (s) => document.querySelector(s).network.trainData().length, EL), n);
  assert.doesNotMatch(await hashMatching(page, /^(?!.*points=)/), /points=/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('hovering or focusing a neuron enlarges its map into the heatmap; the toggles redraw without restarting', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=0');
  await ready(page);
  for (let i = 0; i < 5; i++) await inShadow(page, 'button[data-action="step"]').click();
  const pixels = () => evaluate(page, ([s, P]) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas.heatmap');
    return Array.from(c.getContext('2d').getImageData(P.x, P.y, P.w, P.h).data.filter((_, i) => i % 4 === 0));
  }, [EL, PLOT]);
  const output = await pixels();
  await inShadow(page, '.neuron[data-neuron="0"]').hover();
  assert.match(await inShadow(page, '.legend').textContent(), /^The map of a1\[1\]/);
  const neuron = await pixels();
  const differ = output.filter((v, i) => Math.abs(v - neuron[i]) > 20).length;
  assert.ok(differ > output.length * 0.05, `${differ} pixels differ`);
  await page.mouse.move(0, 0);
  await inShadow(page, '.neuron[data-neuron="4"]').focus();
  assert.match(await inShadow(page, '.legend').textContent(), /^The map of a2\[1\]/);
  await inShadow(page, '.neuron[data-neuron="4"]').blur();
  assert.match(await inShadow(page, '.legend').textContent(), /^The network’s output/);
  const epochs = await evaluate(page, (s) => document.querySelector(s).epochs, EL);
  await inShadow(page, 'input[data-key="disc"]').check();
  await inShadow(page, 'input[data-key="test"]').check();
  await page.waitForFunction(() => /&test=1&disc=1&/.test(location.hash));
  assert.equal(await evaluate(page, (s) => document.querySelector(s).epochs, EL), epochs, 'view toggles do not restart training');
  // Discretized, the map has two colours (and the points drawn on it), no blend between them.
  const colours = await evaluate(page, ([s, P]) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas.heatmap');
    const d = c.getContext('2d').getImageData(P.x, P.y, P.w, P.h).data;
    const count = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
    const top = [...count.values()].sort((a, b) => b - a);
    return { two: top[0] + top[1], all: d.length / 4 };
  }, [EL, PLOT]);
  assert.ok(colours.two > colours.all * 0.6, `${colours.two} of ${colours.all} pixels in the two class colours`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the gradient panel’s numbers equal the core’s gradients() and a central difference computed here, to 1e-6', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral&features=x1,x2,sinx1&hidden=4,3&seed=2');
  await ready(page);
  for (let i = 0; i < 3; i++) await inShadow(page, 'button[data-action="step"]').click();
  for (const [kind, index] of [['weight', 7], ['weight', 14], ['bias', 2], ['bias', 7]]) {
    // Selected as a keyboard user does: focus, then Enter (a weight's number field opens; Escape closes it).
    await inShadow(page, kind === 'weight' ? `.link[data-weight="${index}"]` : `.neuron[data-neuron="${index}"]`).focus();
    await page.keyboard.press('Enter');
    if (kind === 'weight') await page.keyboard.press('Escape');
    const shown = await evaluate(page, (s) => {
      const root = document.querySelector(s).shadowRoot;
      const v = (q) => Number(root.querySelector(`.gradient-panel [data-quantity="${q}"]`).dataset.value);
      return { backprop: v('backprop'), numeric: v('numeric'), relative: v('relative'), link: v('link') };
    }, EL);
    const mine = await evaluate(page, ([s, kind, index]) => {
      const p = document.querySelector(s);
      const net = p.network;
      const weights = Array.from(net.weights());
      const biases = Array.from(net.biases());
      const k = kind === 'weight' ? index : weights.length + index;
      const gradient = net.gradients()[k];
      // A second network with the same settings and data, its parameter moved by ±h.
      const Network = net.constructor;
      const copy = new Network(net.config);
      copy.setData(net.trainData(), net.testData());
      const h = 1e-5;
      const lossAt = (delta) => {
        const w = weights.slice();
        const b = biases.slice();
        if (kind === 'weight') w[index] += delta;
        else b[index] += delta;
        copy.setParameters(w, b);
        return copy.trainLoss();
      };
      const numeric = (lossAt(h) - lossAt(-h)) / (2 * h);
      copy.free();
      return { gradient, numeric };
    }, [EL, kind, index]);
    const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
    assert.equal(shown.backprop, mine.gradient, `${kind} ${index}: the panel shows gradients()`);
    assert.ok(rel(shown.numeric, mine.numeric) < 1e-6, `${kind} ${index}: ${shown.numeric} vs ${mine.numeric}`);
    assert.ok(rel(shown.backprop, shown.numeric) < 1e-6 && shown.relative < 1e-6, `${kind} ${index}: relative ${shown.relative}`);
    assert.ok(Number.isFinite(shown.link), 'the chain’s first link is shown');
  }
  // The chain for a weight: ∂J/∂w of one point = δ(to)·a(from), as the core's pointPass gives them.
  await inShadow(page, '.link[data-weight="14"]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const chain = await evaluate(page, (s) => {
    const p = document.querySelector(s);
    const pass = p.network.pointPass(0);
    const root = p.shadowRoot;
    // weight 14 of layers [3, 4, 3, 1]: layer 2 starts at weight 12, so it is w2[1,3]: from a1[3] (neuron 5) to a2[1] (neuron 7).
    return { shown: Number(root.querySelector('[data-quantity="link"]').dataset.value), expected: pass.delta[7] * pass.a[5], title: root.querySelector('.chain .panel-title').textContent, label: root.querySelector('[data-quantity="link"] .check-label').textContent };
  }, EL);
  assert.equal(chain.shown, chain.expected);
  assert.match(chain.title, /^The chain for training point 1: x = /);
  assert.equal(chain.label, '∂J/∂w2[1,3] = δ(a2[1]) · a(a1[3])');
  assertNoProblems(assert, problems);
  await page.close();
});

test('every neuron’s map is painted in its own box from the core’s neuron grid; link names stay current for the reader', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=0');
  await ready(page);
  for (let i = 0; i < 3; i++) await inShadow(page, 'button[data-action="step"]').click();
  // At the centre of cell (i, j) of neuron k's box, the maps canvas shows that cell's colour, as paint() colours the
  // core's predictNeuronGrid over [−6, 6]² (20 × 20 per neuron); smoothing blends only towards neighbouring cells.
  const cells = await evaluate(page, async (s) => {
    const { paint, rgb } = await import('/lib/figures/heatmap.js');
    const p = document.querySelector(s);
    const root = p.shadowRoot;
    const side = 20;
    const grids = p.network.predictNeuronGrid(-6, 6, -6, 6, side, side);
    // The theme's colours as the browser resolves them (the palette is written with light-dark()).
    const probe = root.appendChild(document.createElement('span'));
    const resolved = (name) => ((probe.style.color = `var(${name})`), getComputedStyle(probe).color);
    const ctx = document.createElement('canvas').getContext('2d');
    const palette = { neg: rgb(resolved('--accent'), ctx), pos: rgb(resolved('--curve'), ctx), mid: rgb(resolved('--bg'), ctx) };
    probe.remove();
    const maps = root.querySelector('canvas.diagram-maps');
    const stage = maps.getBoundingClientRect();
    const scale = maps.width / stage.width;
    const pixels = maps.getContext('2d').getImageData(0, 0, maps.width, maps.height).data;
    const worst = [];
    for (const node of root.querySelectorAll('.neuron')) {
      const k = Number(node.dataset.neuron);
      const box = node.getBoundingClientRect();
      const inner = { x: box.left + node.clientLeft - stage.left, y: box.top + node.clientTop - stage.top, w: node.clientWidth, h: node.clientHeight };
      const want = new Uint8ClampedArray(4 * side * side);
      paint(want, grids.subarray(k * side * side, (k + 1) * side * side), side * side, palette);
      let err = 0;
      for (const [i, j] of [[3, 3], [10, 4], [16, 15], [5, 12]]) {
        const x = Math.floor((inner.x + ((i + 0.5) / side) * inner.w) * scale);
        const y = Math.floor((inner.y + ((j + 0.5) / side) * inner.h) * scale);
        const at = 4 * (y * maps.width + x);
        const cell = 4 * (j * side + i);
        for (let c = 0; c < 3; c++) err = Math.max(err, Math.abs(pixels[at + c] - want[cell + c]));
      }
      worst.push(err);
    }
    return worst;
  }, EL);
  assert.equal(cells.length, 7, 'a map for each of the 4 + 2 + 1 neurons');
  assert.ok(cells.every((e) => e <= 24), `largest colour difference per neuron: ${cells}`);

  const named = (index) => evaluate(page, ([s, index]) => {
    const p = document.querySelector(s);
    const title = p.shadowRoot.querySelector(`.link[data-weight="${index}"]`).getAttribute('aria-label');
    return { title, weight: p.network.weights()[index], playing: p.playing };
  }, [EL, index]);
  // Written with the minus sign, as the page writes numbers.
  const shows = ({ title, weight }) => title.includes(`= ${String(Number(weight.toPrecision(3))).replace('-', '−')},`);
  await inShadow(page, '.link[data-weight="5"]').focus();
  await inShadow(page, 'button[data-action="play"]').evaluate((b) => b.click()); // clicked without moving the focus
  await page.waitForFunction((s) => document.querySelector(s).epochs >= 20, EL);
  const live = await named(5);
  assert.ok(live.playing && shows(live), `while playing, the focused link's name holds its weight: ${live.title} (w = ${live.weight})`);
  await inShadow(page, 'button[data-action="play"]').evaluate((b) => b.click());
  await page.waitForFunction((s) => !document.querySelector(s).playing, EL);
  for (const index of [0, 9, 13]) {
    const after = await named(index);
    assert.ok(shows(after), `after a pause, link ${index}'s name holds its weight: ${after.title} (w = ${after.weight})`);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

/**
 * Plays for `ms`, and on until `frames` frames have been drawn (a loaded machine draws fewer): how many epochs
 * behind the network the heatmap was at each frame, then the epochs and the heatmap's.
 */
const behindWhilePlaying = (page, ms, frames = 0) => evaluate(page, async ([s, ms, frames]) => {
  const p = document.querySelector(s);
  const behind = [];
  const shown = [];
  p.addEventListener('step', () => {
    behind.push(p.epochs - p.heatmapEpoch);
    shown.push(p.heatmapEpoch);
  });
  p.play();
  await new Promise((done) => setTimeout(done, ms));
  while (behind.length < frames) await new Promise((done) => p.addEventListener('step', done, { once: true }));
  p.pause();
  return { behind, epochs: p.epochs, shown: p.heatmapEpoch, backwards: shown.filter((e, i) => i > 0 && e < shown[i - 1]).length };
}, [EL, ms, frames]);

/**
 * A grid worker of its own asked for the figure's network at epoch 3: the output's grid (neuron null) or a neuron's
 * map, against the core's on this thread (the number of values that differ); `other` is what latest() gives for
 * the other kind of grid (null: one is never taken for the other).
 */
const workerGrid = (page, neuron) => evaluate(page, async ([s, neuron]) => {
  const { createGridWorker } = await import('/lib/playground-grid.js');
  const net = document.querySelector(s).network;
  const grids = createGridWorker();
  grids.request({ generation: 1, epoch: 3, neuron, config: net.config, weights: net.weights(), biases: net.biases(), domain: [-6, 6], side: 100 });
  let newest = null;
  for (let t = 0; t < 200 && !newest && !grids.failed; t++) {
    await new Promise((done) => setTimeout(done, 25));
    newest = grids.latest(1, neuron);
  }
  const other = grids.latest(1, neuron === null ? 0 : null);
  grids.terminate();
  const mine = neuron === null ? net.predictGrid(-6, 6, -6, 6, 100, 100) : net.predictNeuronGrid(-6, 6, -6, 6, 100, 100).subarray(neuron * 10_000, (neuron + 1) * 10_000);
  return { epoch: newest?.epoch, length: newest?.grid.length, differ: newest ? mine.filter((v, i) => !Object.is(v, newest.grid[i])).length : -1, other };
}, [EL, neuron]);

test('while training plays the heatmap’s grid comes from a worker, bit for bit the core’s; paused, it is the current network’s; without workers the page computes it', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral&hidden=6,6&seed=4&speed=2');
  await ready(page);
  for (let i = 0; i < 3; i++) await inShadow(page, 'button[data-action="step"]').click();
  // The worker module itself: the grid it returns for the network's parameters equals predictGrid's on this thread.
  const same = await workerGrid(page, null);
  assert.deepEqual(same, { epoch: 3, length: 10_000, differ: 0, other: null }, 'the worker’s 100 × 100 grid is the core’s, bit for bit');

  // Playing: some frames show a grid an epoch or two behind (the worker's); paused, the heatmap shows the last epoch.
  const watched = await behindWhilePlaying(page, 1500);
  assert.ok(watched.behind.some((d) => d > 0), `while playing the heatmap comes from the worker (epochs behind: ${watched.behind.slice(-20)})`);
  assert.ok(watched.behind.every((d) => d >= 0), 'never ahead of the network');
  assert.equal(watched.backwards, 0, 'never an older network than the frame before showed');
  assert.equal(watched.shown, watched.epochs, 'paused, the heatmap is the current network’s');
  assertNoProblems(assert, problems);
  await page.close();

  // A browser (or a policy) without workers: the figure computes the grid itself, every frame the current epoch's.
  const plain = await env.context.newPage();
  await plain.addInitScript(() => {
    window.Worker = function Worker() {
      throw new DOMException('workers are not available here', 'SecurityError');
    };
  });
  await plain.goto(new URL('network.html#v=1&data=spiral&hidden=6,6&seed=4&speed=2', env.url).href);
  await ready(plain);
  const synced = (await behindWhilePlaying(plain, 800, 8)).behind;
  assert.ok(synced.length > 5 && synced.every((d) => d === 0), `without workers every frame shows its own epoch (${synced.slice(-10)})`);
  await plain.close();
});

test('a hovered neuron’s map comes from the worker while training plays, bit for bit the core’s; paused, it is computed here for the current network', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral&hidden=6,6&seed=4&speed=2');
  await ready(page);
  for (let i = 0; i < 3; i++) await inShadow(page, 'button[data-action="step"]').click();
  // The worker's map of neuron 7 (the second hidden layer's second) equals that neuron's share of predictNeuronGrid here.
  const same = await workerGrid(page, 7);
  assert.deepEqual(same, { epoch: 3, length: 10_000, differ: 0, other: null }, 'the worker’s map of neuron 7 is the core’s, bit for bit');

  // Hovering while playing: the page computes the 100 × 100 map once (when the hover starts), then takes the worker's;
  // paused, it computes it once more, for the network as it stands.
  const counts = await evaluate(page, async (s) => {
    const p = document.querySelector(s);
    const net = p.network;
    const own = net.predictNeuronGridInto.bind(net);
    let here = 0;
    net.predictNeuronGridInto = (out, ...rest) => {
      if (rest.at(-1) === 100) here += 1;
      return own(out, ...rest);
    };
    p.play();
    await new Promise((done) => setTimeout(done, 300));
    const node = p.shadowRoot.querySelector('.neuron[data-neuron="7"]');
    node.dispatchEvent(new PointerEvent('pointerenter'));
    const atHover = here;
    const epochs0 = p.epochs;
    await new Promise((done) => setTimeout(done, 1200));
    const playing = here - atHover;
    const frames = (p.epochs - epochs0) / 2;
    p.pause();
    const legend = p.shadowRoot.querySelector('.legend').textContent;
    return { atHover, playing, frames, paused: here - atHover - playing, legend };
  }, EL);
  assert.equal(counts.atHover, 1, 'the hover computes the map here once');
  assert.ok(counts.frames > 5 && counts.playing === 0, `while playing no map is computed here (${counts.playing} in ${counts.frames} frames)`);
  assert.equal(counts.paused, 1, 'paused, the map is computed here for the last epoch');
  assert.match(counts.legend, /^The map of a2\[2\]/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the diagram fits its box at 360 and 1280 px: no sideways scroll, no layer button on a neuron, a feature or another button', async () => {
  for (const width of [360, 1280]) {
    const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral&hidden=8,8,8,8,8,8&seed=3', { width });
    await ready(page);
    const fit = await evaluate(page, (s) => {
      const root = document.querySelector(s).shadowRoot;
      const box = (e) => e.getBoundingClientRect();
      const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const scroller = root.querySelector('.diagram-scroll');
      const diagram = box(root.querySelector('.diagram'));
      const nodes = [...root.querySelectorAll('.diagram .node')].map(box);
      const buttons = [...root.querySelectorAll('.column-controls button')];
      const overlaps = [];
      buttons.forEach((b, i) => {
        const r = box(b);
        const name = b.getAttribute('aria-label');
        if (nodes.some((n) => meets(r, n))) overlaps.push(`${name} covers a neuron or a feature`);
        buttons.slice(i + 1).forEach((c) => meets(r, box(c)) && overlaps.push(`${name} covers ${c.getAttribute('aria-label')}`));
        if (r.width < 24 || r.height < 24) overlaps.push(`${name} is ${r.width} × ${r.height} px`);
        if (r.left < diagram.left || r.right > diagram.right) overlaps.push(`${name} leaves the diagram`);
      });
      const outside = [...root.querySelectorAll('.diagram .node, .feature-label')].filter((e) => box(e).left < diagram.left - 0.5 || box(e).right > diagram.right + 0.5).length;
      return { sideways: scroller.scrollWidth - scroller.clientWidth, page: document.documentElement.scrollWidth - innerWidth, buttons: buttons.length, nodes: nodes.length, overlaps, outside };
    }, EL);
    assert.equal(fit.sideways, 0, `at ${width} px the diagram scrolls sideways by ${fit.sideways} px`);
    assert.equal(fit.page, 0, `at ${width} px the page is wider than the screen`);
    assert.equal(fit.buttons, 12, 'a − and a + for each of the 6 hidden layers');
    assert.equal(fit.nodes, 7 + 48 + 1, 'every feature and neuron has its box');
    assert.deepEqual(fit.overlaps, [], `at ${width} px`);
    assert.equal(fit.outside, 0, `at ${width} px every box and feature name is inside the diagram`);
    // The buttons work from the keyboard, and say what they do.
    const fewer = inShadow(page, '.column-controls[data-layer="2"] button[data-action="fewer"]');
    assert.equal(await fewer.getAttribute('aria-label'), 'one neuron fewer in hidden layer 2');
    await fewer.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector(s).state.hidden.join() === '8,7,8,8,8,8', EL);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
