// Embedding: the demo blog post with three figures under the strict CSP (served by the test's own server with the
// header), independent, lazily loaded, no violation, no console error, nothing fetched from outside; the widget
// page in an iframe reports its height; autoplay honours prefers-reduced-motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, assertNoProblems } from './helpers.mjs';
import { STRICT_CSP } from '../../scripts/serve.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const steps = (page, id) => page.evaluate((i) => document.getElementById(i).model?.steps ?? null, id);

test('the demo blog post: three independent figures under the strict CSP', async () => {
  const first = env.requests.length;
  const response = new Promise((done) => env.context.once('response', (r) => done(r)));
  const { page, problems } = await openPage(env, 'blog-demo.html', { width: 1280, height: 900 });
  assert.equal((await response).headers()['content-security-policy'], STRICT_CSP, 'served with the strict CSP');
  const figures = page.locator('backprop-descent, backprop-loss, backprop-table, backprop-regimes');
  assert.equal(await figures.count(), 4);
  await waitForFigure(page, '#gentle');
  // Lazy: the figure far below the fold has not started yet.
  assert.equal(await page.evaluate(() => document.getElementById('runaway').model), null, 'the third figure waits until it nears the viewport');
  for (const id of ['zigzag', 'runaway']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await waitForFigure(page, `#${id}`);
  }
  // The figure applies its attributes once per batch of changes, which can land a frame after it is ready.
  await page.waitForFunction(() => document.getElementById('zigzag').model?.steps === 30, null, { timeout: 5000 }).catch(() => {});
  assert.equal(await steps(page, 'zigzag'), 30, 'the steps attribute is applied');
  // Independent state: stepping one leaves the others alone.
  await page.locator('#gentle').scrollIntoViewIfNeeded();
  await page.locator('#gentle button[data-action="step"]').click();
  await page.locator('#gentle button[data-action="step"]').click();
  assert.deepEqual([await steps(page, 'gentle'), await steps(page, 'zigzag'), await steps(page, 'runaway')], [2, 30, 0]);
  // The runaway figure diverges and says why; the others are untouched.
  await page.locator('#runaway').scrollIntoViewIfNeeded();
  const diverged = page.evaluate(() => new Promise((done) => document.getElementById('runaway').addEventListener('diverge', (e) => done(e.detail), { once: true })));
  await page.locator('#runaway select').selectOption('1000');
  await page.locator('#runaway button[data-action="play"]').click();
  const detail = await diverged;
  assert.ok(detail.step > 100, `diverged at step ${detail.step}`);
  assert.match(await page.locator('#runaway .stop').textContent(), /exceeds 1\/x² = 0\.25/);
  assert.deepEqual([await steps(page, 'gentle'), await steps(page, 'zigzag')], [2, 30]);
  // Attribute changes re-render.
  await page.evaluate(() => document.getElementById('gentle').setAttribute('lr', '0.2'));
  assert.equal(await steps(page, 'gentle'), 0);
  assert.equal(await page.evaluate(() => document.getElementById('gentle').config.lr), 0.2);
  // One wasm download for the whole page, and only the page's own files.
  const asked = env.requests.slice(first);
  assert.equal(asked.filter((p) => p.endsWith('.wasm')).length, 1, `requests: ${asked.join(' ')}`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('a host page can style a figure from outside only through custom properties and parts', async () => {
  const { page, problems } = await openPage(env, 'blog-demo.html');
  await waitForFigure(page, '#gentle');
  const colors = await page.evaluate(() => {
    // A blog's aggressive CSS does not reach inside the shadow root…
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('button { display: none !important } svg { display: none !important } * { color: red !important }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const button = document.getElementById('gentle').shadowRoot.querySelector('button[data-action="step"]');
    const status = document.getElementById('gentle').shadowRoot.querySelector('.status');
    return { display: getComputedStyle(button).display, color: getComputedStyle(status).color };
  });
  assert.notEqual(colors.display, 'none');
  assert.notEqual(colors.color, 'rgb(255, 0, 0)');
  // …while the documented custom properties do.
  const accent = await page.evaluate(async () => {
    document.getElementById('gentle').style.setProperty('--bp-accent', 'rgb(1, 2, 3)');
    document.getElementById('gentle').nextPhase();
    await new Promise((done) => setTimeout(done, 0));
    const q = document.getElementById('gentle').shadowRoot.querySelector('.quantity.current');
    return getComputedStyle(q).color;
  });
  assert.equal(accent, 'rgb(1, 2, 3)');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the widget page in an iframe reports its height to the host page', async () => {
  const { page, problems } = await openPage(env, 'embed/index.html');
  const frame = page.locator('#demo-frame');
  await frame.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => parseFloat(document.getElementById('demo-frame').style.height) > 300);
  const inner = page.frameLocator('#demo-frame');
  assert.equal(await inner.locator('#figure').evaluate((el) => el.steps), 2);
  const reported = await page.evaluate(() => parseFloat(document.getElementById('demo-frame').style.height));
  const actual = await inner.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(reported - Math.ceil(actual)) <= 1, `iframe height ${reported} vs content ${actual}`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('autoplay plays, except when the reader prefers reduced motion', async () => {
  for (const [reducedMotion, expected] of [['reduce', false], ['no-preference', true]]) {
    const { page, problems } = await openPage(env, 'embed/descent.html', { reducedMotion });
    await page.evaluate(() => {
      const el = document.createElement('backprop-descent');
      el.id = 'auto';
      for (const [k, v] of Object.entries({ x: '1.5', y: '0.5', w: '0.8', lr: '0.1', autoplay: '', loading: 'eager' })) el.setAttribute(k, v);
      document.body.append(el);
    });
    await waitForFigure(page, '#auto');
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.getElementById('auto').playing), expected, `reduced motion: ${reducedMotion}`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
