// Download weight, as a reader's browser fetches it: the three wasm modules and the two JavaScript glues, raw and
// gzipped (level 9) against the module budget, then each page loaded in headless Chromium with every response it
// requested (HTML, CSS, JS, wasm) gzipped at level 9 and summed.
//
//   node scripts/size.mjs            (after `make build`; `make size` does both)
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { MODULE_TARGET_KB, CEILING_KB, PAGE_BUDGET_KB } from './budgets.mjs';

const PAGES = ['index.html', 'network.html', 'blog-demo.html', 'embed/descent.html'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const snippets = (dir) => readdirSync(`www/${dir}/snippets`, { recursive: true }).filter((f) => f.endsWith('.js'))
  .map((f) => readFileSync(`www/${dir}/snippets/${f}`));
const FILES = [
  ['pkg/backprop_lab_bg.wasm', 'wasm, everything with Network, simd128', MODULE_TARGET_KB, CEILING_KB.full],
  ['pkg/backprop_lab_scalar_bg.wasm', 'wasm, everything, scalar (browsers without wasm SIMD)', MODULE_TARGET_KB, CEILING_KB.full],
  ['pkg-article/backprop_lab_bg.wasm', 'wasm, the article\'s exports only', null, CEILING_KB.article],
  ['pkg/backprop_lab.js', 'JS glue of www/pkg (both full modules)'],
  ['pkg/snippets/', 'its JS snippets (guard.js, values.js)', null, null, snippets('pkg')],
  ['pkg-article/backprop_lab.js', 'JS glue of www/pkg-article'],
  ['pkg-article/snippets/', 'its JS snippets', null, null, snippets('pkg-article')],
];
const rows = FILES.map(([file, what, target = null, ceiling = null, parts]) => {
  const buffers = parts ?? [readFileSync(`www/${file}`)];
  const raw = buffers.reduce((sum, b) => sum + b.length, 0);
  const zipped = buffers.reduce((sum, b) => sum + gz(b), 0);
  const notes = [];
  if (target !== null) notes.push(zipped <= target * 1024 ? `meets the ${target} KB target` : `${kb(zipped - target * 1024)} over the ${target} KB target`);
  if (ceiling !== null) notes.push(zipped <= ceiling * 1024 ? `under its ${ceiling} KB ceiling` : `OVER its ${ceiling} KB ceiling`);
  return [`www/${file}`, what, kb(raw), kb(zipped), notes.join('; ')];
});
const widths = [0, 1, 2, 3].map((k) => Math.max(...rows.map((r) => r[k].length)));
console.log(`wasm modules and JS glue, gzip -9; the target: each full wasm module at most ${MODULE_TARGET_KB} KB gzipped`);
for (const r of rows) {
  console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padStart(widths[2])} raw  ${r[3].padStart(widths[3])} gzipped  ${r[4]}`);
}
console.log('');

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
    console.log(`${name}: ${files.length} files, ${kb(raw)} raw, ${kb(zipped)} gzipped (budget ${PAGE_BUDGET_KB} KB gzipped)`);
    await page.close();
  }
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
