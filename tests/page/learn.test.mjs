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
  // Enter checks once, and so does a click on Check: each wrong answer brings one more hint.
  assert.match(await hintOf(page, 0), /^Hint 1 of 2: dJ\/dŷ is the slope of J = \(ŷ − y\)²/);
  await page.fill('#tasks input', '(yhat - y)x');
  await page.click('#tasks button[type=submit]');
  await page.waitForFunction(() => /lacks dJ\/dŷ/.test(document.querySelector('#tasks .task-result').textContent));
  assert.match(await hintOf(page, 0), /^Hint 2 of 2: dŷ\/dw is the slope of ŷ = x·w in w, which is x/);
  assert.match(await answer(page, 0, '(yhat - y)x'), /lacks dJ\/dŷ = 2\(ŷ − y\)/);
  assert.match(await hintOf(page, 0), /^Hint 2 of 2/, 'the hints stop at the last');
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
  assert.match(await answer(page, 0, '0.125'), /^Yes: at lr = 0\.125 the factor 1 − 2·lr·x² is 0, and the descent lands on w\* in one step/);
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
      // The table fits its box for every choice: the ∂J/∂w column the task compares is on screen, not scrolled off.
      for (const activation of ['sigmoid', 'tanh', 'relu']) {
        await page.selectOption('#tasks select', activation);
        const [scroll, client] = await page.$eval('.table-wrap', (w) => [w.scrollWidth, w.clientWidth]);
        assert.ok(scroll <= client, `${activation}: the chain's table is ${scroll} px wide in ${client} px`);
      }
      await page.selectOption('#tasks select', 'sigmoid');
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

/** Opens lesson `id` with the lessons before it done, at the problem `hash` (x=…&y=…), and waits for it. */
async function openLesson(hash, id, options) {
  const { page, problems } = await openPage(env, `learn.html#lesson=${id}${hash}`, options);
  const order = ANSWERS.map(([lesson]) => lesson);
  await page.evaluate((done) => localStorage.setItem('backprop-lab:path:v1', JSON.stringify({ done })), order.slice(0, order.indexOf(id)));
  await page.reload();
  await ready(page, id);
  return { page, problems };
}

const hintOf = (page, n) => page.$$eval('#tasks .task-hint', (ps, i) => (ps[i].hidden ? null : ps[i].textContent), n);

/** Types new numbers under “Your numbers” by keyboard and waits for the lesson to be drawn again for them. */
async function useNumbers(page, id, numbers) {
  await tabTo(page, '.problem-box summary');
  await page.keyboard.press('Enter');
  for (const [key, value] of Object.entries(numbers)) {
    await tabTo(page, `#p-${key}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => Object.entries(n).every(([k, v]) => new URLSearchParams(location.hash.slice(1)).get(k) === v), numbers);
  await ready(page, id);
}

test('regimes: a wrong rate gets the factor the distance to w* is multiplied by, and hints that lead to it one at a time without the answer', async () => {
  const { page, problems } = await openLesson('', 'regimes');
  // The article's numbers: x = 1.5, w₀ = 0.8, w* = 1/3. At lr = 0.1 the factor is 1 − 2·0.1·1.5² = 0.55.
  const first = await answer(page, 0, '0.1');
  assert.match(first, /^At lr = 0\.1 the descent creeps towards w\* from one side\. Each step multiplies the distance to w\* by 0\.55: the first takes w from 0\.8 to 0\.59, its distance to w\* = 0\.333333 from 0\.466667 to 0\.256667\. Try a larger rate\.$/);
  assert.match(await hintOf(page, 0), /^Hint 1 of 3: Press Step/);
  assert.match(await answer(page, 0, '0.3'), /zig-zags .* by −0\.35: .* Try a smaller rate\.$/); // 1 − 2·0.3·2.25
  assert.match(await hintOf(page, 0), /^Hint 2 of 3: .*the factor is 0\.$/);
  assert.match(await answer(page, 0, '0.2'), /by 0\.1: .* Try a larger rate/);
  const third = await hintOf(page, 0);
  assert.match(third, /^Hint 3 of 3: The factor is 1 − 2·lr·x²; with your x = 1\.5, 2x² = 4\.5\. Which lr makes 1 − 4\.5·lr equal to 0\?/);
  // A rate a hair off gets told to type a fraction; the hints stay at the last one.
  assert.match(await answer(page, 0, '0.2222'), /Close: the factor is 0\.0001, it should be 0\. A decimal rarely lands exactly/);
  assert.match(await hintOf(page, 0), /^Hint 3 of 3/);
  // The second task's hints lead to the factor −1, and say 2x² for the reader's x.
  await answer(page, 1, '0.3');
  await answer(page, 1, '0.5');
  assert.match(await hintOf(page, 1), /^Hint 2 of 3: .*the factor is −1/);
  await answer(page, 1, '1');
  assert.match(await hintOf(page, 1), /Which lr makes 1 − 4\.5·lr equal to −1\?/);
  // No text, prompt or hint gives the rates away: neither 2/9 nor 4/9, as a fraction or a decimal (the messages
  // repeat the reader's own rate, 0.2222 above).
  const said = await page.$$eval('#lesson-text, .task-prompt, .task-hint, .task-typing', (ps) => ps.map((p) => p.textContent).join(' '));
  assert.doesNotMatch(said, /2\/9|4\/9|0\.2222|0\.4444/);
  // With x = 2 and y = 1 the hints and the factor follow: at lr = 0.1 it is 1 − 2·0.1·4 = 0.2, and 2x² = 8.
  await useNumbers(page, 'regimes', { x: '2', y: '1' });
  assert.match(await answer(page, 0, '0.1'), /by 0\.2: .* w\* = 0\.5 /);
  await answer(page, 0, '0.2');
  await answer(page, 0, '0.15');
  assert.match(await hintOf(page, 0), /with your x = 2, 2x² = 8\. Which lr makes 1 − 8·lr equal to 0\?/);
  assert.match(await answer(page, 0, '1/8'), /^Yes: at lr = 0\.125 the factor 1 − 2·lr·x² is 0/);
  assert.equal(await hintOf(page, 0), null, 'the hint goes once the answer is right');
  assertNoProblems(assert, problems);
  await page.close();
});

test('update: the usual slips are named (the whole gradient, uphill, the step alone, a lost factor), for other numbers too', async () => {
  for (const numbers of ['', '&x=2&y=1&w=-0.3&lr=0.05']) {
    const { page } = await openLesson(numbers, 'update');
    assert.match(await answer(page, 0, 'w - 2(yhat - y)x'), /^That subtracts the whole gradient/);
    assert.match(await hintOf(page, 0), /^Hint 1 of 2: Start from the rule above/);
    assert.match(await answer(page, 0, 'w + lr*2(yhat - y)x'), /^That moves w uphill/);
    assert.match(await hintOf(page, 0), /^Hint 2 of 2: In the last lesson dJ\/dw = 2\(ŷ − y\)·x/);
    assert.match(await answer(page, 0, 'lr*2(yhat - y)x'), /^That is the size of the step/);
    assert.match(await answer(page, 0, 'w - lr*2(yhat - y)'), /lacks its second factor, dŷ\/dw = x/);
    assert.match(await answer(page, 0, 'w - lr(yhat - y)x'), /lacks the 2 of dJ\/dŷ/);
    assert.match(await answer(page, 0, 'w - lr*3(yhat - y)x'), /^Your expression gives /, 'an unknown slip gets the engine’s value');
    assert.match(await answer(page, 0, 'w - lr*2(yhat - y)x'), /^Right/);
    await page.close();
  }
});

test('steps: a slow rate is told how many steps it takes, counted by the engine', async () => {
  const { page } = await openLesson('', 'steps');
  // w − w* shrinks by 1 − 2·lr·x² per step, so J = x²(w − w*)² = J₀·(1 − 2·lr·x²)^(2n).
  const [x, y, w0, lr] = [1.5, 0.5, 0.8, 0.1];
  const loss = (n) => (x * (y / x + (w0 - y / x) * (1 - 2 * lr * x * x) ** n) - y) ** 2;
  let steps = 0;
  while (loss(steps) >= 1e-6) steps += 1;
  assert.ok(steps >= 10, `0.1 takes ${steps} steps`);
  const text = await answer(page, 0, '0.1');
  assert.match(text, new RegExp(`^At lr = 0\\.1 the loss gets below 10⁻⁶ only after ${steps} steps; after 9 it is still `));
  assert.match(await answer(page, 0, '1'), /jumps further out at every step/);
  assert.match(await answer(page, 0, '1/(2x^2)'), /^Yes: after 1 step/);
  await page.close();
});

test('the slips of the forward, loss, bias and activation lessons, and a factor the chain rule lacks, are named', async () => {
  let { page } = await openLesson('&x=2&y=1&w=-0.3', 'forward');
  assert.match(await answer(page, 0, 'x + w'), /^That adds the weight to the input/);
  await page.close();
  ({ page } = await openLesson('&x=2&y=1&w=-0.3', 'error'));
  assert.match(await answer(page, 0, 'yhat - y^2'), /^Without brackets, \^2 squares only y/);
  assert.match(await answer(page, 0, 'yhat^2 - y^2'), /^That squares ŷ and y one by one/);
  assert.match(await answer(page, 0, '2(yhat - y)'), /^That doubles the difference/);
  assert.match(await answer(page, 0, 'yhat - y'), /^That is the difference ŷ − y itself/);
  await page.close();
  ({ page } = await openLesson('', 'bias'));
  assert.match(await answer(page, 0, '2(yhat - y)x'), /^That is ∂J\/∂w, the weight’s gradient/);
  assert.match(await answer(page, 0, '2(yhat - y)w'), /has a factor the chain rule does not: w\./);
  await page.close();
  ({ page } = await openLesson('&x=-0.7&y=0.2', 'activation'));
  assert.match(await answer(page, 0, 'a'), /^That is the sigmoid’s value a = σ\(z\), not its slope/);
  assert.match(await answer(page, 0, '1 - a'), /^That is one of the slope’s two factors/);
  assert.match(await answer(page, 0, 'sigma(z)(1 - sigma(z))'), /^Right/);
  await page.close();
});

test('each formula task says how to type the symbols a keyboard lacks, and each formula stays on one line at 360 px', async () => {
  const notes = {};
  for (const id of ['forward', 'chain', 'update', 'regimes', 'steps', 'bias', 'activation', 'hidden']) {
    const { page } = await openLesson('', id, { width: 360, height: 800 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, `${id}: no sideways scrolling`);
    const broken = await page.$$eval('.formula', (fs) => fs.filter((f) => f.getClientRects().length > 1).map((f) => f.textContent));
    assert.deepEqual(broken, [], `${id}: formulas broken across lines`);
    // A paragraph that is only a formula stands apart; one with words around its formula does not.
    const lines = await page.$$eval('#lesson-text .formula-line', (ps) => ps.map((p) => p.textContent));
    if (id === 'update') assert.deepEqual(lines, ['new w = w − η · dJ/dw']);
    if (id === 'steps') assert.deepEqual(lines, []);
    if (!(await page.$('#tasks .task-typing'))) {
      await page.close();
      continue; // a rate task: nothing to type but a number or a formula in x and y
    }
    notes[id] = await page.$eval('#tasks .task-typing', (p) => p.textContent);
    const described = await page.$eval('#tasks input', (i) => i.getAttribute('aria-describedby').split(' ').map((d) => document.getElementById(d)?.className));
    assert.deepEqual(described, ['task-prompt', 'task-typing', 'task-result', 'task-hint'], `${id}: the field is described by its prompt, the note, the result and the hint`);
    await page.close();
  }
  assert.deepEqual(Object.keys(notes), ['forward', 'chain', 'update', 'bias', 'activation', 'hidden']);
  assert.match(notes.forward, /^A square as \^2/);
  assert.match(notes.update, /^Type ŷ as yhat, η as lr; a square/);
  assert.match(notes.hidden, /^Type ŷ as yhat, δ as delta, a subscript as a plain digit \(δ₂ as delta2\); a square/);
});

test('vanishing: each choice is judged by the share of the gradient reaching the first weight, as computed here by hand', async () => {
  const { page } = await openLesson('', 'vanishing');
  // Five hidden layers and an identity output, every weight 1 and bias 0, from x = 0.5 to the target 1:
  // δ₆ = 2(ŷ − y), δₖ = f′(zₖ)·δₖ₊₁, ∂J/∂wₖ = δₖ·aₖ₋₁.
  const f = { sigmoid: (z) => 1 / (1 + Math.exp(-z)), tanh: Math.tanh, relu: (z) => Math.max(0, z) };
  const slope = { sigmoid: (z) => f.sigmoid(z) * (1 - f.sigmoid(z)), tanh: (z) => 1 - Math.tanh(z) ** 2, relu: (z) => (z > 0 ? 1 : 0) };
  const share = (act) => {
    const a = [0.5];
    for (let k = 0; k < 5; k += 1) a.push(f[act](a[k]));
    const delta = [2 * (a[5] - 1)]; // the output's, ŷ = z₆ = a₅
    for (let k = 4; k >= 0; k -= 1) delta.unshift(slope[act](a[k]) * delta[0]);
    return Math.abs(delta[0] * a[0]) / Math.abs(delta[5] * a[5]);
  };
  for (const [act, label] of [['sigmoid', 'sigmoid'], ['tanh', 'tanh'], ['relu', 'ReLU']]) {
    const text = await answer(page, 0, act); // the arrow keys move down the list only
    const m = /^With (\S+), \|∂J\/∂w₁\| \/ \|∂J\/∂w₆\| = ([\d.]+): (.*)$/.exec(text);
    assert.ok(m, text);
    assert.equal(m[1], label);
    const value = Number(m[2]);
    assert.ok(Math.abs(value / share(act) - 1) < 1e-5, `${act}: ${value} against ${share(act)}`);
    assert.match(m[3], share(act) >= 0.01 ? /reaches the first layer/ : /all but vanished/);
    assert.match(await page.$eval('#lesson-figure caption', (c) => c.textContent), new RegExp(`hidden ${label} neurons`));
  }
  await page.close();
});
