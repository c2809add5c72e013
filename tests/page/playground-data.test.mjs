// The playground's data beyond two classes, in headless Chromium under the strict CSP: the three-class sets train a
// softmax output per class with the cross-entropy (a link with data=blobs3 gives it) and colour the map by the
// winning class; a reader's CSV pasted in the import dialog trains (classes: softmax), never goes into the URL, and
// a refused row is named by line and column and changes nothing; axe finds nothing with the dialog open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, openPage, assertNoProblems, screenshot } from './helpers.mjs';
import { axeViolations } from './axe.mjs';
import { EL, inShadow, pageEnv, ready } from './playground-kit.mjs';

const env = pageEnv();

/** Trains `epochs` epochs through the model (as Play does, without waiting for frames), then draws once paused. */
async function train(page, epochs) {
  return page.evaluate(([s, n]) => {
    const p = document.querySelector(s);
    for (let e = 0; e < n; e++) if (!p.model.trainEpoch()) return { stopped: e };
    p.step(); // one more epoch, drawn as the paused figure draws it (the grid computed here, exact)
    return { stopped: null, epochs: p.epochs, testAccuracy: p.testAccuracy, trainAccuracy: p.trainAccuracy, testLoss: p.testLoss };
  }, [EL, epochs]);
}

/**
 * The heatmap's plot pixels by the class colour each is nearest in hue to (pixels with some colour only), as shares;
 * with the class colours the figure resolved.
 */
function hueShares(page) {
  return page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const canvas = root.querySelector('canvas.heatmap');
    const probe = document.createElement('canvas').getContext('2d');
    const rgb = (name) => {
      const span = document.createElement('span');
      span.style.color = `var(${name})`;
      root.append(span);
      probe.fillStyle = getComputedStyle(span).color;
      span.remove();
      const hex = probe.fillStyle.slice(1);
      return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    };
    const hue = ([r, g, b]) => {
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max - min < 1) return null;
      const d = max - min;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return ((h * 60) + 360) % 360;
    };
    const classes = ['--class-1', '--class-2', '--class-3'].map((n) => hue(rgb(n)));
    // The plot, inside the axes' margins (30 px left, 24 bottom, 6 top and right, of 480).
    const { data } = canvas.getContext('2d').getImageData(40, 16, 420, 420);
    const counts = [0, 0, 0];
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) < 40) continue; // near the neutral ground: no class wins clearly
      const h = hue([r, g, b]);
      const gap = classes.map((c) => Math.min(Math.abs(h - c), 360 - Math.abs(h - c)));
      const k = gap.indexOf(Math.min(...gap));
      if (gap[k] > 25) continue;
      counts[k] += 1;
      coloured += 1;
    }
    return { shares: counts.map((c) => c / (data.length / 4)), coloured: coloured / (data.length / 4), classes };
  }, EL);
}

test('blobs3: a link trains three softmax outputs with the cross-entropy, above 90% on the test points; the map shows three hues', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=blobs3&hidden=4&seed=1&lr=0.03');
  await ready(page);
  const built = await page.evaluate((s) => {
    const p = document.querySelector(s);
    const c = p.network.config;
    const menu = p.shadowRoot.querySelector('select[data-key="out"]');
    return { out: p.state.out, layers: c.layers, activation: c.activations.at(-1), loss: c.loss, menu: menu.value, disabled: [...menu.options].filter((o) => o.disabled).map((o) => o.value), pressed: p.shadowRoot.querySelector('button[data-dataset="blobs3"]').getAttribute('aria-pressed') };
  }, EL);
  assert.deepEqual(built, { out: 'softmax', layers: [2, 4, 3], activation: 'softmax', loss: 'crossEntropy', menu: 'softmax', disabled: ['tanh', 'identity'], pressed: 'true' });
  const before = await page.evaluate((s) => document.querySelector(s).testAccuracy, EL);
  const run = await train(page, 150);
  assert.equal(run.stopped, null);
  assert.ok(run.testAccuracy > 0.9, `test accuracy ${run.testAccuracy} after ${run.epochs} epochs (from ${before})`);
  assert.ok(run.testAccuracy > before, 'it learned');
  const losses = await inShadow(page, '.losses').textContent();
  assert.match(losses, /Test loss[\d.]+ · \d+\.\d% right/, losses);
  assert.match(losses, new RegExp(`${(run.testAccuracy * 100).toFixed(1)}% right`), 'the accuracy shown is the core’s');
  const { shares, coloured, classes } = await hueShares(page);
  assert.equal(new Set(classes.map((h) => Math.round(h))).size, 3, `three class hues ${classes}`);
  for (const [k, share] of shares.entries()) assert.ok(share > 0.1, `class ${k + 1}'s hue covers ${share} of the map (${shares}, ${coloured} coloured)`);
  assert.match(await inShadow(page, '.legend').textContent(), /3 softmax outputs/);
  assert.equal(await inShadow(page, '.colour-scale .class-key').count(), 3);
  assertNoProblems(assert, problems);
  await page.close();
});

test('spiral3 builds three softmax outputs too, and a link asking for a tanh output on it still gets softmax', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral3&out=tanh&seed=0');
  await ready(page);
  const built = await page.evaluate((s) => {
    const p = document.querySelector(s);
    return { out: p.state.out, outputs: p.network.config.layers.at(-1), rows: p.network.trainData().length % 5 };
  }, EL);
  assert.deepEqual(built, { out: 'softmax', outputs: 3, rows: 0 });
  // Play: the worker computes the three outputs' grid beside the training; the map shows a recent epoch.
  await inShadow(page, 'button[data-action="play"]').click();
  await page.waitForFunction((s) => document.querySelector(s).heatmapEpoch >= 10, EL);
  await inShadow(page, 'button[data-action="play"]').click();
  const { shares } = await hueShares(page);
  assert.equal(shares.filter((v) => v > 0.003).length, 3, `three hues while playing (near chance yet): ${shares}`);
  // A weight of the last layer: the gradient check agrees, and the chain names the point's class.
  await page.evaluate((s) => {
    const p = document.querySelector(s);
    p.select({ kind: 'weight', index: p.network.weights().length - 1 });
  }, EL);
  const panel = await inShadow(page, '.inspect').textContent();
  assert.match(panel, /they agree/);
  assert.match(panel, /training point 1: x = \([^)]*\), class [123]/);
  assert.match(panel, /softmax with its cross-entropy/);
  // Back to a two-class set: one tanh output again.
  await inShadow(page, 'button[data-dataset="circle"]').click();
  await page.waitForFunction((s) => document.querySelector(s).network?.config.layers.at(-1) === 1, EL);
  assert.equal(await page.evaluate((s) => document.querySelector(s).network.config.activations.at(-1), EL), 'tanh');
  assertNoProblems(assert, problems);
  await page.close();
});

/** A CSV of three named classes around three centres (x₁, x₂ from a fixed pattern), `rows` rows per class. */
function threeClasses(rows) {
  const centres = { ant: [-3, -2], bee: [3, -2], cat: [0, 3.5] };
  const lines = ['x1,x2,colour'];
  for (let k = 0; k < rows; k++) {
    for (const [name, [cx, cy]] of Object.entries(centres)) {
      const a = (k * 2.399) % (2 * Math.PI);
      const r = 0.3 + (k % 7) * 0.2;
      lines.push(`${(cx + r * Math.cos(a)).toFixed(3)},${(cy + r * Math.sin(a)).toFixed(3)},${name}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Opens the playground's import dialog and pastes `text` in its box (as a reader types it). */
async function paste(page, text) {
  await inShadow(page, 'button[data-action="open-csv"]').click();
  await inShadow(page, 'textarea.csv-text').fill(text);
}

test('a CSV of three classes pasted trains a softmax per class; the URL says data=custom and holds none of its rows', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&seed=2&hidden=4');
  await ready(page);
  const csv = threeClasses(40);
  await paste(page, csv);
  assert.match(await inShadow(page, '.csv-status').textContent(), /^Read 120 rows under the header x1, x2, colour: the labels are names \(ant, bee, cat\)/);
  await inShadow(page, 'button[data-action="use-csv"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state?.data === 'custom', EL);
  const built = await page.evaluate((s) => {
    const p = document.querySelector(s);
    const c = p.network.config;
    return { layers: c.layers, out: c.activations.at(-1), loss: c.loss, train: p.network.trainData().length / 5, test: p.network.testData().length / 5, ratio: p.state.ratio };
  }, EL);
  assert.deepEqual(built.layers, [2, 4, 3]);
  assert.equal(built.out, 'softmax');
  assert.equal(built.loss, 'crossEntropy');
  // The playground's ratio (50% by default) of the 120 rows train, the rest test.
  assert.equal(built.train, Math.round(120 * built.ratio / 100));
  assert.equal(built.train + built.test, 120);
  const run = await train(page, 150);
  assert.ok(run.testAccuracy > 0.9, `test accuracy ${run.testAccuracy}`);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.locator(EL).screenshot({ path: join(SCREENSHOTS, 'playground-csv-classes.png') });
  const keys = await inShadow(page, '.colour-scale .class-key').allTextContents();
  assert.deepEqual(keys.map((t) => t.trim()), ['● ant', '■ bee', '▲ cat']);
  assert.match(await inShadow(page, '.custom-note').textContent(), /120 rows, 3 classes \(ant, bee, cat\).*A link cannot carry your own data/);
  // The address: a marker, no data.
  await page.waitForFunction(() => location.hash.includes('data=custom'));
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  assert.ok(hash.length < 300, `a short address: ${hash}`);
  for (const value of csv.split('\n').slice(1, 6).map((l) => l.split(',')[0])) assert.ok(!hash.includes(value), `${value} is not in ${hash}`);
  assert.ok(!/ant|bee|cat/.test(hash), hash);
  // That address opened afresh says the data is not in it, and shows the default data.
  const other = await openPage(env, `network.html${hash}`);
  await ready(other.page);
  assert.match(await other.page.locator(`${EL} .notice`).textContent(), /a link does not carry/);
  assert.equal(await other.page.evaluate((s) => document.querySelector(s).state.data, EL), 'circle');
  await other.page.close();
  assertNoProblems(assert, problems);
  await page.close();
});

test('a CSV of two classes (0/1) trains a tanh output; far points are scaled into the plane, and the page says so', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&seed=0');
  await ready(page);
  const rows = Array.from({ length: 60 }, (_, k) => `${(k % 2 ? 30 : -30) + (k % 5)},${(k % 7) * 3 - 9},${k % 2}`);
  await paste(page, rows.join('\n'));
  await inShadow(page, 'button[data-action="use-csv"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state?.data === 'custom', EL);
  const got = await page.evaluate((s) => {
    const p = document.querySelector(s);
    const all = [...p.network.trainData(), ...p.network.testData()];
    const xs = all.filter((_, i) => i % 3 !== 2);
    return { out: p.network.config.activations.at(-1), outputs: p.network.config.layers.at(-1), far: Math.max(...xs.map(Math.abs)), labels: [...new Set(all.filter((_, i) => i % 3 === 2))].sort() };
  }, EL);
  assert.deepEqual({ out: got.out, outputs: got.outputs, labels: got.labels }, { out: 'tanh', outputs: 1, labels: [-1, 1] });
  // The farthest input, 34, lands at 5.5: every point is inside the plane's [−6, 6].
  assert.ok(Math.abs(got.far - 5.5) < 1e-9, `farthest ${got.far}`);
  assert.match(await inShadow(page, '.custom-note').textContent(), /multiplied by 0\.162 to fit the plane/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('a CSV with a bad row names its line and column, and the playground stays as it was', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&seed=3&hidden=4,2');
  await ready(page);
  await train(page, 20);
  const snapshot = () => page.evaluate((s) => {
    const p = document.querySelector(s);
    return { state: p.state, epochs: p.epochs, weights: Array.from(p.network.weights()), loss: p.testLoss, hash: location.hash };
  }, EL);
  const before = await snapshot();
  await paste(page, 'x1,x2,label\n1,2,1\n3,4x,-1\n');
  assert.equal(await inShadow(page, '.csv-status').textContent(), 'Not read: line 3, column 3 (x2): a number such as 1.5 or -2e-3, not "4x".');
  assert.equal(await inShadow(page, 'button[data-action="use-csv"]').isDisabled(), true);
  await inShadow(page, 'button[data-action="cancel-csv"]').click();
  assert.deepEqual(await snapshot(), before, 'nothing changed');
  assert.equal(await inShadow(page, '.custom-note').isHidden(), true);
  assertNoProblems(assert, problems);
  await page.close();
});

test('axe: no violations with the import dialog open, light and dark; screenshots of the three classes', async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    for (const [width, height] of [[1280, 800], [360, 740]]) {
      const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral3&hidden=8,8&seed=0&lr=0.03&opt=adam&test=1', { width, height, colorScheme });
      await ready(page);
      await train(page, 300);
      const name = `playground-classes-${width}-${colorScheme}.png`;
      await page.evaluate((s) => document.querySelector(s).scrollIntoView(), EL);
      if (width < 600) await inShadow(page, 'button[data-action="settings"]').click();
      await page.locator(EL).screenshot({ path: join(SCREENSHOTS, name) });
      if (width > 600) {
        await paste(page, threeClasses(10));
        await screenshot(page, `playground-csv-dialog-${colorScheme}.png`);
        assert.deepEqual(await axeViolations(page), [], `axe with the dialog open (${colorScheme})`);
      }
      assertNoProblems(assert, problems);
      await page.close();
    }
  }
});
