// The playground's network diagram, Playground's signature: the input features as a first column (toggles), every
// neuron as a small heatmap of its own output over the plane, links coloured by the sign of their weight and
// thickened by its size, and the shape edited on the diagram itself (a layer or a neuron more or fewer). Hovering or
// focusing a neuron reports it (the element enlarges its map) and lights it and its links; clicking or pressing
// Enter or Space on a link selects that weight and opens a number field to edit it; on a neuron, selects its bias.
// Hovering a link shows its weight's value beside the pointer, as Playground does.
//
// Every neuron's map is painted into one canvas under the neurons' boxes (not a canvas per neuron): one image upload
// and one compositor layer a frame instead of one per neuron. The boxes above it stay the buttons a reader hovers,
// focuses and clicks; where each map goes is read from their layout when the stage is laid out or resized, never
// while a frame draws.
//
// Takes plain arrays (weights, biases, per-neuron grids) and never holds the network.
import { button, element as el } from '../dom.js';
import { svg } from '../svg.js';
import { formatNumber } from '../format.js';

/** The widest drawing, in its own units (8 columns); fewer columns draw narrower, so their boxes come out larger. */
const MAX_W = 640;
/** The narrowest: 4 columns (the features, two hidden layers, the output) keep boxes of about 25 px at 360 px. */
const MIN_W = 400;
/** The room each column after the first takes, in the same units. */
const COLUMN = 110;
const ROW = 44;
const BOX = 34;
/** Room above the first row, in the same units (for the flags of the top neurons). */
const TOP = 16;
/**
 * The step of a link's width, in the same units: a frame of training moves many weights by a hair, and a link is
 * drawn again only when its width crosses a step (at 0.1, 5 times as many links were repainted each frame).
 */
const WIDTH_STEP = 0.5;
/** The centre of column 0, in the same units: the feature names take the room on its left. */
const LABELS = 100;
const short = (v) => (Number.isFinite(v) ? formatNumber(v, 3) : '?'); // −0.234 with a minus sign, 10⁻⁷ as a power
/** Keys that press a role=button element, as they press a <button>. */
const pressed = (e) => e.key === 'Enter' || e.key === ' ';


/**
 * @param {HTMLElement} container
 * @param {{ onFeature(key: string): void, onNeuron(index: ?number): void,
 *   onSelect(p: {kind: 'weight'|'bias', index: number}): void, onEdit(index: number, value: number): ?string,
 *   onHidden(hidden: number[]): void, maxLayers: number, maxNeurons: number }} hooks
 */
export function createNetworkDiagram(container, hooks) {
  const root = el('div', 'diagram');
  root.setAttribute('part', 'diagram');
  const scroller = el('div', 'diagram-scroll');
  const stage = el('div', 'diagram-stage');
  // Its links take the focus, one by one; the drawing itself is no stop of its own (Chromium makes an <svg> with
  // focusable content a tab stop unless told otherwise).
  const links = svg('svg', {
    class: 'diagram-links', role: 'group', 'aria-label': 'The links: one per weight', tabindex: -1,
  });
  const maps = el('canvas', 'diagram-maps');
  maps.setAttribute('aria-hidden', 'true');
  const mapsCtx = maps.getContext('2d');
  stage.append(links, maps);
  scroller.append(stage);
  const header = el('div', 'diagram-header');
  // Each hidden layer's − and + sit in a strip above its column, outside the stage: at any width they take room of
  // their own instead of covering the neurons.
  const strip = el('div', 'column-strip');
  strip.setAttribute('role', 'group');
  strip.setAttribute('aria-label', 'Neurons in each hidden layer');
  const editor = el('form', 'weight-editor');
  editor.hidden = true;
  const editorLabel = el('label');
  const editorName = el('span', 'editor-name');
  const input = el('input');
  input.type = 'number';
  input.step = 'any';
  input.inputMode = 'decimal';
  const editorError = el('span', 'editor-error');
  editorLabel.append(editorName, input);
  editor.append(editorLabel, editorError);
  // The value of the weight under the pointer (its link's name says the same to a screen reader).
  const tip = el('div', 'link-tip');
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  root.append(header, strip, scroller, editor, tip);
  container.append(root);

  let shape = null;
  /** The drawing's width in its own units, for the columns of the current shape. */
  let W = MAX_W;
  let linkEls = [];
  let neuronEls = [];
  let editing = null;
  /** Each neuron's map box in canvas pixels ({x, y, w, h, r}), read from the layout; null until read. */
  let boxes = null;
  /** The last maps drawn, to draw again after a resize. */
  let lastMaps = null;
  const atlas = document.createElement('canvas');
  const atlasCtx = atlas.getContext('2d');
  let atlasImage = null;
  let scratch = null;
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(() => {
      boxes = null;
      if (lastMaps) drawMaps(lastMaps);
    }).observe(stage);
  }

  // Column 0 leaves room for the feature names on its left ("sin x₁" whole at 360 px wide).
  const cx = (column, columns) => LABELS + (column * (W - LABELS - 34)) / (columns - 1);

  /**
   * Lays out the diagram for the features (each { key, label, active, image }), the hidden layer sizes and the
   * outputs (one, or one per class).
   */
  function draw({ features, hidden, outputs = 1 }) {
    closeEditor();
    shape = { features, hidden };
    const active = features.filter((f) => f.active);
    const sizes = [...hidden, outputs];
    const columns = sizes.length + 1;
    W = Math.min(MAX_W, Math.max(MIN_W, LABELS + (columns - 1) * COLUMN + BOX));
    const rows = Math.max(features.length, ...sizes);
    const height = TOP + rows * ROW + 8;
    stage.style.aspectRatio = `${W} / ${height}`;
    links.setAttribute('viewBox', `0 0 ${W} ${height}`);
    links.replaceChildren();
    for (const n of stage.querySelectorAll('.node')) n.remove();
    strip.replaceChildren();
    const place = (node, x, y, size = BOX) => {
      node.style.left = `${((x - size / 2) / W) * 100}%`;
      node.style.top = `${((y - size / 2) / height) * 100}%`;
      node.style.width = `${(size / W) * 100}%`;
      node.style.height = `${(size / height) * 100}%`;
    };
    const rowY = (k, count) => TOP + (rows - count) * ROW * 0.5 + k * ROW + ROW / 2;
    // Column 0: every feature, active or not; the sources of the first layer are the active ones, in order.
    const sources = [];
    features.forEach((f, k) => {
      const node = el('button', `node feature${f.active ? ' active' : ''}`);
      node.type = 'button';
      node.dataset.feature = f.key;
      node.setAttribute('aria-pressed', String(f.active));
      node.setAttribute('aria-label', `Input feature ${f.label}: ${f.active ? 'on' : 'off'}`);
      const canvas = el('canvas');
      canvas.width = f.image.width;
      canvas.height = f.image.height;
      canvas.getContext('2d').putImageData(f.image, 0, 0);
      node.append(canvas, el('span', 'feature-label', f.label));
      node.addEventListener('click', () => hooks.onFeature(f.key));
      const y = rowY(k, features.length);
      place(node, cx(0, columns), y);
      stage.append(node);
      if (f.active) sources.push({ x: cx(0, columns), y, name: f.label });
    });
    // Hidden and output neurons, numbered across layers as the core numbers biases and neuron grids.
    neuronEls = [];
    const centres = [sources];
    let neuron = 0;
    sizes.forEach((size, l) => {
      const x = cx(l + 1, columns);
      const col = [];
      const output = l === sizes.length - 1;
      for (let i = 0; i < size; i++) {
        const y = rowY(i, size);
        const node = el('div', `node neuron${output ? ' output' : ''}`);
        node.tabIndex = 0;
        node.setAttribute('role', 'button');
        const outputName = size === 1 ? 'the output neuron ŷ' : `output neuron ŷ${i + 1} (class ${i + 1})`;
        const name = output ? outputName : `neuron ${i + 1} of hidden layer ${l + 1}`;
        node.setAttribute('aria-label', `${name}: hover or focus to enlarge its map, press Enter to check its bias`);
        node.dataset.neuron = String(neuron);
        node.append(el('span', 'flag', '!'));
        const index = neuron;
        node.addEventListener('pointerenter', () => light(index));
        node.addEventListener('pointerleave', () => light(null));
        node.addEventListener('focus', () => light(index));
        node.addEventListener('blur', () => light(null));
        const select = () => hooks.onSelect({ kind: 'bias', index });
        node.addEventListener('click', select);
        node.addEventListener('keydown', (e) => pressed(e) && (e.preventDefault(), select()));
        place(node, x, y, output ? BOX + 8 : BOX);
        stage.append(node);
        neuronEls.push({ node });
        col.push({ x, y, name: output ? (size === 1 ? 'ŷ' : `ŷ${i + 1}`) : `a${l + 1}[${i + 1}]`, neuron: index });
        neuron += 1;
      }
      centres.push(col);
      if (!output) strip.append(columnControls(l, x));
    });
    // Links, in the core's weight order: layer by layer, destination by destination, source by source.
    linkEls = [];
    let w = 0;
    for (let l = 1; l < centres.length; l++) {
      for (const [i, to] of centres[l].entries()) {
        for (const [j, from] of centres[l - 1].entries()) {
          const mid = (from.x + to.x) / 2;
          const d = `M${from.x + BOX / 2} ${from.y}C${mid} ${from.y} ${mid} ${to.y} ${to.x - BOX / 2} ${to.y}`;
          const g = svg('g', { class: 'link', tabindex: 0, role: 'button', 'data-weight': w });
          const name = `w${l}[${i + 1},${j + 1}]`;
          // Its name (aria-label, not a <title>: the tip shows its value at once, without a second tooltip) is kept
          // current: the weight, its value, its ends, what Enter does.
          g.append(svg('path', { d, class: 'hit' }), svg('path', { d, class: 'wire' }));
          const index = w;
          const open = () => {
            hooks.onSelect({ kind: 'weight', index });
            openEditor(index, name, (from.x + to.x) / 2, (from.y + to.y) / 2, height);
          };
          g.addEventListener('click', open);
          g.addEventListener('keydown', (e) => pressed(e) && (e.preventDefault(), open()));
          links.append(g);
          const ends = `from ${from.name} to ${to.name}`;
          linkEls.push({ g, wire: g.lastChild, name, ends, from: from.neuron ?? null, to: to.neuron });
          w += 1;
        }
      }
    }
    boxes = null;
    lastMaps = null;
    drawHeader();
  }

  function drawHeader() {
    const { hidden } = shape;
    header.replaceChildren();
    const title = el('span', 'layers-title', `${hidden.length} hidden layer${hidden.length === 1 ? '' : 's'}`);
    const add = button(null, 'add-layer', '+ layer', () => hooks.onHidden([...hidden, 2]),
      { label: 'Add a hidden layer' });
    add.disabled = hidden.length >= hooks.maxLayers;
    const remove = button(null, 'remove-layer', '− layer', () => hooks.onHidden(hidden.slice(0, -1)),
      { label: 'Remove the last hidden layer' });
    remove.disabled = hidden.length === 0;
    header.append(title, add, remove);
  }

  function columnControls(l, x) {
    const { hidden } = shape;
    const box = el('div', 'column-controls');
    box.dataset.layer = String(l + 1);
    box.style.left = `${(x / W) * 100}%`; // its centre (styles/figure.css moves it back by half its width)
    const mk = (text, label, delta, disabled) => {
      const change = () => hooks.onHidden(hidden.map((m, k) => (k === l ? m + delta : m)));
      const b = button(null, delta > 0 ? 'more' : 'fewer', text, change, { label });
      b.disabled = disabled;
      return b;
    };
    box.append(
      mk('−', `one neuron fewer in hidden layer ${l + 1}`, -1, hidden[l] <= 1),
      mk('+', `one neuron more in hidden layer ${l + 1}`, 1, hidden[l] >= hooks.maxNeurons),
    );
    return box;
  }

  function openEditor(index, name, x, y, height) {
    editing = index;
    editor.hidden = false;
    editorName.textContent = `${name} = `;
    editor.dataset.weight = String(index);
    const left = scroller.offsetLeft + (x / W) * stage.offsetWidth - scroller.scrollLeft - 80;
    editor.style.left = `${Math.max(0, Math.min(root.clientWidth - 220, left))}px`;
    editor.style.top = `${scroller.offsetTop + (y / height) * stage.offsetHeight + 10}px`;
    input.value = String(linkEls[index]?.value ?? '');
    editorError.textContent = '';
    input.focus();
    input.select();
  }

  function closeEditor() {
    editing = null;
    editor.hidden = true;
    editorError.textContent = '';
  }

  editor.addEventListener('submit', (e) => {
    e.preventDefault();
    if (editing === null) return;
    const text = input.value.trim();
    // A number field gives '' for what is not a number: the core refuses it by name.
    const value = text === '' ? NaN : Number(text);
    const error = hooks.onEdit(editing, value);
    if (error) editorError.textContent = error;
    else {
      const link = linkEls[editing];
      closeEditor();
      link?.g.focus();
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      const link = linkEls[editing];
      closeEditor();
      link?.g.focus();
    }
  });

  /** A link's name (aria-label): the weight, its value, its ends, what Enter does. Written only when it changed. */
  function nameLink(link) {
    const name = `weight ${link.name} = ${short(link.value)}, ${link.ends}: press Enter to check and edit it`;
    if (link.text !== name) link.g.setAttribute('aria-label', (link.text = name));
    if (link === tipLink) showTip(link);
  }

  /** A neuron hovered or focused (null: none): it and its links are lit, and the element shows its map. */
  let lit = null;
  function light(index) {
    if (lit === index) return;
    lit = index;
    neuronEls.forEach(({ node }, k) => node.classList.toggle('lit', k === index));
    const touches = (link) => index !== null && (link.to === index || link.from === index);
    for (const link of linkEls) link.g.classList.toggle('lit', touches(link));
    hooks.onNeuron(index);
  }

  /** The link under the pointer or with the focus: its name (and the tip) kept current even while training plays. */
  let activeLink = null;
  let tipLink = null;
  function showTip(link) {
    const text = `${link.name} = ${short(link.value)}`;
    if (tip.textContent !== text) tip.textContent = text;
  }
  links.addEventListener('pointerover', (e) => {
    activeLink = linkEls.find((l) => l.g === e.target.closest?.('.link')) ?? null;
    tipLink = activeLink;
    tip.hidden = !tipLink;
    if (activeLink) {
      nameLink(activeLink);
      showTip(activeLink);
    }
  });
  links.addEventListener('pointermove', (e) => {
    if (!tipLink) return;
    const box = root.getBoundingClientRect();
    tip.style.left = `${Math.min(e.clientX - box.left + 12, box.width - tip.offsetWidth)}px`;
    tip.style.top = `${e.clientY - box.top + 14}px`;
  });
  links.addEventListener('pointerout', (e) => {
    if (e.relatedTarget?.closest?.('.link') === tipLink?.g) return;
    tipLink = null;
    tip.hidden = true;
  });
  links.addEventListener('focusin', (e) => {
    activeLink = linkEls.find((l) => l.g === e.target) ?? null;
    if (activeLink) nameLink(activeLink);
  });

  /** Every link's name from its current value (after training pauses, see update's `playing`). */
  function nameLinks() {
    linkEls.forEach(nameLink);
  }

  /**
   * Redraws the live parts: link colours and widths from `weights`, each neuron's map from `grids` (neuron by
   * neuron, `side` × `side` each), the selected parameter, and the neurons whose f′ is below 0.01 (`flagged`).
   * While training plays (`playing`), only the link under the pointer or with the focus is renamed each frame: the
   * others are renamed by nameLinks() when it pauses, not 60 times a second.
   */
  function update({ weights, grids, side, paintGrid, selected, flagged = [], dead = [], playing = false }) {
    const max = Math.max(1e-9, ...weights.map(Math.abs));
    linkEls.forEach((link, k) => {
      const v = weights[k];
      link.value = v;
      // Only what changed is written: an unchanged attribute costs the browser nothing to lay out or paint. Widths
      // step by WIDTH_STEP of the viewBox's 640 units across (under half a CSS pixel).
      const size = 0.6 + 5.4 * Math.min(1, Math.abs(v) / Math.max(1, max));
      const width = (Math.round(size / WIDTH_STEP) * WIDTH_STEP).toFixed(1);
      if (link.width !== width) link.wire.setAttribute('stroke-width', (link.width = width));
      link.g.classList.toggle('negative', v < 0);
      link.g.classList.toggle('dead', Boolean(dead[k]));
      link.g.classList.toggle('selected', selected?.kind === 'weight' && selected.index === k);
      if (!playing || link === activeLink) nameLink(link);
    });
    neuronEls.forEach((n, k) => {
      n.node.classList.toggle('vanishing', flagged.includes(k));
      n.node.classList.toggle('selected', selected?.kind === 'bias' && selected.index === k);
    });
    lastMaps = { grids, side, paintGrid };
    drawMaps(lastMaps);
  }

  /** Where each neuron's map goes: its box's padding box (inside the border), in the maps canvas's pixels. */
  function measure() {
    const stageBox = stage.getBoundingClientRect();
    const scale = globalThis.devicePixelRatio || 1;
    const w = Math.round(stageBox.width * scale);
    const h = Math.round(stageBox.height * scale);
    if (maps.width !== w || maps.height !== h) {
      maps.width = w;
      maps.height = h;
    }
    const k = stageBox.width ? w / stageBox.width : 1;
    boxes = neuronEls.map(({ node }) => {
      const box = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      const border = (side) => parseFloat(style[`border${side}Width`]) || 0;
      const [top, right, bottom, left] = ['Top', 'Right', 'Bottom', 'Left'].map(border);
      const radius = Math.max(0, (parseFloat(style.borderTopLeftRadius) || 0) - left);
      return {
        x: (box.left - stageBox.left + left) * k, y: (box.top - stageBox.top + top) * k,
        w: (box.width - left - right) * k, h: (box.height - top - bottom) * k, r: radius * k,
      };
    });
  }

  /**
   * Paints every neuron's side × side grid into one atlas image (each tile with a copy of its edge around it, so
   * smoothing never blends two maps), uploads it once, and draws each tile into its neuron's box.
   */
  function drawMaps({ grids, side, paintGrid }) {
    if (!boxes) measure();
    if (!maps.width || !maps.height) return;
    const count = side * side;
    const tile = side + 2;
    const n = neuronEls.length;
    if (!atlasImage || atlasImage.width !== tile || atlasImage.height !== tile * n) {
      atlas.width = tile;
      atlas.height = tile * n;
      atlasImage = atlasCtx.createImageData(tile, tile * n);
    }
    if (!scratch || scratch.width !== side) scratch = new ImageData(side, side);
    const from = new Uint32Array(scratch.data.buffer);
    const to = new Uint32Array(atlasImage.data.buffer);
    for (let k = 0; k < n; k++) {
      paintGrid(scratch.data, grids.subarray(k * count, (k + 1) * count), count, k);
      for (let r = -1; r <= side; r++) {
        const row = (r < 0 ? 0 : r >= side ? side - 1 : r) * side;
        const at = (k * tile + r + 1) * tile + 1;
        to.set(from.subarray(row, row + side), at);
        to[at - 1] = from[row];
        to[at + side] = from[row + side - 1];
      }
    }
    atlasCtx.putImageData(atlasImage, 0, 0);
    mapsCtx.imageSmoothingEnabled = true;
    mapsCtx.imageSmoothingQuality = 'low';
    boxes.forEach((b, k) => {
      // A rounded box clips its map to its corners; a square one (the stylesheet's) needs no clip, which costs more
      // than the drawing itself on a canvas drawn without a GPU.
      if (b.r > 0) {
        mapsCtx.save();
        mapsCtx.beginPath();
        mapsCtx.roundRect(b.x, b.y, b.w, b.h, b.r);
        mapsCtx.clip();
      }
      mapsCtx.drawImage(atlas, 1, 1 + k * tile, side, side, b.x, b.y, b.w, b.h);
      if (b.r > 0) mapsCtx.restore();
    });
  }

  return { draw, update, nameLinks, get editing() { return editing; }, closeEditor };
}
