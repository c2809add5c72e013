// What the nodes of a traced computation graph are called, in words: the figure draws an operation by its symbol
// (×, +, −, (·)²), but sentences and screen readers name it ("the product w1[1,1]·x1", "the difference ŷ − y") and
// write the local derivative of each edge as the chain rule has it (∂(w·x)/∂w = x). Works on the plain trace
// { nodes: [{id, label, op, value, grad}], edges: [{from, to, local}] }.
import { formatNumber } from '../format.js';

/** The symbol an operation node shows on the figure. */
const SYMBOL = { mul: '×', add: '+', neg: '−', powi: '(·)²', powf: 'pow', exp: 'exp', ln: 'ln', tanh: 'tanh', sigmoid: 'σ', relu: 'ReLU' };
/** What an operation is called in a sentence. */
const OPERATION = { mul: 'product', add: 'sum', neg: 'negation', powi: 'power', powf: 'power', exp: 'exponential', ln: 'logarithm', tanh: 'tanh activation', sigmoid: 'sigmoid activation', relu: 'ReLU activation', const: 'constant', input: 'input' };
/** What a named node is, from the first letters of its name. */
const KIND = [
  [/^w\d/, 'weight'],
  [/^b\d/, 'bias'],
  [/^z\d/, 'weighted sum'],
  [/^a\d/, 'activation'],
  [/^ŷ/, 'output'],
  [/^y/, 'target'],
  [/^J$/, 'loss'],
  [/^x|sin|\*/, 'input'],
];
const short = (v) => formatNumber(v, 3);

/** The operands of every node, in the order the forward pass gave them. */
function operands(trace) {
  const ins = new Map(trace.nodes.map((n) => [n.id, []]));
  for (const e of trace.edges) ins.get(e.to).push(e.from);
  return ins;
}

/** True for a node the forward pass named (w1[1,1], z1[2], ŷ, J) rather than an anonymous operation or constant. */
export const isNamed = (node) => node.label !== node.op && node.label !== 'const';

/** The text a node shows on the figure: its name, an operation's symbol, or "constant" (its value is under it). */
export function nodeSymbol(node) {
  if (node.label === 'const') return 'constant';
  return isNamed(node) ? node.label : SYMBOL[node.op] ?? node.op;
}

/**
 * Names for every node of `trace`: `expr` (what it computes, in its operands' names: "w1[1,1]·x1", "ŷ − y"),
 * `wrapped` (the same in brackets unless it is one name or number, for ∂J/∂(…)) and `name` (in words: "the product
 * w1[1,1]·x1", "the weight w1[1,1]").
 * @returns {Map<number, { expr: string, wrapped: string, name: string }>}
 */
export function nodeNames(trace) {
  const ins = operands(trace);
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const names = new Map();
  const atomic = (id) => names.get(id).atom;
  const tight = (id) => (atomic(id) ? names.get(id).expr : `(${names.get(id).expr})`);
  for (const n of [...trace.nodes].sort((a, b) => a.id - b.id)) {
    const args = ins.get(n.id);
    let op = OPERATION[n.op] ?? n.op;
    let expr;
    if (isNamed(n) || args.length === 0) {
      const kind = isNamed(n) ? KIND.find(([re]) => re.test(n.label))?.[1] ?? 'value' : 'constant';
      expr = isNamed(n) ? n.label : short(n.value);
      names.set(n.id, { expr, wrapped: expr, name: `the ${kind} ${expr}`, atom: true });
      continue;
    }
    const [a, b] = args;
    const negated = n.op === 'add' && b !== undefined && byId.get(b).op === 'neg' && !isNamed(byId.get(b));
    if (n.op === 'mul') expr = args.map((id) => (byId.get(id).op === 'mul' && !isNamed(byId.get(id)) ? names.get(id).expr : tight(id))).join('·');
    else if (negated) {
      op = 'difference';
      expr = `${names.get(a).expr} − ${tight(ins.get(b)[0])}`;
    } else if (n.op === 'add') expr = args.map((id) => names.get(id).expr).join(' + ');
    else if (n.op === 'neg') expr = `−${tight(a)}`;
    else if (n.op === 'powi') {
      // The exponent, from the local derivative k·aᵏ⁻¹ and the value aᵏ: k = local·a / aᵏ (2 for a square).
      const local = trace.edges.find((e) => e.to === n.id)?.local ?? 0;
      const base = byId.get(a).value;
      const power = base !== 0 && n.value !== 0 ? Math.round((local * base) / n.value) : 2;
      if (power === 2) op = 'square';
      expr = `${tight(a)}${power === 2 ? '²' : `^${power}`}`;
    } else expr = `${SYMBOL[n.op] ?? n.op}(${names.get(a).expr})`;
    const atom = n.op === 'powi' || n.op === 'neg' || args.length === 1;
    names.set(n.id, { expr, wrapped: `(${expr})`, name: `the ${op} ${expr}`, atom });
  }
  return names;
}

/**
 * The local derivative of `edge` written in its operands' names where the operation has a short rule
 * (∂(a·b)/∂a = b, ∂(a + b)/∂a = 1, ∂(−a)/∂a = −1, ∂a²/∂a = 2a, ∂tanh(z)/∂z = 1 − tanh²(z)), else null.
 */
export function localRule(trace, edge, names) {
  const to = trace.nodes.find((n) => n.id === edge.to);
  const args = trace.edges.filter((e) => e.to === edge.to).map((e) => e.from);
  const self = names.get(to.id);
  switch (to.op) {
    case 'mul':
      return args.length === 2 && args[0] !== args[1] ? names.get(args[0] === edge.from ? args[1] : args[0]).wrapped : null;
    case 'add':
      return '1';
    case 'neg':
      return '(−1)';
    case 'powi':
      return self.name.startsWith('the square') ? `2·${names.get(edge.from).wrapped}` : null;
    case 'tanh':
      return `1 − ${self.wrapped}²`;
    case 'sigmoid':
      return `${self.wrapped}·(1 − ${self.wrapped})`;
    default:
      return null;
  }
}
