// The glossary is the one source of each definition: every formula the equations draw is the table's, read back from
// the MathML; every symbol drawn names an entry; hovering a symbol in an equation shows its entry; each page's
// entries are reachable by keyboard; and each entry's "where" is the pages it is really on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, deepText, drawEach, openPage, setup, waitForFigure } from './helpers.mjs';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

/**
 * In the page: reads MathML back as the table's notation (fractions as a/b, ŷ, subscripts as ₁ₖ, powers as ^(…),
 * the square as ²), so a formula drawn from anything but its text would read differently.
 */
function installReader(page) {
  return page.evaluate(() => {
    const SUB = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', t: 'ₜ', n: 'ₙ' };
    const read = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      const kids = [...node.childNodes].filter((c) => c.nodeType === Node.ELEMENT_NODE);
      switch (node.localName) {
        case 'mfrac':
          return `${read(kids[0])}/${read(kids[1])}`;
        case 'mover':
          return read(kids[0]) === 'y' && read(kids[1]) === '^' ? 'ŷ' : kids.map(read).join('');
        case 'msub':
          return read(kids[0]) + [...read(kids[1])].map((c) => SUB[c]).join('');
        case 'msup':
          return `${read(kids[0])}^(${read(kids[1])})`;
        case 'mspace':
          return ' ';
        default:
          return [...node.childNodes].map(read).join('');
      }
    };
    window.__readMath = (nodes) => nodes.map(read).join('').replace(/\s+/g, '');
  });
}

/** The table's notation without spaces, with e^x written e^(x) as the reader writes it. */
const plain = (text) => text.replace(/\s+/g, '').replace(/\^([^(])/g, '^($1)');

test('every formula of the table draws as its own text, and every symbol it draws names a glossary entry', async () => {
  const { page, problems } = await openPage(env, 'learn.html#lesson=forward');
  await installReader(page);
  const drawn = await page.evaluate(async () => {
    const { FORMULAS, glossaryEntry } = await import('/lib/learn/glossary.js');
    const { formula } = await import('/lib/formula.js');
    // Symbols that are not entries: e, the d and ∂ of a derivative, h and n, the functions f, max, ln and the sum.
    const PLAIN = new Set(['e', 'd', '∂', 'h', 'n', 'f', 'max', 'ln', 'Σ', 'i', 'j', 'k', 't', '1', '2']);
    return Object.entries(FORMULAS).map(([name, text]) => {
      const { nodes, spoken } = formula(name);
      const box = document.createElement('div');
      box.append(...nodes);
      const unlinked = [...box.querySelectorAll('mi')].map((mi) => mi.textContent).filter((s, i, all) => !PLAIN.has(s) && !box.querySelectorAll('mi')[i].closest('[data-term]'));
      const unknown = [...box.querySelectorAll('[data-term]')].map((n) => n.getAttribute('data-term')).filter((id) => !glossaryEntry(id));
      return { name, text, read: window.__readMath(nodes), spoken, unlinked, unknown };
    });
  });
  assert.ok(drawn.length >= 25, `${drawn.length} formulas`);
  for (const f of drawn) {
    assert.equal(f.read, plain(f.text), `${f.name} draws as its text`);
    assert.deepEqual(f.unlinked, [], `${f.name}: symbols with no entry`);
    assert.deepEqual(f.unknown, [], `${f.name}: links to no entry`);
    assert.doesNotMatch(f.spoken, /[ŷ·−←²]/u, `${f.name} is spoken in words: ${f.spoken}`);
  }
  const byName = Object.fromEntries(drawn.map((f) => [f.name, f.spoken]));
  assert.equal(byName.loss, 'J = (y hat minus y) squared');
  assert.equal(byName.update, 'w becomes w minus lr times dJ/dw');
  assert.equal(byName.chain, 'dJ/dw = dJ/d y hat times d y hat/dw');
  // A primed or starred symbol is said from its base: σ′ was once "f prime prime" (σ′ is also written f′).
  assert.equal(byName.sigmoidSlope, 'sigma prime (z) = sigma (z) times (1 minus sigma (z))');
  assert.equal(byName.optimum, 'w star = y over x');
  assertNoProblems(assert, problems);
  await page.close();
});

test('the article’s and the neuron’s equations begin with the glossary’s formulas, symbols linked to their entries', async () => {
  const { page, problems } = await openPage(env, 'network.html');
  await installReader(page);
  await page.locator('backprop-neuron').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('backprop-neuron')?.ready);
  const found = await page.evaluate(async () => {
    const { FORMULAS } = await import('/lib/learn/glossary.js');
    const { EQUATIONS } = await import('/lib/equations.js');
    const { NEURON_EQUATIONS } = await import('/lib/neuron-equations.js');
    const values = { x: 1.5, y: 0.5, w: 0.8, lr: 0.1, yHat: 1.2, loss: 0.49, dJdYHat: 1.4, dYHatdW: 1.5, dJdW: 2.1, wNext: 0.59, linear: { slope: 4.5, intercept: -1.5 }, optimum: 1 / 3, current: 0.8, currentYHat: 1.2, step: 0 };
    const record = { x: 1.5, y: 0.5, w: 0.8, b: 0, lr: 0.1, z: 1.2, yHat: 0.7685, loss: 0.0721, dJdYHat: 0.537, dYHatdZ: 0.178, dZdW: 1.5, dJdW: 0.143, dJdB: 0.0955, wNext: 0.786, bNext: -0.0096 };
    const texts = Object.values(FORMULAS).map((t) => t.replace(/\s+/g, ''));
    const lines = [
      ...Object.entries(EQUATIONS).map(([name, e]) => [name, [e.build(values)]]),
      ...Object.entries(NEURON_EQUATIONS).map(([name, e]) => [`neuron ${name}`, [e.build(record)].flat()]),
    ];
    return lines.map(([name, nodes]) => {
      const first = nodes[0];
      const read = window.__readMath([...first.querySelectorAll(':scope > math')]);
      // A whole formula, its defined side with its relation ("w←"), or what follows the relation ("x·w").
      const sides = texts.flatMap((t) => {
        const at = t.search(/[=←≈]/u);
        return [t, t.slice(0, at + 1), t.slice(at + 1)];
      });
      const formula = sides.filter((t) => read.startsWith(t)).sort((a, b) => b.length - a.length)[0] ?? null;
      return { name, read, formula, terms: new Set([...first.querySelectorAll('[data-term]')].map((n) => n.getAttribute('data-term'))).size };
    });
  });
  for (const line of found) {
    assert.ok(line.formula, `${line.name} (“${line.read}”) begins with no formula of the table`);
    assert.ok(line.terms >= 1, `${line.name}: no symbol linked`);
  }
  assertNoProblems(assert, problems);
  await page.close();
});

test('hovering a symbol in an equation shows its entry; Escape hides it', async () => {
  const { page, problems } = await openPage(env, 'index.html');
  await waitForFigure(page);
  const symbol = page.locator('backprop-equation[name="error"] [data-term="loss"]').first();
  await symbol.scrollIntoViewIfNeeded();
  await symbol.hover();
  const tip = await page.$eval('#term-tip', (t) => ({ hidden: t.hidden, text: t.textContent }));
  assert.equal(tip.hidden, false);
  assert.match(tip.text, /^loss, J: One number saying how wrong the prediction is.*J = \(ŷ − y\)²$/);
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#term-tip', (t) => t.hidden), true);
  // The update's arrow is the update's symbol.
  await page.locator('backprop-equation[name="update"] [data-term="update"]').first().hover();
  assert.match(await page.$eval('#term-tip', (t) => t.textContent), /^update, ←: Moving every weight/);
  // A figure's drawn symbols too: the network's ŷ node, the curve's w axis.
  const figure = page.locator('backprop-descent');
  await figure.locator('.node-name[data-term="prediction"]').hover();
  assert.match(await page.$eval('#term-tip', (t) => t.textContent), /^prediction, ŷ: What the network answers/);
  assert.equal(await figure.locator('.node-name[data-term="prediction"]').evaluate((n) => n.classList.contains('term-shown')), true);
  const axis = figure.locator('.axis-label[data-term="weight"]').first();
  await axis.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await axis.hover();
  assert.match(await page.$eval('#term-tip', (t) => t.textContent), /^weight, w: /);
  assert.equal(await figure.locator('.node-name[data-term="prediction"]').evaluate((n) => n.classList.contains('term-shown')), false);
  assertNoProblems(assert, problems);
  await page.close();
});

const PAGE_PATHS = { article: 'index.html', network: 'network.html', digits: 'digits.html' };

test('each page reaches every entry it uses by keyboard, and each entry’s “where” is the pages it is on', async () => {
  const { GLOSSARY } = await import('../../www/lib/learn/glossary.js');
  const used = {};
  for (const [key, path] of Object.entries(PAGE_PATHS)) {
    const { page, problems } = await openPage(env, path);
    await page.waitForFunction(() => document.querySelectorAll('a.term').length > 0);
    await drawEach(page, 'main [loading], main backprop-descent, main backprop-neuron, main backprop-digits');
    const seen = await page.evaluate(() => {
      const ids = new Set();
      const walk = (root) => {
        for (const n of root.querySelectorAll('*')) {
          if (n.hasAttribute('data-term')) ids.add(n.getAttribute('data-term'));
          if (n.shadowRoot) walk(n.shadowRoot);
        }
      };
      walk(document);
      const links = [...document.querySelectorAll('a.term')].filter((a) => a.tabIndex >= 0).map((a) => a.dataset.term);
      return { ids: [...ids], links };
    });
    const text = (await deepText(page)).toLowerCase();
    const missing = seen.ids.filter((id) => !seen.links.includes(id));
    assert.deepEqual(missing, [], `${path}: entries shown on hover with no link a keyboard reaches`);
    used[key] = new Set([...seen.ids, ...GLOSSARY.filter((e) => e.term.length > 3 && new RegExp(`\\b${e.term}`, 'i').test(text)).map((e) => e.id)]);
    assertNoProblems(assert, problems);
    await page.close();
  }
  const wrong = GLOSSARY.flatMap((entry) =>
    Object.keys(PAGE_PATHS)
      .filter((key) => entry.where.includes(key) !== used[key].has(entry.id))
      .map((key) => `${entry.id} ${entry.where.includes(key) ? 'is not on' : 'is on, but its where lacks,'} ${key}`),
  );
  assert.deepEqual(wrong, []);
});

test('an entry is listed on the path exactly when a lesson says, links or writes it', async () => {
  const { LESSONS } = await import('../../www/lib/learn/lessons.js');
  const { GLOSSARY } = await import('../../www/lib/learn/glossary.js');
  // Every string of the lessons (their texts, prompts, hints and term links; the checks are functions and drop out).
  const text = JSON.stringify(LESSONS);
  const wrong = GLOSSARY.filter((e) => {
    const linked = text.includes(`"term":"${e.id}"`);
    const said = new RegExp(`\\b${e.term}`, 'i').test(text);
    const written = /^[a-z]$/i.test(e.symbol) ? false : Boolean(e.symbol) && text.includes(e.symbol);
    return (linked || said || written) !== e.where.includes('path');
  }).map((e) => `${e.id}: ${e.where.includes('path') ? 'listed on the path but in no lesson' : 'in a lesson but not listed on the path'}`);
  assert.deepEqual(wrong, []);
});
