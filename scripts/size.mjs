// Download weight, as a reader's browser fetches it: the two wasm builds raw and gzipped, then each page loaded in
// headless Chromium with every response it requested (HTML, CSS, JS, wasm) gzipped at level 9 and summed.
//
//   node scripts/size.mjs            (after `make build`; `make size` does both)
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const PAGES = ['index.html', 'network.html', 'blog-demo.html', 'embed/descent.html'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

for (const [file, what] of [['pkg-article/backprop_lab_bg.wasm', 'the article\'s exports'],
  ['pkg/backprop_lab_bg.wasm', 'everything, with Network, simd128'],
  ['pkg/backprop_lab_scalar_bg.wasm', 'everything, scalar, for browsers without wasm SIMD']]) {
  const wasm = readFileSync(`www/${file}`);
  console.log(`wasm module www/${file} (${what}): ${kb(wasm.length)} raw, ${kb(gz(wasm))} gzipped (budget 50 KB gzipped)`);
}

const { server, url } = await startServer({ root: 'www', csp: true });
const profile = mkdtempSync(join(tmpdir(), 'backprop-size-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const name of PAGES) {
    const page = await context.newPage();
    const bodies = [];
    page.on('response', (response) => bodies.push(response.body().then((b) => [response.url(), b], () => null)));
    const loaded = await page.goto(url + name, { waitUntil: 'networkidle' }).catch(() => null);
    if (!loaded || !loaded.ok()) {
      console.log(`${name}: not found`);
      await page.close();
      continue;
    }
    const files = (await Promise.all(bodies)).filter(Boolean);
    const raw = files.reduce((sum, [, b]) => sum + b.length, 0);
    const zipped = files.reduce((sum, [, b]) => sum + gz(b), 0);
    console.log(`${name}: ${files.length} files, ${kb(raw)} raw, ${kb(zipped)} gzipped (budget 120 KB gzipped)`);
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
