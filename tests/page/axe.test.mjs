// axe-core 4 (from npm) on every page, light and dark, at 1280 and 360 px, with every figure loaded and five steps
// taken: no violation of any impact. axe is evaluated through the browser driver, so the page's strict CSP stays on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, assertNoProblems } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

let env;
before(async () => {
  env = await setup();
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
      if (!customElements.get(el.localName)) el.setAttribute('loading', 'eager'); // network figures are defined on demand
      await customElements.whenDefined(el.localName);
      await el.load?.();
    }));
  });
  await page.waitForTimeout(150);
}

for (const path of PAGES) {
  test(`axe: ${path} has no violation, light and dark, at 1280 and 360 px`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1280, 360]) {
        const { page, problems } = await openPage(env, path, { colorScheme, width });
        await loadAll(page);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${colorScheme}, ${width} px`);
        assertNoProblems(assert, problems);
        await page.close();
      }
    }
  });
}
