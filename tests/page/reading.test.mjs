// The descent figure read by a first-time learner: J(w) has a legend naming each mark, the status line is a
// sentence, equations wrap at sensible places with real minus signs, nothing is cut at 360 px without a sign that it
// scrolls, the sticky figure fits a 1366 × 768 window whole, and Play is announced once per step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test('J(w) has a legend: the curve, the dashed w*, the dotted trail, the tangent and the arrow, drawn as in the chart', async () => {
  const { page, problems } = await openPage(env, 'index.html#step=2');
  await waitForFigure(page);
  const legend = await page.locator('#main').evaluate((el) => {
    const root = el.shadowRoot;
    return [...root.querySelectorAll('.curve-legend li')].map((li) => {
      const marks = [...li.querySelectorAll('svg.swatch [class]')].map((m) => m.getAttribute('class'));
      // Each sample is drawn with the chart's own class, and the chart has that mark.
      const inChart = marks.every((c) => root.querySelector(`svg.curve .${c.split(' ')[0]}`));
      const style = marks.map((c) => getComputedStyle(li.querySelector(`.${c.split(' ')[0]}`)).strokeDasharray);
      return { text: li.textContent, marks, inChart, style };
    });
  });
  assert.deepEqual(legend.map((l) => l.text), ['J(w), the error', 'w*, the best weight', 'weights visited', 'tangent: the slope dJ/dw', 'arrow: the step to the next w']);
  assert.ok(legend.every((l) => l.inChart), JSON.stringify(legend));
  assert.notEqual(legend[1].style[0], 'none', 'w* is dashed, as in the chart');
  assert.notEqual(legend[2].style[0], 'none', 'the trail is dotted, as in the chart');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the status line is a sentence in every phase, never items strung on "·"', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const status = () => page.locator('#main').evaluate((el) => el.shadowRoot.querySelector('.status').textContent);
  const seen = [await status()];
  for (let i = 0; i < 8; i++) {
    await page.locator('#main button[data-action="phase"]').click();
    seen.push(await status());
  }
  assert.deepEqual(seen.slice(0, 5), [
    'Ready: press Next or Step. w is 0.8.',
    'Step 1, forward pass: ŷ = x·w is computed, with w at 0.8.',
    'Step 1, error: J = (ŷ − y)² is computed, with w at 0.8.',
    'Step 1, backward pass: dJ/dw is computed, with w at 0.8.',
    'Step 1 done: the update w ← w − lr·dJ/dw gives w = 0.59.',
  ]);
  for (const s of seen) assert.doesNotMatch(s, / · /, s);
  assertNoProblems(assert, problems);
  await page.close();
});

test('equations: "w* = y/x = 0.333…" in one piece, and a power of ten with a minus sign', async () => {
  const { page, problems } = await openPage(env, 'index.html#step=60', { width: 360, height: 740 });
  await waitForFigure(page);
  await page.locator('backprop-equation[name="result"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-equation[name="result"]').ready);
  const pieces = await page.locator('backprop-equation[name="result"]').evaluate((el) => [...el.shadowRoot.querySelectorAll('math')].map((m) => m.textContent));
  const optimum = pieces.find((p) => p.includes('*'));
  assert.equal(optimum, 'w*=y/x=0.3333333333', `the optimum in one piece: ${JSON.stringify(pieces)}`);
  // After 60 steps J is about 10⁻³⁰: its exponent is written with U+2212, never a hyphen.
  const maths = await page.evaluate(() => [...document.querySelectorAll('backprop-equation')].flatMap((e) => [...e.shadowRoot.querySelectorAll('msup')].map((m) => m.textContent)));
  assert.ok(maths.some((t) => /^10−\d+$/.test(t)), `powers of ten: ${maths}`);
  const all = await page.evaluate(() => [...document.querySelectorAll('backprop-equation, backprop-descent')].map((e) => [...e.shadowRoot.querySelectorAll('math')].map((m) => m.textContent).join(' ')).join(' '));
  assert.doesNotMatch(all, /-/, 'no hyphen-minus in any equation');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the blog post at 360 px: equations wrap inside their boxes, and the table shows that it scrolls', async () => {
  const { page, problems } = await openPage(env, 'blog-demo.html', { width: 360, height: 740 });
  await page.locator('#gentle').scrollIntoViewIfNeeded();
  await waitForFigure(page, '#gentle');
  // Five steps in: the update reads "= 0.37603625 − 0.1·0.192163125 = 0.3568199375", the longest of the article.
  await page.locator('#gentle').evaluate((el) => { for (let i = 0; i < 5; i++) el.nextStep(); });
  await page.waitForTimeout(100);
  const cut = await page.locator('#gentle').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.equation')].flatMap((box) => {
      const edge = box.getBoundingClientRect().right;
      return [...box.querySelectorAll('math')].filter((m) => m.getBoundingClientRect().right > edge + 0.5).map((m) => m.textContent);
    }),
  );
  assert.deepEqual(cut, [], 'pieces cut at the right edge');
  await page.locator('backprop-table').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-table').ready);
  const table = await page.locator('backprop-table').evaluate((el) => {
    const wrap = el.shadowRoot.querySelector('.table-wrap');
    return { scrolls: wrap.scrollWidth > wrap.clientWidth, marked: wrap.classList.contains('scrolls'), shadow: getComputedStyle(wrap).backgroundImage, focusable: wrap.tabIndex === 0, label: wrap.getAttribute('aria-label') };
  });
  if (table.scrolls) {
    assert.equal(table.marked, true, 'a table wider than its box is marked as scrolling');
    assert.match(table.shadow, /gradient/, 'with a shadow at the edge that has more');
    assert.equal(table.focusable, true, 'and takes the focus, for the arrow keys');
    assert.match(table.label, /scrolls sideways/);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

for (const [width, height, hash] of [[1366, 768, 'step=2'], [1280, 800, 'step=2'], [1280, 720, 'step=2'], [1366, 768, 'x=0&step=1'], [1366, 768, 'lr=0.9&step=700'], [1280, 800, 'lr=0.9&step=700']]) {
  test(`the sticky figure fits a ${width} × ${height} window whole, with "Copy link" in view (#${hash})`, async () => {
    const { page, problems } = await openPage(env, `index.html#${hash}`, { width, height });
    await waitForFigure(page);
    for (const y of [0, 600, 1500, 3000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
      const fit = await page.evaluate(() => {
        const stage = document.getElementById('stage');
        const copy = document.getElementById('copy-link').getBoundingClientRect();
        const figure = document.getElementById('main').getBoundingClientRect();
        return { overflow: stage.scrollHeight - stage.clientHeight, copy: copy.bottom, figure: figure.bottom, top: figure.top, height: innerHeight };
      });
      assert.ok(fit.overflow <= 1, `the stage scrolls on its own by ${fit.overflow}px at scroll ${y}`);
      // Once the page has scrolled past the header, the stage is stuck at the top: all of it in view.
      if (y > 0) assert.ok(fit.top >= 0 && fit.copy <= fit.height && fit.figure <= fit.height, `at scroll ${y}: ${JSON.stringify(fit)}`);
    }
    assertNoProblems(assert, problems);
    await page.close();
  });
}

test('Play is announced once per step, not once per phase (1 step/s), and at most once a second when fast', async () => {
  const { page, problems } = await openPage(env, 'index.html', { reducedMotion: 'no-preference' });
  await waitForFigure(page);
  const listen = (ms) =>
    page.evaluate(async (duration) => {
      const el = document.getElementById('main');
      const live = el.shadowRoot.querySelector('[aria-live]');
      const said = [];
      const watch = new MutationObserver(() => said.push([Math.round(performance.now()), live.textContent]));
      watch.observe(live, { childList: true, characterData: true, subtree: true });
      const from = el.steps;
      el.play();
      await new Promise((done) => setTimeout(done, duration));
      el.pause();
      watch.disconnect();
      return { said, steps: el.steps - from };
    }, ms);
  const slow = await listen(3300);
  assert.ok(slow.steps >= 2, `steps taken: ${slow.steps}`);
  assert.ok(slow.said.length <= slow.steps + 1, `${slow.said.length} announcements for ${slow.steps} steps: ${JSON.stringify(slow.said)}`);
  assert.ok(slow.said.every(([, text]) => /^step \d+: w = /.test(text)), JSON.stringify(slow.said));
  await page.locator('#main').evaluate((el) => el.reset());
  await page.locator('#main select').selectOption('20');
  const fast = await listen(2500);
  assert.ok(fast.steps >= 10, `steps taken: ${fast.steps}`);
  // The steps' announcements are a second apart; where Play stops by itself (converged), that is said at once.
  const steps = fast.said.filter(([, text]) => /^step \d+: w = /.test(text));
  const gaps = steps.slice(1).map(([t], i) => t - steps[i][0]);
  assert.ok(steps.length >= 1 && gaps.every((g) => g >= 850), `step announcements ${gaps} ms apart: ${JSON.stringify(fast.said)}`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the playground’s weight links are named with a minus sign: "weight … = −0.234", never "-0.234"', async () => {
  const { page, problems } = await openPage(env, 'network.html');
  await page.locator('backprop-playground').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-playground')?.shadowRoot?.querySelectorAll('g.link[aria-label]').length > 0);
  const names = await page.locator('backprop-playground').evaluate((el) => [...el.shadowRoot.querySelectorAll('g.link[aria-label]')].map((g) => g.getAttribute('aria-label')));
  assert.ok(names.some((n) => /= −\d/.test(n)), `some weight is negative: ${names.slice(0, 4)}`);
  assert.deepEqual(names.filter((n) => /-\d/.test(n)), [], 'no hyphen-minus before a number');
  assertNoProblems(assert, problems);
  await page.close();
});
