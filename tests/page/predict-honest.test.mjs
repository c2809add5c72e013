// Predict mode keeps its answers: nothing on the page (the figure, the live equations beside the article, the
// table, the loss, the result section, the neuron's −∇J arrow and slopes) shows a number of the coming step before
// the reader has guessed it, whether predict mode came from the link or from the button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, deepText, drawEach } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** The numbers of `list` that `text` shows as numbers (not as the start of a longer one: 0.59 is not 0.5900000000000001). */
function shown(text, list) {
  return list.filter((n) => new RegExp(`(?<![\\d.])${n.replace('.', '\\.')}(?![\\d])`).test(text));
}

/** Every figure drawn (the linked ones draw once near the viewport), then the page's text, shadow roots included. */
async function pageText(page) {
  await drawEach(page, 'backprop-equation, backprop-table, backprop-loss, backprop-regimes');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return deepText(page);
}

async function guess(page, answer) {
  await page.locator('#main button[data-action="phase"]').click();
  const field = page.locator('#main .predict-input');
  if (await field.count()) await field.fill(answer);
  else await page.locator('#main .predict input[type="radio"]').first().check();
  await page.locator('#main .predict-submit').click();
}

// The article's first step: ŷ = 1.2, J = 0.49 (ŷ − y = 0.7), dJ/dw = 2.1, w₁ = 0.59; the second: ŷ = 0.885,
// J = 0.148225, dJ/dw = 1.155, w₂ = 0.4745.
const FIRST = { forward: ['1.2'], error: ['0.49', '0.7'], backward: ['2.1'], update: ['0.59'] };
const SECOND = ['0.885', '0.148225', '1.155', '0.4745'];

for (const via of ['link', 'button']) {
  test(`predict mode from the ${via}: each phase's numbers appear on the page only after its guess`, async () => {
    const { page, problems } = await openPage(env, via === 'link' ? 'index.html#mode=predict' : 'index.html');
    await waitForFigure(page);
    if (via === 'button') {
      assert.deepEqual(shown(await pageText(page), FIRST.forward), ['1.2'], 'explore mode previews the coming step');
      await page.locator('#main button[data-action="predict"]').click();
    }
    const hidden = Object.values(FIRST).flat();
    assert.deepEqual(shown(await pageText(page), hidden), [], 'before any guess');
    assert.match(await page.locator('backprop-equation[name="result"]').evaluate((e) => e.shadowRoot.textContent), /\?/, 'the result section does not compute x·w');
    const phases = Object.keys(FIRST);
    for (const [i, phase] of phases.entries()) {
      await guess(page, '1');
      await page.waitForFunction((p) => document.querySelector('#main').phase === p, phase);
      const text = await pageText(page);
      const later = phases.slice(i + 1).flatMap((p) => FIRST[p]);
      assert.deepEqual(shown(text, later), [], `after guessing ${phase}, the later phases stay hidden`);
      assert.ok(shown(text, FIRST[phase]).length > 0, `after guessing ${phase}, its number is shown`);
    }
    // A whole step shown: the next step's numbers are the next questions' answers.
    assert.deepEqual(shown(await pageText(page), SECOND), [], 'the second step stays hidden');
    // Back to explore: the coming step is previewed again.
    await page.locator('#main button[data-action="predict"]').click();
    assert.ok(shown(await pageText(page), SECOND).length > 0, 'explore mode shows the coming step');
    assertNoProblems(assert, problems);
    await page.close();
  });
}

test('the neuron in predict mode: no −∇J arrow and no slope before the guess, switched on with the button', async () => {
  const { page, problems } = await openPage(env, 'network.html');
  await page.locator('#neuron-figure').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#neuron-figure')?.current !== null && document.querySelector('#neuron-figure')?.current !== undefined);
  const view = () =>
    page.locator('#neuron-figure').evaluate((el) => {
      const root = el.shadowRoot;
      return {
        arrow: root.querySelector('.gradient-arrow').childElementCount,
        title: root.querySelector('svg.contour title')?.textContent ?? '',
        equations: [...root.querySelectorAll('.math-line')].map((m) => m.getAttribute('aria-label')).join(' | '),
        dJdW: el.current.dJdW,
      };
    });
  let v = await view();
  assert.ok(v.arrow > 0, 'explore mode draws −∇J');
  const slope = String(Math.round(v.dJdW * 1e4) / 1e4).slice(0, 5);
  await page.locator('#neuron-figure button[data-action="predict"]').click();
  v = await view();
  assert.equal(v.arrow, 0, 'no arrow: it answers "will w and b go up or down?"');
  assert.doesNotMatch(v.title, /−∇J =/);
  assert.ok(!v.equations.includes(slope), `no dJ/dw (${slope}) in the equations: ${v.equations}`);
  // Guessing reveals the step just taken; the coming step's arrow stays hidden while predicting.
  await page.locator('#neuron-figure button[data-action="step"]').click();
  await page.locator('#neuron-figure .predict input[type="radio"]').first().check();
  await page.locator('#neuron-figure .predict input[type="radio"]').nth(3).check();
  await page.locator('#neuron-figure .predict-submit').click();
  await page.waitForFunction(() => document.querySelector('#neuron-figure').steps === 1);
  assert.equal((await view()).arrow, 0);
  await page.locator('#neuron-figure button[data-action="predict"]').click();
  assert.ok((await view()).arrow > 0, 'back in explore mode the arrow returns');
  assertNoProblems(assert, problems);
  await page.close();
});
