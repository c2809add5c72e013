// The playground from a CDN: the package unpacked on origin B (with CORS), a blog page on origin A with one module
// script from B. A worker's URL must be the page's own origin, so the playground starts its grid worker from a blob:
// URL made on A that imports the worker module from B. Under a Content Security Policy that takes `worker-src blob:`;
// without it the worker is refused, the console says so (console.info), and the playground computes its heatmap on
// the page's thread, every frame the current epoch's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, launchBrowser, openPage } from '../page/helpers.mjs';
import { VERSION, origin, scratch, strictPolicy, unpackInto, stopServer } from './support.mjs';

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

/** Origin B with the unpacked package (CORS on), and origin A with a post holding a playground, under `policy(B)`. */
async function origins(policy) {
  const cdnRoot = scratch('cdn-worker');
  unpackInto(cdnRoot, PREFIX);
  const b = await startServer({ root: cdnRoot, headers: { 'Access-Control-Allow-Origin': '*' } });
  const blogRoot = scratch('blog-worker');
  copyFileSync(join(ROOT, 'www', 'favicon.svg'), join(blogRoot, 'favicon.svg'));
  writeFileSync(
    join(blogRoot, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="favicon.svg">
<script type="module" src="${b.url}${PREFIX}/elements.js"></script></head><body>
<h1>A post with a playground from a CDN</h1>
<backprop-playground id="p" dataset="spiral" hidden-layers="6,6" seed="4" speed="2" loading="eager"></backprop-playground>
</body></html>`,
  );
  const a = await startServer({ root: blogRoot, csp: policy(origin(b.url)), reportViolations: true });
  servers.push(a.server, b.server);
  return { a, b };
}

/**
 * Opens the post, waits for the playground and plays it, recording at each frame [epoch trained, epoch the map
 * shows]; `info` collects the console's info lines, `said` resolves at the first.
 */
async function play(a) {
  const { page, problems } = await openPage({ context: browser.context, url: a.url }, 'index.html');
  const info = [];
  let heard;
  const said = new Promise((done) => (heard = done));
  page.on('console', (m) => m.type() === 'info' && (info.push(m.text()), heard()));
  await page.waitForFunction(() => document.getElementById('p')?.ready === true && document.getElementById('p').network);
  await page.evaluate(() => {
    const p = document.getElementById('p');
    window.frames_ = [];
    p.addEventListener('step', () => window.frames_.push([p.epochs, p.heatmapEpoch]));
    p.play();
  });
  return { page, problems, info, said };
}

test('from a CDN under `worker-src blob:` the grid worker starts from a blob: URL and draws while training plays', async () => {
  const { a, b } = await origins((other) => `${strictPolicy(other)}; worker-src blob:`);
  const { page, problems, info } = await play(a);
  // A frame that shows a grid of a later epoch than the first, yet behind the network: the worker's.
  await page.waitForFunction(() => window.frames_.some(([trained, shown]) => shown > 0 && shown < trained), null, { timeout: 60_000 });
  const frames = await page.evaluate(() => (document.getElementById('p').pause(), window.frames_));
  assert.ok(frames.every(([trained, shown]) => shown <= trained), 'never ahead of the network');
  assert.ok(b.requests.includes(`/${PREFIX}/lib/playground-grid-worker.js`), 'the worker module came from B');
  assert.deepEqual(info, [], 'no fallback');
  assert.deepEqual([a.violations, problems.violations, problems.errors, problems.console], [[], [], [], []]);
  await page.close();
});

test('from a CDN without `worker-src blob:` the worker is refused, the console says so, and the page computes the grid', async () => {
  const { a } = await origins((other) => strictPolicy(other));
  const { page, problems, info, said } = await play(a);
  await said;
  // From then on every frame shows its own epoch: the grid is computed on the page's thread.
  const from = await page.evaluate(() => window.frames_.length);
  await page.waitForFunction((n) => window.frames_.length >= n + 10, from, { timeout: 60_000 });
  const frames = await page.evaluate((n) => (document.getElementById('p').pause(), window.frames_.slice(n)), from);
  assert.deepEqual(frames.filter(([trained, shown]) => shown !== trained), [], 'each frame its own epoch');
  assert.equal(info.length, 1, `said once: ${info.join(' | ')}`);
  assert.match(info[0], /grid worker could not start .*worker-src blob:.*computed on the page’s thread/);
  // The browser's own report of the refusal is the only error on the console.
  assert.ok(problems.console.length >= 1, 'the browser reports the refusal');
  const refusal = /^Creating a worker from 'blob:.*violates the following Content Security Policy/;
  assert.ok(problems.console.every((m) => refusal.test(m)), problems.console.join(' | '));
  assert.deepEqual(problems.errors, []);
  await page.close();
});
