// A traced computation graph as an SVG DAG, laid out left to right: every node with its value and, once the backward
// pass has reached it, its gradient ∂J/∂node; every edge labelled with its local derivative ∂to/∂from. Takes the plain
// trace { nodes: [{id, label, op, value, grad}], edges: [{from, to, local}], loss } (ids in the order the forward pass
// made them, so reversing them is a reverse topological order) and never holds the network.
import { formatNumber } from '../format.js';
import { clear, set, svg } from '../svg.js';

const COLUMN = 92;
const ROW = 66;
const PAD = { x: 52, y: 40 };
const SYMBOL = { mul: '×', add: '+', neg: '−', powi: '²', powf: 'pow', exp: 'exp', ln: 'ln' };
const short = (v) => formatNumber(v, 3);
/** The labels of parameters: w{l}[i,j] and b{l}[i]. */
const PARAMETER = /^(w\d+\[\d+,\d+\]|b\d+\[\d+\])$/;

/** What a node is called on the figure: its name ("w1[1,2]", "ŷ", "J") or its operation's symbol. */
export function nodeName(node) {
  if (node.label === 'const') return short(node.value);
  return node.label === node.op ? SYMBOL[node.op] ?? node.op : node.label;
}

/**
 * Columns for a left-to-right drawing: each result one column right of its furthest computed operand; then a node
 * made from leaves only (a leaf is a parameter, an input or a constant) slides right to just before its nearest
 * consumer, and every leaf sits one column left of its first consumer, so y and ½ appear where the loss uses them.
 * Rows are ordered by the mean row of each node's neighbours (a few sweeps), so edges cross less.
 */
function layoutGraph({ nodes, edges }) {
  const ins = new Map(nodes.map((n) => [n.id, []]));
  const outs = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    ins.get(e.to).push(e.from);
    outs.get(e.from).push(e.to);
  }
  const order = [...nodes].sort((a, b) => a.id - b.id); // ids are a topological order
  const leaf = (id) => ins.get(id).length === 0;
  const depth = new Map(order.map((n) => [n.id, 0]));
  for (const n of order) for (const f of ins.get(n.id)) depth.set(n.id, Math.max(depth.get(n.id), depth.get(f) + 1));
  const beforeConsumer = (id) => Math.min(...outs.get(id).map((t) => depth.get(t))) - 1;
  for (const n of [...order].reverse()) {
    if (!leaf(n.id) && outs.get(n.id).length && ins.get(n.id).every(leaf)) depth.set(n.id, beforeConsumer(n.id));
  }
  for (const n of order) if (leaf(n.id) && outs.get(n.id).length) depth.set(n.id, beforeConsumer(n.id));
  const columns = [];
  for (const n of order) (columns[depth.get(n.id)] ??= []).push(n.id);
  const row = new Map();
  const place = () => columns.forEach((c) => c?.forEach((id, i) => row.set(id, i - (c.length - 1) / 2)));
  place();
  const mean = (ids) => (ids.length ? ids.reduce((s, id) => s + row.get(id), 0) / ids.length : null);
  for (const neighbours of [outs, ins, outs]) {
    for (const c of columns) c?.sort((a, b) => (mean(neighbours.get(a)) ?? row.get(a)) - (mean(neighbours.get(b)) ?? row.get(b)));
    place();
  }
  const tallest = Math.max(...columns.map((c) => c?.length ?? 0));
  const width = PAD.x * 2 + COLUMN * (columns.length - 1);
  const height = PAD.y * 2 + ROW * (tallest - 1) + 20;
  const pos = new Map(nodes.map((n) => [n.id, { x: PAD.x + COLUMN * depth.get(n.id), y: height / 2 - 10 + ROW * row.get(n.id) }]));
  return { pos, width, height, outs };
}

/** A point of the cubic Bézier from a to b drawn for an edge, at t in [0, 1]. */
function edgePoint(a, b, t) {
  const x1 = a.x + 24;
  const x2 = b.x - 24;
  const u = 1 - t;
  // B(t) = u³P0 + 3u²tP1 + 3ut²P2 + t³P3, with P1 = (x1 + 30, a.y), P2 = (x2 − 30, b.y)
  const x = u * u * u * x1 + 3 * u * u * t * (x1 + 30) + 3 * u * t * t * (x2 - 30) + t * t * t * x2;
  const y = u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y;
  return { x, y };
}

/**
 * Where each edge's label goes: the first of a few points along its curve (the middle first) whose box overlaps no
 * label placed before it and no node. Boxes are estimated from the text length at the labels' 10.5 px size.
 */
function placeEdgeLabels(edges, pos, text) {
  const boxes = [];
  for (const p of pos.values()) boxes.push({ x0: p.x - 25, x1: p.x + 25, y0: p.y - 15, y1: p.y + 40 });
  const overlap = (b) => boxes.reduce((sum, o) => sum + Math.max(0, Math.min(b.x1, o.x1) - Math.max(b.x0, o.x0)) * Math.max(0, Math.min(b.y1, o.y1) - Math.max(b.y0, o.y0)), 0);
  return edges.map((e) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    const half = (text(e).length * 6.6) / 2 + 2;
    // Above the curve at a few points along it, then below it: the first free place wins, else the least covered.
    let choice = null;
    search: for (const dy of [-3, 12, -15]) {
      for (const t of [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8]) {
        const p = edgePoint(a, b, t);
        const box = { x0: p.x - half, x1: p.x + half, y0: p.y + dy - 11, y1: p.y + dy + 2 };
        const covered = overlap(box);
        if (!choice || covered < choice.covered) choice = { x: p.x, y: p.y + dy, box, covered };
        if (covered === 0) break search;
      }
    }
    boxes.push(choice.box);
    return { x: choice.x, y: choice.y };
  });
}

/** The backward order: J first, then every node in reverse topological order. */
export function backwardOrder(trace) {
  return [...trace.nodes].sort((a, b) => b.id - a.id).map((n) => n.id);
}

/**
 * `onSelect(node)`, when given, is called when a reader picks a weight or bias node (click, or Enter on it).
 * @returns {{ draw(trace): void, reveal(done: number): void, select(label: ?string): void }} draw() lays out a new trace; reveal(k) shows the
 * gradients of the first k nodes of the backward order, the k-th as the current one with its out-edges lit.
 */
export function createGraphFigure(container, { onSelect } = {}) {
  // A group, not an image: its weight and bias nodes can be picked (focused, clicked) for their gradient check.
  const root = svg('svg', { class: 'graph', role: 'group', part: 'graph' });
  const title = svg('title', {}, 'The computation graph');
  const defs = svg('defs', {}, svg('marker', { id: 'bp-graph-head', viewBox: '0 0 8 8', refX: 8, refY: 4, markerUnits: 'userSpaceOnUse', markerWidth: 8, markerHeight: 8, orient: 'auto' }, svg('path', { d: 'M0 0L8 4L0 8z', class: 'arrow-head' })));
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(title, defs, edgeLayer, nodeLayer);
  container.append(root);
  let state = null;

  function draw(trace) {
    const { pos, width, height } = layoutGraph(trace);
    set(root, { viewBox: `0 0 ${width} ${height}` });
    clear(edgeLayer);
    clear(nodeLayer);
    const nodeEls = new Map();
    const edgeEls = [];
    const labels = placeEdgeLabels(trace.edges, pos, (e) => short(e.local));
    for (const [k, e] of trace.edges.entries()) {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      const g = svg('g', { class: 'graph-edge', 'data-from': e.from, 'data-to': e.to, 'data-local': String(e.local) });
      const x1 = a.x + 24;
      const x2 = b.x - 24;
      g.append(
        svg('path', { d: `M${x1} ${a.y}C${x1 + 30} ${a.y} ${x2 - 30} ${b.y} ${x2} ${b.y}`, 'marker-end': 'url(#bp-graph-head)' }),
        svg('text', { x: labels[k].x.toFixed(1), y: labels[k].y.toFixed(1), 'text-anchor': 'middle', class: 'local' }, short(e.local)),
      );
      edgeLayer.append(g);
      edgeEls.push([e, g]);
    }
    for (const n of trace.nodes) {
      const { x, y } = pos.get(n.id);
      const named = n.label !== n.op && n.label !== 'const';
      const g = svg('g', { class: `graph-node ${named ? 'named' : 'op'} ${n.label === 'J' ? 'loss' : ''}`, 'data-id': n.id, 'data-label': n.label, 'data-value': String(n.value), 'data-grad': String(n.grad) });
      const shape = named ? svg('rect', { x: x - 24, y: y - 14, width: 48, height: 28, rx: 7 }) : svg('circle', { cx: x, cy: y, r: 14 });
      const gradText = svg('text', { x, y: y + 37, 'text-anchor': 'middle', class: 'grad' }, '');
      g.append(
        svg('title', {}, `${n.label}: value ${formatNumber(n.value)}, ∂J/∂${n.label} ${formatNumber(n.grad)}`),
        shape,
        svg('text', { x, y: y + 4.5, 'text-anchor': 'middle', class: 'name' }, nodeName(n)),
        svg('text', { x, y: y + 25, 'text-anchor': 'middle', class: 'value' }, short(n.value)),
        gradText,
      );
      if (onSelect && PARAMETER.test(n.label)) {
        // A weight or a bias can be picked (mouse or keyboard) for its gradient check.
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button'); // named by its <title>: the parameter, its value and gradient
        g.classList.add('pickable');
        g.addEventListener('click', () => onSelect(n));
        g.addEventListener('keydown', (e) => e.key === 'Enter' && (e.preventDefault(), onSelect(n)));
      }
      nodeLayer.append(g);
      nodeEls.set(n.id, { g, gradText, node: n });
    }
    state = { trace, order: backwardOrder(trace), nodeEls, edgeEls, pos, width };
    title.textContent = `The computation graph of one training point: ${trace.nodes.length} nodes, ${trace.edges.length} edges; J = ${formatNumber(trace.nodes.find((n) => n.id === trace.loss)?.value)}`;
  }

  function reveal(done) {
    if (!state) return;
    const shown = new Set(state.order.slice(0, done));
    const current = done > 0 ? state.order[done - 1] : null;
    for (const [id, { g, gradText, node }] of state.nodeEls) {
      gradText.textContent = shown.has(id) ? `∂ ${short(node.grad)}` : '';
      g.classList.toggle('done', shown.has(id));
      g.classList.toggle('current', id === current);
    }
    for (const [e, g] of state.edgeEls) g.classList.toggle('current', e.from === current);
    // The nodes whose gradients make the current one's light up too.
    for (const [e] of state.edgeEls) if (e.from === current) state.nodeEls.get(e.to).g.classList.add('source');
    for (const [id, { g }] of state.nodeEls) if (!state.edgeEls.some(([e]) => e.from === current && e.to === id)) g.classList.remove('source');
    if (current !== null) follow(current);
  }

  /** Scrolls the view sideways (where the graph is wider than its box, as at 360 px) to keep `id` in sight. */
  function follow(id) {
    const view = container;
    if (view.scrollWidth <= view.clientWidth) return;
    const scale = root.getBoundingClientRect().width / state.width;
    const x = state.pos.get(id).x * scale;
    const left = Math.max(0, Math.min(view.scrollWidth - view.clientWidth, x - view.clientWidth / 2));
    if (Math.abs(left - view.scrollLeft) < 8) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    view.scrollTo({ left, behavior: smooth ? 'smooth' : 'auto' });
  }

  /** Marks the node labelled `label` as the selected parameter (null: none). */
  function select(label) {
    if (!state) return;
    for (const { g, node } of state.nodeEls.values()) g.classList.toggle('selected', node.label === label);
  }

  return { draw, reveal, select };
}
