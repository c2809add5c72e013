// The playground fits a screen, as TensorFlow Playground does: at 1280 × 800 and 1366 × 768 the whole figure (Play,
// the diagram, the output's map and the loss curve) is in view at once; at 360 × 740 the settings fold under a
// button so that Play and the diagram sit close, with readable boxes and names. The data column works as
// Playground's (dataset thumbnails, sliders that show their value as they move, Regenerate), and the default run
// learns visibly at once. Screenshots of each size, light and dark, go to test-results/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoProblems, screenshot } from './helpers.mjs';
import { EL, inShadow, pageEnv, ready } from './playground-kit.mjs';

const env = pageEnv();

/** The figure's parts in viewport pixels, once it is scrolled so that its top is at the top of the window. */
const layout = (page) => page.evaluate((s) => {
  const p = document.querySelector(s);
  p.scrollIntoView({ block: 'start' });
  const root = p.shadowRoot;
  const box = (q) => {
    const e = root.querySelector(q);
    const r = e?.getBoundingClientRect();
    return r && r.width > 0 ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height } : null;
  };
  return {
    window: { width: innerWidth, height: innerHeight }, figure: box('.frame'), play: box('[data-action="play"]'),
    diagram: box('.diagram-stage'), heatmap: box('canvas.heatmap'), loss: box('svg.loss'), select: box('select'),
    neuron: box('.neuron'), label: parseFloat(getComputedStyle(root.querySelector('.feature-label')).fontSize),
  };
}, EL);

for (const [width, height] of [[1280, 800], [1366, 768]]) {
  test(`at ${width} × ${height} the whole playground is in one screen: Play, diagram, map and loss curve together`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { page, problems } = await openPage(env, 'network.html#play', { width, height, colorScheme });
      await ready(page);
      const l = await layout(page);
      assert.ok(l.figure.height <= height, `the figure is ${l.figure.height} px tall in a ${height} px window`);
      for (const part of ['play', 'diagram', 'heatmap', 'loss']) {
        assert.ok(l[part].top >= 0 && l[part].bottom <= height, `${part} in view: ${JSON.stringify(l[part])}`);
      }
      assert.ok(l.heatmap.width >= 260, `the map is ${l.heatmap.width} px wide`);
      assert.ok(l.neuron.width >= 30, `neuron boxes of ${l.neuron.width} px`);
      assert.ok(l.diagram.bottom > l.heatmap.top && l.diagram.top < l.heatmap.bottom, 'the diagram beside the map');
      await screenshot(page, `playground-${width}x${height}-${colorScheme}.png`);
      assertNoProblems(assert, problems);
      await page.close();
    }
  });
}

test('at 360 × 740 the settings fold under a button: Play and the diagram close, boxes and names readable', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await openPage(env, 'network.html#play', { width: 360, height: 740, colorScheme });
    await ready(page);
    const l = await layout(page);
    assert.equal(l.select, null, 'no menu between Play and the diagram');
    assert.ok(l.diagram.top - l.play.bottom <= 150, `${l.diagram.top - l.play.bottom} px from Play to the diagram`);
    assert.ok(l.diagram.bottom <= 740 && l.heatmap.top < 740, 'the diagram whole and the map begun in the first screen');
    assert.ok(l.neuron.width >= 22, `neuron boxes of ${l.neuron.width} px`);
    assert.ok(l.label >= 12, `feature names at ${l.label} px`);
    await screenshot(page, `playground-360x740-${colorScheme}.png`);
    // The button opens the settings (training menus and data) between Play and the diagram, and says so.
    const toggle = inShadow(page, 'button[data-action="settings"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await inShadow(page, 'select[data-key="lr"]').isVisible(), true);
    assert.equal(await inShadow(page, 'button[data-dataset="spiral"]').isVisible(), true);
    const open = await layout(page);
    assert.ok(open.select.top > open.play.bottom && open.select.bottom < open.diagram.top, 'the menus between Play and the diagram');
    await screenshot(page, `playground-360x740-${colorScheme}-settings.png`, { fullPage: false });
    await toggle.click();
    assert.equal(await inShadow(page, 'select[data-key="lr"]').isVisible(), false);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(wide, 0, 'nothing wider than the screen');
    assertNoProblems(assert, problems);
    await page.close();
  }
});

test('the data column: thumbnails pick the dataset, sliders show their value as they move, Regenerate draws anew', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&seed=4');
  await ready(page);
  // Every thumbnail is drawn (not blank) and names its dataset; the current one is pressed.
  const thumbs = await page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('button[data-dataset]')].map((b) => {
    const c = b.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return { key: b.dataset.dataset, name: b.getAttribute('aria-label'), pressed: b.getAttribute('aria-pressed'), colours: colours.size };
  }), EL);
  assert.deepEqual(thumbs.map((t) => t.key), ['xor', 'circle', 'gaussians', 'spiral', 'plane', 'multigaussian', 'blobs3', 'spiral3']);
  assert.ok(thumbs.every((t) => t.colours > 3 && /^Dataset: /.test(t.name)), JSON.stringify(thumbs));
  assert.deepEqual(thumbs.filter((t) => t.pressed === 'true').map((t) => t.key), ['circle']);
  await inShadow(page, 'button[data-dataset="spiral"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.data === 'spiral' && /data=spiral&/.test(location.hash), EL);
  assert.equal(await inShadow(page, 'button[data-dataset="spiral"]').getAttribute('aria-pressed'), 'true');

  // A slider shows its value while it moves, and applies it when it is let go (here: a key, which does both).
  const noise = inShadow(page, 'input[data-key="noise"]');
  await noise.evaluate((input) => {
    input.value = '25';
    input.dispatchEvent(new Event('input'));
  });
  assert.equal(await inShadow(page, 'label:has(input[data-key="noise"]) .slider-value').textContent(), '25');
  assert.equal(await page.evaluate((s) => document.querySelector(s).state.noise, EL), 0, 'not applied while it moves');
  await noise.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((s) => document.querySelector(s).state.noise === 30, EL);
  assert.equal(await inShadow(page, 'label:has(input[data-key="noise"]) .slider-value').textContent(), '30');
  const ratio = inShadow(page, 'input[data-key="ratio"]');
  await ratio.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((s) => document.querySelector(s).state.ratio === 40, EL);
  assert.equal(await page.evaluate((s) => document.querySelector(s).network.trainData().length / 3, EL), 0.4 * 500);

  // Regenerate: the next seed, new points.
  const before = await page.evaluate((s) => Array.from(document.querySelector(s).network.trainData().slice(0, 6)), EL);
  await inShadow(page, 'button[data-action="regenerate"]').click();
  await page.waitForFunction((s) => document.querySelector(s).state.seed === 5 && /seed=5&/.test(location.hash), EL);
  const after = await page.evaluate((s) => Array.from(document.querySelector(s).network.trainData().slice(0, 6)), EL);
  assert.notDeepEqual(after, before);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the default playground is the circle, and it learns visibly in its first seconds (150 epochs)', async () => {
  const { page, problems } = await openPage(env, 'network.html#play');
  await ready(page);
  const run = await page.evaluate((s) => {
    const p = document.querySelector(s);
    const start = p.testLoss;
    for (let i = 0; i < 150; i++) p.step();
    return { data: p.state.data, start, end: p.testLoss, epochs: p.epochs };
  }, EL);
  assert.equal(run.data, 'circle');
  assert.equal(run.epochs, 150);
  // ½(ŷ − y)² with y = ±1: 0.5 is the loss of answering 0 everywhere; at 60 epochs a second the test loss halves in 2.5 s.
  assert.ok(run.start > 0.45 && run.end < run.start / 2, `test loss ${run.start} → ${run.end}`);
  assertNoProblems(assert, problems);
  await page.close();
});
