// The playground from the keyboard and for a listener, in headless Chromium: a weight's link shows a focus ring a
// reader can see (at least 3:1 against the page), links and neurons (role=button) answer Space as they answer
// Enter, the links' drawing is no tab stop of its own, switched-off features stay readable as toggles (3:1), a
// hovered neuron and its links light up, the − and + of a layer come in one order at every width, the chain's
// button waits for a selection, and Step says the epoch and the losses while Play says nothing each frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertNoProblems } from './helpers.mjs';
import { EL, inShadow, pageEnv, ready } from './playground-kit.mjs';
import { axeViolations } from './axe.mjs';

const env = pageEnv();

/** WCAG's contrast ratio of two CSS colours (rgb() or rgba() as getComputedStyle gives them), computed in the page. */
const CONTRAST = `(a, b) => {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}`;

/** The tab stops of the playground from Play on, until the focus leaves it: a short name for each. */
async function tabStops(page) {
  await inShadow(page, 'button[data-action="play"]').focus();
  const stops = [];
  for (let i = 0; i < 120; i++) {
    const name = await page.evaluate((s) => {
      const host = document.activeElement;
      if (host !== document.querySelector(s)) return null;
      const e = host.shadowRoot.activeElement;
      return `${e.localName}.${e.getAttribute('class') ?? ''}`;
    }, EL);
    if (name === null) break;
    stops.push(name);
    await page.keyboard.press('Tab');
  }
  return stops;
}

for (const colorScheme of ['light', 'dark']) {
  test(`focus rings, Space, tab stops and the switched-off features’ contrast (${colorScheme})`, async () => {
    const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0', { colorScheme });
    await ready(page);
    const stops = await tabStops(page);
    assert.equal(stops.filter((s) => s.startsWith('svg')).length, 0, `the links' drawing is no tab stop: ${stops.join(' ')}`);
    assert.equal(stops.filter((s) => s.startsWith('g.link')).length, 2 * 4 + 4 * 2 + 2, 'every link is one tab stop');

    // The focus ring of a link reached with Tab: a band along the link in a colour of 3:1 or more against the page.
    await inShadow(page, '.link[data-weight="0"]').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(([s, contrast]) => {
      const root = document.querySelector(s).shadowRoot;
      const link = root.querySelector('.link[data-weight="0"]');
      const hit = getComputedStyle(link.querySelector('.hit'));
      const wire = getComputedStyle(link.querySelector('.wire'));
      const bg = getComputedStyle(root.querySelector('.frame')).backgroundColor;
      const ratio = (0, eval)(contrast);
      return {
        focused: root.activeElement === link && link.matches(':focus-visible'),
        stroke: hit.stroke, width: parseFloat(hit.strokeWidth), wire: parseFloat(wire.strokeWidth),
        contrast: hit.stroke === 'none' ? 0 : ratio(hit.stroke, bg),
      };
    }, [EL, CONTRAST]);
    assert.ok(ring.focused, 'the link has the keyboard focus');
    assert.ok(ring.contrast >= 3, `the ring's colour ${ring.stroke} stands ${ring.contrast.toFixed(2)}:1 against the page`);
    assert.ok(ring.width >= ring.wire + 4, `the ring (${ring.width}) is wider than the wire (${ring.wire})`);

    // Space on a link opens its editor and selects its weight; Escape gives the focus back to it.
    await page.keyboard.press(' ');
    await inShadow(page, '.weight-editor input').waitFor({ state: 'visible' });
    assert.deepEqual(await page.evaluate((s) => document.querySelector(s).selected, EL), { kind: 'weight', index: 0 });
    await page.keyboard.press('Escape');
    // Space on a neuron selects its bias, and does not scroll the page.
    await inShadow(page, '.neuron[data-neuron="2"]').focus();
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press(' ');
    assert.deepEqual(await page.evaluate((s) => document.querySelector(s).selected, EL), { kind: 'bias', index: 2 });
    assert.equal(await page.evaluate(() => scrollY), scrolled, 'Space did not scroll the page');

    // A switched-off feature is drawn at full opacity, its border and its name at 3:1 or more against the page.
    const off = await page.evaluate(([s, contrast]) => {
      const root = document.querySelector(s).shadowRoot;
      const node = root.querySelector('.feature[data-feature="x1sq"]');
      const bg = getComputedStyle(root.querySelector('.frame')).backgroundColor;
      const ratio = (0, eval)(contrast);
      const style = getComputedStyle(node);
      return {
        pressed: node.getAttribute('aria-pressed'), opacity: Number(style.opacity),
        border: ratio(style.borderTopColor, bg), label: ratio(getComputedStyle(node.querySelector('.feature-label')).color, bg),
      };
    }, [EL, CONTRAST]);
    assert.equal(off.pressed, 'false');
    assert.equal(off.opacity, 1, 'the toggle itself is not faded');
    assert.ok(off.border >= 3 && off.label >= 3, `border ${off.border.toFixed(2)}:1, name ${off.label.toFixed(2)}:1`);
    assertNoProblems(assert, problems);
    await page.close();
  });
}

test('a hovered neuron and its links light up; a link shows its weight beside the pointer', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0');
  await ready(page);
  await inShadow(page, '.neuron[data-neuron="4"]').hover();
  const lit = await page.evaluate((s) => {
    const root = document.querySelector(s).shadowRoot;
    const node = root.querySelector('.neuron[data-neuron="4"]');
    return {
      node: node.classList.contains('lit'), outline: getComputedStyle(node).outlineStyle,
      others: root.querySelectorAll('.neuron.lit').length,
      // Layers 2, 4, 2, 1: weights 0–7 feed a1, 8–15 feed a2, 16–17 feed ŷ. a2[1] (neuron 4) takes weights 8–11
      // from a1[1..4] and gives weight 16 to ŷ.
      links: [...root.querySelectorAll('.link.lit')].map((g) => Number(g.dataset.weight)),
    };
  }, EL);
  assert.deepEqual(lit, { node: true, outline: 'solid', others: 1, links: [8, 9, 10, 11, 16] });
  await page.mouse.move(0, 0);
  assert.equal(await page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('.lit').length, EL), 0);

  // A weight's value on hover, as Playground shows it: the link's name and its value, in full as the diagram writes it.
  // A point of link 3 where no other link lies above it.
  await inShadow(page, '.link[data-weight="3"]').scrollIntoViewIfNeeded();
  const path = await inShadow(page, '.link[data-weight="3"] .hit').evaluate((p) => {
    const m = p.getScreenCTM();
    for (let k = 1; k < 20; k++) {
      const at = p.getPointAtLength((p.getTotalLength() * k) / 20);
      const x = at.x * m.a + m.e;
      const y = at.y * m.d + m.f;
      if (p.getRootNode().elementFromPoint(x, y)?.parentNode === p.parentNode) return { x, y };
    }
    return null;
  });
  assert.ok(path, 'link 3 can be pointed at');
  await page.mouse.move(path.x, path.y);
  const tip = inShadow(page, '.link-tip');
  await tip.waitFor({ state: 'visible' });
  const weight = await page.evaluate((s) => document.querySelector(s).network.weights()[3], EL);
  assert.equal(await tip.textContent(), `w1[2,2] = ${String(Number(weight.toPrecision(3))).replace('-', '−')}`);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
  assertNoProblems(assert, problems);
  await page.close();
});

test('a layer’s − and + come in one order at every width: − first (left of +, or above it)', async () => {
  for (const [width, hidden] of [[1280, '4,2'], [1280, '8,8,8,8,8,8'], [360, '4,2'], [360, '8,8,8,8,8,8']]) {
    const { page, problems } = await openPage(env, `network.html#v=1&data=circle&hidden=${hidden}&seed=0`, { width });
    await ready(page);
    const order = await page.evaluate((s) => {
      const root = document.querySelector(s).shadowRoot;
      return [...root.querySelectorAll('.column-controls')].map((box) => {
        const [first, second] = box.querySelectorAll('button');
        const a = first.getBoundingClientRect();
        const b = second.getBoundingClientRect();
        const placed = a.right <= b.left + 0.5 ? 'left' : a.bottom <= b.top + 0.5 ? 'above' : 'elsewhere';
        return `${first.textContent}${second.textContent} ${placed}`;
      });
    }, EL);
    assert.ok(order.length > 0 && order.every((o) => o === order[0]), `at ${width} px with ${hidden}: ${order}`);
    assert.match(order[0], /^−\+ (left|above)$/, `at ${width} px with ${hidden}`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});

test('the chain’s button waits for a selection; Step says the epoch and the losses, Play does not speak each frame', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0');
  await ready(page);
  const chain = inShadow(page, 'button[data-action="chain-point"]');
  assert.equal(await chain.isVisible(), false, 'no chain before anything is selected');
  await page.evaluate((s) => document.querySelector(s).select({ kind: 'weight', index: 2 }), EL);
  assert.equal(await chain.isVisible(), true, 'the chain’s button once a weight is selected');

  const live = inShadow(page, '[aria-live="polite"]');
  for (let epoch = 1; epoch <= 2; epoch++) {
    await inShadow(page, 'button[data-action="step"]').click();
    const said = await live.textContent();
    const losses = await page.evaluate((s) => [document.querySelector(s).network.trainLoss(), document.querySelector(s).network.testLoss(), document.querySelector(s).network.metrics().testAccuracy], EL);
    const three = (v) => String(Number(v.toPrecision(3)));
    // A classifier's test accuracy too (two classes: the sign of the output against the label's).
    assert.equal(said, `Epoch ${epoch}: training loss ${three(losses[0])}, test loss ${three(losses[1])}, ${(losses[2] * 100).toFixed(1)}% of the test points right.`);
  }
  // While Play runs, the live region keeps still; paused, it says where training stands, once.
  const changes = await page.evaluate(async (s) => {
    const p = document.querySelector(s);
    const region = p.shadowRoot.querySelector('[aria-live="polite"]');
    let count = 0;
    const watch = new MutationObserver((list) => (count += list.length));
    watch.observe(region, { childList: true, characterData: true, subtree: true });
    const start = p.epochs;
    p.play();
    while (p.epochs < start + 12) await new Promise((done) => p.addEventListener('step', done, { once: true }));
    const playing = { count, epochs: p.epochs - start };
    p.pause();
    await new Promise((done) => setTimeout(done, 50));
    watch.disconnect();
    return { playing, paused: count - playing.count, text: region.textContent, epochs: p.epochs };
  }, EL);
  assert.ok(changes.playing.epochs >= 12, `${changes.playing.epochs} epochs played`);
  assert.equal(changes.playing.count, 0, 'nothing said while playing');
  assert.equal(changes.paused, 1, 'one sentence on pause');
  assert.match(changes.text, new RegExp(`^Epoch ${changes.epochs}: training loss `));
  assertNoProblems(assert, problems);
  await page.close();
});

test('axe: the playground loaded, its settings open at 360 px and a weight selected, has no violation', async () => {
  for (const [width, colorScheme] of [[1280, 'light'], [360, 'dark']]) {
    const { page, problems } = await openPage(env, 'network.html#v=1&data=circle&hidden=4,2&seed=0', { width, colorScheme });
    await ready(page);
    if (width === 360) await inShadow(page, 'button[data-action="settings"]').click();
    await page.evaluate((s) => document.querySelector(s).select({ kind: 'weight', index: 2 }), EL);
    await inShadow(page, '.neuron[data-neuron="1"]').hover();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `at ${width} px, ${colorScheme}`);
    assertNoProblems(assert, problems);
    await page.close();
  }
});
