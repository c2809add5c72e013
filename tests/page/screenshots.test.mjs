// Screenshots of every page and widget at 1280 and 360 px, light and dark, after five steps, saved under
// test-results/screenshots/ for a person to look at; and the layout checks that can be automated on each: nothing
// wider than the screen, no equation cut off (a box that scrolls shows that it does and takes the focus), the
// dark theme really dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, screenshot, assertNoProblems, SCREENSHOTS } from './helpers.mjs';
import { layoutProblems } from './layout.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
  console.log(`# screenshots in ${SCREENSHOTS}`);
});

const VIEWS = [
  ['1280', 1280, 900],
  ['360', 360, 780],
];

/** Each page, and how to bring it to five steps. */
const PAGES = [
  ['index', 'index.html#v=1&x=1.5&y=0.5&w=0.8&lr=0.1&step=5', '#main'],
  ['blog', 'blog-demo.html', '#gentle'],
  ['network', 'network.html', null],
  ['embed-descent', 'embed/descent.html#v=1&step=5', '#figure'],
  ['embed-loss', 'embed/loss.html#v=1&step=5', '#figure'],
  ['embed-table', 'embed/table.html#v=1&step=5', '#figure'],
  ['embed-regimes', 'embed/regimes.html#v=1&lr=0.3', '#figure'],
  ['author', 'author.html#figure=descent&step=5', '#preview-figure'],
];

async function fiveSteps(page, name, selector) {
  if (name === 'network') {
    await page.waitForFunction(() => document.querySelector('backprop-neuron')?.ready);
    await page.evaluate(() => {
      for (let i = 0; i < 5; i++) document.querySelector('backprop-neuron').step();
    });
    return;
  }
  await waitForFigure(page, selector);
  if (name === 'blog') await page.evaluate(() => document.getElementById('gentle').model.runTo(5));
}

for (const [name, path, selector] of PAGES) {
  for (const [view, width, height] of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name} at ${view} px, ${colorScheme}`, async () => {
        const { page, problems } = await openPage(env, path, { width, height, colorScheme });
        await fiveSteps(page, name, selector);
        // Bring every lazy figure in, so the full-page picture shows them drawn.
        await page.evaluate(async () => {
          for (const el of document.querySelectorAll('backprop-descent, backprop-loss, backprop-table, backprop-regimes, backprop-equation, backprop-neuron')) await el.load?.();
        });
        await page.waitForTimeout(100);
        await page.evaluate(() => document.activeElement?.blur());
        const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        if (!name.startsWith('embed')) {
          const [r, g, b] = background.match(/\d+/g).map(Number);
          assert.equal(r + g + b < 150, colorScheme === 'dark', `background ${background}`);
        }
        await screenshot(page, `${name}-${view}-${colorScheme}.png`, { fullPage: true });
        assert.deepEqual(await layoutProblems(page), [], 'layout');
        assertNoProblems(assert, problems);
        await page.close();
      });
    }
  }
}
