// The derivation checker (www/lib/learn): right answers in several spellings, wrong and missing factors named,
// unknown names and syntax errors located, accidents caught at other points, and 10⁵ random strings that never
// throw or hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExpression } from '../../www/lib/learn/check.js';
import { MAX_DEPTH, MAX_LENGTH, parseExpression, evaluate, typedAs } from '../../www/lib/learn/expression.js';

// The article's problem at three points: the step the reader sees (w = 0.8) and two others the engine supplies,
// with x and y changed too, so no factor is constant across them.
const POINTS = [
  { x: 1.5, y: 0.5, w: 0.8 },
  { x: 1.5, y: 0.5, w: 0.59 },
  { x: -2, y: 3, w: 0.25 },
].map((p) => ({ ...p, yHat: p.x * p.w, J: (p.x * p.w - p.y) ** 2 }));
// dJ/dw = dJ/dŷ · dŷ/dw = 2(ŷ − y) · x, as the engine's record gives it.
const EXPECTED = POINTS.map(({ x, y, yHat }) => ({
  value: 2 * (yHat - y) * x,
  factors: [
    { name: 'dJ/dŷ', text: '2(ŷ − y)', value: 2 * (yHat - y) },
    { name: 'dŷ/dw', text: 'x', value: x },
  ],
}));
const check = (text) => checkExpression(text, POINTS, EXPECTED);

test('dJ/dw typed in several spellings is right, with the value 2(1.2 − 0.5)·1.5 = 2.1', () => {
  for (const text of ['2*(yhat-y)*x', '2(ŷ−y)x', '2*x*(ŷ - y)', '2·(ŷ − y)·x', 'x·2(y_hat − y)', '2x(xw − y)', '[2(ŷ-y)]×x', '2(ŷ−y)x']) {
    const r = check(text);
    assert.equal(r.ok, true, `${text}: ${r.message}`);
    assert.ok(Math.abs(r.value - 2.1) < 1e-12, `${text} gives ${r.value}`);
  }
});

test('a missing or wrong factor is named: the chain rule’s first factor the expression lacks', () => {
  assert.equal(check('2(ŷ − y)').factor, 'dŷ/dw');
  assert.match(check('2(ŷ − y)').message, /lacks dŷ\/dw = x/);
  assert.equal(check('(ŷ − y)·x').factor, 'dJ/dŷ');
  assert.match(check('(ŷ − y)·x').message, /lacks dJ\/dŷ = 2\(ŷ − y\)/);
  assert.equal(check('2(ŷ − y)x²').kind, 'wrongFactor');
  assert.equal(check('2(y − ŷ)x').kind, 'wrongSign');
  assert.match(check('2(y − ŷ)x').message, /dJ\/dŷ = 2\(ŷ − y\) with the wrong sign/);
  assert.match(check('2(ŷ − y)·x·w').message, /factor the chain rule does not: w/);
});

test('an expression right at the current step by accident is caught at another point', () => {
  // At w = 0.8: 2(ŷ − y)·1.5 equals the engine's 2.1, but x is −2 at the third point.
  const r = check('2(ŷ − y)·1.5');
  assert.equal(r.ok, false);
  assert.equal(r.kind, 'accident');
  assert.match(r.message, /at x = −2, y = 3, w = 0\.25 it gives −10\.5, but the engine's value is 14/);
  // 2.1 itself is right only here.
  const s = check('2.1');
  assert.equal(s.ok, false);
  assert.equal(s.kind, 'accident');
  assert.match(s.message, /^Right here by accident: at w = 0\.59/);
});

test('unknown names are refused by name and position; syntax errors by position', () => {
  const u = check('2(ŷ − y)·q');
  assert.equal(u.kind, 'unknownName');
  assert.equal(u.name, 'q');
  assert.equal(u.position, 9);
  // z is a symbol of the network page, not of this step: refused because this step has no z.
  assert.equal(check('σ(z)').name, 'z');
  const cases = [['2*(x', 4], ['x)', 1], ['2 +', 3], ['*x', 0], ['x ^', 3], ['2 $ x', 2], ['tanh', 4]];
  for (const [text, position] of cases) {
    const r = check(text);
    assert.equal(r.ok, false, text);
    assert.equal(r.kind, 'syntax', `${text}: ${r.kind}`);
    assert.equal(r.position, position, `${text}: ${r.message}`);
  }
});

test('the functions and powers: σ, tanh, exp, ln and superscripts, against Math', () => {
  const q = ['z', 'a', 'x'];
  const at = { z: 0.3, a: 2, x: -1.25 };
  const value = (text) => evaluate(parseExpression(text, q).tree, at);
  assert.equal(value('σ(z)'), 1 / (1 + Math.exp(-0.3)));
  assert.equal(value('sigmoid(z)·(1 − σ(z))'), (1 / (1 + Math.exp(-0.3))) * (1 - 1 / (1 + Math.exp(-0.3))));
  assert.equal(value('1 − tanh(z)²'), 1 - Math.tanh(0.3) ** 2);
  assert.equal(value('exp(ln(a))'), Math.exp(Math.log(2)));
  assert.equal(value('−x²'), -(1.25 ** 2), '−x² is −(x²)');
  assert.equal(value('a^2^3'), 2 ** 8, '^ is right-associative');
  assert.equal(value('a⁻¹'), 0.5);
  assert.equal(value('2a/4a'), 2, 'an implicit product binds as tightly as ·: (2a/4)·a');
});

test('limits: too long and too deep are refused, not parsed', () => {
  assert.equal(check('x+'.repeat(MAX_LENGTH)).kind, 'tooLong');
  assert.equal(check(`${'('.repeat(MAX_DEPTH + 1)}x${')'.repeat(MAX_DEPTH + 1)}`).kind, 'tooDeep');
  assert.equal(check(`${'-'.repeat(MAX_DEPTH + 1)}x`).kind, 'tooDeep');
  assert.equal(check(`${'('.repeat(MAX_DEPTH - 1)}2(ŷ − y)x${')'.repeat(MAX_DEPTH - 1)}`).ok, true);
});

test('hostile arguments: any text, variables and expectation give an answer, never a throw', () => {
  const hostile = [null, undefined, 42, {}, [], new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } }), { valueOf() { throw new Error('x'); } }];
  for (const a of [...hostile, 'x', '2(ŷ − y)x']) for (const b of [...hostile, POINTS]) for (const c of [...hostile, EXPECTED, 2.1]) {
    const r = checkExpression(a, b, c);
    assert.equal(typeof r.ok, 'boolean');
    assert.equal(typeof r.message, 'string');
  }
});

test('10⁵ random strings of the symbols, operators and junk: no throw, no hang, an answer each', () => {
  const alphabet = ['x', 'y', 'w', 'ŷ', 'J', 'yhat', 'σ', 'tanh', 'exp', 'ln', 'δ', 'η', 'lr', '2', '0', '.', '5', 'e', '9', '+', '-', '−', '*', '·', '/', '^', '²', '⁻', '(', ')', '[', ']', ' ', '$', '\u0000', '\u0302', '😀', 'é', '1e308', 'ŷ'];
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const started = performance.now();
  let right = 0;
  for (let n = 0; n < 1e5; n += 1) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)];
    const r = checkExpression(text, POINTS, EXPECTED);
    if (typeof r.ok !== 'boolean' || typeof r.message !== 'string' || r.message.length === 0) assert.fail(`no answer for ${JSON.stringify(text)}`);
    if (r.ok) right += 1;
  }
  console.log(`10⁵ random strings checked in ${(performance.now() - started).toFixed(0)} ms; ${right} happened to be right`);
});

test('subscripted quantities: δ₁ = f′(z₁)·w₂·δ₂ typed with subscripts or plain digits, factors named', () => {
  const pass = (w2) => {
    const z1 = 0.8 * 1.5 + 0.1;
    const a1 = Math.tanh(z1);
    const d2 = -2.47 * w2;
    return { point: { x: 1.5, 'w₁': 0.8, 'z₁': z1, 'a₁': a1, 'w₂': w2, 'δ₂': d2 }, expected: { value: (1 - a1 ** 2) * w2 * d2, factors: [{ name: 'f′(z₁)', text: '1 − a₁²', value: 1 - a1 ** 2 }, { name: 'w₂', text: 'w₂', value: w2 }, { name: 'δ₂', text: 'δ₂', value: d2 }] } };
  };
  const runs = [pass(-1.2), pass(0.7), pass(2)];
  const check = (text) => checkExpression(text, runs.map((r) => r.point), runs.map((r) => r.expected));
  for (const text of ['(1 − a₁²)·w₂·δ₂', '(1-a1^2)*w2*delta2', 'w2 δ2 (1 − tanh(z1)²)']) assert.equal(check(text).ok, true, `${text}: ${check(text).message}`);
  assert.equal(check('(1 − a₁²)·δ₂').factor, 'w₂');
  assert.equal(check('w₂·δ₂').factor, 'f′(z₁)');
  assert.equal(check('x2').kind, 'unknownName', 'x₂ is not on this screen');
});

test('a chain-rule factor of 1 (∂ŷ/∂b) needs no writing: a factor added instead is named as extra, not the 1 as missing', () => {
  // ∂J/∂b = ∂J/∂ŷ · ∂ŷ/∂b = 2(ŷ − y) · 1 at the three points.
  const expected = POINTS.map(({ y, yHat }) => ({ value: 2 * (yHat - y), factors: [{ name: '∂J/∂ŷ', text: '2(ŷ − y)', value: 2 * (yHat - y) }, { name: '∂ŷ/∂b', text: '1', value: 1 }] }));
  const check = (text) => checkExpression(text, POINTS, expected);
  for (const text of ['2(ŷ − y)', '2(ŷ − y)·1', '1·2(yhat - y)']) assert.equal(check(text).ok, true, text);
  assert.equal(check('2(ŷ − y)x').kind, 'extraFactor');
  assert.match(check('2(ŷ − y)x').message, /factor the chain rule does not: x\.$/);
  assert.equal(check('(ŷ − y)').factor, '∂J/∂ŷ');
});

test('typedAs: the plain-keyboard spelling of each symbol the lessons show', () => {
  assert.deepEqual(['x', 'ŷ', 'η', 'δ', 'δ₂', 'a₁', 'w₂', 'J'].map(typedAs), ['x', 'yhat', 'lr', 'delta', 'delta2', 'a1', 'w2', 'J']);
  // Each spelling parses back to its symbol.
  for (const q of ['ŷ', 'η', 'δ₂', 'a₁']) assert.equal(evaluate(parseExpression(typedAs(q), [q]).tree, { [q]: 0.25 }), 0.25, q);
});
