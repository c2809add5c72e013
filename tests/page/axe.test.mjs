// axe-core 4 (from npm) on every page, light and dark, at 1280 and 360 px, with every figure loaded and five steps
// taken: no violation of any impact. axe is evaluated through the browser driver, so the page's strict CSP stays on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, openPage, assertNoProblems, ROOT } from './helpers.mjs';

let env;
let axeSource;
before(async () => {
  env = await setup();
  axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(async () => {
  await env?.close();
});

const PAGES = ['index.html#v=1&step=5', 'blog-demo.html', 'network.html', 'embed/descent.html#v=1&step=5', 'embed/loss.html#v=1&step=5', 'embed/table.html#v=1&step=5', 'embed/regimes.html#v=1&lr=0.3', 'embed/index.html'];

/** Loads every figure on the page and waits until each has drawn. */
async function loadAll(page) {
  await page.evaluate(async () => {
    const figures = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('backprop-'));
    await Promise.all(figures.map(async (el) => {
      await customElements.whenDefined(el.localName);
      await el.load?.();
    }));
  });
  await page.waitForTimeout(150);
}

/** The violations axe finds, one line each: rule, impact, and where. */
export async function axeViolations(page, source) {
  await page.evaluate(source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

for (const path of PAGES) {
  test(`axe: ${path} has no violation, light and dark, at 1280 and 360 px`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 360]) {
        const { page, problems } = await openPage(env, path, { colorScheme, width });
        await loadAll(page);
        const violations = await axeViolations(page, axeSource);
        assert.deepEqual(violations, [], `${colorScheme}, ${width} px`);
        assertNoProblems(assert, problems);
        await page.close();
      }
    }
  });
}
