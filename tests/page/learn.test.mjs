// learn.html, the path: a reader using only the keyboard completes every lesson; wrong answers get the message
// that names what is wrong; the checks follow the reader's own numbers; progress survives a reload; a locked
// lesson's link says what to do first; axe finds nothing at 360 and 1280 px, light and dark; nothing shifts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, screenshot, setup } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** What a reader types for each task (ASCII spellings, as a keyboard gives them). */
const ANSWERS = [
  ['forward', ['x*w']],
  ['error', ['(yhat - y)^2']],
  ['chain', ['2(yhat - y)x']],
  ['update', ['w - lr*2(yhat - y)x']],
  ['regimes', ['1/(2x^2)', '1/x^2']],
  ['steps', ['1/(2x^2)']],
  ['bias', ['2(yhat - y)']],
  ['activation', ['a(1 - a)']],
  ['hidden', ['(1 - a1^2) w2 delta2']],
  ['vanishing', ['tanh']],
];

/** Presses Tab until the focus is on an element matching `selector` (at most 60 presses). */
async function tabTo(page, selector) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

const ready = (page, lesson) => page.waitForFunction((id) => document.getElementById('lesson').dataset.ready === id, lesson);
const results = (page) => page.$$eval('#tasks .task-result', (ps) => ps.map((p) => p.textContent));

/** Answers task `n` (0-based) of the current lesson with `text`, by keyboard; returns the result's text. */
async function answer(page, n, text) {
  await tabTo(page, `#tasks form:nth-of-type(${n + 1}) input, #tasks form:nth-of-type(${n + 1}) select`);
  const select = await page.evaluate(() => document.activeElement.localName === 'select');
  if (select) {
    // A select is changed with the arrow keys; then Tab to Check and press Enter.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement.value)) !== text; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction((i) => document.querySelectorAll('#tasks .task-result')[i].textContent !== '', n);
  return (await results(page))[n];
}

test('a reader using only the keyboard completes all ten lessons in order, and the progress survives a reload', async () => {
  const { page, problems } = await openPage(env, 'learn.html');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  for (const [i, [lesson, answers]] of ANSWERS.entries()) {
    await ready(page, lesson);
    for (const [n, text] of answers.entries()) {
      const result = await answer(page, n, text);
      assert.match(result, /^(Right|Yes|With tanh)/, `${lesson}, task ${n + 1} (${text}): ${result}`);
    }
    await page.waitForFunction(() => document.getElementById('lesson-status').textContent.startsWith('Lesson done'));
    if (i + 1 < ANSWERS.length) {
      await tabTo(page, '#next-lesson');
      await page.keyboard.press('Enter');
    }
  }
  const states = await page.$$eval('.lesson-state', (s) => s.map((e) => e.textContent));
  assert.deepEqual(states, Array(10).fill('done'));
  await page.reload();
  await ready(page, 'vanishing');
  assert.deepEqual(await page.$$eval('.lesson-state', (s) => s.map((e) => e.textContent)), Array(10).fill('done'), 'after a reload');
  // A finished lesson of the article's figure now shows it, with its equations.
  await page.goto(new URL('learn.html#lesson=chain', env.url).href);
  await ready(page, 'chain');
  assert.equal(await page.evaluate(() => document.querySelector('#lesson-figure backprop-descent')?.hasAttribute('equations')), true);
  await screenshot(page, 'learn-done-1280.png', { fullPage: true });
  assertNoProblems(assert, problems);
  await page.close();
});

test('wrong answers are refused with the message that names the wrong or missing factor, the name or the place', async () => {
  const { page } = await openPage(env, 'learn.html#lesson=chain');
  await page.evaluate(() => localStorage.setItem('backprop-lab:path:v1', JSON.stringify({ done: ['forward', 'error'] })));
  await page.reload();
  await ready(page, 'chain');
  assert.match(await answer(page, 0, '2(yhat - y)'), /lacks dŷ\/dw = x/);
  assert.match(await answer(page, 0, '(yhat - y)x'), /lacks dJ\/dŷ = 2\(ŷ − y\)/);
  assert.match(await answer(page, 0, '2(y - yhat)x'), /dJ\/dŷ = 2\(ŷ − y\) with the wrong sign/);
  assert.match(await answer(page, 0, '2.1'), /^Right here by accident/);
  assert.match(await answer(page, 0, '2(yhat - y)q'), /“q” at position 12 is not a name on this screen/);
  assert.match(await answer(page, 0, '2*(yhat - y'), /never closed/);
  // A wrong try shows the hint and marks the field; the lesson stays open.
  assert.equal(await page.evaluate(() => document.querySelector('#tasks .task-hint').hidden), false);
  assert.equal(await page.evaluate(() => document.querySelector('#tasks input').getAttribute('aria-invalid')), 'true');
  assert.equal(await page.$eval('#lesson-status', (p) => p.textContent), '');
  await page.close();
});

test('the checks follow the reader’s numbers: with x = 2, y = 1 the one-step rate is 1/8, and 2/9 is refused', async () => {
  const { page } = await openPage(env, 'learn.html#lesson=regimes&x=2&y=1&w=-0.3&lr=0.05');
  await page.evaluate(() => localStorage.setItem('backprop-lab:path:v1', JSON.stringify({ done: ['forward', 'error', 'chain', 'update'] })));
  await page.reload();
  await ready(page, 'regimes');
  assert.match(await answer(page, 0, '2/9'), /overshoot|zig-zags|Try a smaller rate/);
  assert.match(await answer(page, 0, '0.125'), /^Yes: at lr = 0\.125 the engine finds the descent lands on w\* in one step/);
  assert.match(await answer(page, 1, '4/9'), /Try a smaller rate/);
  assert.match(await answer(page, 1, '1/x^2'), /^Yes: at lr = 0\.25 .* forever/);
  // The formula lessons, at these numbers: ŷ = x·w = −0.6.
  await page.evaluate(() => localStorage.clear());
  await page.goto(new URL('learn.html#lesson=forward&x=2&y=1&w=-0.3&lr=0.05', env.url).href);
  await page.reload();
  await ready(page, 'forward');
  assert.deepEqual(await page.$$eval('#lesson-figure td', (td) => td.map((c) => c.textContent)), ['2', '1', '−0.3']);
  assert.match(await answer(page, 0, 'xw'), /= −0\.6, the engine's value/);
  // Numbers typed under "Your numbers" go through the article's table: a refused one names its field.
  await page.click('.problem-box summary');
  await page.fill('#p-x', 'NaN');
  await page.click('#problem button[type=submit]');
  assert.match(await page.$eval('#problem-error', (p) => p.textContent), /^x must be/);
  assert.match(page.url(), /x=2/, 'the problem is kept');
  await page.close();
});

test('a locked lesson’s link says which lesson to do first; a hostile fragment falls back with a notice', async () => {
  const { page } = await openPage(env, 'learn.html#lesson=hidden');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => document.querySelector('.locked-note'));
  assert.match(await page.$eval('.locked-note', (p) => p.textContent), /Go to lesson 1: The forward pass/);
  assert.equal(await page.$$eval('#tasks form', (f) => f.length), 0);
  await page.goto(new URL('learn.html#lesson=__proto__&x=1e999', env.url).href);
  await ready(page, 'forward');
  assert.match(await page.$eval('#url-notice', (p) => p.textContent), /could not be used/);
  await page.close();
});

test('the glossary: every term link of every lesson has an entry, shown as a tooltip on focus', async () => {
  const { page } = await openPage(env, 'learn.html#lesson=forward');
  await ready(page, 'forward');
  const missing = await page.evaluate(async () => {
    const { LESSONS } = await import('./lib/learn/lessons.js');
    return LESSONS.flatMap((l) => l.text.flat().filter((p) => p.term && !document.getElementById(`glossary-${p.term}`)).map((p) => p.term));
  });
  assert.deepEqual(missing, []);
  await tabTo(page, 'a.term');
  const tip = await page.$eval('#term-tip', (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /^input, x: The number the network is given/);
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#term-tip', (t) => t.hidden), true);
  await page.close();
});

for (const width of [1280, 360]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`learn.html at ${width} px (${colorScheme}): axe finds no violation, nothing overflows, nothing shifts as it loads`, async () => {
      const { page, problems } = await openPage(env, 'learn.html#lesson=forward', { width, height: 800, colorScheme });
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.evaluate(() => {
        window.__shift = 0;
        new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
      });
      await ready(page, 'forward');
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__shift);
      assert.ok(cls <= 0.02, `cumulative layout shift ${cls}`);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scrolling');
      await screenshot(page, `learn-${width}-${colorScheme}.png`, { fullPage: true });
      // The deep chain's table at this width too.
      await page.evaluate(() => localStorage.setItem('backprop-lab:path:v1', JSON.stringify({ done: ['forward', 'error', 'chain', 'update', 'regimes', 'steps', 'bias', 'activation', 'hidden'] })));
      await page.goto(new URL('learn.html#lesson=vanishing', env.url).href);
      await page.reload();
      await ready(page, 'vanishing');
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scrolling');
      await screenshot(page, `learn-vanishing-${width}-${colorScheme}.png`, { fullPage: true });
      assertNoProblems(assert, problems);
      await page.close();
    });
  }
}

test('the article and the network page link their terms to the glossary: a tooltip on focus, the entry on the path', async () => {
  for (const path of ['index.html', 'network.html']) {
    const { page, problems } = await openPage(env, path);
    await page.waitForFunction(() => document.querySelectorAll('a.term').length > 0);
    const terms = await page.$$eval('a.term', (links) => links.map((a) => [a.dataset.term, new URL(a.href).pathname.split('/').pop(), new URL(a.href).hash]));
    assert.ok(terms.length >= 5, `${path}: ${terms.length} terms linked`);
    for (const [id, file, hash] of terms) assert.deepEqual([file, hash], ['learn.html', `#glossary-${id}`]);
    assert.equal(new Set(terms.map((t) => t[0])).size, terms.length, 'each term linked once');
    await page.focus('a.term');
    assert.equal(await page.$eval('#term-tip', (t) => t.hidden), false);
    assert.deepEqual(await axeViolations(page), []);
    assertNoProblems(assert, problems);
    await page.close();
  }
  // The entry's link opens the path at the entry: no notice, the lesson where the reader is.
  const { page } = await openPage(env, 'learn.html#glossary-gradient');
  await page.waitForFunction(() => document.getElementById('lesson').dataset.ready);
  assert.equal(await page.$eval('#url-notice', (p) => p.hidden), true);
  assert.equal(new URL(page.url()).hash, '#glossary-gradient');
  // Inside the path, a term link scrolls to its entry and leaves the lesson as it is.
  const lesson = await page.$eval('#lesson', (m) => m.dataset.ready);
  await page.click('#lesson-text a.term');
  await page.waitForTimeout(200);
  assert.equal(await page.$eval('#lesson', (m) => m.dataset.ready), lesson);
  assert.equal(await page.$eval('#url-notice', (p) => p.hidden), true);
  await page.close();
});
