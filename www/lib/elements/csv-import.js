// <backprop-csv-import>: a reader's own data, pasted or loaded from a file, checked before anything changes. A button
// opens a dialog with a text box and a file picker; every edit is parsed at once (data/csv.js), and the dialog
// says what it read (the rows, the header, the kind of labels and why) or where it stops (line, column, field, and
// the text box's cursor put there). "Use this data" is the only action that hands the data on, as a `data` event;
// closing the dialog, or a refusal, leaves the host's data as it was. The data never goes in a link: the dialog
// says so, and offers to save it as a file to load again.
//
// Attributes: inputs (numbers before the label, default 2), label (the button's text), theme.
// Events: data { parsed (parseCsv's result), rows (coreRows: one-hot targets for classes), text, range: { min, max }
// of the inputs }. Methods: open(), close(), parse(text) (fills the box and parses, for hosts and tests), save()
// (offers the text as a file).
// Read-only: result (the last parse).
import { button, element } from '../dom.js';
import { figureSheet, stylesheet } from './shadow.js';
import { CSV_LIMITS, KIND_CHOICES, coreRows, parseCsv } from '../../data/csv.js';
import { formatCount } from '../format.js';

const SHEET = new URL('../../styles/csv-import.css', import.meta.url);
const KIND_TEXT = { auto: 'detect them', classes: 'class names', regression: 'values (regression)' };
const EXAMPLE = 'x1,x2,label\n-1.5,2,1\n3,-0.5,-1\n';

class CsvImportElement extends HTMLElement {
  #parts = null;
  #result = null;
  #text = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (this.#parts) return;
    Promise.all([figureSheet(), stylesheet(SHEET)]).then((sheets) => (this.shadowRoot.adoptedStyleSheets = sheets));
    this.#build();
  }

  #build() {
    const root = this.shadowRoot;
    const opener = button(null, 'open-csv', this.getAttribute('label') || 'Your own data (CSV)…', () => this.open());
    opener.setAttribute('aria-haspopup', 'dialog');
    const dialog = element('dialog', 'csv-dialog');
    dialog.setAttribute('aria-labelledby', 'csv-title');
    dialog.setAttribute('aria-describedby', 'csv-about');
    const title = element('h2', 'csv-title', 'Your own data');
    title.id = 'csv-title';
    const inputs = this.#inputs();
    const names = [...Array.from({ length: inputs }, (_, k) => `x${k + 1}`), 'label'].join(',');
    const about = element('p', 'hint', `Rows of ${names}, a header line optional. Labels −1 and 1 (or 0 and 1) are two classes; names, or up to ${CSV_LIMITS.maxClasses} whole numbers, are classes; other numbers are values to fit. At most ${formatCount(CSV_LIMITS.maxRows)} rows and ${formatCount(CSV_LIMITS.maxBytes / 1000)} KB.`);
    about.id = 'csv-about';
    const boxLabel = element('label', 'csv-box-label', 'Paste the CSV');
    const box = element('textarea', 'csv-text');
    box.id = 'csv-text';
    box.rows = 8;
    box.spellcheck = false;
    box.placeholder = EXAMPLE;
    box.setAttribute('aria-describedby', 'csv-status');
    boxLabel.htmlFor = 'csv-text';
    box.addEventListener('input', () => this.#parse(box.value));
    const row = element('div', 'controls');
    const fileLabel = element('label', 'setting csv-file', 'or load a file ');
    const file = element('input');
    file.type = 'file';
    file.accept = '.csv,.txt,text/csv,text/plain';
    file.addEventListener('change', () => this.#load(file.files?.[0]));
    fileLabel.append(file);
    const kindLabel = element('label', 'setting', 'Labels: ');
    const kind = element('select');
    kind.dataset.key = 'kind';
    for (const k of KIND_CHOICES) kind.append(Object.assign(element('option', null, KIND_TEXT[k]), { value: k }));
    kind.addEventListener('change', () => this.#parse(box.value));
    kindLabel.append(kind);
    row.append(fileLabel, kindLabel);
    const status = element('p', 'csv-status');
    status.id = 'csv-status';
    status.setAttribute('role', 'status');
    const privacy = element('p', 'hint', 'Your data stays in this page: it is not put in the page’s link, so a shared link does not carry it. Save it as a file to load it again.');
    const actions = element('div', 'controls csv-actions');
    const use = button(actions, 'use-csv', 'Use this data', () => this.#use());
    const save = button(actions, 'save-csv', 'Save as a file', () => this.save());
    button(actions, 'cancel-csv', 'Cancel', () => this.close());
    dialog.append(title, about, boxLabel, box, row, status, privacy, actions);
    dialog.addEventListener('close', () => opener.focus());
    root.append(opener, dialog);
    this.#parts = { opener, dialog, box, file, kind, status, use, save };
    this.#parse('');
  }

  #inputs() {
    const n = Number(this.getAttribute('inputs') ?? 2);
    return Number.isInteger(n) && n >= 1 ? n : 2;
  }

  /** Parses `text` and shows what was read, or where it stops; returns the result. */
  #parse(text) {
    this.#text = text;
    const p = this.#parts;
    const empty = text.trim() === '';
    this.#result = empty ? null : parseCsv(text, { inputs: this.#inputs(), kind: p.kind.value });
    const r = this.#result;
    p.use.disabled = !r?.ok;
    p.save.disabled = empty;
    p.box.setAttribute('aria-invalid', String(Boolean(r && !r.ok)));
    p.status.classList.toggle('refused', Boolean(r && !r.ok));
    if (!r) p.status.textContent = 'Nothing read yet.';
    else if (r.ok) p.status.textContent = `Read ${formatCount(r.rows)} row${r.rows === 1 ? '' : 's'}${r.header ? ` under the header ${r.header.join(', ')}` : ''}: ${r.why}.`;
    else p.status.textContent = `Not read: ${r.error.message}.`;
    return r;
  }

  /** Puts the text box's cursor on the refused place (line, column), so the reader sees it. */
  #pointAt({ line, column }) {
    const { box } = this.#parts;
    if (!line) return;
    const text = box.value;
    const ends = /\r\n|\n|\r/g;
    // The line's first character: after the byte-order mark the parser skips, and after line − 1 line ends.
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (let k = 1; k < line && ends.exec(text); k++) start = ends.lastIndex;
    ends.lastIndex = start;
    const end = ends.exec(text)?.index ?? text.length;
    box.focus();
    box.setSelectionRange(Math.min(end, start + column - 1), end);
  }

  async #load(file) {
    if (!file) return;
    if (file.size > CSV_LIMITS.maxBytes) {
      this.#parts.box.value = '';
      this.#parse('');
      this.#parts.status.textContent = `Not read: ${file.name} has ${formatCount(file.size)} bytes, more than the ${formatCount(CSV_LIMITS.maxBytes)} a file may have.`;
      this.#parts.status.classList.add('refused');
      return;
    }
    const text = await file.text();
    this.#parts.box.value = text;
    const r = this.#parse(text);
    if (r && !r.ok) this.#pointAt(r.error);
  }

  #use() {
    const r = this.#result;
    if (!r) return;
    if (!r.ok) {
      this.#pointAt(r.error);
      return;
    }
    let min = Infinity;
    let max = -Infinity;
    const stride = r.inputs + 1;
    for (let i = 0; i < r.points.length; i++) {
      if (i % stride === r.inputs) continue;
      min = Math.min(min, r.points[i]);
      max = Math.max(max, r.points[i]);
    }
    this.dispatchEvent(new CustomEvent('data', { detail: { parsed: r, rows: coreRows(r), text: this.#text, range: { min, max } }, bubbles: true, composed: true }));
    this.close();
  }

  /** Offers the text as a file (a download of a Blob: nothing leaves the page). */
  save() {
    const url = URL.createObjectURL(new Blob([this.#text], { type: 'text/csv' }));
    const a = element('a');
    a.href = url;
    a.download = 'my-data.csv';
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  open() {
    const { dialog, box } = this.#parts;
    if (!dialog.open) dialog.showModal();
    box.focus();
  }

  close() {
    if (this.#parts.dialog.open) this.#parts.dialog.close();
  }

  /** Fills the text box with `text` and parses it; returns the result (as the dialog shows it). */
  parse(text) {
    this.#parts.box.value = String(text);
    const r = this.#parse(String(text));
    if (r && !r.ok && this.#parts.dialog.open) this.#pointAt(r.error);
    return r;
  }

  get result() {
    return this.#result;
  }
}

if (!customElements.get('backprop-csv-import')) customElements.define('backprop-csv-import', CsvImportElement);
