// A tiny MathML builder: elements made with the DOM, text set with textContent, never parsed markup.
import { numberParts } from './format.js';

const NS = 'http://www.w3.org/1998/Math/MathML';

/** A MathML element with children (nodes or strings, strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export const row = (...children) => el('mrow', {}, ...children);
export const mi = (name, attrs = {}) => el('mi', attrs, name);
export const mo = (op, attrs = {}) => el('mo', attrs, op);
export const mn = (text) => el('mn', {}, text);
export const sup = (base, exponent) => el('msup', {}, base, exponent);
const frac = (num, den) => el('mfrac', {}, num, den);
// Parentheses keep their size: stretched around a hat (ŷ) they pushed the exponent of (ŷ − y)² up.
const paren = (...inner) => row(mo('(', { stretchy: 'false' }), ...inner, mo(')', { stretchy: 'false' }));

/**
 * (…)² with a superscript-two character after the closing parenthesis: an <msup> raised its exponent by the height of
 * whatever it holds (a hat, a fraction), so it floated high. Returns nodes to spread.
 */
export const squared = (...inner) => [mo('(', { stretchy: 'false' }), ...inner, mo(')', { stretchy: 'false' }), el('mn', { class: 'square' }, '²')];

/** dA/dB as a fraction (∂A/∂B with `mark` ∂). */
export const d = (top, bottom, mark = 'd') => frac(row(mi(mark, { mathvariant: 'normal' }), top), row(mi(mark, { mathvariant: 'normal' }), bottom));

/** ŷ */
export const yHat = () => el('mover', { accent: 'true' }, mi('y'), mo('^'));

/**
 * A number as MathML; null or undefined (not computed yet) as a muted "?". With `wrap`, a negative number or a
 * power of ten is put in parentheses, as it must be after an operator.
 */
export function num(v, { wrap = false } = {}) {
  if (v === null || v === undefined) return el('mi', { class: 'unknown', mathvariant: 'normal' }, '?');
  const parts = numberParts(v);
  if (!parts) return el('mtext', {}, 'beyond the largest number');
  const { sign, mantissa, exponent } = parts;
  // The exponent with a minus sign (U+2212), not a hyphen: 10⁻⁷ reads as ten to the minus seven.
  const power = exponent === null ? null : sup(mn('10'), exponent < 0 ? row(mo('−', { form: 'prefix' }), mn(String(-exponent))) : mn(String(exponent)));
  let body = exponent === null ? mn(mantissa) : row(mn(mantissa), mo('×'), power);
  if (sign) body = row(mo('−', { form: 'prefix' }), body);
  return wrap && (sign || exponent !== null) ? paren(body) : body;
}

/** Marks a part of an equation as the quantity `name`, so the current phase's quantity can be highlighted. */
export function quantity(name, ...children) {
  return el('mrow', { 'data-quantity': name, class: 'quantity' }, ...children);
}

const isOp = (node, ...ops) => node.localName === 'mo' && ops.includes(node.textContent);
/** True for a top-level child after which an equation may wrap: before a later "=" or "≈", after a ",". */
const breaksBefore = (node) => isOp(node, '=', '≈', '←');
const breaksAfter = (node) => isOp(node, ',');

/**
 * An equation with an accessible label, as a line of pieces that wrap like words: it is cut before each "=" after
 * the first, after each ",", and, once past the first "=", before a "−" or "+" outside parentheses, so
 * "ŷ = x·w = 1.5·0.8 = 1.2" wraps as "ŷ = x·w" / "= 1.5·0.8" / "= 1.2" where the line is short, and
 * "= 0.37603625 − 0.1·0.192163125" as "= 0.37603625" / "− 0.1·0.192163125" where even that is too long. Each piece
 * is its own <math>; the line is read as one, by its label. A piece that must never wrap is passed as one row().
 */
export function math(label, ...children) {
  const nodes = children.flat().filter((c) => c !== null && c !== undefined);
  const pieces = [[]];
  let relations = 0;
  let depth = 0;
  for (const node of nodes) {
    const cut = breaksBefore(node) ? relations++ > 0 : relations > 1 && depth === 0 && isOp(node, '−', '+');
    if (cut && pieces.at(-1).length) pieces.push([]);
    // A "−" that starts a piece is still the subtraction, spaced as one after it (not a minus sign on the number that
    // follows); the gap between pieces is the space before it.
    if (cut && !breaksBefore(node)) {
      node.setAttribute('form', 'infix');
      node.setAttribute('lspace', '0');
    }
    pieces.at(-1).push(node);
    if (isOp(node, '(')) depth++;
    if (isOp(node, ')')) depth--;
    if (breaksAfter(node)) pieces.push([]);
  }
  const line = document.createElement('span');
  line.className = 'math-line';
  line.setAttribute('role', 'math');
  line.setAttribute('aria-label', label);
  for (const piece of pieces.filter((p) => p.length)) {
    line.append(el('math', { 'aria-hidden': 'true' }, row(...piece)));
  }
  return line;
}
