// The package from a CDN: the tarball unpacked on origin B (served with Access-Control-Allow-Origin: *, laid out as
// /npm/backprop-lab@x.y.z/), a blog page on origin A with one <script type="module" src="http://B/…/elements.js">
// under a strict CSP that allows only A and B. The figures must work with their wasm and styles fetched from B.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, launchBrowser, openPage, waitForFigure } from '../page/helpers.mjs';
import { ARTICLE, VERSION, origin, scratch, stepAndRead, strictPolicy, unpackInto, stopServer } from './support.mjs';

const PREFIX = `npm/backprop-lab@${VERSION}`;
let browser;
const servers = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await stopServer(s);
});

/** Origin B with the unpacked package (CORS headers or not) and origin A with a blog post that loads it from B. */
async function origins({ cors }) {
  const cdnRoot = scratch('cdn');
  unpackInto(cdnRoot, PREFIX);
  const b = await startServer({ root: cdnRoot, headers: cors ? { 'Access-Control-Allow-Origin': '*' } : {} });
  const blogRoot = scratch('blog');
  copyFileSync(join(ROOT, 'www', 'favicon.svg'), join(blogRoot, 'favicon.svg'));
  const script = `${b.url}${PREFIX}/elements.js`;
  writeFileSync(
    join(blogRoot, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="favicon.svg">
<script type="module" src="${script}"></script></head><body>
<h1>A post that embeds backprop-lab from a CDN</h1>
<backprop-descent id="d" x="1.5" y="0.5" w="0.8" lr="0.1" controls equations loading="eager"></backprop-descent>
<backprop-table id="t" for="d"></backprop-table>
<backprop-neuron id="n" loading="eager"></backprop-neuron>
</body></html>`,
  );
  // A page that loads the digits from B (backprop-lab/data/digits: its module and its data file).
  writeFileSync(join(blogRoot, 'digits.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Digits</title>
<link rel="icon" href="favicon.svg"><script type="module" src="digits-page.js"></script></head><body><pre id="out">loading</pre></body></html>`);
  writeFileSync(join(blogRoot, 'digits-page.js'), `import { loadDigits } from '${b.url}${PREFIX}/data/digits.js';
const d = await loadDigits();
const counts = new Array(d.classes).fill(0);
for (const label of d.labels) counts[label]++;
document.getElementById('out').textContent = JSON.stringify({ counts, first: Array.from(d.images.subarray(0, 8)) });
`);
  const a = await startServer({ root: blogRoot, csp: strictPolicy(origin(b.url)), reportViolations: true });
  servers.push(a.server, b.server);
  return { a, b };
}

test('from a second origin with CORS: the figures, their wasm and their styles load from B under a strict CSP of A and B', async () => {
  const { a, b } = await origins({ cors: true });
  const { page, problems } = await openPage({ context: browser.context, url: a.url }, 'index.html');
  await waitForFigure(page, '#d');
  assert.deepEqual(await stepAndRead(page, { figure: '#d', table: '#t', n: 5 }), ARTICLE, 'the article’s digits from the wasm fetched from B');
  // The figures' stylesheet came from B and styles the shadow root (the frame is laid out by it, not by defaults).
  const styled = await page.evaluate(() => {
    const root = document.getElementById('d').shadowRoot;
    const sheet = root.adoptedStyleSheets[0];
    return { rules: sheet?.cssRules.length ?? 0, button: getComputedStyle(root.querySelector('button[data-action="step"]')).cursor };
  });
  assert.ok(styled.rules > 20, `the figures' stylesheet has ${styled.rules} rules`);
  assert.equal(styled.button, 'pointer', 'buttons are styled by figure.css');
  // A network figure, defined on demand: its code and the full wasm come from B too.
  await page.waitForFunction(() => document.getElementById('n')?.ready === true);
  const fromB = b.requests.filter((p) => p.startsWith(`/${PREFIX}/`)).map((p) => p.slice(PREFIX.length + 2));
  for (const want of ['elements.js', 'pkg-article/backprop_lab_bg.wasm', 'pkg/backprop_lab_bg.wasm', 'styles/figure.css', 'lib/elements/neuron-element.js']) {
    assert.ok(fromB.includes(want), `${want} was fetched from B (B served: ${fromB.join(' ')})`);
  }
  assert.deepEqual(a.requests, ['/index.html', '/favicon.svg'], 'A served only the page and its icon');
  assert.deepEqual(a.violations, [], 'CSP violations reported to A');
  assert.deepEqual(problems.violations, [], 'CSP violations seen in the page');
  assert.deepEqual(problems.errors, [], 'page errors');
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.foreign.filter((u) => !u.startsWith(b.url)), [], 'requests to neither A nor B');
  await page.close();
});

test('from a second origin with CORS: loadDigits() fetches the digits next to its module on B', async () => {
  const { a, b } = await origins({ cors: true });
  const { page, problems } = await openPage({ context: browser.context, url: a.url }, 'digits.html');
  await page.waitForFunction(() => document.getElementById('out').textContent.startsWith('{'));
  const out = JSON.parse(await page.locator('#out').textContent());
  assert.deepEqual(out.counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  assert.deepEqual(out.first, [0, 0, 5, 13, 9, 1, 0, 0]);
  const fromB = b.requests.filter((p) => p.startsWith(`/${PREFIX}/`)).map((p) => p.slice(PREFIX.length + 2));
  assert.deepEqual(fromB.sort(), ['data/digits.bin', 'data/digits.js']);
  assert.deepEqual(a.violations, [], 'CSP violations reported to A');
  assert.deepEqual(problems.errors, [], 'page errors');
  await page.close();
});

test('the same page without CORS on B: the module script is refused, so the CORS header is what makes it work', async () => {
  const { a } = await origins({ cors: false });
  const { page, problems } = await openPage({ context: browser.context, url: a.url }, 'index.html');
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => customElements.get('backprop-descent') === undefined), true, 'no element is defined');
  assert.ok(problems.console.some((m) => /CORS|Access-Control-Allow-Origin/.test(m)), `the console says why: ${problems.console.join(' | ')}`);
  await page.close();
});
