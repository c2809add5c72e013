// The front page used as a reader uses it: stepping through the article's first five updates, phase by phase,
// by keyboard only, with the live region speaking, and the article's last row accounted for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems } from './helpers.mjs';

const ARTICLE = ['0.8', '0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375'];
let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const cellW = (page, n) => page.locator(`backprop-table tr[data-step="${n}"] td.w`).textContent();
const updateResult = (page) => page.locator('backprop-equation[name="update"] .quantity[data-quantity="wNext"]').last().textContent();
const live = (page) => page.locator('#main [aria-live]').textContent();

test('stepping five times shows the article’s digits in the table and in the update equation', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  assert.equal(await cellW(page, 0), ARTICLE[0]);
  for (let n = 1; n <= 5; n++) {
    await page.locator('#main button[data-action="step"]').click();
    assert.equal(await cellW(page, n), ARTICLE[n], `table row ${n}`);
    assert.equal(await updateResult(page), ARTICLE[n], `update equation after step ${n}`);
    assert.match(await live(page), new RegExp(`^step ${n}: w = ${ARTICLE[n].replace('.', '\\.')}, loss = [0-9.]+$`));
  }
  for (let n = 0; n <= 5; n++) {
    assert.equal(await page.locator(`backprop-table tr[data-step="${n}"] td.mark`).textContent(), 'article', `row ${n} is marked`);
  }
  // The update equation shows the step just taken, the result equation the current weight, in the article's digits.
  assert.match(await page.locator('backprop-equation[name="update"] .math-line').textContent(), /^w←w−lr·dJdw=0\.37603625−0\.1·/);
  assert.match(await page.locator('backprop-equation[name="result"] .math-line').textContent(), /=1\.5·0\.3568199375=/);
  assert.match(new URL(page.url()).hash, /step=5/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the article’s last row is placed at the step it stands for, computed', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const digitsStep = await page.evaluate(() => document.querySelector('#main').model.facts.digitsStep);
  assert.ok(Number.isInteger(digitsStep) && digitsStep > 6, `stepsToDigits gives ${digitsStep}`);
  const note = await page.locator('backprop-table .table-note').textContent();
  assert.match(note, new RegExp(`That row is step ${digitsStep}: the “…” hides ${digitsStep - 6} rows, ${digitsStep - 5} more updates`));
  // Run to that step: its row reads 0.333333 to six places and is marked as the article's last row.
  await page.evaluate((n) => document.querySelector('#main').setAttribute('steps', String(n)), digitsStep);
  const w = Number(await cellW(page, digitsStep));
  assert.equal(w.toFixed(6), '0.333333');
  assert.match(await page.locator(`backprop-table tr[data-step="${digitsStep}"] td.mark`).textContent(), /last row: 0\.333333/);
  const before = await page.evaluate((n) => document.querySelector('#main').model.trail()[n - 1], digitsStep);
  assert.notEqual(before.toFixed(6), '0.333333', 'the step before does not read 0.333333 yet');
  assertNoProblems(assert, problems);
  await page.close();
});

test('phase stepping highlights the quantity being computed, in the equations and the figures', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const phase = page.locator('#main button[data-action="phase"]');
  const current = (name) => page.locator(`backprop-equation[name="${name}"] .quantity.current`).last().textContent();
  const svgCurrent = (selector) => page.locator(`#main ${selector}`).evaluate((el) => el.classList.contains('current'));

  await phase.click(); // forward
  assert.equal(await current('forward'), '1.2');
  assert.ok(await svgCurrent('.node.output'), 'the ŷ node is highlighted');
  assert.equal(await page.locator('backprop-equation[name="error"] .quantity[data-quantity="loss"]').last().textContent(), '?', 'J not computed yet');
  assert.match(await live(page), /^forward: ŷ = 1\.2$/);

  await phase.click(); // error
  assert.equal(await current('error'), '0.49');
  assert.ok(await svgCurrent('.node.error'), 'the J node is highlighted');
  assert.ok(await svgCurrent('.loss-line'), 'the height of the point (J) is highlighted in J(w)');
  assert.equal(await page.locator('backprop-equation[name="forward"] .quantity.current').count(), 0);

  await phase.click(); // backward
  assert.equal(await current('chain'), '2.1');
  assert.ok(await svgCurrent('svg.curve .tangent'), 'the tangent (slope dJ/dw) is highlighted');
  assert.ok(await svgCurrent('.backward'), 'the backward arrow is highlighted');

  await phase.click(); // update: the step is taken
  assert.equal(await current('update'), '0.59');
  assert.ok(await svgCurrent('svg.curve .step-arrow'), 'the step along w is highlighted');
  assert.equal(await cellW(page, 1), '0.59');
  assert.match(await live(page), /^step 1: w = 0\.59, loss = /);
  assert.equal(await page.evaluate(() => document.querySelector('#main').phase), 'update');
  assertNoProblems(assert, problems);
  await page.close();
});

test('keyboard only: Tab reaches every control, and the shortcuts drive the figure', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  // Tab from the top of the page until the figure's "next phase" button has the focus.
  const focused = () =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.localName}${el.dataset?.action ? `[${el.dataset.action}]` : ''}${el.id ? `#${el.id}` : ''}` : null;
    });
  const seen = [];
  for (let i = 0; i < 40 && !seen.includes('button[phase]'); i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  assert.ok(seen.includes('button[phase]'), `focus order: ${seen.join(', ')}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('#main').phase), 'forward');
  await page.keyboard.press('n'); // completes the step
  assert.equal(await page.evaluate(() => document.querySelector('#main').steps), 1);
  // Every control of the figure and of the problem can be reached with Tab, and each has a name.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  for (const want of ['button[step]', 'button[play]', 'select', 'button[reset]', 'input#range-x', 'input#num-x', 'input#num-lr', 'button#export-csv']) {
    assert.ok(seen.includes(want), `${want} is reachable; focus order: ${seen.join(', ')}`);
  }
  const unnamed = await page.evaluate(() => {
    const all = [...document.querySelectorAll('button, input, select')];
    for (const host of document.querySelectorAll('backprop-descent, backprop-regimes')) all.push(...host.shadowRoot.querySelectorAll('button, select'));
    return all
      .filter((el) => {
        const label = el.getAttribute('aria-label') || el.textContent.trim() || (el.id && el.getRootNode().querySelector(`label[for="${el.id}"]`)?.textContent) || el.closest('label')?.textContent;
        return !label || !label.trim();
      })
      .map((el) => el.outerHTML.slice(0, 80));
  });
  assert.deepEqual(unnamed, [], 'controls without an accessible name');

  // Page-wide shortcuts, with the focus outside any field.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('.');
  assert.equal(await page.evaluate(() => document.querySelector('#main').phase), 'forward');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await page.evaluate(() => document.querySelector('#main').steps), 2);
  assert.match(await live(page), /^step 2: w = 0\.4745, loss = /);
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.querySelector('#main').steps), 0);
  assert.match(await live(page), /^reset: step 0, w = 0\.8$/);
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.querySelector('#main').playing), true);
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.querySelector('#main').playing), false);
  // Typing in a field does not trigger shortcuts.
  await page.locator('#num-y').focus();
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.querySelector('#main').getAttribute('y')), '0.5');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the trace exports as CSV and JSON with the exact numbers', async () => {
  const { page, problems } = await openPage(env, 'index.html#x=1.5&y=0.5&w=0.8&lr=0.1&step=3');
  await waitForFigure(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  assert.equal(csv.suggestedFilename(), 'backprop-trace.csv');
  const text = await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8');
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'step,w,yHat,error,loss,dJdYHat,dYHatdW,dJdW,wNext');
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',').at(-1)), ['0.59', '0.4745', '0.410975']);
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const data = JSON.parse(await (await import('node:fs/promises')).readFile(await json.path(), 'utf8'));
  assert.deepEqual(data.config, { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 });
  assert.deepEqual(data.steps.map((s) => s.wNext), [0.59, 0.4745, 0.410975]);
  assertNoProblems(assert, problems);
  await page.close();
});
