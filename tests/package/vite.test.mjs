// The package in a bundler: a small Vite site outside the repository installs the tarball with npm, imports
// 'backprop-lab/elements' on one page and `{ init, step, train }` from 'backprop-lab' in application code on another,
// and `vite build` bundles both. The built site must work in Chromium under the strict CSP (only its own origin), and
// the dev server must serve it too, with no Vite setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, launchBrowser, openPage, waitForFigure, assertNoProblems } from '../page/helpers.mjs';
import { ARTICLE, installApp, sizes, stepAndRead, stopServer } from './support.mjs';

const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

const FILES = {
  'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elements</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/src/elements.js"></script></head><body>
<backprop-descent id="d" x="1.5" y="0.5" w="0.8" lr="0.1" controls equations loading="eager"></backprop-descent>
<backprop-table id="t" for="d"></backprop-table>
<backprop-playground id="p" dataset="xor" hidden-layers="4,2" lr="0.03" seed="1" loading="eager"></backprop-playground>
</body></html>`,
  'src/elements.js': `import 'backprop-lab/elements';\n`,
  'api.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/src/api.js"></script></head><body><pre id="out">loading</pre></body></html>`,
  'src/api.js': `import { init, step, train } from 'backprop-lab';

await init();
const article = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1 };
const first = step(article);
document.getElementById('out').textContent = JSON.stringify({ wNext: first.wNext, dJdW: first.dJdW, trail: train(article, 5).map((r) => String(r.wNext)) });
`,
  'digits.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Digits</title><link rel="icon" href="/favicon.svg">
<script type="module" src="/src/digits.js"></script></head><body><pre id="out">loading</pre></body></html>`,
  'src/digits.js': `import { loadDigits } from 'backprop-lab/data/digits';

const d = await loadDigits();
const counts = new Array(d.classes).fill(0);
for (const label of d.labels) counts[label]++;
document.getElementById('out').textContent = JSON.stringify({ counts, pixels: d.images.length });
`,
  'public/favicon.svg': readFileSync(join(ROOT, 'www', 'favicon.svg'), 'utf8'),
  'vite.config.js': `export default { logLevel: 'warn', build: { rollupOptions: { input: { index: 'index.html', api: 'api.html', digits: 'digits.html' } } } };\n`,
};

let app;
let dist;
let browser;
let site;
before(async () => {
  app = installApp('vite', FILES);
  execFileSync(process.execPath, [VITE, 'build'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  dist = join(app, 'dist');
  browser = await launchBrowser();
  site = await startServer({ root: dist, csp: true, reportViolations: true });
});
after(async () => {
  await browser?.close();
  await stopServer(site?.server);
});

test('vite build bundles both pages; the output and its size', (t) => {
  const files = sizes(dist);
  const total = files.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });
  for (const f of files) t.diagnostic(`${f.path}: ${f.raw} B, ${f.gzip} B gzipped`);
  t.diagnostic(`vite build output: ${files.length} files, ${(total.raw / 1024).toFixed(1)} KB, ${(total.gzip / 1024).toFixed(1)} KB gzipped`);
  const wasm = files.filter((f) => f.path.endsWith('.wasm'));
  assert.equal(wasm.length, 3, `the article build and the full build's simd128 and scalar modules are emitted as assets: ${wasm.map((f) => f.path).join(', ')}`);
  assert.deepEqual(files.filter((f) => /\.(ts|map)$/.test(f.path)).map((f) => f.path), [], 'nothing but what runs is emitted');
  assert.ok(files.some((f) => /^assets\/figure-.*\.css$/.test(f.path)), 'the figures’ stylesheet is emitted as an asset');
  assert.ok(files.some((f) => f.path === 'index.html') && files.some((f) => f.path === 'api.html'));
});

test("import 'backprop-lab/elements': the bundled figures work under the strict CSP", async () => {
  const { page, problems } = await openPage({ context: browser.context, url: site.url }, 'index.html');
  await waitForFigure(page, '#d');
  assert.deepEqual(await stepAndRead(page, { figure: '#d', table: '#t', n: 5 }), ARTICLE);
  // The network figure's code is a lazily loaded chunk, and its wasm the other asset.
  await page.waitForFunction(() => document.getElementById('p')?.ready === true);
  const loss = await page.evaluate(() => document.getElementById('p').trainLoss);
  assert.ok(Number.isFinite(loss) && loss > 0, `the playground computed a training loss (${loss})`);
  assert.deepEqual(site.violations, [], 'CSP violations reported');
  assertNoProblems(assert, problems);
  await page.close();
});

test("import { init, step, train } from 'backprop-lab' in application code: the bundled API gives the article's numbers", async () => {
  const { page, problems } = await openPage({ context: browser.context, url: site.url }, 'api.html');
  await page.waitForFunction(() => document.getElementById('out').textContent.startsWith('{'));
  const out = JSON.parse(await page.locator('#out').textContent());
  assert.equal(out.wNext, 0.59);
  assert.equal(out.dJdW, 2.1000000000000005);
  assert.deepEqual(out.trail, ARTICLE.slice(1));
  assert.deepEqual(site.violations, [], 'CSP violations reported');
  assertNoProblems(assert, problems);
  await page.close();
});

test("import { loadDigits } from 'backprop-lab/data/digits': the bundle emits the data file and fetches it under the strict CSP", async () => {
  const { page, problems } = await openPage({ context: browser.context, url: site.url }, 'digits.html');
  await page.waitForFunction(() => document.getElementById('out').textContent.startsWith('{'));
  const out = JSON.parse(await page.locator('#out').textContent());
  assert.deepEqual(out, { counts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180], pixels: 1797 * 64 });
  assert.deepEqual(site.violations, [], 'CSP violations reported');
  assertNoProblems(assert, problems);
  await page.close();
});

test('vite dev serves the same site unbundled: the elements and the API work without any Vite setting', async () => {
  const dev = spawn(process.execPath, [VITE, '--host', '127.0.0.1', '--port', '0', '--strictPort', '--logLevel', 'info'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise((done, fail) => {
      let text = '';
      dev.stdout.on('data', (chunk) => {
        text += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
        const m = text.match(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
        if (m) done(m[1]);
      });
      dev.once('exit', () => fail(new Error(`vite dev exited: ${text}`)));
      setTimeout(() => fail(new Error(`vite dev did not say where it listens: ${text}`)), 20000).unref();
    });
    const { page, problems } = await openPage({ context: browser.context, url }, 'index.html');
    await waitForFigure(page, '#d');
    const rules = await page.evaluate(() => document.querySelector('#d').shadowRoot.adoptedStyleSheets[0]?.cssRules.length ?? 0);
    assert.ok(rules > 20, `the figures' stylesheet arrived as CSS (${rules} rules)`);
    assert.deepEqual(await stepAndRead(page, { figure: '#d', table: '#t', n: 2 }), ARTICLE.slice(0, 3));
    await page.goto(`${url}api.html`);
    await page.waitForFunction(() => document.getElementById('out').textContent.startsWith('{'));
    assert.deepEqual(JSON.parse(await page.locator('#out').textContent()).trail, ARTICLE.slice(1));
    assert.deepEqual(problems.errors, []);
    await page.close();
  } finally {
    dev.kill();
  }
});
