// A traced computation graph as an SVG DAG, laid out for the width of its box (./graph-layout.js): every node a
// card with its name (an operation by its symbol), its value and, once the backward pass has reached it, its
// gradient ∂J/∂node; every edge labelled with its local derivative ∂to/∂from. Takes the plain trace
// { nodes: [{id, label, op, value, grad}], edges: [{from, to, local}], loss } (ids in the order the forward pass
// made them, so reversing them is a reverse topological order) and never holds the network.
import { formatNumber } from '../format.js';
import { clear, set, svg } from '../svg.js';
import { BASELINE, TYPE, layoutGraph } from './graph-layout.js';
import { isNamed, nodeNames, nodeSymbol } from './graph-names.js';

const short = (v) => formatNumber(v, 3);
/** The labels of parameters: w{l}[i,j] and b{l}[i]. */
const PARAMETER = /^(w\d+\[\d+,\d+\]|b\d+\[\d+\])$/;

/** The backward order: J first, then every node in reverse topological order. */
export function backwardOrder(trace) {
  return [...trace.nodes].sort((a, b) => b.id - a.id).map((n) => n.id);
}

/** A text measurer in the figure's own font (canvas measureText), with an estimate where there is no canvas. */
function measurer(container) {
  const context = document.createElement('canvas').getContext?.('2d');
  const family = getComputedStyle(container).fontFamily || 'system-ui, sans-serif';
  return (text, size, weight = 400) => {
    if (!context) return text.length * size * 0.62;
    context.font = `${weight} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

/**
 * `onSelect(node)`, when given, is called when a reader picks a weight or bias node (click, or Enter on it);
 * `margins()` gives the px at the top and bottom of the window that sticky controls cover (for follow()).
 * @returns {{ draw(trace): void, reveal(done: number): void, select(label: ?string): void, layout: ?object }}
 * draw() lays out a new trace; reveal(k) shows the gradients of the first k nodes of the backward order, the k-th as
 * the current one with its out-edges lit.
 */
export function createGraphFigure(container, { onSelect, margins = () => ({ top: 0, bottom: 0 }) } = {}) {
  // A group, not an image: its weight and bias nodes can be picked (focused, clicked) for their gradient check.
  const root = svg('svg', { class: 'graph', role: 'group', part: 'graph' });
  const title = svg('title', {}, 'The computation graph');
  const defs = svg('defs', {}, svg('marker', { id: 'bp-graph-head', viewBox: '0 0 8 8', refX: 8, refY: 4, markerUnits: 'userSpaceOnUse', markerWidth: 8, markerHeight: 8, orient: 'auto' }, svg('path', { d: 'M0 0L8 4L0 8z', class: 'arrow-head' })));
  const edgeLayer = svg('g', { class: 'edges' });
  const labelLayer = svg('g', { class: 'locals' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(title, defs, edgeLayer, nodeLayer, labelLayer);
  container.append(root);
  let trace = null;
  let state = null;
  let done = 0;
  let selected = null;
  let drawnWidth = 0;
  const measure = measurer(container);

  /** The width to lay out for: the box's content width (a figure not laid out yet gets the 2–2–1 graph's desktop width). */
  const boxWidth = () => Math.floor(container.clientWidth) || 1000;

  function draw(next) {
    trace = next;
    done = 0;
    render();
  }

  function render() {
    if (!trace) return;
    const names = nodeNames(trace);
    const width = boxWidth();
    drawnWidth = width;
    const layout = layoutGraph(trace, {
      width,
      measure,
      labelText: (e) => short(e.local),
      lines: (n) => [[nodeSymbol(n), TYPE.name, 600], [short(n.value), TYPE.value, 400], [`∂ ${short(n.grad)}`, TYPE.value, 600]],
    });
    set(root, { viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: Math.ceil(layout.height) });
    root.classList.toggle('vertical', !layout.horizontal);
    clear(edgeLayer);
    clear(labelLayer);
    clear(nodeLayer);
    const nodeEls = new Map();
    const edgeEls = [];
    for (const { edge: e, d, label } of layout.edges) {
      const g = svg('g', { class: 'graph-edge', 'data-from': e.from, 'data-to': e.to, 'data-local': String(e.local) }, svg('path', { d, 'marker-end': 'url(#bp-graph-head)' }));
      const text = svg('text', { x: label.x.toFixed(1), y: (label.y + TYPE.local * 0.36).toFixed(1), 'text-anchor': 'middle', class: 'local', 'data-from': e.from, 'data-to': e.to }, short(e.local));
      edgeLayer.append(g);
      labelLayer.append(text);
      edgeEls.push([e, g, text]);
    }
    for (const n of trace.nodes) {
      const c = layout.cards.get(n.id);
      const top = c.y - c.h / 2;
      const kind = isNamed(n) ? 'named' : 'op';
      const g = svg('g', { class: `graph-node ${kind}${n.label === 'J' ? ' loss' : ''}`, 'data-id': n.id, 'data-label': n.label, 'data-value': String(n.value), 'data-grad': String(n.grad) });
      const gradText = svg('text', { x: c.x, y: top + BASELINE.grad, 'text-anchor': 'middle', class: 'grad' }, '');
      const name = names.get(n.id).name;
      g.append(
        svg('title', {}, `${name[0].toUpperCase()}${name.slice(1)}: value ${formatNumber(n.value)}, ∂J/∂${names.get(n.id).wrapped} = ${formatNumber(n.grad)}`),
        svg('rect', { x: c.x - c.w / 2, y: top, width: c.w, height: c.h, rx: kind === 'op' ? 14 : 7 }),
        svg('text', { x: c.x, y: top + BASELINE.name, 'text-anchor': 'middle', class: 'name' }, nodeSymbol(n)),
        svg('text', { x: c.x, y: top + BASELINE.value, 'text-anchor': 'middle', class: 'value' }, short(n.value)),
        gradText,
      );
      if (onSelect && PARAMETER.test(n.label)) {
        // A weight or a bias can be picked (mouse or keyboard) for its gradient check.
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button'); // named by its <title>: the parameter, its value and gradient
        g.classList.add('pickable');
        g.addEventListener('click', () => onSelect(n));
        g.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(n)));
      }
      nodeLayer.append(g);
      nodeEls.set(n.id, { g, gradText, node: n });
    }
    state = { order: backwardOrder(trace), nodeEls, edgeEls, layout };
    title.textContent = `The computation graph of one training point: ${trace.nodes.length} nodes, ${trace.edges.length} edges; J = ${formatNumber(trace.nodes.find((n) => n.id === trace.loss)?.value)}`;
    show(false);
  }

  function reveal(k) {
    done = k;
    show(true);
  }

  /** Applies `done` and `selected` to the drawing; `follow`: keep the current node in sight. */
  function show(follow) {
    if (!state) return;
    const shown = new Set(state.order.slice(0, done));
    const current = done > 0 ? state.order[done - 1] : null;
    // The nodes whose gradients make the current one's light up too.
    const sources = new Set(state.edgeEls.filter(([e]) => e.from === current).map(([e]) => e.to));
    for (const [id, { g, gradText, node }] of state.nodeEls) {
      gradText.textContent = shown.has(id) ? `∂ ${short(node.grad)}` : '';
      g.classList.toggle('done', shown.has(id));
      g.classList.toggle('current', id === current);
      g.classList.toggle('source', sources.has(id));
      g.classList.toggle('selected', node.label === selected);
    }
    for (const [e, g, text] of state.edgeEls) {
      g.classList.toggle('current', e.from === current);
      text.classList.toggle('current', e.from === current);
    }
    if (follow && current !== null) keepInView(current);
  }

  /** Scrolls the window (where the graph runs top to bottom and is taller than it) to keep node `id` in sight. */
  function keepInView(id) {
    if (state.layout.horizontal) return;
    const box = state.nodeEls.get(id).g.getBoundingClientRect();
    const { top, bottom } = margins();
    const low = window.innerHeight - bottom;
    const by = box.top < top ? box.top - top - 8 : box.bottom > low ? box.bottom - low + 8 : 0;
    if (by === 0) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: by, behavior: smooth ? 'smooth' : 'auto' });
  }

  /** Marks the node labelled `label` as the selected parameter (null: none). */
  function select(label) {
    selected = label;
    show(false);
  }

  // Laid out again when the box's width changes (a turned phone, a resized window).
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => {
      if (trace && boxWidth() !== drawnWidth) render();
    }).observe(container);
  }

  return {
    draw,
    reveal,
    select,
    get layout() {
      return state?.layout ?? null;
    },
  };
}
