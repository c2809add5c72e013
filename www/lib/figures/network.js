// The article's network, x → w → ŷ, and its error J against the target y, with the current values on the nodes
// and the gradient flowing back along the weight. Takes plain numbers (null: not computed yet).
import { formatNumber } from '../format.js';
import { linked } from '../formula.js';
import { set, svg } from '../svg.js';

const W = 400;
const H = 160;
/** The nodes' centres and radius; each value is written under its node, where it has room for every digit. */
const XS = [70, 200, 330];
const CY = 54;
const R = 24;

const text = (v) => (v === null || v === undefined ? '?' : formatNumber(v));
const short = (v) => (v === null || v === undefined ? '?' : formatNumber(v, 4));

/** @returns {{ update(d: {x:number, y:number, w:number, yHat:?number, loss:?number, dJdW:?number, wNext:?number, phase:?string}): void, reset(): void }} */
export function createNetworkFigure(container) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart network', role: 'img', part: 'network' });
  const title = svg('title', {}, 'The network: x times w gives y hat; J compares y hat with y');
  const defs = svg('defs', {}, svg('marker', { id: 'bp-net-head', viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M0 0L8 4L0 8z', class: 'arrow-head' })));
  const node = (cx, label, cls, quantity) => {
    const g = svg('g', { class: `node ${cls}`, 'data-quantity': quantity ?? '' });
    const circle = svg('circle', { cx, cy: CY, r: R });
    const name = linked(svg('text', { x: cx, y: CY + 6, 'text-anchor': 'middle', class: 'node-name' }, label), label);
    const value = svg('text', { x: cx, y: CY + R + 22, 'text-anchor': 'middle', class: 'node-value' }, '');
    g.append(circle, name, value);
    root.append(g);
    return value;
  };
  root.append(title, defs);
  const edge = svg('line', { class: 'edge', x1: XS[0] + R + 4, y1: CY, x2: XS[1] - R - 4, y2: CY, 'marker-end': 'url(#bp-net-head)' });
  const edge2 = svg('line', { class: 'edge', x1: XS[1] + R + 4, y1: CY, x2: XS[2] - R - 4, y2: CY, 'marker-end': 'url(#bp-net-head)' });
  const back = svg('path', { class: 'backward', d: `M${XS[2] - 8} ${CY + R + 34} Q200 ${CY + R + 58} ${XS[0] + 8} ${CY + R + 34}`, 'marker-end': 'url(#bp-net-head)', 'data-quantity': 'dJdW' });
  const wLabel = svg('text', { x: (XS[0] + XS[1]) / 2, y: 20, 'text-anchor': 'middle', class: 'edge-label', 'data-quantity': 'wNext' }, '');
  const backLabel = svg('text', { x: 200, y: H - 4, 'text-anchor': 'middle', class: 'edge-label back-label', 'data-quantity': 'dJdW' }, '');
  const yLabel = svg('text', { x: (XS[1] + XS[2]) / 2, y: 20, 'text-anchor': 'middle', class: 'edge-label' }, '');
  root.append(edge, edge2, back, wLabel, backLabel, yLabel);
  const xValue = node(XS[0], 'x', 'input');
  const yHatValue = node(XS[1], 'ŷ', 'output', 'yHat');
  const jValue = node(XS[2], 'J', 'error', 'loss');
  container.append(root);

  function update({ x, y, w, yHat, loss, dJdW, wNext, phase }) {
    xValue.textContent = short(x);
    yHatValue.textContent = short(yHat);
    jValue.textContent = short(loss);
    wLabel.textContent = phase === 'update' && Number.isFinite(wNext) ? `w ← ${text(wNext)}` : `w = ${text(w)}`;
    yLabel.textContent = `y = ${text(y)}`;
    backLabel.textContent = `dJ/dw = ${text(dJdW)}`;
    const q = { forward: 'yHat', error: 'loss', backward: 'dJdW', update: 'wNext' }[phase] ?? null;
    for (const el of root.querySelectorAll('[data-quantity]')) el.classList.toggle('current', el.getAttribute('data-quantity') === q);
    set(back, { visibility: dJdW === null || dJdW === undefined ? 'hidden' : 'visible' });
    title.textContent = `The network: x = ${text(x)} times w = ${text(w)} gives y hat = ${text(yHat)}; J = ${text(loss)} against y = ${text(y)}`;
  }

  return { update, reset: () => {} };
}
