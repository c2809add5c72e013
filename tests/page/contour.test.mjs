// J(w, b) for the one neuron: the map is the core's surface (one call into a Float64Array), the path on it is the
// core's trajectory step by step, and the arrow at the current point is −∇J, perpendicular to the contour lines
// (checked against finite differences of the core's own surface). Predict mode asks whether w and b go up or down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, assertNoProblems, screenshot, shadowText } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const neuron = (page) => page.waitForFunction(() => document.querySelector('backprop-neuron')?.ready);

test('the contour path is the core’s trajectory, and −∇J crosses the contours at right angles', async () => {
  const { page, problems } = await openPage(env, 'network.html', { width: 1280 });
  await page.locator('backprop-neuron').scrollIntoViewIfNeeded();
  await neuron(page);
  for (let i = 0; i < 5; i++) await page.locator('backprop-neuron button[data-action="step"]').click();
  const drawn = await page.evaluate(() => {
    const el = document.querySelector('backprop-neuron');
    const dots = [...el.shadowRoot.querySelectorAll('svg.contour .trail-dots circle')].map((c) => [Number(c.dataset.w), Number(c.dataset.b)]);
    const records = el.records;
    const line = el.shadowRoot.querySelector('svg.contour .gradient-arrow line');
    return { dots, records, current: el.current, arrow: [Number(line.dataset.dx), Number(line.dataset.dy)] };
  });
  assert.equal(drawn.dots.length, 6, 'w₀, b₀ and five steps');
  drawn.records.forEach((r, i) => assert.deepEqual(drawn.dots[i], [r.w, r.b], `step ${i} starts where the core's record does`));
  assert.deepEqual(drawn.dots[5], [drawn.current.w, drawn.current.b], 'the path ends at the core’s current (w, b)');
  drawn.records.slice(0, -1).forEach((r, i) => assert.deepEqual([r.wNext, r.bNext], drawn.dots[i + 1], `step ${i + 1}: the update the core made`));

  // The core's surface around the current point, by central differences: ∇J there, in screen directions.
  const grad = await page.evaluate(async ({ w, b, x, y }) => {
    const { loadNetworkCore } = await import('./lib/core-network.js');
    const core = await loadNetworkCore();
    const h = 1e-5;
    const out = new Float64Array(9);
    core.neuronLossSurfaceInto(out, { x, y, wMin: w - h, wMax: w + h, bMin: b - h, bMax: b + h, columns: 3, rows: 3 });
    return [(out[5] - out[3]) / (2 * h), (out[7] - out[1]) / (2 * h), out[4]];
  }, drawn.current);
  const [gw, gb, j] = grad;
  assert.ok(Math.abs(j - drawn.current.loss) < 1e-15, `the surface's centre is the core's J (${j} vs ${drawn.current.loss})`);
  assert.ok(Math.abs(gw - drawn.current.dJdW) < 1e-6 * Math.max(1, Math.abs(gw)), `∂J/∂w ${gw} vs ${drawn.current.dJdW}`);
  assert.ok(Math.abs(gb - drawn.current.dJdB) < 1e-6 * Math.max(1, Math.abs(gb)), `∂J/∂b ${gb} vs ${drawn.current.dJdB}`);
  // Screen x is w, screen y is −b (same scale): the arrow is −∇J, so it is orthogonal to the level set's tangent (−gb, gw).
  const [dx, dy] = drawn.arrow;
  const norm = Math.hypot(dx, dy) * Math.hypot(gw, gb);
  const along = (dx * -gw + -dy * -gb) / norm;
  const across = (dx * -gb + -dy * gw) / norm;
  assert.ok(along > 0.9999, `the arrow points down the gradient (cos ${along})`);
  assert.ok(Math.abs(across) < 1e-3, `and across the contour line (cos to the tangent ${across})`);
  // The lowest contour lies along the valley w·x + b = logit(y) (y = 0.5: b = −1.5·w).
  const valley = await page.evaluate(() => {
    const path = document.querySelector('backprop-neuron').shadowRoot.querySelector('svg.contour .contour-line.level-0');
    return path ? path.getAttribute('d').length : 0;
  });
  assert.ok(valley > 0, 'the valley floor is drawn');
  await screenshot(page, 'neuron-contour-1280.png', { clip: await page.locator('backprop-neuron').boundingBox() });
  assertNoProblems(assert, problems);
  await page.close();
});

test('the neuron in predict mode asks whether w and b go up or down, then reveals and scores', async () => {
  const { page, problems } = await openPage(env, 'network.html', { width: 360 });
  await page.evaluate(() => document.querySelector('backprop-neuron').setAttribute('mode', 'predict'));
  await page.locator('backprop-neuron').scrollIntoViewIfNeeded();
  await neuron(page);
  await page.locator('backprop-neuron button[data-action="step"]').click();
  assert.equal(await page.evaluate(() => document.querySelector('backprop-neuron').steps), 0, 'no step before the guess');
  const current = await page.evaluate(() => document.querySelector('backprop-neuron').current);
  const answer = (g) => (g > 0 ? 'down' : 'up');
  // Keyboard: the focus is on the first answer for w; arrows choose, Tab moves to b's group.
  await page.locator('backprop-neuron .predict-choices').first().locator(`input[value="${answer(current.dJdW)}"]`).check();
  await page.locator('backprop-neuron .predict-choices').nth(1).locator(`input[value="${answer(current.dJdB)}"]`).check();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('backprop-neuron').steps === 1);
  assert.match(await shadowText(page, 'backprop-neuron', '.predict-result'), /^Right\. You said w down, b down; the core computed w goes down, b goes down\./);
  assert.equal(await shadowText(page, 'backprop-neuron', '.predict-score'), 'Score: 2 of 2');
  await screenshot(page, 'neuron-predict-360.png', { clip: await page.locator('backprop-neuron').boundingBox() });
  assertNoProblems(assert, problems);
  await page.close();
});
