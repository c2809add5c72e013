// An author's mistakes, in Chromium, on a blog page of another origin that loads the figures with one script tag:
// an unknown or misspelled attribute is named once on the console with the nearest real one, a refused value never
// claims another version, a `for` naming nothing goes to the console only, and link keys work as attributes (and
// attribute names in links). Readers see none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openPage, assertNoProblems, deepText, ROOT } from './helpers.mjs';
import { cdnOrigin, otherOrigin, policyWith, post } from './origins.mjs';

let env;
let site;
before(async () => {
  env = await setup();
  site = await cdnOrigin(join(ROOT, 'www'));
});
after(async () => {
  await site?.close();
  await env?.close();
});

/** A post on its own origin with `body`, the figures loaded from the site: { page, problems, warnings, close }. */
async function blogWith(body) {
  const blog = await otherOrigin({ 'start.html': post(''), 'index.html': post(body, `<script type="module" src="${site.url}backprop-lab.js"></script>`) }, { csp: policyWith([site.url]) });
  const warnings = [];
  // Opened on an empty page first, so the console is listened to before the post's first script runs.
  const opened = await openPage({ context: env.context, url: blog.url }, 'start.html');
  opened.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await opened.page.goto(`${blog.url}index.html`);
  const close = async () => {
    await opened.page.close();
    await blog.close();
  };
  return { page: opened.page, problems: opened.problems, warnings, close };
}

const ready = (page, selector) => page.waitForFunction((s) => document.querySelector(s)?.ready === true, selector, { timeout: 20000 });
const foreignOk = (problems) => ({ ...problems, foreign: problems.foreign.filter((u) => !u.startsWith(site.url)) });

test('a misspelled attribute is named once on the console with the nearest real one; a refused value claims no other version', async () => {
  const { page, problems, warnings, close } = await blogWith(`<backprop-descent id="d" learning-rate="0.3" control equation loading="eager"></backprop-descent>
<backprop-descent id="e" lr="abc" data-note="mine" aria-describedby="n" class="wide" loading="eager"></backprop-descent><p id="n">A note.</p>`);
  await ready(page, '#d');
  await ready(page, '#e');
  // Attribute changes later do not repeat the warnings.
  await page.evaluate(() => {
    document.getElementById('d').setAttribute('lr', '0.2');
    document.getElementById('d').setAttribute('learning-rate', '0.4');
  });
  await page.waitForTimeout(100);
  const about = (name) => warnings.filter((w) => w.includes(`“${name}”`) && w.includes('<backprop-descent id="d">'));
  assert.equal(about('learning-rate').length, 1, warnings.join('\n'));
  assert.match(about('learning-rate')[0], /the attribute “learning-rate” is not one of this figure’s, so it is ignored; did you mean “lr”\?/);
  assert.match(about('control')[0], /did you mean “controls”\?/);
  assert.match(about('equation')[0], /did you mean “equations”\?/);
  assert.equal(about('control').length, 1);
  const refused = warnings.filter((w) => w.includes('<backprop-descent id="e">'));
  assert.deepEqual(refused, ['<backprop-descent id="e">: The attribute lr could not be used, so it falls back to its default.'], 'HTML’s own attributes are not questioned, and no version is claimed');
  assert.equal(await page.evaluate(() => document.getElementById('e').settings.lr), 0.1);
  const text = await deepText(page);
  assert.doesNotMatch(text, /learning-rate|another version|could not be used/, 'readers see none of it');
  assertNoProblems(assert, foreignOk(problems));
  await close();
});

test('a for naming a missing id, or an element without a descent, goes to the console once and shows readers nothing', async () => {
  const { page, problems, warnings, close } = await blogWith(`<backprop-table id="t" for="nowhere" loading="eager"></backprop-table>
<p id="para">A paragraph.</p><backprop-loss id="l" for="para" loading="eager"></backprop-loss>
<backprop-descent id="ok" loading="eager"></backprop-descent><backprop-table id="linked" for="ok" loading="eager"></backprop-table>`);
  await ready(page, '#t');
  await ready(page, '#l');
  await ready(page, '#linked');
  await page.evaluate(() => document.getElementById('t').setAttribute('theme', 'dark')); // another change: no second warning
  await page.waitForTimeout(100);
  const missing = warnings.filter((w) => w.includes('for="nowhere"'));
  assert.deepEqual(missing, ['<backprop-table id="t">: for="nowhere" names no element on the page, so this figure shows nothing; give the figure it should follow id="nowhere".']);
  assert.equal(warnings.filter((w) => w.includes('for="para" names a <p>')).length, 1, warnings.join('\n'));
  const shown = await page.evaluate(() => ['t', 'l'].map((id) => document.getElementById(id).shadowRoot.textContent));
  assert.ok(shown.every((t) => !/nowhere|para|linked|not on the page/.test(t)), `nothing for readers: ${shown.join(' | ')}`);
  assert.doesNotMatch(await deepText(page), /nowhere|not on the page|not a figure/);
  assert.equal(await page.evaluate(() => document.querySelector('#linked').shadowRoot.querySelectorAll('td.w').length), 1, 'a for that names a figure still works');
  assertNoProblems(assert, foreignOk(problems));
  await close();
});

test('link keys work as attributes (data, opt, act, step), attribute names work in links (dataset, hidden-layers, optimizer, steps)', async () => {
  const { page, problems, warnings, close } = await blogWith(`<backprop-playground id="p" data="circle" opt="adam" act="relu" hidden-layers="3" loading="eager"></backprop-playground>
<backprop-descent id="d" step="4" loading="eager"></backprop-descent>`);
  await ready(page, '#p');
  await ready(page, '#d');
  const state = await page.evaluate(() => document.getElementById('p').state);
  assert.equal(state.data, 'circle');
  assert.equal(state.opt, 'adam');
  assert.equal(state.act, 'relu');
  assert.deepEqual(state.hidden, [3]);
  assert.equal(await page.evaluate(() => document.getElementById('d').model.steps), 4);
  // A key set later is read as its attribute; the attribute, when both are there, wins.
  await page.evaluate(() => document.getElementById('p').setAttribute('data', 'spiral'));
  await page.waitForFunction(() => document.getElementById('p').state.data === 'spiral');
  await page.evaluate(() => document.getElementById('p').setAttribute('dataset', 'xor'));
  await page.waitForFunction(() => document.getElementById('p').state.data === 'xor');
  assert.deepEqual(warnings, [], 'no attribute here is unknown');
  assertNoProblems(assert, foreignOk(problems));
  await close();

  const network = await openPage(env, 'network.html#v=1&dataset=circle&hidden-layers=3&optimizer=adam');
  await ready(network.page, '#playground');
  const fromLink = await network.page.evaluate(() => document.getElementById('playground').state);
  assert.deepEqual([fromLink.data, fromLink.hidden, fromLink.opt], ['circle', [3], 'adam']);
  assert.equal(await network.page.locator('#url-notice').isVisible(), false, 'nothing refused, nothing unknown');
  assertNoProblems(assert, network.problems);
  await network.page.close();

  const widget = await openPage(env, 'embed/descent.html#v=1&steps=2');
  await ready(widget.page, '#figure');
  assert.equal(await widget.page.evaluate(() => document.getElementById('figure').model.steps), 2);
  assertNoProblems(assert, widget.problems);
  await widget.page.close();
});
