// The computation graph (network.html's <backprop-graph>) laid out to be read, in Chromium at 1280 and 360 px wide:
// its type renders at 12 px or more (measured: the computed font size times the SVG's scale on screen), no edge's
// label lies on another edge or on a card (its text box against every other edge's drawn path, sampled along its
// length), the page does not scroll sideways, and the explanation and the nodes' names use words for operations
// ("the product w1[1,1]·x1"), never a bare sign ("−: ∂J/∂− = …").
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

const ready = (page) => page.waitForFunction(() => document.querySelector('#graph-figure')?.ready === true);

/** Every text of the graph with its rendered size, and every edge label's box with the edges it meets (screen px). */
const measureGraph = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('#graph-figure').shadowRoot;
    const svg = root.querySelector('svg.graph');
    const scale = svg.getScreenCTM().a;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim());
    const sizes = texts.map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale }));
    const paths = [...svg.querySelectorAll('.graph-edge')].map((g) => {
      const path = g.querySelector('path');
      const length = path.getTotalLength();
      const points = Array.from({ length: 81 }, (_, i) => path.getPointAtLength((i / 80) * length));
      return { from: g.dataset.from, to: g.dataset.to, points };
    });
    // Liang–Barsky: does the segment p–q enter the box?
    const hits = (p, q, b) => {
      let t0 = 0;
      let t1 = 1;
      for (const [num, den] of [[p.x - b.x, -(q.x - p.x)], [b.x + b.width - p.x, q.x - p.x], [p.y - b.y, -(q.y - p.y)], [b.y + b.height - p.y, q.y - p.y]]) {
        if (den === 0) {
          if (num < 0) return false;
        } else if (den < 0) t0 = Math.max(t0, num / den);
        else t1 = Math.min(t1, num / den);
        if (t0 > t1) return false;
      }
      return true;
    };
    const cards = [...svg.querySelectorAll('.graph-node rect')].map((r) => r.getBBox());
    const meet = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const labels = [...svg.querySelectorAll('text.local')].map((t) => {
      const box = t.getBBox();
      const others = paths.filter((p) => !(p.from === t.dataset.from && p.to === t.dataset.to));
      const crossed = others.filter((p) => p.points.some((pt, i) => i > 0 && hits(p.points[i - 1], pt, box))).map((p) => `${p.from}→${p.to}`);
      return { text: t.textContent, edge: `${t.dataset.from}→${t.dataset.to}`, crossed, onCard: cards.some((c) => meet(box, c)) };
    });
    const box = svg.getBoundingClientRect();
    return { sizes, labels, edges: paths.length, width: box.width, frame: root.querySelector('.graph-box').clientWidth, overflow: document.documentElement.scrollWidth - innerWidth };
  });

// The page's 2–2–1 graph (32 nodes), and the largest the element draws, two hidden layers of three (76 nodes).
for (const [width, height, hidden] of [[1280, 800, null], [1366, 768, null], [360, 740, null], [1280, 800, '3,3'], [360, 740, '3,3']]) {
  test(`the graph${hidden ? ` of hidden layers ${hidden}` : ''} at ${width} px: type of 12 px or more, no edge label on another edge or a card, nothing wider than the page`, async () => {
    const { page, problems } = await openPage(env, 'network.html', { width, height });
    await page.locator('#graph-figure').scrollIntoViewIfNeeded();
    await ready(page);
    if (hidden) {
      await page.evaluate((h) => document.querySelector('#graph-figure').setAttribute('hidden-layers', h), hidden);
      await page.waitForFunction(() => document.querySelector('#graph-figure').trace.nodes.length === 76);
    }
    await page.locator('#graph-figure button[data-action="all"]').click();
    const m = await measureGraph(page);
    assert.ok(m.sizes.length > 90, `${m.sizes.length} texts measured`);
    const small = m.sizes.filter((s) => s.px < 12 - 1e-9);
    assert.deepEqual(small, [], 'texts rendered under 12 px');
    assert.equal(m.labels.length, m.edges, 'one label per edge');
    const crossing = m.labels.filter((l) => l.crossed.length);
    assert.deepEqual(crossing, [], 'edge labels lying on another edge');
    assert.deepEqual(m.labels.filter((l) => l.onCard), [], 'edge labels on a card');
    assert.ok(m.width <= m.frame + 0.5, `the graph (${m.width} px) fits its box (${m.frame} px)`);
    assert.ok(m.overflow <= 0, `the page is ${m.overflow} px wider than the window`);
    assertNoProblems(assert, problems);
    await page.close();
  });
}

test('the explanation, the announcements and the nodes’ names say what each operation is, in words', async () => {
  const { page, problems } = await openPage(env, 'network.html', { width: 360, height: 740 });
  await page.locator('#graph-figure').scrollIntoViewIfNeeded();
  await ready(page);
  const total = await page.evaluate(() => document.querySelector('#graph-figure').trace.nodes.length);
  const said = [];
  for (let i = 0; i < total; i++) {
    await page.locator('#graph-figure button[data-action="back"]').click();
    said.push(await page.evaluate(() => {
      const root = document.querySelector('#graph-figure').shadowRoot;
      return { explain: root.querySelector('.explain').textContent, live: root.querySelector('[aria-live]').textContent, current: root.querySelector('.graph-node.current title').textContent };
    }));
  }
  const all = said.map((s) => `${s.explain}\n${s.current}`).join('\n');
  // No sentence starts with a bare sign, and no ∂ is taken with respect to one.
  assert.doesNotMatch(all, /(^|\n)[−+×²]\s*:/, 'a node named by its sign');
  assert.doesNotMatch(all, /∂J\/∂[−+×²](\s|$|=)/, 'a gradient with respect to a sign');
  for (const s of said) assert.equal(s.live, s.explain, 'the live region reads the explanation');
  for (const words of ['the product w1[1,1]·x1', 'the difference ŷ − y', 'the square (ŷ − y)²', 'the negation −y', 'the sum b1[1] + w1[1,1]·x1', 'the weight w1[1,1]', 'the activation a1[1]']) {
    assert.ok(all.toLowerCase().includes(words.toLowerCase()), `“${words}” is said`);
  }
  // The chain rule in names and in numbers at the weight w1[1,1]: ∂J/∂w = ∂J/∂(w·x) · x.
  const w = said.find((s) => s.explain.startsWith('The weight w1[1,1] '));
  assert.match(w.explain, /^The weight w1\[1,1\] feeds the product w1\[1,1\]·x1: ∂J\/∂w1\[1,1\] = ∂J\/∂\(w1\[1,1\]·x1\) · x1 = .+ · .+ = .+$/);
  const trace = await page.evaluate(() => document.querySelector('#graph-figure').trace);
  const node = trace.nodes.find((n) => n.label === 'w1[1,1]');
  const edge = trace.edges.find((e) => e.from === node.id);
  const x1 = trace.nodes.find((n) => n.label === 'x1');
  assert.equal(edge.local, x1.value, 'the local derivative of w·x with respect to w is x');
  assertNoProblems(assert, problems);
  await page.close();
});
