// State in the URL, both ways: a link with state reproduces the view, stepping writes the step back, and malformed
// or hostile state falls back to the article's defaults with a visible notice — and never runs a script.
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

const state = (page) =>
  page.evaluate(() => {
    const main = document.querySelector('#main');
    const inputs = Object.fromEntries([...document.querySelectorAll('#problem input[type="number"]')].map((i) => [i.dataset.key, i.value]));
    const notice = document.querySelector('#url-notice');
    return { config: main.config, steps: main.steps, inputs, notice: notice.hidden ? null : notice.textContent, noticeChildren: notice.children.length };
  });

test('a link with state opens that problem at that step, and stepping writes the step back', async () => {
  const { page, problems } = await openPage(env, 'index.html#x=2&y=1&w=-0.5&lr=0.2&step=3');
  await waitForFigure(page);
  const s = await state(page);
  assert.deepEqual(s.config, { x: 2, y: 1, w: -0.5, lr: 0.2 });
  assert.equal(s.steps, 3);
  assert.deepEqual(s.inputs, { x: '2', y: '1', w: '-0.5', lr: '0.2' });
  assert.equal(s.notice, null);
  assert.equal(await page.locator('backprop-table tr[data-step="3"]').count(), 1);
  await page.locator('#main button[data-action="step"]').click();
  await page.waitForFunction(() => location.hash === '#v=1&x=2&y=1&w=-0.5&lr=0.2&step=4');
  // Changing an input restarts the descent and rewrites the link.
  await page.locator('#num-y').fill('3');
  await page.waitForFunction(() => location.hash === '#v=1&x=2&y=3&w=-0.5&lr=0.2&step=0');
  // Editing the address (a new fragment) is applied too.
  await page.evaluate(() => {
    location.hash = '#x=1&y=1&w=0&lr=0.25&step=2';
  });
  await page.waitForFunction(() => document.querySelector('#main').steps === 2 && document.querySelector('#main').config.lr === 0.25);
  assert.equal(await page.locator('#num-lr').inputValue(), '0.25');
  assertNoProblems(assert, problems);
  await page.close();
});

const HOSTILE = [
  ['a script tag', `x=${encodeURIComponent('<script>window.__pwned=1</script>')}&lr=0.3`, ['x'], { lr: 0.3 }],
  ['an event handler', `y=${encodeURIComponent('<img src=x onerror="window.__pwned=1;alert(1)">')}`, ['y'], {}],
  ['a javascript: URL', `w=${encodeURIComponent('javascript:alert(1)')}&step=2`, ['w₀'], {}],
  ['a huge number', 'lr=1e400&x=1e308', ['x', 'lr'], {}],
  ['NaN and Infinity', 'x=NaN&y=Infinity&w=-Infinity', ['x', 'y', 'w₀'], {}],
  ['out-of-range values', 'lr=0&w=1000.5&step=-1', ['w₀', 'lr', 'step'], {}],
  ['a fractional step', 'step=2.5', ['step'], {}],
  ['a 10,000-character value', `y=${'9'.repeat(10000)}`, null, {}],
  ['unknown keys', 'x=1.5&__proto__=1&constructor=2&onload=alert(1)', [], {}],
  ['an x so small that x² vanishes', 'x=1e-300&lr=0.3', ['x'], { lr: 0.3 }],
];

test('hostile URLs give the article’s defaults and a notice, and no script runs', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  for (const [what, fragment, refused, kept] of HOSTILE) {
    await page.goto('about:blank');
    await page.goto(new URL(`index.html#${fragment}`, env.url).href);
    await waitForFigure(page);
    const s = await state(page);
    const expected = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1, ...kept };
    assert.deepEqual(s.config, expected, `${what}: defaults`);
    assert.ok(s.notice, `${what}: a notice is shown`);
    assert.equal(s.noticeChildren, 0, `${what}: the notice is plain text`);
    if (refused === null) assert.match(s.notice, /too long/, what);
    else if (refused.length) assert.match(s.notice, new RegExp(`for ${refused.join(', ')} could not be used`), what);
    else assert.match(s.notice, /unknown settings? (was|were) ignored/, what);
    assert.doesNotMatch(s.notice, /<|script|alert|NaN|Infinity|999999/, `${what}: nothing from the URL is echoed`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: no script ran`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0, `${what}: no element injected`);
    // The link is rewritten to the state actually shown, so it cannot be passed on.
    assert.match(new URL(page.url()).hash, /^#v=1&x=[-0-9.e]+&y=[-0-9.e]+&w=[-0-9.e]+&lr=[0-9.e-]+&step=\d+$/, what);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('a repeated key is named in the notice, and a link of another version says so', async () => {
  const { page, problems } = await openPage(env, 'index.html#v=1&x=2&x=3&lr=0.2&lr=0.3');
  await waitForFigure(page);
  let s = await state(page);
  assert.deepEqual(s.config, { x: 2, y: 0.5, w: 0.8, lr: 0.2 }, 'the first of each repeated key is used');
  assert.equal(s.notice, 'x, lr were given more than once; the first is used.');
  await page.goto('about:blank');
  await page.goto(new URL('index.html#v=2&x=2&y=1&w=0&lr=0.2&step=1', env.url).href);
  await waitForFigure(page);
  s = await state(page);
  assert.deepEqual(s.config, { x: 2, y: 1, w: 0, lr: 0.2 }, 'the settings are still applied');
  assert.match(s.notice, /made with another version of backprop-lab than this page’s \(v=1\)/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('x = 1e-300 from the URL is refused with a notice and gives no console error', async () => {
  const { page, problems } = await openPage(env, 'index.html#x=1e-300&y=0.5&w=0.8&lr=0.1&step=0');
  await waitForFigure(page);
  const s = await state(page);
  assert.equal(s.config.x, 1.5);
  assert.match(s.notice, /value for x could not be used/);
  await page.locator('backprop-regimes').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-regimes').shadowRoot.querySelector('.regime-text')?.textContent.length > 0);
  assert.doesNotMatch(await page.locator('backprop-regimes .regime-text').textContent(), /NaN|Infinity/);
  assertNoProblems(assert, problems);
  await page.close();
});

test('an embed widget page reads every attribute of its element from the fragment; mistakes go to the console only', async () => {
  const warnings = [];
  const { page, problems } = await openPage(env, 'embed/descent.html#v=1&x=1.5&y=0.5&w=0.8&lr=0.1&step=2&theme=dark&controls=0&equations=1');
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await waitForFigure(page, '#figure');
  assert.equal(await page.evaluate(() => document.querySelector('#figure').steps), 2);
  assert.equal(await page.locator('#figure').getAttribute('theme'), 'dark');
  assert.equal(await page.locator('#figure').getAttribute('controls'), null, 'controls=0 removes the controls');
  assert.equal(await page.locator('#figure .controls').isHidden(), true);
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('#figure').shadowRoot.querySelector('.frame')).backgroundColor);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `theme=dark gives a dark figure (${background})`);
  assert.equal(await page.locator('#figure .equations li[data-equation="update"] .quantity[data-quantity="wNext"]').last().textContent(), '0.4745');
  // An author's mistakes: reported on the console, never shown to readers.
  const warned = page.waitForEvent('console', (m) => m.type() === 'warning');
  await page.goto('about:blank');
  await page.goto(new URL(`embed/descent.html#lr=${encodeURIComponent('"><svg onload=alert(1)>')}&theme=light&autoplay=1&colour=red`, env.url).href);
  await waitForFigure(page, '#figure');
  assert.match((await warned).text(), /value for lr could not be used.*1 unknown setting was ignored/);
  assert.equal(await page.evaluate(() => document.querySelector('#figure').config.lr), 0.1);
  assert.equal(await page.locator('#figure').getAttribute('theme'), 'light');
  assert.equal(await page.locator('.notice:visible, [role="alert"]:visible').count(), 0, 'no notice for readers');
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /could not be used|unknown setting/);
  assertNoProblems(assert, problems);
  await page.close();
});
