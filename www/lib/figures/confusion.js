// The confusion matrix: for every pair (true class, predicted class) the number of test images, rows the true
// class, columns the network's answer, so the diagonal holds the right answers. A cell is shaded by its share of
// its row (green on the diagonal, red off it), and is a button: pressing it asks for those images (`onPick`). The
// cells are one Tab stop; the arrow keys move between them.
// Takes the plain counts (classes × classes, row by row) the core's metrics() gives; never holds the network.
import { element } from '../dom.js';
import { rovingFocus } from './roving.js';

/**
 * @returns {{ update(counts: ArrayLike<number>): void, select(truth: ?number, guess?: number): void, element: HTMLElement }}
 */
export function createConfusionMatrix(container, { classes = 10, onPick = () => {} } = {}) {
  const wrap = element('div', 'confusion-wrap');
  const table = element('table', 'confusion');
  table.setAttribute('part', 'confusion');
  const caption = element('caption', null, 'Test images by true digit (rows) and the network’s answer (columns). Press a number to see those images; the arrow keys move between them.');
  const head = element('thead');
  const top = element('tr');
  const corner = element('th', 'corner', 'true ↓ · answer →');
  corner.scope = 'col';
  top.append(corner);
  for (let c = 0; c < classes; c++) {
    const th = element('th', null, String(c));
    th.scope = 'col';
    top.append(th);
  }
  head.append(top);
  const body = element('tbody');
  const cells = [];
  for (let r = 0; r < classes; r++) {
    const tr = element('tr');
    const th = element('th', null, String(r));
    th.scope = 'row';
    tr.append(th);
    for (let c = 0; c < classes; c++) {
      const td = element('td', r === c ? 'diagonal' : 'off');
      const b = element('button', 'cell', '0');
      b.type = 'button';
      b.dataset.truth = String(r);
      b.dataset.guess = String(c);
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => onPick(r, c));
      td.append(b);
      tr.append(td);
      cells.push(b);
    }
    body.append(tr);
  }
  table.append(caption, head, body);
  wrap.append(table);
  container.append(wrap);
  rovingFocus(body, 'button.cell', () => classes).refresh();
  let shown = new Array(classes * classes).fill(-1);

  function update(counts) {
    for (let r = 0; r < classes; r++) {
      let total = 0;
      for (let c = 0; c < classes; c++) total += counts[r * classes + c];
      for (let c = 0; c < classes; c++) {
        const k = r * classes + c;
        const n = counts[k];
        if (shown[k] === n) continue; // an unchanged count is not written again
        shown[k] = n;
        const b = cells[k];
        b.textContent = String(n);
        b.style.setProperty('--share', String(total ? n / total : 0));
        b.classList.toggle('empty', n === 0);
        b.setAttribute('aria-label', `true ${r}, answered ${c}: ${n} test image${n === 1 ? '' : 's'}`);
      }
    }
  }

  function select(truth, guess) {
    cells.forEach((b, k) => b.setAttribute('aria-pressed', String(truth !== null && k === truth * classes + guess)));
  }

  return { update, select, element: wrap };
}
