// A long run and a run that diverges, in headless Chromium: the playground never stops for the length of its
// history (it keeps one loss every `stride` epochs, halving the points when full, as TensorFlow Playground runs on),
// and after a divergence it says why from the error's own fields, keeps the parameters the core kept, and trains on
// from them once the learning rate is lowered and Play is pressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoProblems } from './helpers.mjs';
import { EL, inShadow, pageEnv, ready } from './playground-kit.mjs';

const env = pageEnv();

test('past 5,000 epochs the playground trains on: its history thinned to every other point when full, never stopped', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0&speed=20');
  await ready(page);
  const { HISTORY_LIMIT } = await page.evaluate(() => import('/lib/playground-model.js'));
  // 6,000 epochs through the model (as Play trains them, without waiting for frames), each loss checked as it comes.
  const run = await page.evaluate(async ([s, total]) => {
    const p = document.querySelector(s);
    const m = p.model;
    const lengths = [];
    let mismatched = 0;
    for (let e = 1; e <= total; e++) {
      if (!m.trainEpoch()) return { stoppedAt: e };
      const h = m.historyView;
      if (h.epochs.at(-1) !== e || h.train.at(-1) !== m.network.trainLoss()) mismatched += 1;
      lengths.push(h.epochs.length);
    }
    const h = p.history;
    return { stoppedAt: null, mismatched, longest: Math.max(...lengths), h, epochs: p.epochs, diverged: p.diverged };
  }, [EL, 6000]);
  assert.equal(run.stoppedAt, null, 'training never stopped');
  assert.equal(run.mismatched, 0, 'the newest point is always the epoch just trained, with the core’s loss');
  assert.ok(run.longest <= HISTORY_LIMIT, `at most ${HISTORY_LIMIT} points kept (longest ${run.longest})`);
  const { stride, epochs, train, test } = run.h;
  // 6,000 epochs in at most 1,000 points: the stride doubled three times (1 → 8), the points 0, 8, …, 6000.
  assert.equal(stride, 8);
  assert.deepEqual(epochs, Array.from({ length: 751 }, (_, k) => 8 * k));
  assert.equal(train.length, epochs.length);
  assert.equal(test.length, epochs.length);
  assert.equal(run.epochs, 6000);
  // Play goes on from there, and the curve ends at the last epoch.
  await inShadow(page, 'button[data-action="play"]').click();
  await page.waitForFunction((s) => document.querySelector(s).epochs >= 6100, EL);
  await inShadow(page, 'button[data-action="play"]').click();
  const end = await page.evaluate((s) => {
    const p = document.querySelector(s);
    const ticks = [...p.shadowRoot.querySelectorAll('svg.loss .tick-label')].map((t) => t.textContent);
    return { stopped: !p.shadowRoot.querySelector('.stop').hidden, epochs: p.epochs, last: p.history.epochs.at(-1), ticks };
  }, EL);
  assert.equal(end.stopped, false, 'no stop notice');
  assert.equal(end.last, end.epochs, 'the history ends at the epoch shown');
  assert.ok(end.ticks.includes('6000'), `the curve's axis reaches past 6,000 epochs: ${end.ticks}`);
  assertNoProblems(assert, problems);
  await page.close();
});

test('after a divergence the text comes from the error’s fields; a lower learning rate and Play train on from the kept parameters', async (t) => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&act=tanh&out=identity&lr=10&batch=10&seed=0');
  await ready(page);
  const diverged = page.evaluate((s) => new Promise((done) => document.querySelector(s).addEventListener('diverge', (e) => done(e.detail), { once: true })), EL);
  await inShadow(page, 'button[data-action="play"]').click();
  const stop = await diverged;
  assert.equal(stop.kind, 'diverged');
  assert.ok(Number.isInteger(stop.step) && Number.isInteger(stop.epoch), JSON.stringify(stop));
  const text = await inShadow(page, '.stop').textContent();
  // The same function the article's descent uses, fed by this error's fields.
  const expected = await page.evaluate(async (stop) => (await import('/lib/explain.js')).explainDivergence(stop), stop);
  assert.equal(text, expected);
  assert.match(text, new RegExp(`^Training stopped in epoch ${stop.epoch} \\(update ${stop.step}\\): `));
  assert.match(text, /lr = 10 is too large.*With an identity output.*choose a smaller learning rate and press Play/);
  assert.doesNotMatch(text, /NaN|Infinity/);
  assert.equal(await inShadow(page, 'button[data-action="play"]').isDisabled(), true);
  const kept = await page.evaluate((s) => ({ weights: Array.from(document.querySelector(s).network.weights()), epochs: document.querySelector(s).epochs }), EL);

  // A lower learning rate: the stop is lifted, nothing is rebuilt (the kept parameters and the epoch count stay).
  await inShadow(page, 'select[data-key="lr"]').selectOption('0.001');
  await page.waitForFunction((s) => !document.querySelector(s).diverged, EL);
  const resumed = await page.evaluate((s) => {
    const p = document.querySelector(s);
    return { weights: Array.from(p.network.weights()), epochs: p.epochs, lr: p.network.config.lr, stopShown: !p.shadowRoot.querySelector('.stop').hidden };
  }, EL);
  assert.deepEqual(resumed, { ...kept, lr: 0.001, stopShown: false });
  assert.equal(await inShadow(page, 'button[data-action="play"]').isDisabled(), false, 'Play is offered again');
  assert.match(await page.evaluate(() => location.hash), /lr=0\.001&/);

  // Play trains on from them. How far depends on what the core kept: only a core that stops on the loss's growth
  // (its error carries the loss and its bound) keeps parameters a smaller rate can bring back.
  await t.test('Play with the lower rate brings the loss down', async (sub) => {
    if (!('bound' in stop)) return sub.skip('this core stops only when a number overflows: what it keeps is past saving');
    const start = await page.evaluate((s) => document.querySelector(s).network.trainLoss(), EL);
    await inShadow(page, 'button[data-action="play"]').click();
    await page.waitForFunction(([s, n]) => document.querySelector(s).epochs >= n || document.querySelector(s).diverged, [EL, kept.epochs + 30]);
    await inShadow(page, 'button[data-action="play"]').click();
    const after = await page.evaluate((s) => ({ diverged: document.querySelector(s).diverged, loss: document.querySelector(s).network.trainLoss() }), EL);
    assert.equal(after.diverged, false);
    assert.ok(after.loss < start, `the training loss falls from ${start} to ${after.loss}`);
  });
  assertNoProblems(assert, problems);
  await page.close();
});
