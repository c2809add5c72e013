// The drawing box: the reader draws a digit with a mouse, a finger or a pen (pointer events) on a 32 × 32 grid, and
// it is reduced to 8 × 8 with 17 grey levels as the dataset's digits were (digits/ink.js): the box shows the grid
// with its 4 × 4 blocks, and beside it the 8 × 8 image the network reads. From the keyboard: the arrows move a
// cursor (Shift: a block at a time), Space lifts or lowers the pen, Enter inks a dot, Backspace undoes a stroke,
// Delete clears. `onChange(image)` receives the 8 × 8 image (a Uint8Array of 0..16) at most once per frame;
// `onPixel(index)`, when given, a click on the 8 × 8 image's pixel index (row · 8 + column).
import { button, element } from '../dom.js';
import { BITMAP, LEVELS, SIDE, expand, fit, rasterize, reduce } from '../digits/ink.js';
import { paintLevels, pixelAt, pixelCanvas, themeColors } from './pixels.js';

/** Canvas pixels per bitmap pixel in the drawing (the canvas is 32 × 8 = 256 px, scaled by CSS). */
const ZOOM = 8;
/** Canvas pixels per 4 × 4 block. */
const BLOCK_PX = ZOOM * (BITMAP / SIDE);

/**
 * @returns {{ element: HTMLElement, image: Uint8Array, clear(): void, undo(): void, show(image: Uint8Array): void,
 *   redraw(): void, strokes: number[][][] }}
 */
export function createDrawingBox(container, { onChange = () => {}, onPixel = null } = {}) {
  const root = element('div', 'drawing');
  root.setAttribute('part', 'drawing');
  const help = element('p', 'drawing-help hint', 'Draw a digit in the box. Keyboard: the arrow keys move the cursor (Shift: 4 squares), Space puts the pen down or lifts it, Enter inks one dot, Backspace undoes a stroke, Delete clears.');
  help.id = 'drawing-help';
  const canvas = document.createElement('canvas');
  canvas.width = BITMAP * ZOOM;
  canvas.height = BITMAP * ZOOM;
  canvas.className = 'drawing-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'drawing box');
  canvas.setAttribute('aria-label', 'Drawing box, 32 by 32 squares');
  canvas.setAttribute('aria-describedby', help.id);
  const reduced = pixelCanvas(SIDE, 'reduced', 'The 8 by 8 image the network reads');
  // A click on the 8 × 8 image names its pixel (the keyboard has the page's own pixel choice).
  if (onPixel) {
    reduced.classList.add('pickable');
    reduced.addEventListener('click', (e) => {
      const pixel = pixelAt(reduced, e, SIDE);
      if (pixel !== null) onPixel(pixel);
    });
  }
  const seen = element('figure', 'reduced-figure');
  seen.append(reduced, element('figcaption', 'hint', 'What the network reads: each 4 × 4 block’s count of ink, 0 to 16'));
  const pad = element('div', 'drawing-pad');
  pad.append(canvas, seen);
  const tools = element('div', 'controls drawing-tools');
  const undoButton = button(tools, 'undo', 'Undo stroke', () => undo());
  const clearButton = button(tools, 'clear', 'Clear', () => clear());
  const fitLabel = element('label', 'setting toggle');
  const fitBox = element('input');
  fitBox.type = 'checkbox';
  fitBox.checked = true;
  fitBox.dataset.key = 'fit';
  fitBox.addEventListener('change', () => schedule());
  fitLabel.append(fitBox, ' Centre and size it, as the dataset’s digits were');
  tools.append(fitLabel);
  const said = element('p', 'visually-hidden');
  said.setAttribute('aria-live', 'polite');
  root.append(pad, tools, help, said);
  container.append(root);

  const ctx = canvas.getContext('2d');
  /** The strokes drawn (points in bitmap pixels, 0..32), and a dataset image shown under them (or null). */
  let strokes = [];
  let base = null;
  let image = new Uint8Array(SIDE * SIDE);
  let pointer = null;
  let cursor = { x: BITMAP / 2, y: BITMAP / 2, down: false, shown: false };
  let queued = 0;

  function schedule() {
    if (queued) return;
    queued = requestAnimationFrame(() => {
      queued = 0;
      redraw();
      onChange(image);
    });
  }

  /** Draws the grid and what is inked, and computes the image the network reads. */
  function redraw() {
    const drawn = rasterize(strokes);
    const fitted = fitBox.checked && !base ? rasterize(fit(strokes)) : drawn;
    const bitmap = base ? expand(base).map((v, i) => v | drawn[i]) : fitted;
    image = reduce(bitmap);
    const colors = themeColors(root, { paper: 'var(--bg)', ink: 'var(--fg)', grid: 'var(--grid)', block: 'var(--line)', cursor: 'var(--accent)' });
    const css = (c) => `rgb(${c.join(',')})`;
    ctx.fillStyle = css(colors.paper);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // A dataset image has no pixels, only each block's count: its blocks are shaded by it, the grey of the image.
    if (base) {
      for (let b = 0; b < base.length; b++) {
        const k = base[b] / (LEVELS - 1);
        ctx.fillStyle = css(colors.paper.map((c, j) => Math.round(c + (colors.ink[j] - c) * k)));
        ctx.fillRect((b % SIDE) * BLOCK_PX, Math.floor(b / SIDE) * BLOCK_PX, BLOCK_PX, BLOCK_PX);
      }
    }
    ctx.fillStyle = css(colors.ink);
    for (let i = 0; i < drawn.length; i++) if (drawn[i]) ctx.fillRect((i % BITMAP) * ZOOM, Math.floor(i / BITMAP) * ZOOM, ZOOM, ZOOM);
    for (let k = 1; k < BITMAP; k++) {
      ctx.fillStyle = css(k % (BITMAP / SIDE) === 0 ? colors.block : colors.grid);
      ctx.fillRect(k * ZOOM, 0, 1, canvas.height);
      ctx.fillRect(0, k * ZOOM, canvas.width, 1);
    }
    if (cursor.shown) {
      ctx.strokeStyle = css(colors.cursor);
      ctx.lineWidth = 3;
      ctx.strokeRect(Math.floor(cursor.x) * ZOOM - 4, Math.floor(cursor.y) * ZOOM - 4, ZOOM + 8, ZOOM + 8);
    }
    paintLevels(reduced, image, LEVELS - 1, colors);
    undoButton.disabled = strokes.length === 0;
    clearButton.disabled = strokes.length === 0 && !base;
    fitBox.disabled = Boolean(base);
  }

  /** The pointer's place in bitmap pixels. */
  function at(e) {
    const box = canvas.getBoundingClientRect();
    const clamp = (v) => Math.min(BITMAP, Math.max(0, v));
    return [clamp(((e.clientX - box.left) / box.width) * BITMAP), clamp(((e.clientY - box.top) / box.height) * BITMAP)];
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    e.preventDefault();
    canvas.focus({ preventScroll: true });
    canvas.setPointerCapture?.(e.pointerId);
    pointer = e.pointerId;
    cursor.shown = false;
    strokes.push([at(e)]);
    schedule();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerId !== pointer) return;
    const stroke = strokes.at(-1);
    for (const ev of e.getCoalescedEvents?.() ?? [e]) stroke.push(at(ev));
    schedule();
  });
  const end = (e) => {
    if (e.pointerId !== pointer) return;
    pointer = null;
    said.textContent = `Stroke ${strokes.length} drawn.`;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);

  canvas.addEventListener('focus', () => {
    if (pointer === null) cursor.shown = true;
    schedule();
  });
  canvas.addEventListener('blur', () => {
    cursor.shown = false;
    cursor.down = false;
    schedule();
  });
  const MOVES = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  canvas.addEventListener('keydown', (e) => {
    const centre = () => [Math.floor(cursor.x) + 0.5, Math.floor(cursor.y) + 0.5];
    if (MOVES[e.key]) {
      const [dx, dy] = MOVES[e.key];
      const step = e.shiftKey ? BITMAP / SIDE : 1;
      cursor.x = Math.min(BITMAP - 1, Math.max(0, Math.floor(cursor.x) + dx * step));
      cursor.y = Math.min(BITMAP - 1, Math.max(0, Math.floor(cursor.y) + dy * step));
      if (cursor.down) strokes.at(-1).push(centre());
    } else if (e.key === ' ') {
      cursor.down = !cursor.down;
      if (cursor.down) strokes.push([centre()]);
      said.textContent = cursor.down ? 'Pen down: the arrows draw.' : 'Pen up.';
    } else if (e.key === 'Enter') {
      strokes.push([centre()]);
    } else if (e.key === 'Backspace') {
      undo();
    } else if (e.key === 'Delete') {
      clear();
    } else {
      return;
    }
    e.preventDefault();
    cursor.shown = true;
    schedule();
  });

  function clear() {
    strokes = [];
    base = null;
    cursor.down = false;
    said.textContent = 'Cleared.';
    schedule();
  }

  function undo() {
    strokes.pop();
    cursor.down = false;
    said.textContent = strokes.length ? `Stroke ${strokes.length + 1} undone.` : 'Nothing drawn.';
    schedule();
  }

  /** Shows a dataset image (8 × 8, 0..16) as a drawing the reader can add to; its reduction is the image itself. */
  function show(digit) {
    strokes = [];
    base = Uint8Array.from(digit);
    schedule();
  }

  schedule(); // once the box is in the page, whose colours it needs
  return {
    element: root,
    canvas,
    get image() {
      return image;
    },
    get strokes() {
      return strokes.map((s) => s.map((p) => [...p]));
    },
    clear,
    undo,
    show,
    redraw,
  };
}
