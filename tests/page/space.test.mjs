// Room used, in Chromium at 1280 × 800: the neuron's equations and its J(w, b) map end close together (no band of
// blank under the equations: 300 px before, under 100 now), its loss and table share the row under them, and the
// tables span their boxes (the neuron's, and the article's table of the weights) rather than the left 60% of them.
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

/** A table's width as a share of its box's, inside the shadow root of `host`. */
const tableShare = (page, host) =>
  page.evaluate((h) => {
    const root = document.querySelector(h).shadowRoot;
    return root.querySelector('table').getBoundingClientRect().width / root.querySelector('.table-wrap').clientWidth;
  }, host);

test('the neuron at 1280 px: its equations and its map end together, the loss and the table under them; its table spans its box', async () => {
  const { page, problems } = await openPage(env, 'network.html', { width: 1280, height: 800 });
  await page.waitForFunction(() => document.querySelector('#neuron-figure')?.ready === true);
  for (let i = 0; i < 3; i++) await page.locator('#neuron-figure button[data-action="step"]').click();
  const box = await page.evaluate(() => {
    const root = document.querySelector('#neuron-figure').shadowRoot;
    const r = (s) => root.querySelector(s).getBoundingClientRect();
    return { equations: r('.equations'), map: r('.neuron-map'), loss: r('.neuron-loss'), table: r('.table-wrap') };
  });
  const blank = Math.abs(box.equations.bottom - box.map.bottom);
  assert.ok(blank < 100, `the equations end at ${box.equations.bottom}, the map at ${box.map.bottom}: ${blank} px apart`);
  assert.ok(box.loss.top >= Math.max(box.equations.bottom, box.map.bottom) - 1 && Math.abs(box.loss.top - box.table.top) < 30, `the loss (top ${box.loss.top}) and the table (top ${box.table.top}) share the row under them`);
  assert.ok(box.loss.right <= box.table.left, 'the loss beside the table');
  assert.ok((await tableShare(page, '#neuron-figure')) > 0.98, 'the neuron’s table spans its box');
  assertNoProblems(assert, problems);
  await page.close();
});

for (const width of [1280, 360]) {
  test(`the article’s table of the weights spans its box at ${width} px`, async () => {
    const { page, problems } = await openPage(env, 'index.html', { width, height: 800 });
    await page.waitForFunction(() => document.querySelector('#main')?.model?.ready);
    await page.locator('backprop-table').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('backprop-table').shadowRoot?.querySelector('tbody tr'));
    const share = await tableShare(page, 'backprop-table');
    assert.ok(share > 0.98, `the table fills ${(share * 100).toFixed(1)}% of its box`);
    assertNoProblems(assert, problems);
    await page.close();
  });
}
