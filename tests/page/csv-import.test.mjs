// <backprop-csv-import> in Chromium under the strict CSP: typing parses at once and says what it read; a bad row is
// named by line, column and field, with the text box's cursor put on it, and nothing is handed on; "Use this data"
// hands on the parse and the core's rows as a `data` event; a file loads the same way; axe finds nothing, open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, assertNoProblems, screenshot } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/** Opens a page of the site with a <backprop-csv-import> added to it, its `data` events recorded. */
async function withImporter(options) {
  const opened = await openPage(env, 'network.html', options);
  await opened.page.evaluate(async () => {
    await import('./lib/elements/csv-import.js');
    const el = document.createElement('backprop-csv-import');
    el.id = 'csv';
    window.__data = [];
    el.addEventListener('data', (e) => window.__data.push({ kind: e.detail.parsed.kind, rows: Array.from(e.detail.rows), range: e.detail.range, text: e.detail.text }));
    document.querySelector('main').prepend(el);
    await new Promise((done) => requestAnimationFrame(done));
  });
  return opened;
}

const inner = (page, selector) => page.locator(`#csv >> ${selector}`);

test('csv import: typing parses at once; a refusal names line, column and field and puts the cursor there; Use hands the data on', async () => {
  const { page, problems } = await withImporter();
  await inner(page, 'button[data-action="open-csv"]').click();
  assert.equal(await page.evaluate(() => document.querySelector('#csv').shadowRoot.querySelector('dialog').open), true);
  const box = inner(page, 'textarea');
  assert.equal(await page.evaluate(() => document.querySelector('#csv').shadowRoot.activeElement?.localName), 'textarea', 'the text box has the focus');
  const use = inner(page, 'button[data-action="use-csv"]');
  assert.equal(await use.isDisabled(), true, 'nothing to use yet');

  await box.fill('x1,x2,label\n1,2,cat\n3,oops,dog\n');
  const status = inner(page, '.csv-status');
  assert.equal(await status.textContent(), 'Not read: line 3, column 3 (x2): a number such as 1.5 or -2e-3, not "oops".');
  assert.equal(await use.isDisabled(), true, 'a refused text cannot be used');
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  // Use is disabled; the file path and the parse() method put the cursor on the refused field.
  await page.evaluate(() => document.querySelector('#csv').parse('x1,x2,label\n1,2,cat\n3,oops,dog\n'));
  const selection = await page.evaluate(() => {
    const t = document.querySelector('#csv').shadowRoot.querySelector('textarea');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selection, 'oops,dog', 'the selection runs from the refused field to the end of its line');
  assert.deepEqual(await page.evaluate(() => window.__data), [], 'nothing was handed on');

  await box.fill('x1,x2,label\n1,2,cat\n3,4,dog\n-5,6,bird\n');
  assert.equal(await status.textContent(), 'Read 3 rows under the header x1, x2, label: the labels are names (cat, dog, bird): one class each.');
  assert.equal(await use.isDisabled(), false);
  await use.click();
  const data = await page.evaluate(() => window.__data);
  assert.equal(data.length, 1);
  assert.equal(data[0].kind, 'classes');
  assert.deepEqual(data[0].rows, [1, 2, 1, 0, 0, 3, 4, 0, 1, 0, -5, 6, 0, 0, 1], 'one-hot targets, one per class');
  assert.deepEqual(data[0].range, { min: -5, max: 6 });
  assert.equal(await page.evaluate(() => document.querySelector('#csv').shadowRoot.querySelector('dialog').open), false, 'the dialog closed');
  assert.equal(await page.evaluate(() => document.querySelector('#csv').shadowRoot.activeElement?.dataset.action), 'open-csv', 'the focus went back to the button');

  // Labels read as values when asked.
  await inner(page, 'button[data-action="open-csv"]').click();
  await box.fill('1,2,3\n4,5,6\n7,8,9');
  assert.match(await status.textContent(), /3 whole numbers \(3, 6, 9\): one class each/);
  await inner(page, 'select[data-key="kind"]').selectOption('regression');
  assert.match(await status.textContent(), /^Read 3 rows: the labels are numbers from 3 to 9: the network learns the value \(regression\)\.$/);
  // Escape closes without handing anything on.
  await page.keyboard.press('Escape');
  assert.equal((await page.evaluate(() => window.__data)).length, 1);
  assertNoProblems(assert, problems);
  await page.close();
});

test('csv import: a file loads and is parsed; a bad one is named where it stops', async () => {
  const { page, problems } = await withImporter();
  await inner(page, 'button[data-action="open-csv"]').click();
  await inner(page, 'input[type="file"]').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFa,b,y\r\n0.5,0.25,0\r\n1,1,1\r\n') });
  const status = inner(page, '.csv-status');
  await page.waitForFunction(() => /Read/.test(document.querySelector('#csv').shadowRoot.querySelector('.csv-status').textContent));
  assert.equal(await status.textContent(), 'Read 2 rows under the header a, b, y: two classes: every label is 0 or 1 (0 is read as −1).');
  await inner(page, 'input[type="file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('0,0,1\n1,1,1,1\n') });
  await page.waitForFunction(() => /Not read/.test(document.querySelector('#csv').shadowRoot.querySelector('.csv-status').textContent));
  assert.equal(await status.textContent(), 'Not read: line 2, column 7: 3 fields (x1, x2, label), found 4.');
  assertNoProblems(assert, problems);
  await page.close();
});

test('csv import: axe finds no violation with the dialog open, light and dark, at 1280 and 360 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const { page, problems } = await withImporter({ colorScheme, width, height: 740 });
      await inner(page, 'button[data-action="open-csv"]').click();
      await inner(page, 'textarea').fill('x1,x2,label\n1,2,oops\n3,x,1');
      assert.deepEqual(await axeViolations(page), [], `${colorScheme}, ${width} px`);
      await screenshot(page, `csv-import-${width}-${colorScheme}.png`);
      assertNoProblems(assert, problems);
      await page.close();
    }
  }
});
