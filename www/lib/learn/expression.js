// A reader's expression, as typed: tokens, a tree, a value. Written here rather than taken from a library because
// what it must accept is small and ours (the article's symbols: ŷ, δ, η, σ, the minus sign, "·", implicit products
// such as 2(ŷ − y)x, superscript powers) and what it must never do is strict: no eval or Function, no throw that
// escapes (every refusal is a value), no hang, no stack overflow on hostile text (length and depth are bounded).
//
// Grammar (loosest first):
//   sum     = product (("+" | "−") product)*
//   product = unary (("·" | "/") unary | unary)*        the second form is an implicit product: 2x, 2(ŷ − y)x
//   unary   = ("−" | "+") unary | power
//   power   = postfix ("^" unary)?                        right-associative; −x² is −(x²)
//   postfix = primary superscript*                       x², (ŷ − y)²
//   primary = number | name | function primary | "(" sum ")"   tanh(z)² is (tanh z)²

/** Longest expression read at all, in characters. */
export const MAX_LENGTH = 400;
/** Deepest nesting of parentheses, functions and signs read. */
export const MAX_DEPTH = 48;

/** Names a reader may type for each quantity, canonical name first. */
const QUANTITY_NAMES = Object.freeze({
  x: ['x'],
  y: ['y'],
  w: ['w'],
  ŷ: ['ŷ', 'yhat', 'y_hat'],
  J: ['J'],
  z: ['z'],
  a: ['a'],
  b: ['b'],
  δ: ['δ', 'delta'],
  η: ['η', 'lr', 'eta'],
});

/** The functions, with the names they may be typed as. */
const FUNCTIONS = Object.freeze({
  σ: { names: ['σ', 'sigma', 'sigmoid'], apply: (v) => 1 / (1 + Math.exp(-v)) },
  tanh: { names: ['tanh'], apply: Math.tanh },
  exp: { names: ['exp'], apply: Math.exp },
  ln: { names: ['ln', 'log'], apply: Math.log },
});

const MINUS = new Set(['-', '−', '–']);
const TIMES = new Set(['*', '·', '×', '⋅', '∙']);
const DIVIDE = new Set(['/', '÷', '∕']);
const SUPERSCRIPT = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
const OPEN = { '(': ')', '[': ']' };

/** A refusal: what is wrong, and where (0-based position in the text, or null). */
class Refusal {
  constructor(kind, message, position = null, name = null) {
    Object.assign(this, { kind, message, position, name });
  }
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/**
 * The names a quantity may be typed as: its own aliases, or for a subscripted one (w₂, δ₁) its base's aliases with
 * the subscript written as a subscript or as plain digits (w₂, w2; δ₁, delta1, δ1).
 */
function aliasesOf(q) {
  if (Object.hasOwn(QUANTITY_NAMES, q)) return QUANTITY_NAMES[q];
  const m = /^(.+?)([₀-₉]+)$/u.exec(q);
  if (!m || !Object.hasOwn(QUANTITY_NAMES, m[1])) return [q];
  const digits = [...m[2]].map((c) => String(SUBSCRIPTS.indexOf(c))).join('');
  return QUANTITY_NAMES[m[1]].flatMap((base) => [`${base}${m[2]}`, `${base}${digits}`]);
}

/**
 * How a keyboard without the symbol types quantity `q`: its first plain-ASCII name (ŷ → yhat, η → lr, δ₂ → delta2,
 * a₁ → a1), or `q` itself when that is plain ASCII already or there is none.
 */
export function typedAs(q) {
  return aliasesOf(q).find((alias) => /^[\x20-\x7e]+$/.test(alias)) ?? q;
}

/** True for a quantity the checker knows: one of QUANTITY_NAMES, or one of them with a subscript (w₂, δ₁). */
export function isQuantity(name) {
  const m = /^(.+?)[₀-₉]*$/u.exec(name);
  return Boolean(m && Object.hasOwn(QUANTITY_NAMES, m[1]));
}

/** Every name a word may be split into (quantity or function), longest first, mapped to its canonical name. */
function nameTable(quantities) {
  const table = [];
  for (const q of quantities) for (const alias of aliasesOf(q)) table.push([alias.normalize('NFC'), { quantity: q }]);
  for (const [fn, { names }] of Object.entries(FUNCTIONS)) for (const alias of names) table.push([alias, { fn }]);
  return table.sort((p, q) => q[0].length - p[0].length);
}

/** Splits a word into known names, longest match first; null where a part matches none. */
function splitWord(word, table) {
  const parts = [];
  let at = 0;
  while (at < word.length) {
    const hit = table.find(([alias]) => word.startsWith(alias, at));
    if (!hit) return null;
    parts.push({ ...hit[1], text: hit[0], offset: at });
    at += hit[0].length;
  }
  return parts;
}

/** The tokens of `text`: {type: 'num'|'name'|'fn'|'op'|'open'|'close'|'sup', value, pos}. */
function tokenize(text, table) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/u.test(c)) {
      i += 1;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?/iy;
    number.lastIndex = 0;
    const m = number.exec(text.slice(i, i + 64));
    if (m && /[\d.]/.test(c)) {
      const value = Number(m[0]);
      if (!Number.isFinite(value)) throw new Refusal('syntax', `The number at position ${i + 1} is too large.`, i);
      tokens.push({ type: 'num', value, pos: i, text: m[0] });
      i += m[0].length;
      continue;
    }
    const word = /^[\p{L}_][\p{L}\p{M}_\d₀-₉]*/uy;
    const w = word.exec(text.slice(i, i + 64));
    if (w) {
      const parts = splitWord(w[0].normalize('NFC'), table);
      if (!parts) throw new Refusal('unknownName', `“${w[0]}” at position ${i + 1} is not a name on this screen.`, i, w[0]);
      for (const p of parts) tokens.push(p.fn ? { type: 'fn', value: p.fn, pos: i + p.offset } : { type: 'name', value: p.quantity, pos: i + p.offset });
      i += w[0].length;
      continue;
    }
    if (c in SUPERSCRIPT || c === '⁻') {
      let j = i;
      let sign = 1;
      if (text[j] === '⁻') (sign = -1), (j += 1);
      let digits = '';
      while (j < text.length && text[j] in SUPERSCRIPT) digits += SUPERSCRIPT[text[j++]];
      if (!digits) throw new Refusal('syntax', `A “⁻” at position ${i + 1} needs a superscript digit after it.`, i);
      tokens.push({ type: 'sup', value: sign * Number(digits), pos: i });
      i = j;
      continue;
    }
    if (c === '+' || MINUS.has(c) || TIMES.has(c) || DIVIDE.has(c) || c === '^') {
      const op = MINUS.has(c) ? '−' : TIMES.has(c) ? '·' : DIVIDE.has(c) ? '/' : c;
      tokens.push({ type: 'op', value: op, pos: i });
      i += 1;
      continue;
    }
    if (c in OPEN) {
      tokens.push({ type: 'open', value: OPEN[c], pos: i });
      i += 1;
      continue;
    }
    if (c === ')' || c === ']') {
      tokens.push({ type: 'close', value: c, pos: i });
      i += 1;
      continue;
    }
    const shown = String.fromCodePoint(text.codePointAt(i));
    throw new Refusal('syntax', `“${shown}” at position ${i + 1} is not part of an expression.`, i);
  }
  return tokens;
}

/** Parses tokens into a tree of {type, …, pos}. */
function parseTokens(tokens, length) {
  let k = 0;
  let depth = 0;
  const peek = () => tokens[k];
  const where = () => (k < tokens.length ? tokens[k].pos : length);
  const describe = (t) => (t ? `“${t.text ?? t.value}” at position ${t.pos + 1}` : 'the end');
  const enter = () => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new Refusal('tooDeep', `The expression is nested more than ${MAX_DEPTH} deep.`, where());
  };
  const startsPrimary = (t) => t && (t.type === 'num' || t.type === 'name' || t.type === 'fn' || t.type === 'open');

  function sum() {
    let left = product();
    while (peek()?.type === 'op' && (peek().value === '+' || peek().value === '−')) {
      const t = tokens[k++];
      left = { type: t.value === '+' ? 'add' : 'sub', left, right: product(), pos: t.pos };
    }
    return left;
  }
  function product() {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.type === 'op' && (t.value === '·' || t.value === '/')) {
        k += 1;
        left = { type: t.value === '·' ? 'mul' : 'div', left, right: unary(), pos: t.pos };
      } else if (startsPrimary(t)) {
        left = { type: 'mul', left, right: unary(), pos: t.pos, implicit: true };
      } else return left;
    }
  }
  function unary() {
    const t = peek();
    if (t?.type === 'op' && (t.value === '−' || t.value === '+')) {
      k += 1;
      enter();
      const arg = unary();
      depth -= 1;
      return t.value === '−' ? { type: 'neg', arg, pos: t.pos } : arg;
    }
    return power();
  }
  function power() {
    const base = postfix();
    if (peek()?.type === 'op' && peek().value === '^') {
      const t = tokens[k++];
      enter();
      const exponent = unary();
      depth -= 1;
      return { type: 'pow', left: base, right: exponent, pos: t.pos };
    }
    return base;
  }
  function postfix() {
    let node = primary();
    while (peek()?.type === 'sup') {
      const t = tokens[k++];
      node = { type: 'pow', left: node, right: { type: 'num', value: t.value, pos: t.pos }, pos: t.pos };
    }
    return node;
  }
  function primary() {
    const t = peek();
    if (!t) throw new Refusal('syntax', 'The expression ends where a number, a name or “(” was expected.', length);
    if (t.type === 'num') return (k += 1), { type: 'num', value: t.value, pos: t.pos };
    if (t.type === 'name') return (k += 1), { type: 'var', name: t.value, pos: t.pos };
    if (t.type === 'fn') {
      k += 1;
      if (!startsPrimary(peek())) throw new Refusal('syntax', `${t.value} at position ${t.pos + 1} needs what it applies to, as in ${t.value}(z).`, where());
      enter();
      const arg = primary(); // tanh(z)² is (tanh z)², as written on paper
      depth -= 1;
      return { type: 'call', fn: t.value, arg, pos: t.pos };
    }
    if (t.type === 'open') {
      k += 1;
      enter();
      const inner = sum();
      depth -= 1;
      const close = peek();
      if (close?.type !== 'close') throw new Refusal('syntax', `The “(” at position ${t.pos + 1} is never closed: ${describe(close)} came first.`, where());
      k += 1;
      return inner;
    }
    throw new Refusal('syntax', `${describe(t)} cannot start a term.`, t.pos);
  }

  const tree = sum();
  if (k < tokens.length) {
    const t = tokens[k];
    const why = t.type === 'close' ? 'closes a parenthesis that was never opened' : 'does not continue the expression';
    throw new Refusal('syntax', `${describe(t)} ${why}.`, t.pos);
  }
  return tree;
}

/**
 * Parses `text` over the quantities named (canonical names, as QUANTITY_NAMES' keys). Returns { tree } or
 * { error: { kind, message, position, name } }; never throws.
 */
export function parseExpression(text, quantities) {
  try {
    if (typeof text !== 'string') return { error: new Refusal('syntax', 'The expression must be text.') };
    if (text.length > MAX_LENGTH) return { error: new Refusal('tooLong', `The expression is longer than ${MAX_LENGTH} characters.`, MAX_LENGTH) };
    if (text.trim() === '') return { error: new Refusal('syntax', 'Type an expression first.', 0) };
    const tokens = tokenize(text, nameTable(quantities));
    return { tree: parseTokens(tokens, text.length) };
  } catch (e) {
    if (e instanceof Refusal) return { error: e };
    return { error: new Refusal('syntax', 'The expression could not be read.') };
  }
}

/** The value of a tree with `values` for its quantities (a quantity with no value is NaN). */
export function evaluate(node, values) {
  switch (node.type) {
    case 'num':
      return node.value;
    case 'var':
      return Number(values[node.name]);
    case 'neg':
      return -evaluate(node.arg, values);
    case 'add':
      return evaluate(node.left, values) + evaluate(node.right, values);
    case 'sub':
      return evaluate(node.left, values) - evaluate(node.right, values);
    case 'mul':
      return evaluate(node.left, values) * evaluate(node.right, values);
    case 'div':
      return evaluate(node.left, values) / evaluate(node.right, values);
    case 'pow':
      return evaluate(node.left, values) ** evaluate(node.right, values);
    case 'call':
      return FUNCTIONS[node.fn].apply(evaluate(node.arg, values));
    default:
      return NaN;
  }
}

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2, neg: 3, pow: 4, call: 5, num: 6, var: 6 };

/** The tree written back in the article's notation: 2(ŷ − y)·x. */
export function show(node, outer = 0) {
  const p = PRECEDENCE[node.type];
  const wrap = (s) => (p < outer ? `(${s})` : s);
  switch (node.type) {
    case 'num':
      return node.value < 0 ? `−${-node.value}` : String(node.value);
    case 'var':
      return node.name;
    case 'neg':
      return wrap(`−${show(node.arg, 3)}`);
    case 'add':
      return wrap(`${show(node.left, 1)} + ${show(node.right, 2)}`);
    case 'sub':
      return wrap(`${show(node.left, 1)} − ${show(node.right, 2)}`);
    case 'mul': {
      const right = show(node.right, 3);
      const left = show(node.left, 2);
      const tight = node.left.type === 'num' && /^[(\p{L}]/u.test(right);
      return wrap(tight ? `${left}${right}` : `${left}·${right}`);
    }
    case 'div':
      return wrap(`${show(node.left, 2)}/${show(node.right, 3)}`);
    case 'pow': {
      const k = node.right.type === 'num' ? node.right.value : null;
      const power = Number.isInteger(k) && k >= 0 && k <= 9 ? '⁰¹²³⁴⁵⁶⁷⁸⁹'[k] : `^${show(node.right, 4)}`;
      return wrap(`${show(node.left, 5)}${power}`);
    }
    case 'call':
      return `${node.fn}(${show(node.arg)})`;
    default:
      return '?';
  }
}
