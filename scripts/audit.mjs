// make audit: Lighthouse 12 (its default mobile run, simulated throttling) on every page, served with the strict
// CSP by the project's own server, in the system's headless Chromium. Prints each page's four category scores and
// its cumulative layout shift, and fails when a score is below 95 or CLS above 0.02.
//
//   node scripts/audit.mjs [page …]        (pages relative to www/, default: every page)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = ['index.html', 'learn.html', 'blog-demo.html', 'network.html', 'digits.html', 'author.html', 'embed/index.html', 'embed/descent.html', 'embed/loss.html', 'embed/table.html', 'embed/regimes.html'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const MIN_SCORE = 95;
const MAX_CLS = 0.02;

const pages = process.argv.slice(2).length ? process.argv.slice(2) : PAGES;
const { server, url } = await startServer({ root: join(ROOT, 'www'), port: 0, csp: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

const rows = [];
let failed = false;
try {
  for (const page of pages) {
    const { lhr } = await lighthouse(new URL(page, url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN;
    const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? NaN;
    const below = CATEGORIES.filter((_, i) => scores[i] < MIN_SCORE);
    const problems = below.flatMap((c) =>
      lhr.categories[c].auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${c}: ${a.id} (${a.displayValue ?? a.score})`),
    );
    if (below.length || !(cls <= MAX_CLS)) failed = true;
    rows.push({ page, scores, cls, lcp, problems });
  }
} finally {
  await chrome.kill();
  server.close();
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('page', 22)}${CATEGORIES.map((c) => pad(c, 16)).join('')}${pad('CLS', 8)}LCP (ms)`);
for (const r of rows) {
  console.log(`${pad(r.page, 22)}${r.scores.map((s) => pad(s, 16)).join('')}${pad(r.cls.toFixed(3), 8)}${Math.round(r.lcp)}`);
  for (const p of r.problems) console.log(`    ${p}`);
}
console.log(`Lighthouse ${rows.length ? '12.2.3' : ''}, mobile emulation with simulated throttling; targets: every score ≥ ${MIN_SCORE}, CLS ≤ ${MAX_CLS}.`);
process.exit(failed ? 1 : 0);
