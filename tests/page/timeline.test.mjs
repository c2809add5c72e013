// Time travel (<backprop-timeline>) and two runs side by side (<backprop-compare>) on the front page: the slider
// scrubs the figure to any step by keyboard and shows that step's record, the article's digits; the comparison's
// factors are 1 − 2·lr·x² as the closed form gives them, and the step where the runs part is the one computed here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, setup, waitForFigure } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const ARTICLE = ['0.8', '0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375'];
const record = (page) =>
  page.evaluate(() => {
    const t = document.querySelector('backprop-timeline');
    const rows = [...t.shadowRoot.querySelectorAll('.timeline-record tbody tr')];
    return Object.fromEntries(rows.map((r) => [r.cells[0].textContent, r.cells[1].dataset.value]));
  });
const stepOf = (page) => page.evaluate(() => document.getElementById('main').steps);

test('the timeline: arrows, End and Home scrub the figure; each step’s record is the article’s', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  await page.locator('backprop-timeline').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-timeline').shadowRoot.querySelector('input[type=range]')?.max);
  await page.evaluate(() => document.querySelector('backprop-timeline').shadowRoot.querySelector('input').focus());
  for (let k = 1; k <= 5; k += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.getElementById('main').steps === n, k);
    const r = await record(page);
    assert.equal(r.w, ARTICLE[k - 1], `w before step ${k}`);
    assert.equal(r['w next'], ARTICLE[k], `w after step ${k}`);
    // dJ/dw = dJ/dŷ · dŷ/dw, and dŷ/dw = x
    assert.equal(Number(r['dJ/dw']), Number(r['dJ/dŷ']) * 1.5);
    assert.equal(r['dŷ/dw'], '1.5');
  }
  assert.match(page.url(), /step=5/, 'the address follows');
  await page.keyboard.press('End');
  const end = await page.evaluate(() => Number(document.querySelector('backprop-timeline').shadowRoot.querySelector('input').max));
  await page.waitForFunction((n) => document.getElementById('main').steps === n, end);
  assert.ok(end >= 23, `the line reaches six digits (23 steps at the article's numbers), got ${end}`);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.getElementById('main').steps === 0);
  assert.equal(await stepOf(page), 0);
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(assert, problems);
  await page.close();
});

test('two runs side by side: the factors are 1 − 2·lr·x², the runs part where one crosses w* and the other does not', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const compare = page.locator('backprop-compare');
  await compare.scrollIntoViewIfNeeded();
  const read = () =>
    page.evaluate(() => {
      const root = document.querySelector('backprop-compare').shadowRoot;
      return { factors: [...root.querySelectorAll('.compare-factors li')].map((li) => Number(li.dataset.factor)), parted: root.querySelector('.compare-parted')?.dataset.step };
    });
  await page.waitForFunction(() => document.querySelector('backprop-compare').shadowRoot.querySelectorAll('.compare-factors li').length === 2);
  let r = await read();
  // x = 1.5: 1 − 2·0.1·2.25 = 0.55 and 1 − 2·0.45·2.25 = −1.025 (to the last bit, as the core rounds them)
  assert.ok(Math.abs(r.factors[0] - 0.55) < 1e-15 && Math.abs(r.factors[1] + 1.025) < 1e-15, JSON.stringify(r.factors));
  // w₁ = 0.59 (above w* = 1/3) against 0.8 − 0.45·2.1 = −0.145 (below): they part at step 1.
  assert.equal(r.parted, '1');
  await page.evaluate(() => document.querySelector('backprop-compare').setAttribute('compare-lr', String(2 / 9)));
  await page.waitForFunction(() => document.querySelector('backprop-compare').shadowRoot.querySelectorAll('.compare-factors li')[1]?.dataset.factor === '0');
  r = await read();
  assert.equal(r.factors[1], 0, 'lr = 1/(2x²) lands on w* in one step');
  assert.equal(r.parted, '', 'a run that lands on w* never stands on the other side');
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(assert, problems);
  await page.close();
});
