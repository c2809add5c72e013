// The article page's defects, each kept fixed: J(w) follows the steps and its label avoids the curve; Play says on
// screen that it converged; the loss caption tells the gridlines' real spacing with one tick style; the table fits
// its content; node values fit at divergence; screen readers hear the page's words; the '?' key lists the keys;
// hostile attribute values never throw; the wasm fetch starts with the page; nothing shifts as figures load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, shadowText } from './helpers.mjs';
import { layoutProblems } from './layout.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Screen boxes of the J(w) figure's point, next-w ring and label, and whether the label touches the tangent. */
const curveBoxes = (page, host = '#main') =>
  page.evaluate((h) => {
    const root = document.querySelector(h).shadowRoot;
    const box = (s) => root.querySelector(s).getBoundingClientRect();
    const label = box('svg.curve .point-label');
    const t = root.querySelector('svg.curve .tangent');
    const m = t.getScreenCTM();
    const p = (x, y) => new DOMPoint(x, y).matrixTransform(m);
    const [a, b] = [p(+t.getAttribute('x1'), +t.getAttribute('y1')), p(+t.getAttribute('x2'), +t.getAttribute('y2'))];
    let crosses = false;
    for (let i = 0; i <= 50; i++) {
      const x = a.x + ((b.x - a.x) * i) / 50;
      const y = a.y + ((b.y - a.y) * i) / 50;
      if (x > label.left && x < label.right && y > label.top && y < label.bottom) crosses = true;
    }
    const point = box('svg.curve .point');
    const ghost = box('svg.curve .ghost');
    return { apart: Math.hypot(point.x - ghost.x, point.y - ghost.y), crosses, width: box('svg.curve').width };
  }, host);

test('J(w) follows the recent steps: the point and the next-w ring stay apart, the label off the tangent', async () => {
  const { page, problems } = await openPage(env, 'index.html#v=1&step=6', { width: 360 });
  await waitForFigure(page);
  // Through step 7 to its update: the point, its tangent and the ring at the next w are all drawn.
  for (let i = 0; i < 4; i++) await page.evaluate(() => document.querySelector('#main').nextPhase());
  await page.waitForTimeout(50);
  const follow = await curveBoxes(page);
  assert.ok(follow.apart > 12, `point and ring ${follow.apart.toFixed(1)} px apart at step 7`);
  assert.equal(follow.crosses, false, 'the tangent does not run through the label');
  // "Whole curve" goes back to every step: the last steps then pile up near w*.
  await page.locator('#main button[data-action="view"]').click();
  assert.equal(await page.locator('#main button[data-action="view"]').getAttribute('aria-pressed'), 'true');
  const whole = await curveBoxes(page);
  assert.ok(whole.apart < follow.apart, `whole curve: ${whole.apart.toFixed(1)} px`);
  // On divergence the label keeps off the curve too.
  await page.goto('about:blank');
  await page.goto(new URL('index.html#v=1&lr=0.5&step=40', env.url).href);
  await waitForFigure(page);
  await page.evaluate(() => ['nextPhase', 'nextPhase', 'nextPhase', 'nextPhase'].forEach((m) => document.querySelector('#main')[m]()));
  await page.waitForTimeout(50);
  assert.equal((await curveBoxes(page)).crosses, false);
  assertNoProblems(assert, problems);
  await page.close();
});

test('Play stops at convergence and says so on screen: step 23 for lr = 0.1, step 1 for lr = 2/9', async () => {
  for (const [lr, step] of [['0.1', 23], [String(2 / 9), 1]]) {
    const { page, problems } = await openPage(env, `index.html#v=1&lr=${lr}&step=0`);
    await waitForFigure(page);
    await page.locator('#main select').selectOption('1000');
    await page.locator('#main button[data-action="play"]').click();
    await page.waitForFunction(() => !document.querySelector('#main').playing);
    assert.equal(await page.evaluate(() => document.querySelector('#main').steps), step);
    const done = page.locator('#main .done');
    assert.equal(await done.isVisible(), true, 'the sentence is on screen');
    assert.match(await done.textContent(), new RegExp(`^Converged after ${step} steps?: w = 0\\.333333\\d* is within 5 × 10⁻⁷ of w\\* = 0\\.3333333333, so Play stops here\\.`));
    // Play again goes on from there.
    await page.locator('#main button[data-action="play"]').click();
    await page.waitForFunction((s) => document.querySelector('#main').steps > s + 2, step);
    await page.locator('#main button[data-action="play"]').click();
    assert.equal(await done.isVisible(), false);
    assertNoProblems(assert, problems);
    await page.close();
  }
});

test('the loss caption says how far apart its gridlines are, and the ticks keep one style', async () => {
  const { page, problems } = await openPage(env, 'embed/loss.html#v=1&step=200');
  await waitForFigure(page, '#figure');
  const ticks = await page.evaluate(() => [...document.querySelector('#figure').shadowRoot.querySelectorAll('svg.loss .tick-label')].map((t) => t.textContent).filter((t) => !/^\d+$/.test(t) || t === '1'));
  assert.ok(ticks.every((t) => /^(1|0|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.test(t)), `one style: ${ticks.join(' ')}`);
  const exponents = ticks.filter((t) => t.startsWith('10')).map((t) => Number(t.slice(2).replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c))));
  const spacing = Math.abs(exponents[1] - exponents[0]);
  assert.ok(spacing > 1, `gridlines ${spacing} decades apart`);
  const caption = await shadowText(page, '#figure', '.caption');
  const times = spacing <= 6 ? (10 ** spacing).toLocaleString('en-US') : `10${[...String(spacing)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]).join('')}`;
  assert.match(caption, new RegExp(`each gridline is ${times} times smaller than the one above`));
  assertNoProblems(assert, problems);
  await page.close();
});

test('the table spans its box with its numbers at their own widths at 1280, and shows every cell at 360; node values fit at divergence', async () => {
  for (const width of [1280, 360]) {
    const { page, problems } = await openPage(env, 'index.html#v=1&lr=0.5&step=1500', { width });
    await waitForFigure(page);
    await page.locator('backprop-table').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('backprop-table').load());
    const { table, box, numbers } = await page.evaluate(() => {
      const root = document.querySelector('backprop-table').shadowRoot;
      const cells = [...root.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width);
      return { table: root.querySelector('table').getBoundingClientRect().width, box: root.querySelector('.table-wrap').clientWidth, numbers: cells.slice(0, 3).reduce((a, b) => a + b, 0) };
    });
    // The table spans its box, its numbers at their own widths and the note column taking the rest.
    assert.ok(table >= box - 1, `the table is ${table}px in a ${box}px box`);
    if (width === 1280) assert.ok(numbers < table * 0.6, `the number columns take ${numbers}px of ${table}px`);
    assert.match(await shadowText(page, '#main', 'svg.network'), /10[⁰¹²³⁴⁵⁶⁷⁸⁹]{2,}/, 'huge values on the nodes');
    assert.deepEqual(await layoutProblems(page), [], `layout at ${width}`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});

test('screen readers hear the page’s words for the regimes, never the core’s identifiers', async () => {
  const { page, problems } = await openPage(env, 'embed/regimes.html#v=1&lr=0.2222222222222222');
  await waitForFigure(page, '#figure');
  for (const lr of [String(2 / 9), String(4 / 9), '0.1', '0.3', '0.5']) {
    await page.evaluate((v) => document.querySelector('#figure').setAttribute('lr', v), lr);
    await page.waitForTimeout(20);
    const title = await shadowText(page, '#figure', 'svg.regimes title');
    assert.doesNotMatch(title, /oneStep|oscillatingForever|monotone|oscillating\b|diverging$/, title);
    assert.match(title, /lr = [0-9.]+ is (in the smooth range|exactly the one-step rate|in the zig-zag range|exactly the rate that zig-zags forever|in the diverging range)$/, title);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('the ? key lists the shortcuts, from the table that drives them', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Shift+?');
  assert.equal(await page.locator('#main .shortcut-help').isVisible(), true);
  const keys = await page.locator('#main .shortcut-help kbd').allTextContents();
  assert.deepEqual(keys, ['.', '→', 'n', 'Shift+→', 'k', 'r', '-', '_', '+', '=', 'p', '?']);
  assert.equal(await page.locator('#main button[data-action="help"]').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#main .shortcut-help').isVisible(), false);
  assertNoProblems(assert, problems);
  await page.close();
});

test('attribute values that name Object.prototype members, set by a host page’s script, never throw', async () => {
  const { page, problems } = await openPage(env, 'blog-demo.html');
  await waitForFigure(page, '#gentle');
  await page.evaluate(async () => {
    const tags = ['backprop-descent', 'backprop-loss', 'backprop-table', 'backprop-regimes', 'backprop-equation', 'backprop-neuron'];
    const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
    for (const tag of tags) {
      const el = document.createElement(tag);
      el.setAttribute('loading', 'eager');
      document.body.append(el);
      await customElements.whenDefined(tag);
      for (const name of [...el.constructor.observedAttributes, 'name', 'mode']) for (const v of hostile) el.setAttribute(name, v);
      await el.load?.();
      await new Promise((done) => setTimeout(done, 30));
    }
  });
  await page.waitForTimeout(100);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the wasm fetch starts with the page, and nothing shifts as the figures load', async () => {
  for (const path of ['index.html', 'blog-demo.html', 'embed/descent.html', 'embed/table.html']) {
    const page = await env.context.newPage();
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => !e.hadRecentInput && (window.__cls += e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(new URL(path, env.url).href);
    await page.waitForFunction(() => document.querySelector('backprop-descent, backprop-table')?.ready);
    await page.waitForTimeout(300);
    const { cls, wasm, dcl } = await page.evaluate(() => ({
      cls: window.__cls,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
    }));
    assert.ok(cls <= 0.02, `${path}: cumulative layout shift ${cls.toFixed(3)}`);
    // Pages whose first figure loads eagerly fetch the core while the page is still loading its scripts.
    if (path !== 'blog-demo.html') assert.ok(wasm < dcl, `${path}: the wasm fetch starts at ${wasm?.toFixed(0)} ms, before DOMContentLoaded (${dcl.toFixed(0)} ms)`);
    await page.close();
  }
});

test('network.html: the header and the body start at the same left edge, at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    const { page, problems } = await openPage(env, 'network.html', { width });
    const [head, body] = await page.evaluate(() => [document.querySelector('.masthead h1'), document.querySelector('#article p')].map((el) => Math.round(el.getBoundingClientRect().left)));
    assert.equal(head, body, `at ${width} px`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
