// The author's page (author.html) in Chromium, under the strict CSP: a control for every field of every figure's
// own table, the live figure following what the author sets (a closed-form descent checked to the last digits), a
// refused value said beside its control, and each snippet pasted into a blog page of another origin showing the same
// figure: the script tag with the package served as a CDN serves it (a third origin, CORS), the npm import through an
// import map, the iframe of the widget page, and the link opened as it is. axe finds nothing, light and dark, at
// 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup, openPage, assertNoProblems, screenshot } from './helpers.mjs';
import { axeViolations } from './axe.mjs';
import { cdnOrigin, otherOrigin, policyWith, post } from './origins.mjs';
import { assemble } from '../../scripts/package.mjs';

let env;
let cdn;
let packageDir;
before(async () => {
  env = await setup();
  // The package as `make package` packs it, unpacked and served as jsDelivr serves it (with CORS).
  packageDir = mkdtempSync(join(tmpdir(), 'backprop-lab-author-cdn-'));
  assemble(packageDir);
  cdn = await cdnOrigin(packageDir);
});
after(async () => {
  await cdn?.close();
  await env?.close();
  if (packageDir) rmSync(packageDir, { recursive: true, force: true });
});

/** The author's page with the figure `tag` picked, its preview drawn. */
async function pick(page, tag) {
  await page.selectOption('#figure', tag);
  await page.waitForFunction((t) => document.querySelector('#preview > *')?.localName === t && document.querySelector('#preview > *').ready, tag);
}


/** Sets the text control of `key` to `text`, as typed, and leaves it. */
async function type(page, key, text) {
  const input = page.locator(`.setting[data-key="${key}"] input`);
  await input.fill(text);
  await input.press('Tab');
}

const snippet = (page, way) => page.locator(`#way-${way}`).textContent();

test('every figure’s controls are made from its own table: one per field, of the field’s kind, labelled with its attribute and range', async () => {
  const { page, problems } = await openPage(env, 'author.html');
  const tags = await page.locator('#figure option').evaluateAll((options) => options.map((o) => o.value));
  const defined = await page.evaluate(async () => {
    const m = await import('./backprop-lab.js');
    return [...Object.keys(m.ELEMENTS), ...Object.keys(m.NETWORK_ELEMENTS)];
  });
  assert.deepEqual([...tags].sort(), [...defined].sort(), 'the picker offers every element the package defines');
  for (const tag of tags) {
    await pick(page, tag);
    const { expected, shown } = await page.evaluate((t) => {
      const kind = (f) => (f.type === 'flag' ? 'checkbox' : f.type === 'choice' ? `select:${f.choices.join('|')}` : f.type === 'list' && f.choices ? `checkboxes:${f.choices.join('|')}` : 'text');
      const expected = customElements.get(t).fields.filter((f) => f.type !== 'id').map((f) => ({ key: f.key, kind: kind(f), attribute: f.attribute, range: f.type === 'flag' ? 'Present or absent' : f.range }));
      const shown = [...document.querySelectorAll('#settings .setting')].map((box) => {
        const select = box.querySelector('select');
        const checks = box.querySelectorAll('input[type="checkbox"]');
        const kind = select ? `select:${[...select.options].map((o) => o.value).join('|')}` : box.querySelector('fieldset') ? `checkboxes:${[...checks].map((c) => c.value).join('|')}` : checks.length ? 'checkbox' : 'text';
        const control = box.querySelector('input, select');
        return { key: box.dataset.key, kind, label: box.querySelector('.setting-name').textContent, hint: box.querySelector('.hint').textContent, labelled: Boolean(control.labels?.length || control.closest('fieldset')) };
      });
      return { expected, shown };
    }, tag);
    assert.deepEqual(shown.map((s) => [s.key, s.kind]), expected.map((e) => [e.key, e.kind]), `${tag}: one control per field, of its kind`);
    // The CSS parts the figure shows are the ones the catalogue (and so the reference and the manifest) names.
    const parts = await page.evaluate(async () => {
      const { figureNamed } = await import('./lib/author/catalogue.js');
      const el = document.getElementById('preview-figure');
      const found = new Set([...el.shadowRoot.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part').split(/\s+/)).filter((p) => !p.endsWith('-button')));
      return { found: [...found].sort(), documented: figureNamed(el.localName).parts.map((p) => p.name) };
    });
    assert.deepEqual(parts.found.filter((p) => !parts.documented.includes(p)), [], `${tag}: every part it shows is documented`);
    for (const [i, e] of expected.entries()) {
      assert.ok(shown[i].label.includes(e.attribute) && shown[i].labelled, `${tag} ${e.key}: labelled with ${e.attribute}`);
      assert.ok(shown[i].hint.includes(e.range), `${tag} ${e.key}: the hint states “${e.range}”`);
    }
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('the live figure follows the settings: lr 0.3 and three steps give the closed-form weights; a refused value is said and changes nothing', async () => {
  const { page, problems } = await openPage(env, 'author.html');
  await pick(page, 'backprop-descent');
  await type(page, 'lr', '0.3');
  await type(page, 'step', '3');
  const preview = page.locator('#preview-figure');
  assert.equal(await preview.getAttribute('lr'), '0.3');
  await page.waitForFunction(() => document.getElementById('preview-figure').model?.steps === 3);
  // w ← w − lr·2(x·w − y)·x from w₀ = 0.8 at x = 1.5, y = 0.5: computed here, not by the core.
  let w = 0.8;
  for (let i = 0; i < 3; i++) w -= 0.3 * 2 * (1.5 * w - 0.5) * 1.5;
  const shownW = await page.evaluate(() => document.getElementById('preview-figure').model.w);
  assert.ok(Math.abs(shownW - w) < 1e-15, `w after 3 steps: ${shownW} against ${w}`);
  assert.match(await snippet(page, 'cdn'), /<backprop-descent lr="0\.3" steps="3" controls equations><\/backprop-descent>/);

  // The parser refuses: said beside the control, the figure and the snippet keep 0.3.
  await type(page, 'lr', '0');
  const input = page.locator('.setting[data-key="lr"] input');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.setting[data-key="lr"] .field-error').textContent(), '“0” cannot be used: lr accepts a number above 0, at most 100. The figure keeps 0.3.');
  assert.equal(await preview.getAttribute('lr'), '0.3');
  await type(page, 'lr', '0.1'); // the default again: out of the snippet and off the figure
  assert.equal(await input.getAttribute('aria-invalid'), null);
  assert.equal(await preview.getAttribute('lr'), null);
  assert.match(await snippet(page, 'cdn'), /<backprop-descent steps="3" controls equations>/);
  // A flag and a choice.
  await page.locator('.setting[data-key="controls"] input').uncheck();
  await page.selectOption('.setting[data-key="mode"] select', 'predict');
  assert.equal(await preview.getAttribute('controls'), null);
  assert.equal(await preview.getAttribute('mode'), 'predict');
  assert.match(await snippet(page, 'link'), /embed\/descent\.html#v=1&step=3&controls=0&equations=1&autoplay=0&mode=predict$/);

  // The playground: a choice, a list of sizes, a list of features, each through its own parser.
  await pick(page, 'backprop-playground');
  await page.selectOption('.setting[data-key="data"] select', 'spiral');
  await type(page, 'hidden', '3,3');
  await page.waitForFunction(() => document.getElementById('preview-figure').state?.data === 'spiral' && document.getElementById('preview-figure').state.hidden.join() === '3,3');
  await type(page, 'hidden', '9');
  assert.match(await page.locator('.setting[data-key="hidden"] .field-error').textContent(), /up to 6 sizes of 1 to 8/);
  for (const box of await page.locator('.setting[data-key="features"] input').all()) await box.uncheck();
  assert.match(await page.locator('.setting[data-key="features"] .field-error').textContent(), /“” cannot be used/, 'no feature at all is refused');
  assert.deepEqual(await page.evaluate(() => document.getElementById('preview-figure').state.features), ['x2'], 'the last list it could use');
  assert.equal(await snippet(page, 'iframe'), '', 'no widget page for the playground');
  assert.equal(await page.locator('#no-iframe').isVisible(), true);
  assert.match(await snippet(page, 'link'), /network\.html#v=1&data=spiral&features=x2&hidden=3,3&test=0&disc=0$/);
  await screenshot(page, 'author-playground-1280-light.png', { fullPage: true });
  assertNoProblems(assert, problems);
  await page.close();
});

/** A setting per figure that differs from its starting one, set on the author's page. */
const CHANGES = {
  'backprop-descent': [['lr', '0.3'], ['step', '3']],
  'backprop-loss': [['x', '2'], ['y', '1'], ['step', '12']],
  'backprop-table': [['w', '-1'], ['step', '4']],
  'backprop-regimes': [['x', '2'], ['lr', '0.2']],
  'backprop-equation': [['step', '2']],
  'backprop-neuron': [['b', '0.5'], ['lr', '2']],
  'backprop-graph': [['point', '3'], ['seed', '7']],
  'backprop-playground': [['hidden', '3'], ['seed', '11']],
};

/**
 * What the figure matching `selector` in `target` (a page or a frame) shows once drawn, comparable across pages: its
 * settings (but loading, which the preview forces) and what it computed (the descent's w and steps, the network's
 * trace or state).
 */
async function stateIn(target, selector) {
  await target.waitForFunction((s) => document.querySelector(s)?.ready === true, selector, { timeout: 20000 });
  return target.evaluate((s) => {
    const el = document.querySelector(s);
    const { loading, ...settings } = el.settings;
    const shown = el.model ? { w: el.model.w, steps: el.model.steps }
      : el.localName === 'backprop-playground' ? { data: el.state.data, hidden: el.state.hidden, seed: el.state.seed }
      : el.localName === 'backprop-graph' ? { point: el.state.point, weights: el.state.weights }
      : { current: el.current };
    return JSON.stringify({ tag: el.localName, settings, shown });
  }, selector);
}

test('each snippet pasted into a blog page of another origin shows the same figure: CDN script tag, npm import, iframe, link', async () => {
  const { page, problems } = await openPage(env, 'author.html');
  const cdnBase = `${cdn.url}package/`;
  for (const [tag, changes] of Object.entries(CHANGES)) {
    await pick(page, tag);
    for (const [key, text] of changes) await type(page, key, text);
    await page.waitForTimeout(100);
    await page.waitForFunction(() => document.getElementById('preview-figure').ready);
    const want = await stateIn(page, '#preview-figure');
    const cdnText = (await snippet(page, 'cdn')).replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/backprop-lab@[^/]+\//, cdnBase);
    const ways = { cdn: cdnText, js: await snippet(page, 'npm-js'), html: await snippet(page, 'npm-html'), iframe: await snippet(page, 'iframe'), link: await snippet(page, 'link') };

    // The script tag, on a post whose CSP allows only itself and the CDN.
    const blog = await otherOrigin({ 'index.html': post(ways.cdn) }, { csp: policyWith([cdn.url]) });
    const pasted = await openPage({ context: env.context, url: blog.url }, 'index.html');
    assert.equal(await stateIn(pasted.page, tag), want, `${tag} from the CDN`);
    assertNoProblems(assert, { ...pasted.problems, foreign: pasted.problems.foreign.filter((u) => !u.startsWith(cdn.url)) });
    await pasted.page.close();
    await blog.close();

    // The npm import, resolved as a bundler would, by an import map (its hash in the CSP).
    const map = JSON.stringify({ imports: { 'backprop-lab/elements': `${cdnBase}elements.js` } });
    const hash = createHash('sha256').update(map).digest('base64');
    const app = await otherOrigin({ 'index.html': post(ways.html, `<script type="importmap">${map}</script><script type="module" src="app.js"></script>`), 'app.js': ways.js },
      { csp: policyWith([cdn.url], `'sha256-${hash}'`) });
    const bundled = await openPage({ context: env.context, url: app.url }, 'index.html');
    assert.equal(await stateIn(bundled.page, tag), want, `${tag} from npm`);
    assertNoProblems(assert, { ...bundled.problems, foreign: bundled.problems.foreign.filter((u) => !u.startsWith(cdn.url)) });
    await bundled.page.close();
    await app.close();

    if (ways.iframe) {
      // The iframe of the widget page, on a post that runs the site's resize.js and nothing else.
      const framed = await otherOrigin({ 'index.html': post(ways.iframe) }, { csp: policyWith([env.url]) });
      const host = await openPage({ context: env.context, url: framed.url }, 'index.html');
      const frame = await (await host.page.waitForSelector('iframe.backprop-widget')).contentFrame();
      assert.equal(await stateIn(frame, '#figure').then((s) => s.replace(/,"controls":(true|false),"equations":(true|false)/, '')), want.replace(/,"controls":(true|false),"equations":(true|false)/, ''), `${tag} in an iframe`);
      assert.equal(await stateIn(frame, '#figure'), want, `${tag} in an iframe, its flags said outright`);
      await host.page.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: 10000 });
      assertNoProblems(assert, { ...host.problems, foreign: host.problems.foreign.filter((u) => !u.startsWith(env.url)) });
      await host.page.close();
      await framed.close();
    }
    if (ways.link) {
      const opened = await env.context.newPage();
      await opened.goto(ways.link);
      const selector = ways.link.includes('network.html') ? '#playground' : '#figure';
      if (selector === '#playground') await opened.evaluate(() => document.getElementById('playground').setAttribute('loading', 'eager'));
      const got = JSON.parse(await stateIn(opened, selector));
      const expected = JSON.parse(want);
      assert.deepEqual(got.settings, expected.settings, `${tag} from its link: settings`);
      assert.deepEqual(got.shown, expected.shown, `${tag} from its link: what it shows`);
      await opened.close();
    }
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('axe finds nothing on the author’s page, light and dark, at 1280 and 360 px, with the descent and with the playground', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const { page, problems } = await openPage(env, 'author.html', { colorScheme, width, height: 800 });
      for (const tag of ['backprop-descent', 'backprop-playground']) {
        await pick(page, tag);
        await type(page, 'lr', '-1'); // a refusal shown, as an author would see one
        assert.deepEqual(await axeViolations(page), [], `${colorScheme}, ${width} px, ${tag}`);
      }
      await screenshot(page, `author-${width}-${colorScheme}.png`);
      assertNoProblems(assert, problems);
      await page.close();
    }
  }
});

test('nothing a reader sees moves while the author’s page builds its first figure and controls: layout shift below 0.02', async (t) => {
  for (const width of [1280, 360]) {
    const page = await env.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(new URL('author.html', env.url).href);
    await page.waitForFunction(() => !document.getElementById('main').hasAttribute('aria-busy') && document.getElementById('preview-figure')?.ready);
    await page.waitForTimeout(400);
    const shift = await page.evaluate(() => window.__shift);
    t.diagnostic(`${width} px: CLS ${shift.toFixed(4)}`);
    assert.ok(shift < 0.02, `${width} px: cumulative layout shift ${shift.toFixed(4)}`);
    await page.close();
  }
});
