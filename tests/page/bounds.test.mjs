// One source for each bound: a page or a figure may state a limit only as the core's limits() gives it. Every
// served page is read as a reader meets it (its text, its figures' shadow roots, the attributes of its fields), in the
// states where bounds are spoken of (a refused value, a run that never reads w*), and every bound it states is checked
// against limits(): the number fields' min and max, and each number in a phrase that states a bound ("at most 100",
// "from −1000 to 1000", "in 100,000 steps", "keeps 100,000 steps").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems, deepText, drawEach } from './helpers.mjs';
import { LIMITS } from '../../www/pkg-article/limits.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const D = LIMITS.descent;
/** Every number limits() states for the descent, and its negative. */
const CORE_NUMBERS = new Set(Object.values(D).filter((v) => typeof v === 'number').flatMap((v) => [v, -v]));
/** Step counts the core bounds: one call, a descent's history, the analysis' count. */
const STEP_BOUNDS = new Set([D.maxSteps, D.maxHistory, D.maxCountedSteps]);

/** A number as the pages write it: "100,000", "−1000", "1e-6" or "10⁻⁶" are all numbers. */
function parseNumber(text) {
  const t = text.replace(/,/g, '').replace(/−/g, '-');
  const power = /^(-?)10([⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t);
  if (power) {
    const digits = [...power[3]].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join('');
    return Number(`${power[1]}1e${power[2] ? '-' : ''}${digits}`);
  }
  return Number(t);
}

const NUMBER = '(−?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:e[-+]?\\d+)?|−?10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)';
/** Phrases that state a bound, and which numbers each may name. */
const PHRASES = [
  { pattern: new RegExp(`\\bat most ${NUMBER}`, 'g'), allowed: CORE_NUMBERS },
  { pattern: new RegExp(`\\bfrom ${NUMBER} to ${NUMBER}`, 'g'), allowed: new Set([...CORE_NUMBERS, 0, 1e-6]) },
  { pattern: new RegExp(`\\b(?:in|keeps|keep|takes at most|up to) ${NUMBER} steps\\b`, 'g'), allowed: STEP_BOUNDS },
];

/** The bounds `text` states that the core does not: [{ phrase, number }]. */
function unfoundedBounds(text) {
  const wrong = [];
  for (const { pattern, allowed } of PHRASES) {
    for (const m of text.matchAll(pattern)) {
      for (const n of m.slice(1).filter(Boolean)) if (!allowed.has(parseNumber(n))) wrong.push({ phrase: m[0], number: n });
    }
  }
  return wrong;
}

test('the scanner finds a bound the core does not state, and passes the ones it does', () => {
  assert.deepEqual(unfoundedBounds(`lr must be a number above 0, at most ${D.maxLr}. A descent keeps ${D.maxHistory.toLocaleString('en-US')} steps.`), []);
  assert.deepEqual(unfoundedBounds('x must be a number from −1000 to 1000; in 100,000 steps'), []);
  assert.deepEqual(unfoundedBounds('lr must be at most 50, and w never reads it in 99,999 steps'), [
    { phrase: 'at most 50', number: '50' },
    { phrase: 'in 99,999 steps', number: '99,999' },
  ]);
});

/** The page's number fields' min and max that differ from limits(): [{ id, min, max }]. */
function fieldBounds(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('input[type="number"][data-key]')].map((i) => ({ key: i.dataset.key, min: i.getAttribute('min'), max: i.getAttribute('max') })),
  );
}

const EXPECTED = { x: [-D.maxAbsValue, D.maxAbsValue], y: [-D.maxAbsValue, D.maxAbsValue], w: [-D.maxAbsValue, D.maxAbsValue], lr: [0, D.maxLr] };

test('the front page: its fields take min and max from limits(), and every bound it states is the core’s', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  for (const { key, min, max } of await fieldBounds(page)) assert.deepEqual([Number(min), Number(max)], EXPECTED[key], `#num-${key}`);
  const texts = [await deepText(page)];
  // Refusals name the field's range.
  for (const [key, bad] of [['lr', '0'], ['lr', String(D.maxLr * 2)], ['x', String(D.maxAbsValue * 2)], ['y', '1e999']]) {
    await page.locator(`#num-${key}`).fill(bad);
    texts.push(await page.locator('#problem-error').textContent());
  }
  // A run that never reads w* to six places within the steps the core counts, and a refused link.
  await page.evaluate(() => (location.hash = '#x=0.01&y=0.5&w=0.8&lr=0.001&step=0'));
  await page.waitForFunction(() => document.querySelector('backprop-table').shadowRoot.querySelector('.table-note')?.textContent.includes('never reads'));
  texts.push(await deepText(page));
  await page.evaluate(() => (location.hash = '#x=1.5&y=0.5&w=0.8&lr=1000&step=99999999'));
  await page.waitForFunction(() => !document.getElementById('url-notice').hidden);
  texts.push(await deepText(page));
  const all = texts.join('\n');
  assert.match(all, /in 100,000 steps/, 'the analysis’ count is stated');
  assert.match(all, /at most 100\b/, 'the learning rate’s bound is stated');
  assert.deepEqual(unfoundedBounds(all), []);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the blog post and every widget page state only the core’s bounds', async () => {
  for (const path of ['blog-demo.html', 'embed/descent.html', 'embed/loss.html', 'embed/table.html', 'embed/regimes.html', 'embed/index.html']) {
    const { page, problems } = await openPage(env, path);
    await drawEach(page, 'backprop-descent, backprop-loss, backprop-table, backprop-regimes, backprop-equation');
    const text = await deepText(page);
    assert.deepEqual(unfoundedBounds(text), [], path);
    for (const { key, min, max } of await fieldBounds(page)) assert.deepEqual([Number(min), Number(max)], EXPECTED[key], `${path} #num-${key}`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
