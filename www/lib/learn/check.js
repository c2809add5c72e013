// The derivation checker: a reader's expression against the engine's numbers. The expression is evaluated at the
// current step's values and at other points the engine supplies (so an expression right by accident at one point is
// caught); where it is a product, it is compared factor by factor with the chain rule's factors, so the message
// names the first factor that is wrong or missing ("your expression lacks dŷ/dw = x").
//
//   checkExpression('2(ŷ − y)x', { x: 1.5, y: 0.5, w: 0.8, ŷ: 1.2 }, { value: 2.1, factors: [...] })
//     → { ok: true, value: 2.1, message: 'Right: …' }
//
// `variables` is one point (an object of quantities) or a list of points, the current step first; `expected` is the
// engine's value there (a number), or { value, factors: [{ name, text, value }] }, or a list aligned with the
// points. Never throws, whatever it is given.
import { evaluate, isQuantity, parseExpression, show } from './expression.js';
import { formatNumber } from '../format.js';

/** Two numbers agree when they differ by at most this, relative to the larger (or absolutely, near 0). */
export const TOLERANCE = 1e-9;
/** Most factors of a product compared one by one (2^n groupings are tried). */
const MAX_FACTORS = 10;
const PRODUCT = Object.freeze({ ok: false, value: NaN });

const same = (a, b) => Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
const num = (v) => formatNumber(v, 6);

/** A point's quantities under their canonical names (ŷ for yHat or yhat, η for lr), numbers only. */
function canonical(point) {
  const out = {};
  if (point === null || typeof point !== 'object') return out;
  const aliases = { yHat: 'ŷ', yhat: 'ŷ', lr: 'η', eta: 'η', delta: 'δ' };
  for (const key of Object.keys(point).slice(0, 32)) {
    const name = aliases[key] ?? key;
    if (!isQuantity(name)) continue;
    const v = Number(point[key]);
    if (Number.isFinite(v)) out[name] = v;
  }
  return out;
}

/** The expected value and factors at one point. */
function expectation(e) {
  if (typeof e === 'number') return { value: e, factors: [] };
  if (e === null || typeof e !== 'object') return { value: NaN, factors: [] };
  const factors = Array.isArray(e.factors) ? e.factors.slice(0, MAX_FACTORS).map((f) => ({ name: String(f?.name ?? ''), text: String(f?.text ?? ''), value: Number(f?.value) })) : [];
  return { value: Number(e.value), factors };
}

/** The factors of a product tree, each {node, power}: a·b/c → a¹, b¹, c⁻¹; −a → −1, a. */
function factorsOf(node, power = 1, out = []) {
  if (node.type === 'mul') return factorsOf(node.left, power, out), factorsOf(node.right, power, out);
  if (node.type === 'div') return factorsOf(node.left, power, out), factorsOf(node.right, -power, out);
  if (node.type === 'neg') return out.push({ node: { type: 'num', value: -1 }, power }), factorsOf(node.arg, power, out);
  out.push({ node, power });
  return out;
}

/**
 * Matches the chain rule's factors, in order, with groups of the reader's factors whose product has the factor's
 * value at every point. Returns { missing } (the first factor no group gives) or { extra } (the reader's factors
 * left over whose product is not 1), or { flipped } (a factor given with the wrong sign), or {} when they match.
 */
function compareFactors(tree, points, expected) {
  const mine = factorsOf(tree);
  if (mine.length > MAX_FACTORS || !expected[0].factors.length) return null;
  const valuesAt = mine.map(({ node, power }) => points.map((p) => evaluate(node, p) ** power));
  let unused = (1 << mine.length) - 1;
  for (let f = 0; f < expected[0].factors.length; f += 1) {
    const want = expected.map((e) => e.factors[f]?.value);
    if (want.every((v) => same(v, 1))) continue; // a factor of 1 (∂ŷ/∂b) is there even when not written
    const found = group(valuesAt, unused, points, want, 1);
    if (!found) return group(valuesAt, unused, points, want, -1) ? { flipped: expected[0].factors[f] } : { missing: expected[0].factors[f] };
    unused &= ~found;
  }
  if (unused && !points.every((_, p) => same(productOf(valuesAt, unused, p), 1))) {
    const left = mine.filter((_, i) => unused & (1 << i)).map(({ node, power }) => (power === 1 ? show(node, 3) : `1/${show(node, 3)}`));
    return { extra: left.join('·') };
  }
  return {};
}

/** The smallest group (a bit mask) of the unused factors whose product is sign·want at every point, or 0. */
function group(valuesAt, unused, points, want, sign) {
  let found = 0;
  for (let mask = 1; mask < 1 << valuesAt.length; mask += 1) {
    if ((mask & unused) !== mask) continue;
    if (found && popcount(mask) >= popcount(found)) continue;
    if (points.every((_, p) => same(productOf(valuesAt, mask, p), sign * want[p]) || !Number.isFinite(want[p]))) found = mask;
  }
  return found;
}

function popcount(mask) {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n += 1;
  return n;
}

function productOf(valuesAt, mask, p) {
  let v = 1;
  for (let i = 0; i < valuesAt.length; i += 1) if (mask & (1 << i)) v *= valuesAt[i][p];
  return v;
}

/** Where two points differ, in words: "at w = 0.59". */
function describePoint(point, first) {
  const changed = Object.keys(point).filter((k) => point[k] !== first[k] && k !== 'J' && k !== 'ŷ');
  return changed.length ? `at ${changed.map((k) => `${k} = ${num(point[k])}`).join(', ')}` : 'at another point';
}

/**
 * Checks the reader's `text` against the engine's numbers. Returns { ok, value, message } and, for a refusal,
 * { kind, position } too (kind: syntax, unknownName, tooLong, tooDeep, wrongFactor, extraFactor, wrongValue,
 * wrongSign, accident, notFinite).
 */
export function checkExpression(text, variables, expected) {
  try {
    return check(text, variables, expected);
  } catch {
    return { ...PRODUCT, kind: 'internal', message: 'The expression could not be checked.' };
  }
}

function check(text, variables, expected) {
  const rawPoints = (Array.isArray(variables) ? variables.slice(0, 8) : [variables]).map(canonical);
  if (!rawPoints.length || !Object.keys(rawPoints[0]).length) return { ...PRODUCT, kind: 'internal', message: 'No values to check the expression at.' };
  const wanted = (Array.isArray(expected) ? expected.slice(0, rawPoints.length) : [expected]).map(expectation);
  const points = rawPoints.slice(0, wanted.length);
  const parsed = parseExpression(text, Object.keys(points[0]));
  if (parsed.error) {
    const { kind, message, position, name } = parsed.error;
    return { ...PRODUCT, kind, message, position, ...(name ? { name } : {}) };
  }
  const values = points.map((p) => evaluate(parsed.tree, p));
  const value = values[0];
  if (!Number.isFinite(value)) return { ok: false, value, kind: 'notFinite', message: 'Your expression has no finite value here: a division by zero, or a number too large?' };
  const right = values.map((v, i) => same(v, wanted[i].value));
  if (right.every(Boolean)) return { ok: true, value, message: `Right: ${show(parsed.tree)} = ${num(value)}, the engine's value.` };

  if (right[0]) {
    const i = right.indexOf(false);
    return {
      ok: false,
      value,
      kind: 'accident',
      message: `Right here by accident: ${describePoint(points[i], points[0])} it gives ${num(values[i])}, but the engine's value is ${num(wanted[i].value)}.`,
    };
  }
  const factors = compareFactors(parsed.tree, points, wanted);
  if (factors?.flipped) {
    const { name, text: form } = factors.flipped;
    return { ok: false, value, kind: 'wrongSign', message: `Your expression has ${name} = ${form} with the wrong sign.`, factor: name };
  }
  if (factors?.missing) {
    const { name, text: form, value: v } = factors.missing;
    return { ok: false, value, kind: 'wrongFactor', message: `Your expression lacks ${name} = ${form} (${num(v)} here), or has it wrong.`, factor: name };
  }
  if (factors?.extra) {
    return { ok: false, value, kind: 'extraFactor', message: `Your expression has a factor the chain rule does not: ${factors.extra}.` };
  }
  return { ok: false, value, kind: 'wrongValue', message: `Your expression gives ${num(value)} here, but the engine's value is ${num(wanted[0].value)}.` };
}
