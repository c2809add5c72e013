// Draws a formula of the glossary's table (FORMULAS) as MathML, with each symbol linked to its glossary entry
// (data-term) and a label a screen reader speaks. The equations put their numbers after these nodes, so what a
// symbol means and how a formula is written have one home: the glossary.
//
// The notation is the screens': symbols (x, ŷ, w*, δ₁, pₖ, f′, tanh, …), derivatives dA/dB and ∂A/∂B, numbers,
// the operators = ≈ ← − + · / , ( ), a square ², and a power ^x or ^(…).
import { FORMULAS, SUBSCRIPTS, SUBSCRIPT_CLASS as SUB, entryOfSymbol } from './learn/glossary.js';
import { d, el, math, mi, mo, mn, row, yHat } from './mathml.js';

const NAME = `(?:tanh|relu|max|exp|ln|lr|[A-Za-zŷσδηΣ])′?\\*?[${SUB}]*`;
const TOKEN = new RegExp(`\\s*(?:([d∂])(${NAME})/\\1(${NAME})|(${NAME})|(\\d+(?:\\.\\d+)?)|(\\S))`, 'uy');

/** How a screen reader says a sign that is no entry's own symbol (an entry's `spoken` says its symbol). */
const SAY = { η: 'eta', Σ: 'the sum of', '′': ' prime', '*': ' star' };
const SAY_OP = { '=': '=', '≈': 'is about', '←': 'becomes', '−': 'minus', '+': 'plus', '·': 'times', '/': 'over', '²': 'squared', ',': ',', '(': '(', ')': ')' };
const RELATIONS = new Set(['=', '≈', '←']);
/** An operator drawn with no space either side: the / of y/x, the marks of w* and f′. */
const TIGHT = { lspace: '0', rspace: '0' };

/** Splits formula text into tokens: { derivative: [d, top, bottom] } | { name } | { number } | { op }. */
function tokens(text) {
  const out = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (m[1]) out.push({ derivative: [m[1], m[2], m[3]], text: `${m[1]}${m[2]}/${m[1]}${m[3]}` });
    else if (m[4]) out.push({ name: m[4] });
    else if (m[5]) out.push({ number: m[5] });
    else if (m[6]) out.push({ op: m[6] });
  }
  return out;
}

/** Marks `node` (a MathML, SVG or HTML element) as showing the glossary entry of `symbol`, if there is one. */
export function linked(node, symbol) {
  const entry = entryOfSymbol(symbol);
  if (entry) {
    node.setAttribute('data-term', entry.id);
    node.classList.add('term-symbol');
  }
  return node;
}

/** One symbol as MathML and as speech: ŷ with its hat, w* and f′ with their marks, δ₁ with its subscript. */
function symbol(name) {
  const [, base, prime, star, sub] = new RegExp(`^(.+?)(′?)(\\*?)([${SUB}]*)$`, 'u').exec(name);
  let node = base === 'ŷ' ? yHat() : base === 'Σ' ? mo('Σ') : mi(base);
  if (prime) node = row(node, mo('′', TIGHT));
  if (star) node = row(node, mo('*', TIGHT));
  const plain = [...sub].map((c) => SUBSCRIPTS[c]).join('');
  if (plain) node = el('msub', {}, node, /\d/.test(plain) ? mn(plain) : mi(plain));
  // said from its base, then its marks: σ′ is "sigma prime", w* "w star"
  const spoken = (entryOfSymbol(base)?.spoken ?? SAY[base] ?? base) + (prime ? SAY['′'] : '') + (star ? SAY['*'] : '') + (plain ? ` ${plain}` : '');
  return { node: linked(node, name), spoken };
}

/** dA/dB (or ∂A/∂B) as a fraction whose parts are linked symbols; the whole linked when it is a glossary symbol. */
function derivative([mark, top, bottom], text) {
  const [a, b] = [symbol(top), symbol(bottom)];
  const say = (s) => (s.includes(' ') ? ` ${s}` : s);
  return { node: linked(d(a.node, b.node, mark), text), spoken: `d${say(a.spoken)}/d${say(b.spoken)}` };
}

/** Reads tokens from `at` until a ")" that closes the group (or the end): { nodes, words, next }. */
function sequence(list, at, closing) {
  const nodes = [];
  const words = [];
  let i = at;
  while (i < list.length) {
    const token = list[i++];
    if (token.op === ')' && closing) return { nodes, words, next: i };
    if (token.op === '^') {
      // A power: the last node raised to the next token, or to a parenthesised group drawn without its parentheses.
      const base = nodes.pop();
      const group = list[i]?.op === '(' ? sequence(list, i + 1, true) : sequence(list.slice(i, i + 1), 0, false);
      i = list[i]?.op === '(' ? group.next : i + 1;
      nodes.push(el('msup', {}, base, row(...group.nodes)));
      words.push('to the', ...group.words);
    } else if (token.derivative) {
      const { node, spoken } = derivative(token.derivative, token.text);
      nodes.push(node);
      words.push(spoken);
    } else if (token.name) {
      const { node, spoken } = symbol(token.name);
      nodes.push(node);
      words.push(spoken);
    } else if (token.number) {
      nodes.push(mn(token.number));
      words.push(token.number);
    } else if (token.op === '²') {
      nodes.push(el('mn', { class: 'square' }, '²'));
      words.push(SAY_OP['²']);
    } else {
      // Parentheses keep their size (see mathml.js's paren); ← is the update's symbol.
      const node = mo(token.op, token.op === '(' || token.op === ')' ? { stretchy: 'false' } : token.op === '/' ? TIGHT : {});
      nodes.push(token.op === '←' ? linked(node, '←') : node);
      words.push(SAY_OP[token.op] ?? token.op);
    }
  }
  return { nodes, words, next: i };
}

const speech = (words) => words.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ,/g, ',');

/**
 * The formula FORMULAS[name] as MathML nodes to spread into mathml.js's math(), with its spoken label.
 * `side`: "left" draws the symbol it defines and its relation ("w ←"), "right" what follows the first relation.
 * `lhs`: marks the defined side as that quantity (mathml.js's quantity), so the figure can light it.
 */
export function formula(name, { side = 'whole', lhs = null } = {}) {
  const list = tokens(FORMULAS[name]);
  const split = list.findIndex((t) => RELATIONS.has(t.op));
  const chosen = side === 'left' ? list.slice(0, split + 1) : side === 'right' ? list.slice(split + 1) : list;
  const { nodes, words } = sequence(chosen, 0, false);
  if (lhs && side !== 'right') {
    const defined = nodes.splice(0, split);
    nodes.unshift(el('mrow', { 'data-quantity': lhs, class: 'quantity' }, ...defined));
  }
  return { nodes, spoken: speech(words) };
}

/** The formula FORMULAS[name] as one equation line (mathml.js's math()), read by its spoken label. */
export function formulaLine(name, options) {
  const f = formula(name, options);
  return math(f.spoken, f.nodes);
}
