// The page tests that matter most, in WebKit (Safari's engine, as every iPhone reader sees the figures): the
// article's digits, its phases, keyboard-only use, the strict CSP, the demo post, the playground learning XOR and
// its heatmap's axes.
// WebKitWebDriver drives MiniBrowser over plain WebDriver (webdriver.mjs); every page is served with the strict CSP
// and a report-uri, so a violation is caught even before a test could listen for one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRICT_CSP, startServer } from '../../scripts/serve.mjs';
import { ROOT, SCREENSHOTS } from '../page/helpers.mjs';
import { startWebKit } from './webdriver.mjs';

const ARTICLE = ['0.8', '0.59', '0.4745', '0.410975', '0.37603625', '0.3568199375'];
let site;
let webkit;
before(async () => {
  site = await startServer({ root: join(ROOT, 'www'), csp: true, reportViolations: true });
  webkit = await startWebKit({ width: 1280, height: 900 });
});
after(async () => {
  await webkit?.close();
  site?.server.closeAllConnections();
  await new Promise((done) => site?.server.close(done) ?? done());
});

/** Opens a page of www/ and forgets earlier requests and violations. */
async function open(path) {
  site.requests.length = 0;
  site.violations.length = 0;
  await webkit.get(new URL(path, site.url).href);
}

/** The element `inner` inside the shadow root of `host` (a reference for click), or null. */
const shadow = (host, inner) => webkit.execute((h, i) => document.querySelector(h)?.shadowRoot?.querySelector(i) ?? null, host, inner);
/** The text of every `inner` inside the shadow root of `host`. */
const shadowTexts = (host, inner) => webkit.execute((h, i) => [...(document.querySelector(h)?.shadowRoot?.querySelectorAll(i) ?? [])].map((e) => e.textContent), host, inner);
const ready = (selector) =>
  webkit.waitFor((s) => {
    const el = document.querySelector(s);
    return Boolean(el?.model?.ready && el.shadowRoot?.querySelector('.frame'));
  }, [selector], { what: `${selector} to draw` });
const main = (property) => webkit.execute((p) => document.querySelector('#main')[p], property);
const live = async () => (await shadowTexts('#main', '[aria-live]'))[0];
const tableW = () => shadowTexts('backprop-table', 'td.w');
const click = async (host, inner) => webkit.click(await shadow(host, inner));

test('WebKit: stepping five times shows the article’s digits in the table, the update equation and the live region', async (t) => {
  t.diagnostic(`browser: ${webkit.browser}`);
  await open('index.html');
  await ready('#main');
  assert.deepEqual(await tableW(), ARTICLE.slice(0, 1));
  for (let n = 1; n <= 5; n++) {
    await click('#main', 'button[data-action="step"]');
    assert.deepEqual(await tableW(), ARTICLE.slice(0, n + 1), `table after step ${n}`);
    assert.equal((await shadowTexts('backprop-equation[name="update"]', '.quantity[data-quantity="wNext"]')).at(-1), ARTICLE[n], `update equation after step ${n}`);
    assert.match(await live(), new RegExp(`^step ${n}: w = ${ARTICLE[n].replace('.', '\\.')}, loss = [0-9.]+$`));
  }
  await webkit.waitFor(() => /step=5/.test(location.hash), [], { what: 'the address to say step=5' });
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: phase stepping highlights the quantity being computed', async () => {
  await open('index.html');
  await ready('#main');
  const current = async (name) => (await shadowTexts(`backprop-equation[name="${name}"]`, '.quantity.current')).at(-1);
  const svgCurrent = (selector) => webkit.execute((s) => document.querySelector('#main').shadowRoot.querySelector(s).classList.contains('current'), selector);
  await click('#main', 'button[data-action="phase"]');
  assert.equal(await current('forward'), '1.2');
  assert.ok(await svgCurrent('.node.output'), 'the ŷ node is highlighted');
  assert.match(await live(), /^forward: ŷ = 1\.2$/);
  await click('#main', 'button[data-action="phase"]');
  assert.equal(await current('error'), '0.49');
  assert.ok(await svgCurrent('.loss-line'), 'J is highlighted in J(w)');
  await click('#main', 'button[data-action="phase"]');
  assert.equal(await current('chain'), '2.1');
  assert.ok(await svgCurrent('.tangent'), 'the tangent is highlighted');
  await click('#main', 'button[data-action="phase"]');
  assert.equal(await current('update'), '0.59');
  assert.ok(await svgCurrent('.step-arrow'), 'the step along w is highlighted');
  assert.deepEqual(await tableW(), ARTICLE.slice(0, 2));
  assert.equal(await main('phase'), 'update');
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: keyboard only, Tab reaches the figure and the shortcuts drive it', async () => {
  await open('index.html');
  await ready('#main');
  const focused = () =>
    webkit.execute(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.localName}${el.dataset?.action ? `[${el.dataset.action}]` : ''}` : null;
    });
  const seen = [];
  for (let i = 0; i < 40 && !seen.includes('button[phase]'); i++) {
    await webkit.press('Tab');
    seen.push(await focused());
  }
  assert.ok(seen.includes('button[phase]'), `Tab reaches the figure's first control; focus order: ${seen.join(', ')}`);
  await webkit.press('Enter');
  assert.equal(await main('phase'), 'forward');
  await webkit.press('n');
  assert.equal(await main('steps'), 1);
  await webkit.execute(() => document.activeElement?.blur());
  await webkit.press('.');
  assert.equal(await main('phase'), 'forward');
  await webkit.press('Shift+ArrowRight');
  assert.equal(await main('steps'), 2);
  assert.match(await live(), /^step 2: w = 0\.4745, loss = /);
  await webkit.press('r');
  assert.equal(await main('steps'), 0);
  await webkit.press('k');
  assert.equal(await main('playing'), true);
  await webkit.press('k');
  assert.equal(await main('playing'), false);
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: the strict CSP is enforced and its violations reach the report (an inline script is refused)', async () => {
  // The control: WebKit reports a violation here, so the empty reports of the other tests mean something.
  const dir = mkdtempSync(join(tmpdir(), 'backprop-lab-webkit-csp-'));
  writeFileSync(join(dir, 'inline.html'), '<!doctype html><title>inline</title><p id="p">untouched</p><script>document.getElementById("p").textContent = "ran"</script>');
  const control = await startServer({ root: dir, csp: true, reportViolations: true });
  try {
    await webkit.get(`${control.url}inline.html`);
    assert.equal(await webkit.execute(() => document.getElementById('p').textContent), 'untouched', 'the inline script did not run');
    await webkit.waitFor(() => true);
    for (let i = 0; i < 40 && control.violations.length === 0; i++) await new Promise((done) => setTimeout(done, 50));
    assert.match(control.violations.join(' '), /script-src/, 'WebKit reported the refused inline script');
  } finally {
    control.server.closeAllConnections();
    await new Promise((done) => control.server.close(done));
  }
  const response = await fetch(`${site.url}index.html`);
  assert.match(response.headers.get('content-security-policy'), new RegExp(`^${STRICT_CSP.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}`));
  for (const path of ['index.html', 'network.html', 'blog-demo.html', 'embed/descent.html']) {
    await open(path);
    await webkit.waitFor(() => [...document.querySelectorAll('*')].some((el) => el.shadowRoot?.querySelector('.frame, canvas, svg')));
    await new Promise((done) => setTimeout(done, 200));
    assert.deepEqual(site.violations, [], `CSP violations on ${path}`);
  }
});

test('WebKit: the demo blog post, three independent figures, one wasm download', async () => {
  await open('blog-demo.html');
  await ready('#gentle');
  for (const id of ['#zigzag', '#runaway']) {
    await webkit.execute((s) => document.querySelector(s).scrollIntoView(), id);
    await ready(id);
  }
  const steps = () => webkit.execute(() => ['gentle', 'zigzag', 'runaway'].map((id) => document.getElementById(id).model.steps));
  assert.deepEqual(await steps(), [0, 30, 0]);
  await webkit.execute(() => document.getElementById('gentle').scrollIntoView());
  await click('#gentle', 'button[data-action="step"]');
  await click('#gentle', 'button[data-action="step"]');
  assert.deepEqual(await steps(), [2, 30, 0], 'stepping one figure leaves the others alone');
  assert.equal(site.requests.filter((p) => p.endsWith('.wasm')).length, 1, `requests: ${site.requests.join(' ')}`);
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: the playground learns XOR and repaints its heatmap', async () => {
  await open('network.html#data=xor&hidden=4,2&lr=0.03&seed=1');
  await webkit.waitFor(() => document.querySelector('#playground')?.ready === true, [], { what: 'the playground' });
  const pixels = () =>
    webkit.execute(() => {
      const canvas = document.querySelector('#playground').shadowRoot.querySelector('canvas.heatmap');
      return Array.from(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data);
    });
  const first = await webkit.execute(() => document.querySelector('#playground').trainLoss);
  const before = await pixels();
  await webkit.execute(() => document.querySelector('#playground').scrollIntoView());
  await click('#playground', 'button[data-action="play"]');
  await webkit.waitFor(() => document.querySelector('#playground').epochs >= 40, [], { timeout: 30000, what: '40 epochs' });
  await click('#playground', 'button[data-action="play"]');
  const after = await webkit.execute(() => ({ loss: document.querySelector('#playground').trainLoss, playing: document.querySelector('#playground').playing }));
  assert.equal(after.playing, false);
  assert.ok(after.loss < first * 0.9, `training loss ${first} → ${after.loss}`);
  const repainted = await pixels();
  let changed = 0;
  for (let i = 0; i < before.length; i += 4) if (Math.abs(before[i] - repainted[i]) + Math.abs(before[i + 2] - repainted[i + 2]) > 30) changed += 1;
  assert.ok(changed > (before.length / 4) * 0.05, `${changed} heatmap pixels changed`);
  assert.deepEqual(site.violations, [], 'CSP violations');
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'webkit-playground-xor.png'), await webkit.screenshot());
});

test('WebKit at 1024 px: no figure or equation is cut off; what is wider than its box scrolls', async (t) => {
  await webkit.setWindowSize(1024, 900);
  try {
    for (const path of ['index.html#x=1.5&y=0.5&w=0.8&lr=0.1&step=1', 'embed/descent.html#x=1.5&y=0.5&w=0.8&lr=0.1&step=1']) {
      await open(path);
      await ready('backprop-descent');
      const layout = await webkit.execute(() => {
        const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        const wide = [];
        for (const host of document.querySelectorAll('backprop-descent, backprop-equation, backprop-table, backprop-loss')) {
          for (const el of host.shadowRoot.querySelectorAll('*')) {
            if (!(el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)) continue;
            let box = el;
            while (box && !scrolls(box)) box = box.parentElement;
            const name = `${host.localName}${host.getAttribute('name') ? `[${host.getAttribute('name')}]` : ''} ${el.localName}.${el.getAttribute('class')} ${el.scrollWidth} px in ${el.clientWidth}`;
            wide.push({ name, scrolls: Boolean(box) });
          }
        }
        return { innerWidth, wide };
      });
      assert.equal(layout.innerWidth, 1024);
      for (const w of layout.wide) t.diagnostic(`${path}: ${w.name}${w.scrolls ? ', scrolls' : ''}`);
      assert.deepEqual(layout.wide.filter((w) => !w.scrolls).map((w) => w.name), [], `${path}: content cut off with no way to scroll to it`);
    }
  } finally {
    await webkit.setWindowSize(1280, 900);
  }
});

test('WebKit trains W1 to the reference losses with both builds of the full core; its bits against V8’s, reported', async (t) => {
  const w = JSON.parse(readFileSync(join(ROOT, 'tests', 'data', 'W1.json'), 'utf8'));
  const train = async (api, data) => {
    const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
    const net = new api.Network({ layers: data.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', lr: 0.03, batchSize: 10 });
    net.setData(rows(data.train), rows(data.test));
    net.setParameters(Float64Array.from(data.initialWeights), Float64Array.from(data.initialBiases));
    net.trainEpochs(1);
    const one = net.trainLoss();
    net.trainEpochs(9);
    const ten = net.trainLoss();
    net.free();
    return [one, ten];
  };
  // V8, in this process, with the simd128 build: the numbers native code and Chrome give.
  const v8 = await import(new URL('www/pkg/backprop_lab.js?v8', `file://${ROOT}/`).href);
  v8.initSync({ module: readFileSync(join(ROOT, 'www', 'pkg', 'backprop_lab_bg.wasm')) });
  const expected = await train(v8, w);
  await open('index.html');
  for (const [build, file] of [['simd', 'backprop_lab_bg.wasm'], ['scalar', 'backprop_lab_scalar_bg.wasm']]) {
    // The same steps as train() above, in the page (the strict CSP allows no eval of its source).
    const got = await webkit.execute(
      async (b, f, data) => {
        const api = await import(`./pkg/backprop_lab.js?${b}`);
        await api.default({ module_or_path: new URL(`./pkg/${f}`, location.href) });
        const rows = (points) => Float64Array.from(points.flatMap((p) => [p.x, p.y, p.label]));
        const net = new api.Network({ layers: data.shape, activation: 'tanh', outputActivation: 'tanh', loss: 'halfSquared', lr: 0.03, batchSize: 10 });
        net.setData(rows(data.train), rows(data.test));
        net.setParameters(Float64Array.from(data.initialWeights), Float64Array.from(data.initialBiases));
        net.trainEpochs(1);
        const one = net.trainLoss();
        net.trainEpochs(9);
        return [one, net.trainLoss()];
      },
      build, file, w,
    );
    const hex = (v) => new BigUint64Array(Float64Array.of(v).buffer)[0].toString(16);
    for (const [i, epochs] of [[0, 1], [1, 10]]) {
      t.diagnostic(`W1 after ${epochs} epoch(s), ${build} build: WebKit ${got[i]} (${hex(got[i])}), V8 ${expected[i]} (${hex(expected[i])})${got[i] === expected[i] ? ', the same bits' : ', different bits'}`);
      assert.ok(Math.abs(got[i] - expected[i]) <= 1e-12 * expected[i], `${build}: W1 after ${epochs} epochs, ${got[i]} against ${expected[i]}`);
    }
  }
});

test('WebKit: the heatmap’s axes print −6 … 6 in full, the minus signs drawn and the top number inside the picture', async () => {
  await open('network.html#v=1&data=xor&hidden=4,2&seed=1');
  await webkit.execute(() => document.querySelector('#playground').scrollIntoView());
  await webkit.waitFor(() => document.querySelector('#playground')?.ready === true, [], { timeout: 30000, what: 'the playground' });
  const axes = await webkit.execute(() => {
    const root = document.querySelector('#playground').shadowRoot;
    const svg = root.querySelector('svg.heatmap-axes');
    const canvas = root.querySelector('canvas.heatmap').getBoundingClientRect();
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    // The numbers left of the plot (text-anchor end), from the top; each with its box in the picture's units.
    const left = [...svg.querySelectorAll('text[text-anchor="end"]')].filter((t) => Number(t.getAttribute('x')) < view.width / 2);
    const labels = left.map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, width: b.width, height: b.height, painted: getComputedStyle(t).fill };
    }).sort((a, b) => a.y - b.y);
    return { labels, view: [view.width, view.height], same: ['left', 'top', 'width', 'height'].every((k) => Math.abs(box[k] - canvas[k]) < 0.5) };
  });
  assert.ok(axes.same, 'the axes lie exactly over the canvas');
  assert.deepEqual(axes.labels.map((l) => l.text), ['6', '4', '2', '0', '−2', '−4', '−6']);
  for (const l of axes.labels) {
    assert.ok(l.x >= 0 && l.y >= 0 && l.x + l.width <= axes.view[0] && l.y + l.height <= axes.view[1], `${l.text} lies inside the picture: ${JSON.stringify(l)}`);
    assert.notEqual(l.painted, 'none');
  }
  // A minus sign is drawn: each negative number is wider than its digit alone by at least half a digit.
  const width = Object.fromEntries(axes.labels.map((l) => [l.text, l.width]));
  for (const d of ['2', '4', '6']) assert.ok(width[`−${d}`] > width[d] * 1.5, `−${d} (${width[`−${d}`]}) against ${d} (${width[d]})`);
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: the path checks a typed derivative, names a missing factor, and keeps progress over a reload', async () => {
  await open('learn.html#lesson=chain');
  await webkit.execute(() => localStorage.setItem('backprop-lab:path:v1', JSON.stringify({ done: ['forward', 'error'] })));
  await open('learn.html#lesson=chain');
  await webkit.waitFor(() => document.getElementById('lesson').dataset.ready === 'chain', [], { what: 'the chain lesson to load' });
  const type = async (text) => {
    await webkit.execute(() => {
      const input = document.querySelector('#tasks input');
      input.value = '';
      input.focus();
    });
    await webkit.press(...[...text], 'Enter');
    return webkit.waitFor(() => document.querySelector('#tasks .task-result').textContent, [], { what: 'the check' });
  };
  assert.match(await type('2(yhat-y)'), /lacks dŷ\/dw = x/);
  // Enter checks once: one wrong answer, the first hint (not the second).
  assert.match(await webkit.execute(() => document.querySelector('#tasks .task-hint').textContent), /^Hint 1 of 2: /);
  assert.match(await type('2(yhat-y)x'), /^Right: 2\(ŷ − y\)·x = 2\.1, the engine's value\.$/);
  await webkit.waitFor(() => document.getElementById('lesson-status').textContent.startsWith('Lesson done'), [], { what: 'the lesson to be done' });
  await open('learn.html#lesson=update');
  await webkit.waitFor(() => document.getElementById('lesson').dataset.ready === 'update', [], { what: 'the next lesson to open after a reload' });
  const states = await webkit.execute(() => [...document.querySelectorAll('.lesson-state')].slice(0, 4).map((s) => s.textContent));
  assert.deepEqual(states, ['done', 'done', 'done', 'open']);
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: a symbol in an equation and a term in the prose show their glossary entry (hover and focus)', async () => {
  await open('index.html');
  await ready('#main');
  await webkit.waitFor(() => document.querySelector('backprop-equation[name="error"]')?.shadowRoot?.querySelector('[data-term="loss"]'), [], { what: 'the error equation to draw' });
  // The hover, as the browser sends it: composed, from inside the figure's shadow root.
  const hovered = await webkit.execute(() => {
    const symbol = document.querySelector('backprop-equation[name="error"]').shadowRoot.querySelector('[data-term="loss"]');
    symbol.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    const tip = document.getElementById('term-tip');
    return [tip.hidden, tip.textContent, symbol.classList.contains('term-shown')];
  });
  assert.equal(hovered[0], false);
  assert.match(hovered[1], /^loss, J: One number saying how wrong the prediction is.*J = \(ŷ − y\)²$/);
  assert.equal(hovered[2], true);
  const focused = await webkit.execute(() => {
    document.querySelector('a.term[data-term="input"]').focus();
    return document.getElementById('term-tip').textContent;
  });
  assert.match(focused, /^input, x: The number the network is given/);
  assert.deepEqual(site.violations, [], 'CSP violations');
});

test('WebKit: the digits page trains to 90% test accuracy, its confusion matrix summing to the test set, and reads a dataset image', async (t) => {
  await open('digits.html');
  await webkit.waitFor(() => document.querySelector('#digits')?.ready === true && document.querySelector('#digits').model !== null, [], { timeout: 60000, what: 'the digits figure' });
  await click('#digits', 'button[data-action="play"]');
  await webkit.waitFor(() => (document.querySelector('#digits').model.latest?.testAccuracy ?? 0) >= 0.9, [], { timeout: 120000, what: '90% test accuracy' });
  await click('#digits', 'button[data-action="play"]');
  const state = await webkit.execute(() => {
    const el = document.querySelector('#digits');
    const cells = [...el.shadowRoot.querySelectorAll('table.confusion .cell')].map((c) => Number(c.textContent));
    return { playing: el.playing, epochs: el.model.epochs, accuracy: el.model.latest.testAccuracy, sum: cells.reduce((s, v) => s + v, 0), cells: cells.length };
  });
  t.diagnostic(`WebKit: ${(state.accuracy * 100).toFixed(1)}% test accuracy after ${state.epochs} epochs`);
  assert.equal(state.playing, false);
  assert.deepEqual([state.cells, state.sum], [100, 450]);
  await webkit.execute(() => document.querySelector('#digits').showImage(0));
  await webkit.waitFor(() => /^It reads \d/.test(document.querySelector('#digits').shadowRoot.querySelector('.answer').textContent), [], { what: 'the drawn image read' });
  assert.deepEqual(site.violations, [], 'CSP violations');
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'webkit-digits.png'), await webkit.screenshot());
});

test('WebKit: the author’s page makes each control from the figure’s table, the live figure follows it, and the snippets say it', async () => {
  await open('author.html#figure=descent&lr=0.3&step=2');
  const preview = (tag) => webkit.waitFor((t) => {
    const el = document.getElementById('preview-figure');
    return el?.localName === t && el.ready === true;
  }, [tag], { timeout: 30000, what: `the ${tag} preview` });
  await preview('backprop-descent');
  await webkit.waitFor(() => document.getElementById('preview-figure').model.steps === 2, [], { what: 'two steps' });
  // w ← w − lr·2(x·w − y)·x twice from 0.8 at x = 1.5, y = 0.5, lr = 0.3, computed here.
  let w = 0.8;
  for (let i = 0; i < 2; i++) w -= 0.3 * 2 * (1.5 * w - 0.5) * 1.5;
  assert.ok(Math.abs((await webkit.execute(() => document.getElementById('preview-figure').model.w)) - w) < 1e-15);
  const controls = () => webkit.execute(() => ({
    shown: [...document.querySelectorAll('#settings .setting')].map((s) => s.dataset.key),
    fields: customElements.get(document.getElementById('preview-figure').localName).fields.filter((f) => f.type !== 'id').map((f) => f.key),
  }));
  const descent = await controls();
  assert.deepEqual(descent.shown, descent.fields);
  // An author types a value the parser refuses, then one it accepts.
  const typeInto = (key, text) => webkit.execute((k, t) => {
    const input = document.querySelector(`.setting[data-key="${k}"] input`);
    input.value = t;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return { invalid: input.getAttribute('aria-invalid'), error: input.closest('.setting').querySelector('.field-error').textContent };
  }, key, text);
  const refused = await typeInto('x', 'abc');
  assert.equal(refused.invalid, 'true');
  assert.match(refused.error, /x accepts 0, or a number from/);
  await typeInto('x', '2');
  assert.equal(await webkit.execute(() => document.getElementById('preview-figure').getAttribute('x')), '2');
  assert.match(await webkit.execute(() => document.getElementById('way-cdn').textContent), /<backprop-descent x="2" lr="0\.3" steps="2"/);
  // Another figure, defined on demand: its own controls.
  await webkit.execute(() => {
    const picker = document.getElementById('figure');
    picker.value = 'backprop-playground';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await preview('backprop-playground');
  const playground = await controls();
  assert.deepEqual(playground.shown, playground.fields);
  assert.ok(playground.shown.length >= 15);
  assert.deepEqual(site.violations, [], 'CSP violations');
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'webkit-author.png'), await webkit.screenshot());
});
