// Predict, then reveal: in predict mode each phase's value stays hidden until the reader has guessed it; the guess
// is judged against the core's value, shown beside it with the reason, and scored. By keyboard alone, and from
// the URL (mode=predict).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, shadowText } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const unknown = (page, quantity) =>
  page.evaluate((q) => {
    return [...document.querySelector('#main').shadowRoot.querySelectorAll(`.equations .quantity[data-quantity="${q}"]`)].map((n) => n.textContent).at(-1);
  }, quantity);

test('mode=predict: each value is hidden until guessed, then shown beside the guess and scored; keyboard only', async () => {
  const { page, problems } = await openPage(env, 'index.html#v=1&x=1.5&y=0.5&w=0.8&lr=0.1&step=0&mode=predict');
  await waitForFigure(page);
  assert.equal(await page.locator('#main button[data-action="predict"]').getAttribute('aria-pressed'), 'true');
  // Before any guess the coming step is not previewed: ŷ, J, dJ/dw and the next w are all "?".
  await page.locator('#main').evaluate((el) => el.setAttribute('equations', ''));
  for (const q of ['yHat', 'loss', 'dJdW', 'wNext']) assert.equal(await unknown(page, q), '?', `${q} hidden`);
  assert.equal(await page.locator('#main button[data-action="step"]').isDisabled(), true, 'no skipping ahead');

  // Forward, by keyboard: "." opens the question and focuses the field; a wrong number is scored as such.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('.');
  assert.equal(await page.evaluate(() => document.querySelector('#main').shadowRoot.activeElement?.className), 'predict-input');
  assert.equal(await unknown(page, 'yHat'), '?', 'still hidden while asking');
  await page.keyboard.type('1.3');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#main').phase === 'forward');
  assert.equal(await unknown(page, 'yHat'), '1.2', 'revealed after the guess');
  let result = await shadowText(page, '#main', '.predict-result');
  assert.match(result, /^Not quite\. You said 1\.3; the core computed 1\.2\. ŷ = x·w = 1\.5 · 0\.8 = 1\.2\./);
  assert.equal(await shadowText(page, '#main', '.predict-score'), 'Score: 0 of 1');
  assert.equal(await unknown(page, 'loss'), '?', 'J still hidden');

  // Error: a choice, by keyboard (the focus is on Next; Enter asks; arrows pick; Enter reveals).
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight'); // a radio group: the arrow keys move between answers
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#main').phase === 'error');
  result = await shadowText(page, '#main', '.predict-result');
  assert.match(result, /^Right\. You said above: ŷ − y is positive; the core computed ŷ − y = 0\.7\./);
  assert.equal(await shadowText(page, '#main', '.predict-score'), 'Score: 1 of 2');

  // Backward (within 1%), then the update's direction, by mouse.
  await page.locator('#main button[data-action="phase"]').click();
  await page.locator('#main .predict-input').fill('2.1');
  await page.locator('#main .predict-submit').click();
  assert.match(await shadowText(page, '#main', '.predict-result'), /^Right\. You said 2\.1; the core computed 2\.1\./);
  await page.locator('#main button[data-action="phase"]').click();
  await page.locator('#main .predict-option', { hasText: 'down' }).click();
  await page.locator('#main .predict-submit').click();
  assert.match(await shadowText(page, '#main', '.predict-result'), /w goes down, to 0\.59\. w moves against the slope: dJ\/dw = 2\.1 is positive/);
  assert.equal(await shadowText(page, '#main', '.predict-score'), 'Score: 3 of 4');
  assert.equal(await page.evaluate(() => document.querySelector('#main').steps), 1);
  // The live region carries the result to screen readers.
  assert.match(await shadowText(page, '#main', '[aria-live]'), /Right\. .*Press Next to predict the next phase\./);
  // Turning the mode off writes it out of the link.
  await page.locator('#main button[data-action="predict"]').click();
  await page.waitForFunction(() => !location.hash.includes('mode=') && location.hash.includes('step=1'));
  assertNoProblems(assert, problems);
  await page.close();
});

test('axe finds nothing in the predict panels, asking and revealed, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await openPage(env, 'index.html#v=1&mode=predict', { colorScheme, width: 360 });
    await waitForFigure(page);
    await page.locator('#main button[data-action="phase"]').click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}: asking`);
    await page.locator('#main .predict-input').fill('1');
    await page.locator('#main .predict-submit').click();
    await page.locator('#main button[data-action="phase"]').click();
    assert.deepEqual(await axeViolations(page), [], `${colorScheme}: a choice, after a result`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
