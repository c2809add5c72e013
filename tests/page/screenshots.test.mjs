// Screenshots of the front page at desktop width and at 360 px, light and dark, saved under
// test-results/screenshots/ for a person to look at; and the layout checks that can be automated: nothing wider
// than the screen, the figure visible, the dark theme really dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitForFigure, screenshot, assertNoProblems, SCREENSHOTS } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const VIEWS = [
  ['desktop', 1280, 900],
  ['360px', 360, 780],
];

for (const [name, width, height] of VIEWS) {
  for (const colorScheme of ['light', 'dark']) {
    test(`front page at ${name}, ${colorScheme}`, async () => {
      const { page, problems } = await openPage(env, 'index.html#x=1.5&y=0.5&w=0.8&lr=0.1&step=3', { width, height, colorScheme });
      await waitForFigure(page);
      await page.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < 3; i++) await page.keyboard.press('.'); // forward, error, backward: the tangent is highlighted
      assert.equal(await page.evaluate(() => document.querySelector('#main').phase), 'backward');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const dark = r + g + b < 150;
      assert.equal(dark, colorScheme === 'dark', `background ${background}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `index-${name}-${colorScheme}.png`);
      await screenshot(page, `index-${name}-${colorScheme}-full.png`, { fullPage: true });
      assertNoProblems(assert, problems);
      await page.close();
    });
  }
}

test('demo blog post at desktop width and 360 px', async () => {
  for (const [name, width, height] of VIEWS) {
    const { page, problems } = await openPage(env, 'blog-demo.html', { width, height });
    await page.locator('#gentle').scrollIntoViewIfNeeded();
    await waitForFigure(page, '#gentle');
    await page.locator('#gentle button[data-action="phase"]').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
    await screenshot(page, `blog-${name}.png`);
    assertNoProblems(assert, problems);
    await page.close();
  }
  console.log(`# screenshots in ${SCREENSHOTS}`);
});
