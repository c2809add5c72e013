// The playground heatmap's axes, in Chromium: vector text over the canvas (tests/webkit/pages.test.mjs checks the
// same in WebKit, where a canvas drawn smaller than its pixels lost the minus signs), rendered at 12 px or more at
// 1280 and at 360 px (the picture is drawn at 440 and about 300 px), every number inside the picture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, assertNoProblems } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

for (const width of [1280, 360]) {
  test(`the heatmap's axes at ${width} px: −6 … 6 on each, type of 12 px or more, inside the picture`, async () => {
    const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&seed=1', { width, height: 800 });
    await page.locator('#playground').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#playground')?.ready === true);
    await page.waitForTimeout(100); // the axes are placed again once the picture's size is known
    const axes = await page.evaluate(() => {
      const svg = document.querySelector('#playground').shadowRoot.querySelector('svg.heatmap-axes');
      const picture = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM().a;
      return {
        width: picture.width,
        texts: [...svg.querySelectorAll('text')].map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent, box: [r.left - picture.left, r.right - picture.left, r.top - picture.top, r.bottom - picture.top].map(Math.round), px: parseFloat(getComputedStyle(t).fontSize) * scale, inside: r.left >= picture.left - 0.5 && r.right <= picture.right + 0.5 && r.top >= picture.top - 0.5 && r.bottom <= picture.bottom + 0.5 };
        }),
      };
    });
    const numbers = axes.texts.map((t) => t.text).filter((t) => /\d/.test(t) && !/x/.test(t));
    assert.deepEqual(numbers.filter((_, i) => i % 2 === 0), ['−6', '−4', '−2', '0', '2', '4', '6'], 'the x axis');
    assert.deepEqual(numbers.filter((_, i) => i % 2 === 1), ['−6', '−4', '−2', '0', '2', '4', '6'], 'the y axis');
    for (const t of axes.texts) {
      assert.ok(t.px >= 12 - 1e-6, `${t.text} is ${t.px.toFixed(2)} px in a ${axes.width} px picture`);
      assert.ok(t.inside, `${t.text} lies inside the picture: ${t.box} in ${axes.width}`);
    }
    assertNoProblems(assert, problems);
    await page.close();
  });
}
