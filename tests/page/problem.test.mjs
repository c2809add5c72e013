// Your own problem: the learning-rate regimes follow the inputs; a diverging run stops at the step where the numbers
// leave the finite range and explains why in the numbers of the problem; lr = 2/9 converges in one step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, deepText } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const regimeText = (page) => page.locator('backprop-regimes .regime-text').textContent();

test('lr = 0.5 is explained as diverging, and playing stops at the overflow with the reason in numbers', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  await page.locator('#num-lr').fill('0.5');
  assert.equal(await page.locator('#range-lr').inputValue(), '0.5', 'the slider follows the number field');
  const text = await regimeText(page);
  assert.match(text, /^lr = 0\.5 exceeds 1\/x² = 0\.4444444444: each step multiplies the distance to the optimum w\* = y\/x = 0\.3333333333 by 1 − 2·lr·x² = −1\.25/);
  const overflow = await page.evaluate(() => document.querySelector('#main').model.facts.overflowStep);
  assert.ok(overflow > 1000, `the core finds the overflow step (${overflow})`);
  assert.match(text, new RegExp(`at step ${overflow.toLocaleString('en-US')}, and the descent stops there`));
  assert.equal(await page.locator('backprop-regimes .marker.diverging').count(), 1);

  // Play as fast as the figure goes, and wait for it to stop by itself.
  const events = page.evaluate(() => new Promise((done) => document.querySelector('#main').addEventListener('diverge', (e) => done(e.detail), { once: true })));
  await page.locator('#main select').selectOption('1000');
  await page.locator('#main button[data-action="play"]').click();
  const detail = await events;
  assert.equal(detail.step, overflow, 'the diverge event names the step');
  await page.locator('#main .stop').waitFor({ state: 'visible' });
  const stop = await page.locator('#main .stop').textContent();
  assert.match(stop, new RegExp(`^Stopped before step ${overflow.toLocaleString('en-US')}: from w = −?[0-9.]+ × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ the update would give numbers beyond the largest finite number \\(1\\.8 × 10³⁰⁸\\)\\.`));
  assert.match(stop, /by 1 − 2·lr·x² = −1\.25, larger than 1 in size because lr = 0\.5 exceeds 1\/x² = 0\.4444444444/);
  assert.equal(await page.evaluate(() => document.querySelector('#main').steps), overflow - 1);
  assert.equal(await page.evaluate(() => document.querySelector('#main').playing), false);
  assert.ok(await page.locator('#main button[data-action="step"]').isDisabled(), 'stepping is disabled at the stop');
  const all = await deepText(page);
  assert.doesNotMatch(all, /NaN|Infinity/, 'never NaN or Infinity on screen');
  assert.match(new URL(page.url()).hash, new RegExp(`lr=0\\.5&step=${overflow - 1}$`));
  assertNoProblems(assert, problems);
  await page.close();
});

test('lr = 2/9 = 1/(2x²) lands on the optimum in one step', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  await page.locator('#num-lr').fill(String(2 / 9));
  const text = await regimeText(page);
  assert.match(text, /^lr = 0\.2222222222 is 1\/\(2x²\) = 0\.2222222222: each step multiplies the distance to the optimum w\* = y\/x = 0\.3333333333 by 1 − 2·lr·x² = 0, so the very first step lands on w\*\./);
  assert.match(text, /within 5 × 10⁻⁷ of w\* after 1 step\./);
  await page.locator('#main button[data-action="step"]').click();
  assert.equal(await page.locator('backprop-table tr[data-step="1"] td.w').textContent(), '0.3333333333');
  const w = await page.evaluate(() => document.querySelector('#main').w);
  assert.ok(Math.abs(w - 1 / 3) < 1e-15, `w₁ = ${w}`);
  // The preset button does the same from the figure itself.
  await page.locator('#num-lr').fill('0.1');
  await page.locator('backprop-regimes button[data-preset="lrOneStep"]').click();
  assert.equal(await page.locator('#num-lr').inputValue(), String(2 / 9));
  assert.equal(await page.evaluate(() => document.querySelector('#main').analysis.regime), 'oneStep');
  assertNoProblems(assert, problems);
  await page.close();
});

test('an out-of-range input is refused next to the field, and the figure keeps its problem', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  await page.locator('#num-lr').fill('250');
  assert.equal(await page.locator('#num-lr').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#problem-error').textContent(), 'lr must be a number above 0, at most 100.');
  assert.equal(await page.evaluate(() => document.querySelector('#main').config.lr), 0.1);
  await page.locator('#num-x').fill('0');
  assert.match(await regimeText(page), /^With x = 0 the prediction ŷ = x·w is 0 whatever w is/);
  assertNoProblems(assert, problems);
  await page.close();
});
