// No control can lock a figure (STYLE.md): every slider and number field of the front page is moved through its
// whole range, its ends, 0 and −0 and the values the core refuses, and after each the descent figure must still
// step, with the core's numbers. x = 0 in particular (from a slider, a field, a link or an attribute): the figure
// steps, shows why w never moves (ŷ = 0 whatever w is, dJ/dw = 0), and leaving 0 brings everything back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, shadowText } from './helpers.mjs';
import { LIMITS } from '../../www/pkg-article/limits.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/**
 * In the page: sets `input` to each of `values` as a reader would (an input event), and after each checks that
 * #main can take a step. Returns the values after which it could not, with what the figure showed.
 */
function sweep(page, selector, values) {
  return page.evaluate(
    async ([sel, list]) => {
      const main = document.getElementById('main');
      const input = document.querySelector(sel);
      const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
      const locked = [];
      for (const value of list) {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        const step = main.shadowRoot.querySelector('button[data-action="step"]');
        const phase = main.shadowRoot.querySelector('button[data-action="phase"]');
        const before = main.steps;
        const w = main.w;
        const ok = !step.disabled && !phase.disabled && main.nextStep() === true && main.steps === before + 1;
        // The step the core took: w moved by −lr·dJ/dw of its record (0 when x = 0).
        const r = main.records.at(-1);
        const honest = ok && r.w === w && r.wNext === main.w && Number.isFinite(main.loss);
        if (!honest) locked.push({ value, input: input.value, config: main.config, status: main.shadowRoot.querySelector('.status').textContent, stop: main.shadowRoot.querySelector('.stop').textContent });
      }
      return locked;
    },
    [selector, values],
  );
}

/** Every position of a range input, from its own min, max and step. */
function positions(page, selector) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel);
    const [min, max, step] = [Number(r.min), Number(r.max), Number(r.step)];
    const n = Math.round((max - min) / step);
    return Array.from({ length: n + 1 }, (_, i) => String(Number((min + i * step).toFixed(10))));
  }, selector);
}

test('every slider, through its whole range, its ends and 0: the figure steps after each position', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  for (const key of ['x', 'y', 'w', 'lr']) {
    const values = await positions(page, `#range-${key}`);
    assert.ok(values.length > 20, `${key}: the slider has positions`);
    if (key !== 'lr') assert.ok(values.includes('0'), `${key}: the slider passes through 0`);
    // Up and back down, so that every position is reached from both sides, then back to the article's value.
    const locked = await sweep(page, `#range-${key}`, [...values, ...values.slice().reverse(), String(LIMITS.descent.defaults[key])]);
    assert.deepEqual(locked, [], `${key}: positions after which the figure could not step`);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('every number field: its ends, 0, −0, and what the core refuses leave a figure that steps', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const { maxAbsValue: max, maxLr } = LIMITS.descent;
  const refused = ['', 'abc', '1e-7', '-1e-300', String(max + 1), String(-max - 1), 'Infinity', 'NaN', '1e999'];
  const cases = {
    x: ['0', '-0', '0.0', String(max), String(-max), '1e-6', '-1e-6', ...refused, '1.5'],
    y: ['0', '-0', String(max), String(-max), ...refused, '0.5'],
    w: ['0', '-0', String(max), String(-max), ...refused, '0.8'],
    lr: [String(maxLr), '1e-12', '0', '-0', '-1', String(maxLr * 1.01), ...refused, '0.1'],
  };
  for (const [key, values] of Object.entries(cases)) {
    // The field's own bounds are the core's.
    const bounds = await page.locator(`#num-${key}`).evaluate((i) => [i.min, i.max]);
    assert.deepEqual(bounds, key === 'lr' ? ['0', String(maxLr)] : [String(-max), String(max)], `${key}: min and max from limits()`);
    const locked = await sweep(page, `#num-${key}`, values);
    assert.deepEqual(locked, [], `${key}: values after which the figure could not step`);
  }
  // A refused value is said, naming the field; the last value set was accepted, so the message is gone.
  await page.locator('#num-lr').fill('0');
  assert.match(await page.locator('#problem-error').textContent(), /^lr must be a number above 0, at most 100\./);
  await page.locator('#num-lr').fill('0.1');
  assert.equal(await page.locator('#problem-error').isHidden(), true);
  assertNoProblems(assert, problems);
  await page.close();
});

/** What the descent figure shows: its buttons, status, the "why" notice, and the numbers of its equations. */
function figureState(page, host = '#main') {
  return page.evaluate((h) => {
    const el = document.querySelector(h);
    const root = el.shadowRoot;
    const q = (name) => [...root.querySelectorAll(`.equations .quantity[data-quantity="${name}"]`)].map((n) => n.textContent).at(-1);
    return {
      disabled: ['phase', 'step', 'play', 'reset'].filter((a) => root.querySelector(`button[data-action="${a}"]`).disabled),
      steps: el.steps,
      w: el.w,
      still: root.querySelector('.still').hidden ? null : root.querySelector('.still').textContent,
      stop: root.querySelector('.stop').hidden ? null : root.querySelector('.stop').textContent,
      status: root.querySelector('.status').textContent,
      yHat: q('yHat'),
      loss: q('loss'),
      dJdW: q('dJdW'),
      wNext: q('wNext'),
      ticks: [...root.querySelectorAll('svg.curve .tick-label')].map((t) => t.textContent),
      legend: [...root.querySelectorAll('.curve-legend li')].filter((li) => li.checkVisibility()).map((li) => li.textContent),
    };
  }, host);
}

for (const fragment of ['x=0', 'x=-0']) {
  test(`#${fragment}: the figure steps, w stays, and the figure says why; leaving 0 brings it all back`, async () => {
    const { page, problems } = await openPage(env, `index.html#${fragment}&y=0.5&w=0.8&lr=0.1&step=0`);
    await waitForFigure(page);
    await page.locator('#main').evaluate((el) => el.setAttribute('equations', ''));
    let s = await figureState(page);
    assert.deepEqual(s.disabled, [], 'no button is disabled');
    assert.equal(s.stop, null, 'no stop notice');
    assert.match(s.still, /^With x = 0 the prediction ŷ = x·w is 0 whatever w is: J = y² at every w, the slope dJ\/dw = 2\(ŷ − y\)·x is 0, and each step leaves w at 0\.8\./);
    assert.equal(await page.evaluate(() => location.hash.includes('x=0')), true);
    assert.ok(!s.legend.some((t) => t.startsWith('w*')), `no w* to name in the legend: ${s.legend}`);
    // Three steps, phase by phase: ŷ = 0, J = y² = 0.25, dJ/dw = 0, w ← 0.8 (the core's numbers).
    for (let i = 0; i < 3; i++) {
      for (let p = 0; p < 4; p++) await page.locator('#main button[data-action="phase"]').click();
      s = await figureState(page);
      assert.deepEqual([s.steps, s.w, s.yHat, s.loss, s.dJdW, s.wNext], [i + 1, 0.8, '0', '0.25', '0', '0.8']);
    }
    assert.match(s.status, /^Step 3 done: the update w ← w − lr·dJ\/dw gives w = 0\.8\.$/);
    // The J(w) view spans the bowl around w, not a millionth of it (J is flat: y² everywhere).
    assert.ok(s.ticks.every((t) => t.length <= 4), `short tick labels: ${s.ticks}`);
    // Play runs too, and Reset goes back to step 0.
    await page.locator('#main').evaluate((el) => el.play());
    await page.waitForFunction(() => document.querySelector('#main').steps >= 4);
    await page.locator('#main').evaluate((el) => el.pause());
    await page.locator('#main button[data-action="reset"]').click();
    assert.equal((await figureState(page)).steps, 0);
    // The regimes figure says the same.
    await page.locator('backprop-regimes').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('backprop-regimes').shadowRoot.querySelector('.regime-text')?.textContent.startsWith('With x = 0'));

    // Leaving 0: x = 1.5 again, the analysis, the notice gone, the article's numbers.
    await page.locator('#num-x').fill('1.5');
    await page.locator('#main button[data-action="step"]').click();
    s = await figureState(page);
    assert.equal(s.still, null);
    assert.deepEqual([s.steps, s.w, s.wNext], [1, 0.59, '0.59']);
    assert.ok(s.legend.some((t) => t.startsWith('w*')), 'w* is back in the legend');
    assert.match(await shadowText(page, 'backprop-regimes', '.regime-text'), /^lr = 0\.1 is below 1\/\(2x²\)/);
    assertNoProblems(assert, problems);
    await page.close();
  });
}

test('x = 0 as an attribute: the widget page, and a blog figure set to 0 and back', async () => {
  const { page, problems } = await openPage(env, 'embed/descent.html#x=0&y=2&w=-1&lr=0.5');
  await waitForFigure(page, '#figure');
  await page.locator('#figure button[data-action="step"]').click();
  let s = await figureState(page, '#figure');
  assert.deepEqual([s.disabled, s.steps, s.w, s.loss, s.dJdW], [[], 1, -1, '4', '0']);
  assert.match(s.still, /each step leaves w at −1\./);

  await page.goto(new URL('blog-demo.html', env.url).href);
  await page.locator('#runaway').scrollIntoViewIfNeeded();
  await waitForFigure(page, '#runaway');
  await page.locator('#runaway').evaluate((el) => el.setAttribute('x', '0'));
  await page.locator('#runaway button[data-action="step"]').click();
  s = await figureState(page, '#runaway');
  assert.deepEqual([s.disabled, s.steps, s.w, s.stop], [[], 1, 0, null]);
  await page.locator('#runaway').evaluate((el) => el.setAttribute('x', '2'));
  await page.locator('#runaway button[data-action="step"]').click();
  s = await figureState(page, '#runaway');
  assert.deepEqual([s.still, s.steps, s.w], [null, 1, 1.2]); // w ← 0 − 0.3·2(0 − 1)·2 = 1.2
  assertNoProblems(assert, problems);
  await page.close();
});
