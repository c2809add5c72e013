// What each neuron looks for: the 64 weights into a neuron of the first layer after the pixels, drawn as an 8 × 8
// picture in the pixels' places (blue where ink raises the neuron's input z, orange where it lowers it, paper near
// 0), each picture scaled by its own largest weight. Each picture is a button: pressing it picks the neuron, and a
// click on one of its squares picks that pixel's weight too (`onPick(neuron, pixel | null)`). The pictures are one
// Tab stop; the arrow keys move between them.
// Takes plain arrays of weights; never holds the network.
import { element } from '../dom.js';
import { paintSigned, pixelAt, pixelCanvas, themeColors } from './pixels.js';
import { rovingFocus } from './roving.js';

const SIDE = 8;

/** @returns {{ update(d: { weights: ArrayLike<number>[], names: string[], selected: ?number }): void, element: HTMLElement }} */
export function createWeightMaps(container, { onPick = () => {} } = {}) {
  const grid = element('div', 'weight-maps');
  grid.setAttribute('part', 'weights');
  container.append(grid);
  // Pictures per row as the grid lays them out, for the arrow keys' up and down.
  const roving = rovingFocus(grid, 'button.weight-map', () => getComputedStyle(grid).gridTemplateColumns.split(' ').length);
  let maps = [];
  let colors = null;

  function build(count, names) {
    maps = names.map((name, i) => {
      const b = element('button', 'weight-map');
      b.type = 'button';
      b.dataset.neuron = String(i);
      b.setAttribute('aria-pressed', 'false');
      const canvas = pixelCanvas(SIDE, 'weights', null);
      const label = element('span', 'weight-map-name', name);
      b.append(canvas, label);
      b.addEventListener('click', (e) => {
        // A pointer's click names the square under it; a key's click (detail 0) picks the neuron only.
        onPick(i, e.detail > 0 ? pixelAt(canvas, e, SIDE) : null);
      });
      grid.append(b);
      return { b, canvas, label, painted: false };
    });
    roving.refresh();
  }

  function update({ weights, names, selected }) {
    if (maps.length !== weights.length || maps.some((m, i) => m.label.textContent !== names[i])) {
      grid.replaceChildren();
      build(weights.length, names);
    }
    weights.forEach((w, i) => {
      let scale = 0;
      for (const v of w) scale = Math.max(scale, Math.abs(v));
      // All zeros (no network yet) is all paper: the canvas's own background, with no colours to read.
      if (scale > 0) {
        colors ??= themeColors(grid, { paper: 'var(--bg)', negative: 'var(--accent)', positive: 'var(--curve)' });
        paintSigned(maps[i].canvas, w, scale, colors);
      } else if (maps[i].painted) {
        maps[i].canvas.getContext('2d').clearRect(0, 0, SIDE, SIDE);
      }
      maps[i].painted = scale > 0;
      const m = maps[i];
      m.b.setAttribute('aria-pressed', String(i === selected));
      m.b.setAttribute('aria-label', `${names[i]}: its 64 incoming weights, from ${fmt(Math.min(...w))} to ${fmt(Math.max(...w))}`);
    });
  }

  return {
    update,
    /** The theme changed: colours are read again at the next update. */
    themeChanged() {
      colors = null;
    },
    element: grid,
  };
}

const fmt = (v) => (v < 0 ? `−${Math.abs(v).toFixed(2)}` : v.toFixed(2));
