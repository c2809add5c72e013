// Lays out a traced computation graph for the width it will be drawn at, at one SVG unit per CSS pixel, so its
// type renders at the size the styles give it. Forward runs left to right where the ranks fit across the width,
// else top to bottom with at most as many nodes per rank as fit across (a phone). Every node is a card: its name or
// operation, its value, and room for its gradient. Long edges pass through virtual points at the ranks they cross,
// so no edge runs through a card; each edge's label (its local derivative) goes on the first place along the edge
// whose box meets no card, no other label and no other edge.
//
// Sugiyama's layered drawing, in four steps: ranks (longest path from the inputs, leaves moved next to their first
// consumer; where a rank cannot hold them all, the forward pass scheduled into ranks of the width), order within
// ranks (barycentre sweeps, the order with the fewest crossings kept), positions across (each node pulled to the
// mean of its neighbours, cards kept apart: an isotonic regression), and the labels.

/** The type sizes (px) the figure's styles use for names, values and gradients, and edge labels. */
export const TYPE = { name: 13, value: 12, local: 12 };
const LINE = 15; // a card's line height
const CARD = { padX: 5, padY: 4, minWidth: 52 };
/** Where a card's three lines sit, from its top: name, value, gradient (their baselines). */
export const BASELINE = { name: CARD.padY + 13, value: CARD.padY + LINE + 14, grad: CARD.padY + 2 * LINE + 14 };
// Between cards of a rank; around an edge label; beside an edge passing a rank.
const GAP = { across: 14, label: 4, pass: 10 };
const LANE = { min: 22, max: 90, vertical: 30 }; // the gap between ranks: left to right (least, most), top to bottom
const PAD = 8;
const SAMPLES = 14; // points per segment of an edge's curve, for the collision tests

/**
 * A card's size for `lines` of text: the widest line (measured) plus padding, three lines tall (the third, the
 * gradient, is empty until the backward pass reaches the node).
 */
function cardSize(lines, measure) {
  const w = Math.max(CARD.minWidth, ...lines.map(([text, size, weight]) => measure(text, size, weight) + 2 * CARD.padX));
  return { w: Math.ceil(w), h: 3 * LINE + 2 * CARD.padY };
}

/**
 * Rank of every node: longest path from the leaves, then leaves (and nodes made of leaves only) just before their
 * first consumer.
 */
function rankNodes(nodes, ins, outs) {
  const order = [...nodes].sort((a, b) => a.id - b.id); // ids are a topological order
  const leaf = (id) => ins.get(id).length === 0;
  const rank = new Map(order.map((n) => [n.id, 0]));
  for (const n of order) for (const f of ins.get(n.id)) rank.set(n.id, Math.max(rank.get(n.id), rank.get(f) + 1));
  const beforeConsumer = (id) => Math.min(...outs.get(id).map((t) => rank.get(t))) - 1;
  for (const n of [...order].reverse()) {
    if (!leaf(n.id) && outs.get(n.id).length && ins.get(n.id).every(leaf)) rank.set(n.id, beforeConsumer(n.id));
  }
  for (const n of order) if (leaf(n.id) && outs.get(n.id).length) rank.set(n.id, beforeConsumer(n.id));
  return rank;
}

/**
 * Ranks no wider than `room` px (a phone's width), `widths` giving each card's: the operations in the order the
 * forward pass made them, each at the first rank after its operands that has room, and each leaf (an input, a
 * parameter, a constant) at the last rank with room before its first consumer. Made neuron by neuron, so each
 * neuron's operations stay together.
 */
function schedule(nodes, ins, widths, room) {
  const rank = new Map();
  const used = [];
  // An empty rank takes any card; else the cards so far, `taken` more px, a gap and this card must fit.
  const fits = (r, id, taken = 0) =>
    (used[r] === undefined && !taken) || (used[r] ?? -GAP.across) + taken + GAP.across + widths(id) <= room;
  const put = (id, r) => {
    rank.set(id, r);
    used[r] = (used[r] ?? -GAP.across) + GAP.across + widths(id);
  };
  const leaf = (id) => ins.get(id).length === 0;
  // A node made of leaves only (w·x, −y) waits, like a leaf, to be placed just before its first consumer.
  const waits = (id) => leaf(id) || ins.get(id).every(leaf);
  const save = () => ({ rank: new Map(rank), used: [...used] });
  const restore = (s) => {
    rank.clear();
    for (const [k, v] of s.rank) rank.set(k, v);
    used.length = 0;
    used.push(...s.used);
  };
  /** Places `id` (with what it waits for) at the last rank before `limit` with room; false where none has. */
  const before = (id, limit) => {
    if (rank.has(id)) return rank.get(id) < limit;
    for (let q = limit - 1; q >= 0; q--) {
      if (!fits(q, id)) continue;
      const s = save();
      put(id, q);
      if (ins.get(id).every((f) => before(f, q))) return true;
      restore(s);
    }
    return false;
  };
  for (const n of [...nodes].sort((a, b) => a.id - b.id)) {
    if (waits(n.id)) continue;
    let r = Math.max(0, ...ins.get(n.id).filter((f) => rank.has(f)).map((f) => rank.get(f) + 1));
    for (;; r++) {
      if (!fits(r, n.id)) continue;
      const s = save();
      put(n.id, r);
      if (ins.get(n.id).every((f) => before(f, r))) break;
      restore(s);
    }
  }
  for (const n of nodes) if (!rank.has(n.id)) put(n.id, 0); // a leaf nothing uses
  return rank;
}

/** Segments between consecutive ranks that cross, for `layers` of ids in order and `links` [[from, to]] between adjacent ranks. */
function crossings(layers, down) {
  let n = 0;
  for (let k = 0; k + 1 < layers.length; k++) {
    const pos = new Map(layers[k + 1].map((id, i) => [id, i]));
    const segs = [];
    layers[k].forEach((id, i) => (down.get(id) ?? []).forEach((t) => pos.has(t) && segs.push([i, pos.get(t)])));
    for (let a = 0; a < segs.length; a++) for (let b = a + 1; b < segs.length; b++) if ((segs[a][0] - segs[b][0]) * (segs[a][1] - segs[b][1]) < 0) n += 1;
  }
  return n;
}

/**
 * Positions across the ranks: each item pulled to `want[i]`, kept `sep[i]` after the one before (least squares:
 * with q = p − offset, the constraint is q non-decreasing, and pooling adjacent violators gives the answer).
 */
function packAcross(want, sep) {
  const offset = [0];
  for (let i = 1; i < want.length; i++) offset.push(offset[i - 1] + sep[i - 1]);
  const blocks = [];
  want.forEach((w, i) => {
    blocks.push({ sum: w - offset[i], n: 1 });
    while (blocks.length > 1 && blocks.at(-2).sum / blocks.at(-2).n > blocks.at(-1).sum / blocks.at(-1).n) {
      const last = blocks.pop();
      blocks.at(-1).sum += last.sum;
      blocks.at(-1).n += last.n;
    }
  });
  const q = blocks.flatMap((b) => Array(b.n).fill(b.sum / b.n));
  return q.map((v, i) => v + offset[i]);
}

/** The points of one edge's path: cubic segments whose tangents follow the flow, through its virtual points. */
function edgeCurve(points, horizontal) {
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const half = horizontal ? (b.x - a.x) / 2 : (b.y - a.y) / 2;
    const c1 = horizontal ? { x: a.x + half, y: a.y } : { x: a.x, y: a.y + half };
    const c2 = horizontal ? { x: b.x - half, y: b.y } : { x: b.x, y: b.y - half };
    segments.push([a, c1, c2, b]);
  }
  const d = `M${f(points[0].x)} ${f(points[0].y)}${segments.map(([, c1, c2, b]) => `C${f(c1.x)} ${f(c1.y)} ${f(c2.x)} ${f(c2.y)} ${f(b.x)} ${f(b.y)}`).join('')}`;
  const samples = [];
  segments.forEach(([a, c1, c2, b], s) => {
    for (let k = s === 0 ? 0 : 1; k <= SAMPLES; k++) {
      const t = k / SAMPLES;
      const u = 1 - t;
      // B(t) = u³P0 + 3u²tP1 + 3ut²P2 + t³P3
      samples.push({ x: u * u * u * a.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * b.x, y: u * u * u * a.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * b.y });
    }
  });
  return { d, samples };
}
const f = (v) => v.toFixed(1);

/** True when the segment p–q meets the box (Liang–Barsky clipping). */
function segmentHitsBox(p, q, box) {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [num, den] of [[p.x - box.x0, -dx], [box.x1 - p.x, dx], [p.y - box.y0, -dy], [box.y1 - p.y, dy]]) {
    if (den === 0) {
      if (num < 0) return false;
    } else {
      const t = num / den;
      if (den < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}
/** True when the polyline `samples` meets the box. */
export function polylineHitsBox(samples, box) {
  for (let i = 0; i + 1 < samples.length; i++) if (segmentHitsBox(samples[i], samples[i + 1], box)) return true;
  return false;
}
const boxesMeet = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The edges' segments filed by the cells of a grid they cross, so a box is tested against the few near it. */
function segmentIndex(curves, cell = 48) {
  const cells = new Map();
  const range = (a, b) => [Math.floor(Math.min(a, b) / cell), Math.floor(Math.max(a, b) / cell)];
  curves.forEach((c, k) => {
    for (let i = 0; i + 1 < c.samples.length; i++) {
      const [p, q] = [c.samples[i], c.samples[i + 1]];
      const [x0, x1] = range(p.x, q.x);
      const [y0, y1] = range(p.y, q.y);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
        const key = `${x},${y}`;
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push([k, p, q]);
      }
    }
  });
  return {
    /** True when a segment of an edge other than `except` meets `box`. */
    hits(box, except) {
      const [x0, x1] = range(box.x0, box.x1);
      const [y0, y1] = range(box.y0, box.y1);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
        for (const [k, p, q] of cells.get(`${x},${y}`) ?? []) if (k !== except && segmentHitsBox(p, q, box)) return true;
      }
      return false;
    },
  };
}

/**
 * Lays out `trace` ({ nodes, edges }) for `width` px. `lines(node)` gives a card's lines as [text, size, weight];
 * `labelText(edge)` an edge's label; `measure(text, size, weight)` a text's width in px.
 * @returns {{ horizontal: boolean, width: number, height: number, cards: Map<number, {x:number, y:number, w:number, h:number}>,
 *   edges: {edge: object, d: string, samples: {x:number, y:number}[], label: {x:number, y:number, box: object, free: boolean}}[] }}
 */
export function layoutGraph(trace, { width, lines, labelText, measure }) {
  const { nodes, edges } = trace;
  const ins = new Map(nodes.map((n) => [n.id, []]));
  const outs = new Map(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    ins.get(e.to).push(e.from);
    outs.get(e.from).push(e.to);
  }
  const size = new Map(nodes.map((n) => [n.id, cardSize(lines(n), measure)]));
  const labelW = edges.map((e) => Math.ceil(measure(labelText(e), TYPE.local, 400)) + 2 * GAP.label);
  const base = rankNodes(nodes, ins, outs);
  const graph = { nodes, edges, ins, outs, size, labelW, width };
  const across = layoutOrientation(graph, base, true);
  if (across) return across;
  // Top to bottom: as many cards to a rank as fit across, with room for an edge or two to pass between them.
  // Where the edges passing a rank leave its cards too little room, or a label no free place, the ranks are made
  // narrower.
  const widths = (id) => size.get(id).w;
  const spans = [];
  for (const [id, r] of base) spans[r] = (spans[r] ?? -GAP.across) + GAP.across + widths(id);
  let room = width - 2 * PAD - 2 * GAP.pass;
  let layout = layoutOrientation(graph, Math.max(...spans) <= room ? base : schedule(nodes, ins, widths, room), false);
  for (let tries = 0; tries < 4 && (layout.overflow > 0 || layout.missing.size > 0); tries++) {
    room -= 24;
    layout = layoutOrientation(graph, schedule(nodes, ins, widths, room), false);
  }
  return layout;
}

/**
 * One orientation's layout, or null where left to right does not fit the width. Left to right, each gap between
 * ranks is as wide as the widest label of an edge that runs flat across it (one whose label cannot sit above or
 * below the cards), and the gaps share what the width leaves; top to bottom, the ranks are evenly spaced.
 */
function layoutOrientation(graph, rank, horizontal) {
  const { nodes, edges, size, labelW, width } = graph;
  const ranks = Math.max(...rank.values()) + 1;
  // Long edges get a virtual point at every rank they cross.
  const down = new Map(nodes.map((n) => [n.id, []]));
  const up = new Map(nodes.map((n) => [n.id, []]));
  const routes = [];
  let virtual = -1;
  const rankOf = new Map(rank);
  for (const e of edges) {
    const route = [e.from];
    for (let k = rank.get(e.from) + 1; k < rank.get(e.to); k++) {
      const v = virtual--;
      rankOf.set(v, k);
      down.set(v, []);
      up.set(v, []);
      route.push(v);
    }
    route.push(e.to);
    for (let i = 0; i + 1 < route.length; i++) {
      down.get(route[i]).push(route[i + 1]);
      up.get(route[i + 1]).push(route[i]);
    }
    routes.push(route);
  }
  // Order within ranks: forward ids first, then barycentre sweeps down and up; the order with fewest crossings wins.
  let layers = Array.from({ length: ranks }, () => []);
  for (const [id, k] of rankOf) layers[k].push(id);
  for (const layer of layers) layer.sort((a, b) => (a < 0) - (b < 0) || a - b);
  let best = { layers: layers.map((l) => [...l]), crossings: crossings(layers, down) };
  for (let sweep = 0; sweep < 8; sweep++) {
    const forward = sweep % 2 === 0;
    const indices = forward ? [...layers.keys()].slice(1) : [...layers.keys()].reverse().slice(1);
    for (const k of indices) {
      const ref = new Map(layers[forward ? k - 1 : k + 1].map((id, i) => [id, i]));
      const neighbours = forward ? up : down;
      const bary = new Map(layers[k].map((id, i) => {
        const ps = neighbours.get(id).filter((n) => ref.has(n)).map((n) => ref.get(n));
        return [id, ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : i];
      }));
      layers[k].sort((a, b) => bary.get(a) - bary.get(b));
    }
    const c = crossings(layers, down);
    if (c < best.crossings) best = { layers: layers.map((l) => [...l]), crossings: c };
  }
  layers = best.layers;
  // Extents across the flow: a card's height (left to right) or width (top to bottom); a virtual point is thin.
  const extent = (id) => (id < 0 ? 6 : horizontal ? size.get(id).h : size.get(id).w);
  const depth = (id) => (id < 0 ? 0 : horizontal ? size.get(id).w : size.get(id).h); // a card's size along the flow
  const rankDepth = layers.map((layer) => Math.max(0, ...layer.map(depth)));
  const labelH = TYPE.local + 4;
  // Cards keep `gap` apart; an edge passing a rank keeps a little room from its neighbours.
  const separation = (a, b, gap) => (extent(a) + extent(b)) / 2 + (a < 0 || b < 0 ? GAP.pass / 2 : gap);
  const across = new Map();
  const place = (gap) => {
    for (const layer of layers) {
      let p = 0;
      layer.forEach((id, i) => {
        if (i) p += separation(layer[i - 1], id, gap);
        across.set(id, p);
      });
    }
    for (let sweep = 0; sweep < 10; sweep++) {
      const order = sweep % 2 === 0 ? layers : [...layers].reverse();
      for (const layer of order) {
        const want = layer.map((id) => {
          const ns = [...up.get(id), ...down.get(id)];
          return ns.length ? ns.reduce((s, n) => s + across.get(n), 0) / ns.length : across.get(id);
        });
        const sep = layer.slice(1).map((id, i) => separation(layer[i], id, gap));
        const packed = packAcross(want, sep);
        if (!horizontal) {
          // Top to bottom, a rank stays inside the width (it fits: its capacity says so).
          const half = width / 2 - PAD;
          const first = packed[0] - extent(layer[0]) / 2;
          const last = packed.at(-1) + extent(layer.at(-1)) / 2;
          const move = first < -half ? -half - first : last > half ? half - last : 0;
          packed.forEach((p, i) => (packed[i] = p + move));
        }
        packed.forEach((p, i) => across.set(layer[i], p));
      }
    }
  };
  // The geometry for a gap between cards and the room between ranks (`more[k]` px added after rank k); then the
  // labels. Where a label finds no free place, the cards (left to right) or the ranks its edge spans (top to
  // bottom) move further apart, and the whole is laid out again.
  const attempt = (gap, more) => {
    place(gap);
    const lo = Math.min(...[...across].map(([id, p]) => p - extent(id) / 2));
    const hi = Math.max(...[...across].map(([id, p]) => p + extent(id) / 2));
    const crossSize = hi - lo + 2 * PAD;
    // Along the flow: each gap's lane (left to right: the widest flat label's; top to bottom: LANE.vertical, and more).
    const lanes = rankDepth.slice(1).map((_, k) => (horizontal ? LANE.min : LANE.vertical + more[k]));
    if (horizontal) {
      edges.forEach((e, k) => {
        const [a, b] = [rank.get(e.from), rank.get(e.to)];
        const flat = Math.abs(across.get(e.from) - across.get(e.to)) < (extent(e.from) + extent(e.to)) / 2 + labelH;
        if (b === a + 1 && flat) lanes[a] = Math.max(lanes[a], labelW[k]);
      });
      const spare = width - 2 * PAD - rankDepth.reduce((x, y) => x + y, 0) - lanes.reduce((x, y) => x + y, 0);
      if (spare < 0) return null;
      lanes.forEach((l, k) => (lanes[k] = Math.min(LANE.max, l + spare / Math.max(1, lanes.length))));
    }
    const start = [PAD + rankDepth[0] / 2];
    for (let k = 1; k < ranks; k++) start.push(start[k - 1] + rankDepth[k - 1] / 2 + lanes[k - 1] + rankDepth[k] / 2);
    const alongSize = start[ranks - 1] + rankDepth[ranks - 1] / 2 + PAD;
    // Across: from the top edge (left to right), or about the middle of the width (top to bottom).
    const shift = horizontal ? PAD - lo : width / 2;
    const at = (id) => (horizontal ? { x: start[rankOf.get(id)], y: across.get(id) + shift } : { x: across.get(id) + shift, y: start[rankOf.get(id)] });
    const cards = new Map(nodes.map((n) => [n.id, { ...at(n.id), ...size.get(n.id) }]));
    const box = (c, m = 0) => ({ x0: c.x - c.w / 2 - m, x1: c.x + c.w / 2 + m, y0: c.y - c.h / 2 - m, y1: c.y + c.h / 2 + m });
    const curves = routes.map((route) => {
      const points = route.map((id, i) => {
        if (id < 0) return at(id);
        const c = cards.get(id);
        const end = i === 0 ? 1 : -1; // leave a card on its far side, enter one on its near side
        return horizontal ? { x: c.x + (end * c.w) / 2, y: c.y } : { x: c.x, y: c.y + (end * c.h) / 2 };
      });
      return edgeCurve(points, horizontal);
    });
    const segments = segmentIndex(curves);
    const bounds = { x0: 0, x1: width, y0: 0, y1: horizontal ? crossSize : alongSize };
    const cardBoxes = [...cards.values()].map((c) => box(c, 2));
    const placed = [];
    const missing = new Set(); // the gaps between ranks that an edge with no free place for its label spans
    // Short edges first: they have the fewest places.
    const byLength = [...edges.keys()].sort((a, b) => curves[a].samples.length - curves[b].samples.length || a - b);
    const labels = [];
    for (const k of byLength) {
      const e = edges[k];
      const w = labelW[k];
      const s = curves[k].samples;
      const tries = [];
      // Along the edge from its middle outwards, on the edge, then beside it.
      const ts = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9];
      for (const side of [0, -1, 1, -2, 2]) {
        for (const t of ts) {
          const p = s[Math.round(t * (s.length - 1))];
          const off = side * (horizontal ? labelH / 2 + 2 : w / 2 + 2); // half a label aside, or a whole one
          tries.push(horizontal ? { x: p.x, y: p.y + off } : { x: p.x + off, y: p.y });
        }
      }
      let choice = null;
      for (const p of tries) {
        const b = { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - labelH / 2, y1: p.y + labelH / 2 };
        const inside = b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1;
        const free = inside && !cardBoxes.some((c) => boxesMeet(b, c)) && !placed.some((o) => boxesMeet(b, o)) && !segments.hits(b, k);
        if (free) {
          choice = { x: p.x, y: p.y, box: b, free: true };
          break;
        }
        choice ??= { x: p.x, y: p.y, box: b, free: false };
      }
      if (!choice.free) for (let r = rank.get(e.from); r < rank.get(e.to); r++) missing.add(r);
      placed.push(choice.box);
      labels[k] = choice;
    }
    const result = edges.map((edge, k) => ({ edge, d: curves[k].d, samples: curves[k].samples, label: labels[k] }));
    return { horizontal, width, height: horizontal ? crossSize : alongSize, cards, edges: result, missing, overflow: horizontal ? 0 : hi - lo - (width - 2 * PAD) };
  };
  let gap = GAP.across;
  const more = rankDepth.map(() => 0);
  let layout = attempt(gap, more);
  for (let tries = 0; tries < 5 && layout && layout.missing.size > 0; tries++) {
    if (horizontal) gap += labelH / 2;
    else for (const r of layout.missing) more[r] += labelH + 4;
    layout = attempt(gap, more) ?? layout;
  }
  return layout;
}
