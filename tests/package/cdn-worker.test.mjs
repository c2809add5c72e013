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

/** Opens the post, waits for the playground, plays 1.5 s: how far behind the network each frame's heatmap was. */
async function play(a) {
  const { page, problems } = await openPage({ context: browser.context, url: a.url }, 'index.html');
  const info = [];
  page.on('console', (m) => m.type() === 'info' && info.push(m.text()));
  await page.waitForFunction(() => document.getElementById('p')?.ready === true && document.getElementById('p').network);
  const behind = await page.evaluate(async () => {
    const p = document.getElementById('p');
    const lags = [];
    p.addEventListener('step', () => lags.push(p.epochs - p.heatmapEpoch));
    p.play();
    await new Promise((done) => setTimeout(done, 1500));
    p.pause();
    return lags;
  });
  return { page, problems, info, behind };
}

test('from a CDN under `worker-src blob:` the grid worker starts from a blob: URL and draws while training plays', async () => {
  const { a, b } = await origins((other) => `${strictPolicy(other)}; worker-src blob:`);
  const { page, problems, info, behind } = await play(a);
  assert.ok(behind.length > 5, `${behind.length} frames played`);
  assert.ok(behind.some((d) => d > 0), `some frames show the worker's grid, an epoch or two behind (${behind.slice(-20)})`);
  // While the worker loads its own core the map waits on the first epoch's; from its first grid on it keeps up.
  assert.ok(behind.every((d) => d >= 0), 'never ahead of the network');
  assert.ok(behind.slice(-10).every((d) => d <= 6), `close behind once it runs (${behind.slice(-10)})`);
  assert.ok(b.requests.includes(`/${PREFIX}/lib/playground-grid-worker.js`), `the worker module came from B (${b.requests.join(' ')})`);
  assert.deepEqual(info, [], 'no fallback');
  assert.deepEqual([a.violations, problems.violations, problems.errors, problems.console], [[], [], [], []]);
  await page.close();
});

test('from a CDN without `worker-src blob:` the worker is refused, the console says so, and the page computes the grid', async () => {
  const { a } = await origins((other) => strictPolicy(other));
  const { page, problems, info, behind } = await play(a);
  // The policy refuses the worker after it is made: from then on every frame shows its own epoch.
  assert.ok(behind.length > 20 && behind.slice(-15).every((d) => d === 0), `every frame shows its own epoch (${behind})`);
  assert.equal(info.length, 1, `said once: ${info.join(' | ')}`);
  assert.match(info[0], /grid worker could not start .*worker-src blob:.*computed on the page’s thread/);
  // The browser's own report of the refusal is the only error on the console.
  assert.ok(problems.console.length >= 1, 'the browser reports the refusal');
  assert.ok(problems.console.every((m) => /^Creating a worker from 'blob:.*violates the following Content Security Policy/.test(m)), problems.console.join(' | '));
  assert.deepEqual(problems.errors, []);
  await page.close();
});
