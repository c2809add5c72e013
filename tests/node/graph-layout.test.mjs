// The computation graph's layout (www/lib/figures/graph-layout.js) and names (graph-names.js) on the core's own
// traces, in Node with a text measure of fixed advance: cards never overlap and stay inside the width, each edge's
// label meets no card, no other label and no other edge, the drawing runs left to right only where its ranks fit,
// and every operation has a name in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { layoutGraph, polylineHitsBox } from '../../www/lib/figures/graph-layout.js';
import { localRule, nodeNames, nodeSymbol } from '../../www/lib/figures/graph-names.js';
import { formatNumber } from '../../www/lib/format.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const api = await import(new URL('backprop_lab.js', pkg));
api.initSync({ module: readFileSync(new URL('backprop_lab_bg.wasm', pkg)) });

/** The trace of training point 0 of a network of `layers` on XOR (one input: the article's point), as the figures make it. */
function trace(layers, activation = 'tanh') {
  const net = new api.Network({ layers, activation, seed: 0, lr: 0.1, batchSize: 1 });
  if (layers[0] === 1) net.setData([1.5, 0.5], [1.5, 0.5]);
  else net.useDataset({ dataset: 'xor', points: 40, seed: 0 });
  const t = net.trace(0);
  net.free();
  return t;
}

const short = (v) => formatNumber(v, 3);
// A generous measure: 0.62 em a character, as wide as the widest system fonts' digits.
const options = (width) => ({
  width,
  measure: (text, size) => text.length * size * 0.62,
  labelText: (e) => short(e.local),
  lines: (n) => [[nodeSymbol(n), 13, 600], [short(n.value), 12, 400], [`∂ ${short(n.grad)}`, 12, 600]],
});
const meet = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const cardBox = (c) => ({ x0: c.x - c.w / 2, x1: c.x + c.w / 2, y0: c.y - c.h / 2, y1: c.y + c.h / 2 });

/** Every overlap, overflow and misplaced label of a layout, in words (none for a good one). */
function faults(layout) {
  const out = [];
  const cards = [...layout.cards.entries()];
  for (const [id, c] of cards) {
    const b = cardBox(c);
    if (b.x0 < 0 || b.x1 > layout.width || b.y0 < 0 || b.y1 > layout.height) out.push(`card ${id} outside the drawing`);
  }
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) if (meet(cardBox(cards[i][1]), cardBox(cards[j][1]))) out.push(`cards ${cards[i][0]} and ${cards[j][0]} overlap`);
  layout.edges.forEach(({ edge, label }, k) => {
    const name = `label of ${edge.from}→${edge.to}`;
    if (cards.some(([, c]) => meet(label.box, cardBox(c)))) out.push(`${name} on a card`);
    if (layout.edges.some((o, j) => j !== k && polylineHitsBox(o.samples, label.box))) out.push(`${name} on another edge`);
    if (layout.edges.some((o, j) => j !== k && meet(label.box, o.label.box))) out.push(`${name} on another label`);
  });
  return out;
}

test('one neuron (1–1) at 1000 px runs left to right, its labels free', () => {
  const layout = layoutGraph(trace([1, 1]), options(1000));
  assert.equal(layout.horizontal, true);
  assert.ok(layout.width === 1000 && layout.height < 300, `${layout.width} × ${layout.height}`);
  assert.deepEqual(faults(layout), []);
});

for (const [layers, width, horizontal] of [[[2, 2, 1], 1000, false], [[2, 2, 1], 660, false], [[2, 2, 1], 315, false], [[2, 3, 3, 1], 900, false], [[2, 3, 3, 1], 300, false], [[2, 1], 1000, true]]) {
  test(`a ${layers.join('–')} network at ${width} px runs ${horizontal ? 'left to right' : 'top to bottom'}: no card overlaps or leaves the drawing, every label is free`, () => {
    const t = trace(layers);
    const layout = layoutGraph(t, options(width));
    assert.equal(layout.horizontal, horizontal);
    assert.equal(layout.cards.size, t.nodes.length);
    assert.equal(layout.edges.length, t.edges.length);
    assert.deepEqual(faults(layout), []);
    // Every edge runs with the flow: from a card to one after it.
    for (const { edge } of layout.edges) {
      const [a, b] = [layout.cards.get(edge.from), layout.cards.get(edge.to)];
      assert.ok(horizontal ? b.x > a.x : b.y > a.y, `${edge.from}→${edge.to} runs with the flow`);
    }
  });
}

test('every node of a 2–2–1 trace has a name in words, and each local derivative its rule where it has one', () => {
  const t = trace([2, 2, 1]);
  const names = nodeNames(t);
  const byLabel = (label) => t.nodes.find((n) => n.label === label);
  const said = t.nodes.map((n) => names.get(n.id).name);
  for (const name of said) assert.match(name, /^the (weight|bias|input|weighted sum|activation|output|target|loss|constant|product|sum|difference|negation|square) \S/, name);
  assert.ok(said.includes('the product w1[1,1]·x1') && said.includes('the sum b1[1] + w1[1,1]·x1') && said.includes('the difference ŷ − y') && said.includes('the square (ŷ − y)²') && said.includes('the negation −y') && said.includes('the constant 0.5'), said.join('; '));
  // ∂(w·x)/∂w = x, in name and in number; ∂tanh(z)/∂z = 1 − a²; ∂(ŷ − y)²/∂(ŷ − y) = 2·(ŷ − y).
  const w = byLabel('w1[1,1]');
  const product = t.edges.find((e) => e.from === w.id);
  assert.equal(localRule(t, product, names), 'x1');
  assert.equal(product.local, byLabel('x1').value);
  const z = byLabel('z1[1]');
  const act = t.edges.find((e) => e.from === z.id);
  assert.equal(localRule(t, act, names), '1 − a1[1]²');
  assert.ok(Math.abs(act.local - (1 - byLabel('a1[1]').value ** 2)) < 1e-15);
  const square = t.nodes.find((n) => names.get(n.id).name.startsWith('the square'));
  const into = t.edges.find((e) => e.to === square.id);
  assert.equal(localRule(t, into, names), '2·(ŷ − y)');
  assert.ok(Math.abs(into.local - 2 * t.nodes.find((n) => n.id === into.from).value) < 1e-15);
});
