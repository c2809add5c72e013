// The table of weights, growing row by row. Takes plain rows; long runs keep the first and the last rows and say
// how many are folded in between.
import { formatCount, formatNumber } from '../format.js';
import { element, scrollBox, watchContent } from '../dom.js';

/** Rows kept at the top and at the bottom of a long run: [head, tail]. */
export const KEPT_ROWS = [7, 8];

const cell = (tag, text, cls) => element(tag, cls, text);

/**
 * Rows are {n, w, loss, mark, current}, or {folded: count} for rows left out in between.
 * @returns {{ update(data: { rows: object[], note: ?string }): void, reset(): void }}
 */
export function createTableFigure(container) {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.setAttribute('part', 'table');
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = 'The weight after each step';
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  hr.append(cell('th', 'step n'), cell('th', 'wₙ'), cell('th', 'J(wₙ)'), cell('th', 'note', 'note'));
  for (const th of hr.children) th.setAttribute('scope', 'col');
  head.append(hr);
  const body = document.createElement('tbody');
  table.append(caption, head, body);
  const note = document.createElement('p');
  note.className = 'table-note';
  wrap.append(table, note);
  container.append(scrollBox(wrap, 'Table of the weights, scrolls sideways'));
  watchContent(table);

  function row(r) {
    const tr = document.createElement('tr');
    tr.dataset.step = String(r.n);
    if (r.mark) tr.classList.add('marked');
    if (r.current) tr.classList.add('current-row');
    const n = cell('th', String(r.n));
    n.setAttribute('scope', 'row');
    tr.append(n, cell('td', formatNumber(r.w), 'w'), cell('td', r.loss === null ? '?' : formatNumber(r.loss), 'j'), cell('td', r.mark ?? '', 'mark'));
    return tr;
  }

  function update({ rows, note: text }) {
    body.replaceChildren(
      ...rows.map((r) => {
        if (!r.folded) return row(r);
        const tr = document.createElement('tr');
        tr.className = 'fold';
        const td = cell('td', `⋯ ${formatCount(r.folded)} more row${r.folded === 1 ? '' : 's'} ⋯`);
        td.colSpan = 4;
        tr.append(td);
        return tr;
      }),
    );
    note.textContent = text ?? '';
    note.hidden = !text;
  }

  return { update, reset: () => update({ rows: [], note: null }) };
}
