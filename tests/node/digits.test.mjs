// The digits as www/data/digits.js loads them in Node (node:fs for its file: URL): the dataset's own numbers (its
// first image, its class counts), one load per URL, and failures as data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const digits = await import('../../www/data/digits.js');

// The first row of sklearn/datasets/data/digits.csv.gz: a 0.
const FIRST = [
  0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
  0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
];
const COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

test('loadDigits gives the dataset in its own order: the first image and the class counts', async () => {
  const d = await digits.loadDigits();
  assert.deepEqual([d.width, d.height, d.classes], [8, 8, 10]);
  assert.ok(d.images instanceof Uint8Array && d.labels instanceof Uint8Array);
  assert.equal(d.images.length, 1797 * 64);
  assert.equal(d.labels.length, 1797);
  assert.deepEqual(Array.from(d.images.subarray(0, 64)), FIRST);
  assert.deepEqual(Array.from(d.labels.subarray(0, 10)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const counts = new Array(10).fill(0);
  for (const label of d.labels) counts[label]++;
  assert.deepEqual(counts, COUNTS);
  assert.equal(Math.max(...d.images), 16);
  assert.equal(await digits.loadDigits(), d, 'one load per URL');
});

test('the committed file is the one scripts/digits.py writes', () => {
  const bytes = readFileSync(digits.digitsUrl);
  const script = readFileSync(new URL('../../scripts/digits.py', import.meta.url), 'utf8');
  const expected = /OUTPUT_SHA256 = "([0-9a-f]{64})"/.exec(script)[1];
  assert.equal(createHash('sha256').update(bytes).digest('hex'), expected);
});

test('a missing or foreign file is refused as data, and can be tried again', async () => {
  await assert.rejects(digits.loadDigits('./missing.bin'), (e) => e.kind === 'load' && /missing\.bin/.test(e.message));
  await assert.rejects(digits.loadDigits('./README.md'), (e) => e.kind === 'invalid' && e.field === 'digits');
  await assert.rejects(digits.loadDigits('./missing.bin'), (e) => e.kind === 'load');
});
