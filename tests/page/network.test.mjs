// The network page (network.html) as a reader uses it, under the strict CSP: one neuron's numbers against the closed
// form, the computation graph's gradients against the chain rule and against the core's own gradients() and finite
// differences, the playground learning XOR and repainting its heatmap, its state in the URL (hostile links included),
// divergence explained, and the layout at 360 px and in the dark. The article page must not load any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, screenshot, assertNoProblems } from './helpers.mjs';
import { formatNumber } from '../../www/lib/format.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const ready = (page, selector) => page.waitForFunction((s) => document.querySelector(s)?.ready === true, selector);
const close = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/** Pixels of the playground's heatmap canvas, as a plain array. */
const pixels = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('#playground').shadowRoot.querySelector('canvas.heatmap');
    return Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data);
  });

test('the network page loads its three figures with no error, no CSP violation and no request outside the origin; the article does not load them', async () => {
  const requests = env.requests.length;
  const { page, problems } = await openPage(env, 'network.html');
  await ready(page, '#neuron-figure');
  await page.waitForLoadState('networkidle');
  const early = env.requests.slice(requests);
  assert.deepEqual(early.filter((p) => /playground|graph/.test(p)), [], 'the graph’s and the playground’s code wait until a reader nears them');
  await page.locator('#graph-figure').scrollIntoViewIfNeeded();
  await ready(page, '#graph-figure');
  await page.locator('#playground').scrollIntoViewIfNeeded();
  await ready(page, '#playground');
  assert.equal(await page.locator('a[href="index.html"]').count() > 0, true, 'links back to the article');
  // The article is named and linked where the page first speaks of it, in the lede and in the prose.
  const named = await page.evaluate(() => [document.querySelector('.lede'), ...document.querySelectorAll('main p')].filter((p) => /\barticle\b/.test(p.textContent)).map((p) => ({ text: p.textContent.slice(0, 60), linked: [...p.querySelectorAll('a[href="index.html"]')].some((a) => a.textContent === 'Demystifying Backpropagation') })));
  assert.ok(named.length >= 2, `${named.length} paragraphs speak of the article`);
  assert.equal(named[0].linked, true, `the lede names and links it: ${named[0].text}`);
  assert.equal(named[1].linked, true, `so does the first paragraph that speaks of it: ${named[1].text}`);
  assertNoProblems(assert, problems);
  await page.close();

  env.requests.length = 0;
  const article = await openPage(env, 'index.html');
  await article.page.waitForFunction(() => document.querySelector('#main')?.model?.ready);
  assert.equal(await article.page.locator('#result a[href="network.html"], #your-problem a[href="network.html"]').count() > 0, true, 'the article links to the network page');
  const heavy = env.requests.filter((p) => p.startsWith('/pkg/') || /core-network|playground|graph-element|neuron-element/.test(p));
  assert.deepEqual(heavy, [], 'the article fetches no network code');
  assertNoProblems(assert, article.problems);
  await article.page.close();
});

test('the one script tag registers the network figures too: one added to a blog post later loads on demand', async () => {
  env.requests.length = 0;
  const { page, problems } = await openPage(env, 'blog-demo.html');
  await page.waitForFunction(() => customElements.get('backprop-descent'));
  assert.equal(env.requests.some((p) => p.startsWith('/pkg/')), false, 'nothing of the network before one is used');
  await page.evaluate(() => {
    const el = document.createElement('backprop-neuron');
    el.id = 'late';
    el.setAttribute('loading', 'eager');
    el.setAttribute('lr', '0.5');
    document.body.append(el);
  });
  await ready(page, '#late');
  assert.equal(await page.evaluate(() => document.querySelector('#late').current.lr), 0.5);
  assert.ok(env.requests.includes('/pkg/backprop_lab_bg.wasm'), 'the full core was fetched once needed');
  assertNoProblems(assert, problems);
  await page.close();
});

test('one neuron: the equations show σ(w·x + b), J and the three chain-rule factors of the closed form, and a step updates w and b', async () => {
  const { page, problems } = await openPage(env, 'network.html');
  await ready(page, '#neuron-figure');
  // The closed form for x = 1.5, y = 0.5, w = 0.8, b = 0, lr = 1.
  const [x, y, w, b, lr] = [1.5, 0.5, 0.8, 0, 1];
  const z = w * x + b;
  const s = 1 / (1 + Math.exp(-z));
  const expected = { z, yHat: s, loss: (s - y) ** 2, dJdYHat: 2 * (s - y), dYHatdZ: s * (1 - s), dZdW: x };
  expected.dJdW = expected.dJdYHat * expected.dYHatdZ * x;
  expected.dJdB = expected.dJdYHat * expected.dYHatdZ;
  const current = await page.evaluate(() => document.querySelector('#neuron-figure').current);
  for (const [k, v] of Object.entries(expected)) assert.ok(close(current[k], v), `${k}: ${current[k]} against ${v}`);
  const shown = (equation, quantity) => page.locator(`#neuron-figure li[data-equation="${equation}"] .quantity[data-quantity="${quantity}"]`).last().textContent();
  assert.equal(await shown('sum', 'z'), formatNumber(z, 6));
  assert.equal(await shown('activation', 'yHat'), formatNumber(s, 6));
  assert.equal(await shown('error', 'loss'), formatNumber(expected.loss, 6));
  assert.equal(await shown('chainW', 'dJdYHat'), formatNumber(expected.dJdYHat, 6));
  assert.equal(await shown('chainW', 'dJdW'), formatNumber(expected.dJdW, 6));
  assert.equal(await shown('chainB', 'dJdB'), formatNumber(expected.dJdB, 6));
  assert.equal(await shown('update', 'wNext'), '?');

  await page.locator('#neuron-figure button[data-action="step"]').click();
  const [record] = await page.evaluate(() => document.querySelector('#neuron-figure').records);
  assert.ok(close(record.wNext, w - lr * expected.dJdW), `w₁ = ${record.wNext}`);
  assert.ok(close(record.bNext, b - lr * expected.dJdB), `b₁ = ${record.bNext}`);
  assert.equal(await shown('update', 'wNext'), formatNumber(record.wNext, 6));
  assert.equal(await page.locator('#neuron-figure tr[data-step="1"] td').nth(1).textContent(), formatNumber(record.wNext, 6));
  const next = await page.evaluate(() => document.querySelector('#neuron-figure').current);
  assert.ok(next.loss < expected.loss, 'the loss fell');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the graph: every gradient is Σ grad(to)·local over its out-edges, and the parameters’ equal the core’s gradients() and finite differences', async () => {
  const { page, problems } = await openPage(env, 'network.html#unused=1');
  await page.locator('#graph-figure').scrollIntoViewIfNeeded();
  await ready(page, '#graph-figure');
  const drawn = await page.evaluate(() => {
    const root = document.querySelector('#graph-figure').shadowRoot;
    const nodes = [...root.querySelectorAll('.graph-node')].map((g) => ({ id: Number(g.dataset.id), label: g.dataset.label, value: Number(g.dataset.value), grad: Number(g.dataset.grad) }));
    const edges = [...root.querySelectorAll('.graph-edge')].map((g) => ({ from: Number(g.dataset.from), to: Number(g.dataset.to), local: Number(g.dataset.local) }));
    return { nodes, edges };
  });
  assert.ok(drawn.nodes.length > 20 && drawn.edges.length > 20, `${drawn.nodes.length} nodes, ${drawn.edges.length} edges drawn`);
  const byId = new Map(drawn.nodes.map((n) => [n.id, n]));
  for (const node of drawn.nodes) {
    const outs = drawn.edges.filter((e) => e.from === node.id);
    if (node.label === 'J') {
      assert.equal(node.grad, 1);
      continue;
    }
    const sum = outs.reduce((acc, e) => acc + byId.get(e.to).grad * e.local, 0);
    assert.ok(close(node.grad, sum, 1e-12), `${node.label} (${node.id}): ${node.grad} against Σ ${sum}`);
  }
  // The same point, alone in a network of the same parameters, built by the test through the same wasm package.
  const check = await page.evaluate(async () => {
    const { Network } = await import('/pkg/backprop_lab.js');
    const s = document.querySelector('#graph-figure').state;
    const net = new Network(s.config);
    net.setParameters(s.weights, s.biases);
    const row = s.train.slice(3 * s.point, 3 * s.point + 3);
    net.setData(row, row);
    const gradients = Array.from(net.gradients());
    const loss = () => 0.5 * (net.predict(row.slice(0, 2))[0] - row[2]) ** 2;
    const h = 1e-6;
    const numeric = s.weights.map((_, k) => {
      const at = (d) => {
        const ws = s.weights.slice();
        ws[k] += d;
        net.setParameters(ws, s.biases);
        return loss();
      };
      return (at(h) - at(-h)) / (2 * h);
    });
    const layers = s.config.layers;
    const labels = [];
    for (let l = 1; l < layers.length; l++) for (let j = 1; j <= layers[l]; j++) for (let i = 1; i <= layers[l - 1]; i++) labels.push(`w${l}[${j},${i}]`);
    for (let l = 1; l < layers.length; l++) for (let j = 1; j <= layers[l]; j++) labels.push(`b${l}[${j}]`);
    net.free();
    return { gradients, numeric, labels };
  });
  const byLabel = new Map(drawn.nodes.map((n) => [n.label, n]));
  check.labels.forEach((label, k) => {
    assert.ok(byLabel.has(label), `${label} is drawn`);
    assert.ok(close(byLabel.get(label).grad, check.gradients[k], 1e-12), `${label}: graph ${byLabel.get(label).grad}, gradients() ${check.gradients[k]}`);
    if (k < check.numeric.length) assert.ok(Math.abs(byLabel.get(label).grad - check.numeric[k]) < 1e-6, `${label}: finite difference ${check.numeric[k]}`);
  });

  // The backward stepper lights J first, then the nodes in reverse topological order, explaining each sum.
  const back = page.locator('#graph-figure button[data-action="back"]');
  await back.click();
  assert.equal(await page.locator('#graph-figure .graph-node.current').getAttribute('data-label'), 'J');
  await back.click();
  const second = await page.locator('#graph-figure .graph-node.current').getAttribute('data-id');
  assert.equal(Number(second), Math.max(...drawn.nodes.map((n) => n.id)) - 1);
  assert.match(await page.locator('#graph-figure .explain').textContent(), /= .*·.* = /);
  assert.equal(await page.locator('#graph-figure .graph-edge.current').count(), drawn.edges.filter((e) => e.from === Number(second)).length);
  assert.equal(await page.locator('#graph-figure .graph-node.done').count(), 2);
  assertNoProblems(assert, problems);
  await page.close();
});

test('the graph at 360 px runs top to bottom, keeps the node being explained on screen between its sticky controls and explanation, and a picked weight shows its gradient check', async () => {
  const { page, problems } = await openPage(env, 'network.html', { width: 360, height: 780 });
  await page.locator('#graph-figure').scrollIntoViewIfNeeded();
  await ready(page, '#graph-figure');
  const inView = () => page.evaluate(() => {
    const root = document.querySelector('#graph-figure').shadowRoot;
    const top = root.querySelector('.controls').getBoundingClientRect().bottom;
    const bottom = root.querySelector('.explain').getBoundingClientRect().top;
    const current = root.querySelector('.graph-node.current rect').getBoundingClientRect();
    const svg = root.querySelector('svg.graph');
    return { vertical: svg.classList.contains('vertical'), tall: svg.getBoundingClientRect().height > innerHeight, seen: current.top >= top - 1 && current.bottom <= bottom + 1, where: [top, current.top, current.bottom, bottom] };
  });
  const total = await page.evaluate(() => document.querySelector('#graph-figure').trace.nodes.length);
  for (let i = 0; i < total; i++) {
    await page.locator('#graph-figure button[data-action="back"]').click();
    if (i % 8 === 7 || i === 0) {
      const v = await inView();
      assert.ok(v.vertical && v.tall, 'at 360 px the graph runs top to bottom, taller than the window');
      assert.ok(v.seen, `after ${i + 1} backward steps the active node is between the controls and the explanation: ${v.where}`);
    }
  }
  await page.locator('#graph-figure [data-label="w1[2,1]"]').focus();
  await page.keyboard.press('Enter');
  const check = await page.evaluate(() => {
    const el = document.querySelector('#graph-figure');
    const v = (q) => Number(el.shadowRoot.querySelector(`.gradient-panel [data-quantity="${q}"]`).dataset.value);
    const net = el.state;
    return { backprop: v('backprop'), numeric: v('numeric'), relative: v('relative'), weights: net.weights };
  });
  // w1[2,1] of a 2–2–1 network is weight 2 (layer 1, neuron 2, source 1); the graph's own network computed both.
  assert.ok(check.relative < 1e-6 && Math.abs(check.backprop - check.numeric) <= 1e-6 * Math.abs(check.backprop), JSON.stringify(check));
  assertNoProblems(assert, problems);
  await page.close();
});

test('the playground learns XOR: the training loss falls, the heatmap repaints, and a changed setting is written to the URL', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&lr=0.03&seed=1');
  await ready(page, '#playground');
  const el = '#playground';
  const first = await page.evaluate((s) => document.querySelector(s).trainLoss, el);
  const before = await pixels(page);
  await page.locator(`${el} button[data-action="play"]`).click();
  await page.waitForFunction((s) => document.querySelector(s).epochs >= 40, el);
  await page.locator(`${el} button[data-action="play"]`).click();
  const after = await page.evaluate((s) => ({ loss: document.querySelector(s).trainLoss, playing: document.querySelector(s).playing, history: document.querySelector(s).history.train.length }), el);
  assert.equal(after.playing, false);
  assert.ok(after.loss < first * 0.9, `training loss ${first} → ${after.loss}`);
  assert.ok(after.history >= 41, 'one loss per epoch');
  const repainted = await pixels(page);
  let changed = 0;
  for (let i = 0; i < before.length; i += 4) if (Math.abs(before[i] - repainted[i]) + Math.abs(before[i + 2] - repainted[i + 2]) > 30) changed += 1;
  assert.ok(changed > (before.length / 4) * 0.05, `${changed} heatmap pixels changed`);
  // The page's theme choice reaches the figure, and the heatmap is redrawn in its colours.
  const light = await pixels(page);
  await page.locator('#theme').selectOption('dark');
  await page.waitForFunction(() => document.querySelector('#playground').getAttribute('theme') === 'dark');
  const dark = await pixels(page);
  const brightness = (px) => px.reduce((sum, v, i) => (i % 4 === 3 ? sum : sum + v), 0) / (px.length * 0.75);
  assert.ok(brightness(dark) < brightness(light) - 40, `the heatmap is redrawn dark (${brightness(light)} → ${brightness(dark)})`);
  // The learning rate applies to the network as it stands (as in Playground), and is written to the URL.
  const epochs = await page.evaluate((s) => document.querySelector(s).epochs, el);
  await page.locator(`${el} select[data-key="lr"]`).selectOption('0.1');
  await page.waitForFunction(() => /lr=0\.1&/.test(location.hash) && /seed=1&/.test(location.hash) && /^#v=1&/.test(location.hash));
  assert.deepEqual(await page.evaluate((s) => [document.querySelector(s).epochs, document.querySelector(s).network.config.lr], el), [epochs, 0.1]);
  // Another setting restarts it, and is written to the URL too.
  await page.locator(`${el} select[data-key="act"]`).selectOption('relu');
  await page.waitForFunction(() => /act=relu&/.test(location.hash));
  assert.equal(await page.evaluate((s) => document.querySelector(s).epochs, el), 0);
  await page.locator(`${el} button[data-action="add-layer"]`).click();
  await page.waitForFunction(() => /hidden=4,2,2&/.test(location.hash));
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).state.hidden, el), [4, 2, 2]);
  assertNoProblems(assert, problems);
  await page.close();
});

test('a link reproduces the playground’s settings; hostile links give its defaults and a plain-text notice', async () => {
  const link = 'v=1&data=circle&features=x1,x2,x1x2&noise=10&ratio=70&hidden=3&act=relu&out=tanh&lr=0.1&opt=adam&reg=l2&rate=0.003&batch=5&seed=7&test=1&disc=1&speed=5&points=1.5,-2,1;0,3.25,-1';
  const { page, problems } = await openPage(env, `network.html#${link}`);
  await ready(page, '#playground');
  const shown = { data: 'circle', features: ['x1', 'x2', 'x1x2'], noise: 10, ratio: 70, hidden: [3], act: 'relu', out: 'tanh', lr: 0.1, opt: 'adam', reg: 'l2', rate: 0.003, batch: 5, seed: 7, test: true, disc: true, speed: 5, points: [[1.5, -2, 1], [0, 3.25, -1]] };
  assert.deepEqual(await page.evaluate(() => document.querySelector('#playground').state), shown);
  // Every setting reached the core and the figure: features, regularization, ratio, noise, batch, points.
  const core = await page.evaluate(() => {
    const p = document.querySelector('#playground');
    const c = p.network.config;
    return { features: c.features, regularization: c.regularization, rate: c.regularizationRate, batch: c.batchSize, layers: c.layers, train: p.network.trainData().length / 3, test: p.network.testData().length / 3, user: p.userPoints };
  });
  assert.deepEqual(core, { features: ['x1', 'x2', 'x1*x2'], regularization: 'l2', rate: 0.003, batch: 5, layers: [3, 3, 1], train: 350 + 2, test: 150, user: [[1.5, -2, 1], [0, 3.25, -1]] });
  assert.equal(await page.evaluate(() => location.hash), `#${link}`, 'the link reads back as it was written');
  assert.equal(await page.locator('#playground select[data-key="opt"]').inputValue(), 'adam');
  assert.equal(await page.locator('#url-notice').isHidden(), true);

  const hostile = [
    `data=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}`,
    `act=${encodeURIComponent('javascript:alert(1)')}`,
    'lr=1e400',
    'hidden=99,99',
    'seed=-1',
    'batch=2.5',
    `noise=${encodeURIComponent('"><svg onload=alert(1)>')}`,
    '__proto__=1',
    'features=x1,x1',
    'reg=l3',
    'rate=11',
    'ratio=95',
    'test=yes',
    'speed=3',
    `points=${encodeURIComponent('1,2,1;9,9,1')}`,
  ].join('&');
  await page.goto('about:blank');
  await page.goto(new URL(`network.html#${hostile}`, env.url).href);
  await ready(page, '#playground');
  const state = await page.evaluate(() => document.querySelector('#playground').state);
  assert.deepEqual(state, { data: 'circle', features: ['x1', 'x2'], noise: 0, ratio: 50, hidden: [4, 2], act: 'tanh', out: 'tanh', lr: 0.03, opt: 'sgd', reg: 'none', rate: 0, batch: 10, seed: 0, test: false, disc: false, speed: 1, points: [] });
  const notice = await page.evaluate(() => {
    const n = document.querySelector('#url-notice');
    return { text: n.hidden ? null : n.textContent, children: n.children.length };
  });
  assert.match(notice.text, /for data, features, noise, ratio, hidden, activation, lr, regularization, rate, batch, seed, test, speed, points could not be used, so they fall back to the playground’s defaults\. 1 unknown setting was ignored\./);
  assert.equal(notice.children, 0, 'the notice is plain text');
  assert.doesNotMatch(notice.text, /<|script|alert|onerror|1e400/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0, 'no element injected');
  assert.equal(new URL(page.url()).hash, '#v=1&data=circle&features=x1,x2&noise=0&ratio=50&hidden=4,2&act=tanh&out=tanh&lr=0.03&opt=sgd&reg=none&rate=0&batch=10&seed=0&speed=1', 'the link is rewritten to the state shown');
  // A link of another version says so, and is read as far as it goes.
  await page.goto('about:blank');
  await page.goto(new URL('network.html#v=2&data=circle', env.url).href);
  await ready(page, '#playground');
  assert.match(await page.locator('#url-notice').textContent(), /made with another version of backprop-lab than this page’s \(v=1\)/);
  assert.equal(await page.evaluate(() => document.querySelector('#playground').state.data), 'circle');
  assertNoProblems(assert, problems);
  await page.close();
});

test('a learning rate too large for an identity output stops training at the divergence and says why', async () => {
  const { page, problems } = await openPage(env, 'network.html#v=1&data=xor&hidden=4,2&act=tanh&out=identity&lr=10&batch=10&seed=0');
  await ready(page, '#playground');
  const diverged = page.evaluate(() => new Promise((done) => document.querySelector('#playground').addEventListener('diverge', (e) => done(e.detail), { once: true })));
  await page.locator('#playground button[data-action="play"]').click();
  const detail = await diverged;
  assert.match(detail.message, /^diverged at step \d+/);
  const stop = await page.locator('#playground .stop').textContent();
  assert.match(stop, /^Training stopped in epoch \d+ \(update \d+\): .*lr = 10 is too large/);
  assert.equal(stop.includes(`epoch ${detail.epoch} (update ${detail.step})`), true, 'the text is written from the error’s fields');
  assert.equal(await page.evaluate(() => document.querySelector('#playground').playing), false);
  assert.equal(await page.locator('#playground button[data-action="step"]').isDisabled(), true);
  assert.doesNotMatch(stop, /NaN|Infinity/);
  await page.locator('#playground button[data-action="reset"]').click();
  assert.equal(await page.evaluate(() => document.querySelector('#playground').diverged), false);
  assert.equal(await page.locator('#playground button[data-action="step"]').isDisabled(), false, 'Reset allows training again');
  assertNoProblems(assert, problems);
  await page.close();
});

for (const [name, width, height, colorScheme] of [['desktop-light', 1280, 900, 'light'], ['360px-light', 360, 780, 'light'], ['desktop-dark', 1280, 900, 'dark'], ['360px-dark', 360, 780, 'dark']]) {
  test(`network page at ${name}`, async () => {
    const { page, problems } = await openPage(env, 'network.html#v=1&data=spiral&features=x1,x2,sinx1,sinx2&hidden=8,8,6&act=tanh&lr=0.01&opt=adam&seed=3&test=1&points=-4,4,1;4.5,-4.5,-1', { width, height, colorScheme });
    await ready(page, '#playground');
    await page.locator('#playground button[data-action="step"]').click();
    await page.evaluate(() => {
      for (let i = 0; i < 150; i++) document.querySelector('#playground').step();
      document.querySelector('#playground').select({ kind: 'weight', index: 40 });
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r, g, b] = background.match(/\d+/g).map(Number);
    assert.equal(r + g + b < 150, colorScheme === 'dark', `background ${background}`);
    await page.locator('#playground').scrollIntoViewIfNeeded();
    await page.locator('#playground').screenshot({ path: await screenshotPath(`network-playground-${name}.png`) });
    await page.locator('#graph-figure').scrollIntoViewIfNeeded();
    await ready(page, '#graph-figure');
    await page.locator('#graph-figure button[data-action="all"]').click();
    await screenshot(page, `network-graph-${name}.png`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `network-${name}-full.png`, { fullPage: true });
    assertNoProblems(assert, problems);
    await page.close();
  });
}

/** A path under test-results/screenshots/ (created by screenshot() of the helpers). */
async function screenshotPath(name) {
  const { SCREENSHOTS } = await import('./helpers.mjs');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(SCREENSHOTS, { recursive: true });
  return `${SCREENSHOTS}/${name}`;
}
