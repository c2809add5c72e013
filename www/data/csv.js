// A reader's own data as CSV: rows of inputs then a label, `x1,x2,label` by default, a header line optional. The
// labels decide what the network learns, and the parser says which it detected:
//   binary      every label is −1 or 1, or every label is 0 or 1 (two classes; targets ±1, 0 becomes −1)
//   classes     class names ("cat", "dog", …), or whole numbers with 3 to CSV_LIMITS.maxClasses distinct values
//               (targets: the class's index, in order of first appearance for names, ascending for numbers)
//   regression  any other numbers (targets: the values)
// A row that cannot be used is refused with its place, as data: { kind, line, column, field, value, expected,
// message } (line and column count from 1, the column in characters of that line); nothing is half-read.
//
// Plain functions of a string; no DOM, no core. The limits are one constant, CSV_LIMITS; its row limit is the
// core's (limits().network.maxPoints, read from the generated module), so a file the parser accepts fits the core.
// The package exports it as backprop-lab/data/csv (its types in package/data/csv.d.ts), beside data/digits.
import { LIMITS } from '../pkg/limits.js';

/** Every bound the parser checks, in one place. */
export const CSV_LIMITS = Object.freeze({
  /** Most bytes (UTF-8) of one text: a 10,000-row file of ordinary numbers is about 300 KB. */
  maxBytes: 2_000_000,
  /** Most data rows (the header and blank lines not counted): the most points the core trains on. */
  maxRows: LIMITS.network.maxPoints,
  /** Most characters on one line. */
  maxLineLength: 1_000,
  /** Largest size of any number, input or label. */
  maxAbsValue: 1e6,
  /** Most distinct classes. */
  maxClasses: 10,
});

/** The label kinds, as `kind` in a parse's result. */
export const LABEL_KINDS = Object.freeze(['binary', 'classes', 'regression']);
/** What `options.kind` may ask for: detect, or read the labels as class names, or as values. */
export const KIND_CHOICES = Object.freeze(['auto', 'classes', 'regression']);

// A plain decimal number, optionally with an exponent: what spreadsheets write. Not "0x10", "1_000", "Infinity".
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Control characters other than the tab (which counts as space around a field): never in a CSV of numbers.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A refusal, as data, with a sentence that names its place. */
function refusal(kind, line, column, field, value, expected) {
  const where = line ? `line ${line}${column ? `, column ${column}` : ''}${field ? ` (${field})` : ''}: ` : '';
  const shown = value === undefined ? '' : ` "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return { kind, line, column, field, value, expected, message: `${where}${expected}${shown ? `, not${shown}` : ''}` };
}

/** The UTF-8 length of `text`, stopping once it passes `limit`. */
function utf8Length(text, limit) {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point of 4 bytes
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The fields of one line: [{ text, column }], text unquoted and trimmed, column (from 1) where the field starts;
 * or a refusal. Fields may be quoted ("1.5", with "" for a quote inside); a quoted field ends on its line.
 */
function splitLine(line, number) {
  const fields = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    const column = i + 1;
    let text = '';
    if (line[i] === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= line.length) return { error: refusal('unterminated-quote', number, column, null, undefined, 'a quoted field closed by " on the same line') };
        if (line[j] === '"') {
          if (line[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += line[j];
        j += 1;
      }
      i = j + 1;
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') return { error: refusal('text-after-quote', number, i + 1, null, undefined, 'a comma or the end of the line after a quoted field') };
      text = text.trim();
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      if (line.slice(i, stop).includes('"')) return { error: refusal('stray-quote', number, i + line.slice(i, stop).indexOf('"') + 1, null, undefined, 'a quote only around a whole field') };
      text = line.slice(i, stop).trim();
      i = stop;
    }
    fields.push({ text, column });
    if (i >= line.length) return { fields };
    i += 1; // the comma
  }
}

/** The number a field holds, or undefined when it is not a plain decimal number. */
function numberOf(text) {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Parses `text` as rows of `inputs` numbers then a label. Returns { ok: true, kind, why, header, names, inputs,
 * rows, points, labels, classes } or { ok: false, error }:
 *   points   Float64Array of rows × (inputs + 1): the inputs, then the target (±1, a class index, or the value)
 *   labels   the labels as written, one per row
 *   classes  binary: the two labels as written, negative first; classes: the class names by index; regression: []
 *   why      a sentence saying what was detected and from what
 * `options.kind` ('auto' by default) forces a kind: 'regression' reads number labels as values, 'classes' as names.
 */
export function parseCsv(text, { inputs = 2, kind = 'auto' } = {}) {
  const fail = (error) => ({ ok: false, error });
  if (typeof text !== 'string') return fail(refusal('not-text', 0, 0, null, undefined, 'the CSV as text'));
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > LIMITS.network.maxWidth) return fail(refusal('bad-option', 0, 0, 'inputs', String(inputs), `a whole number of inputs from 1 to ${LIMITS.network.maxWidth}`));
  if (!KIND_CHOICES.includes(kind)) return fail(refusal('bad-option', 0, 0, 'kind', String(kind), `one of ${KIND_CHOICES.map((k) => `"${k}"`).join(', ')}`));
  // UTF-8 takes at least one byte per UTF-16 unit: a longer string is too large without counting.
  if (text.length > CSV_LIMITS.maxBytes || utf8Length(text, CSV_LIMITS.maxBytes) > CSV_LIMITS.maxBytes) {
    return fail({ ...refusal('too-large', 0, 0, null, undefined, `at most ${CSV_LIMITS.maxBytes.toLocaleString('en')} bytes`), limit: CSV_LIMITS.maxBytes });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark (spreadsheets write one)
  const width = inputs + 1;
  let names = [...Array.from({ length: inputs }, (_, k) => `x${k + 1}`), 'label'];
  let header = null;
  const values = [];
  const labels = [];
  const where = []; // [line, column] of each row's label, for refusals found once every label is read
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const number = index + 1;
    const line = lines[index];
    if (line.length > CSV_LIMITS.maxLineLength) return fail(refusal('line-too-long', number, CSV_LIMITS.maxLineLength + 1, null, undefined, `at most ${CSV_LIMITS.maxLineLength} characters on a line`));
    const control = CONTROL.exec(line);
    if (control) return fail(refusal('control-character', number, control.index + 1, null, undefined, `no control character (found U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`));
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue; // blank lines and comments
    const split = splitLine(line, number);
    if (split.error) return fail({ ...split.error, field: split.error.field ?? null });
    const { fields } = split;
    if (fields.length !== width) {
      const column = fields.length > width ? fields[width].column : line.length + 1;
      return fail(refusal('wrong-field-count', number, column, null, undefined, `${width} fields (${names.join(', ')}), found ${fields.length}`));
    }
    // The first row whose inputs are not all numbers is a header, if no row came before it.
    if (values.length === 0 && header === null && fields.slice(0, inputs).some((f) => numberOf(f.text) === undefined)) {
      header = fields.map((f) => f.text);
      names = header.map((h, k) => h || names[k]);
      continue;
    }
    if (labels.length >= CSV_LIMITS.maxRows) return fail({ ...refusal('too-many-rows', number, 1, null, undefined, `at most ${CSV_LIMITS.maxRows.toLocaleString('en')} rows of data`), limit: CSV_LIMITS.maxRows });
    for (let k = 0; k < inputs; k++) {
      const f = fields[k];
      const v = numberOf(f.text);
      if (f.text === '') return fail(refusal('missing-value', number, f.column, names[k], undefined, 'a number'));
      if (v === undefined) return fail(refusal('not-a-number', number, f.column, names[k], f.text, 'a number such as 1.5 or -2e-3'));
      if (!(Math.abs(v) <= CSV_LIMITS.maxAbsValue)) return fail(refusal('out-of-range', number, f.column, names[k], f.text, `a number from −${CSV_LIMITS.maxAbsValue} to ${CSV_LIMITS.maxAbsValue}`));
      values.push(v);
    }
    const label = fields[inputs];
    if (label.text === '') return fail(refusal('missing-value', number, label.column, names[inputs], undefined, 'a label'));
    values.push(0); // the target, once the kind is known
    labels.push(label.text);
    where.push([number, label.column]);
  }
  if (labels.length === 0) return fail(refusal('no-rows', 0, 0, null, undefined, `at least one row of ${width} fields (${names.join(', ')})`));
  const labelled = readLabels(labels, where, names[inputs], kind);
  if (labelled.error) return fail(labelled.error);
  const points = Float64Array.from(values);
  labelled.targets.forEach((t, row) => (points[row * width + inputs] = t));
  return { ok: true, kind: labelled.kind, why: labelled.why, header, names, inputs, rows: labels.length, points, labels, classes: labelled.classes };
}

/** The kind of `labels`, their targets, the class names, and why; or a refusal naming the row that breaks it. */
function readLabels(labels, where, field, forced) {
  const numbers = labels.map(numberOf);
  const firstName = numbers.indexOf(undefined);
  const at = (row) => where[row];
  const distinct = [...new Set(labels)];
  if (forced === 'regression' || (forced === 'auto' && firstName < 0)) {
    if (firstName >= 0) return { error: refusal('not-a-number', ...at(firstName), field, labels[firstName], 'a number (the labels are read as values)') };
    const far = numbers.findIndex((v) => !(Math.abs(v) <= CSV_LIMITS.maxAbsValue));
    if (far >= 0) return { error: refusal('out-of-range', ...at(far), field, labels[far], `a number from −${CSV_LIMITS.maxAbsValue} to ${CSV_LIMITS.maxAbsValue}`) };
    const set = new Set(numbers);
    if (forced === 'auto') {
      if ([...set].every((v) => v === -1 || v === 1)) return binary(numbers, -1, 'every label is −1 or 1');
      if ([...set].every((v) => v === 0 || v === 1)) return binary(numbers, 0, 'every label is 0 or 1 (0 is read as −1)');
      if ([...set].every(Number.isInteger) && set.size >= 3 && set.size <= CSV_LIMITS.maxClasses) {
        const order = [...set].sort((a, b) => a - b);
        return classes(numbers.map((v) => order.indexOf(v)), order.map(String), `the labels are ${set.size} whole numbers (${order.join(', ')}): one class each`);
      }
    }
    const lo = Math.min(...numbers);
    const hi = Math.max(...numbers);
    return { kind: 'regression', targets: numbers, classes: [], why: `the labels are numbers from ${lo} to ${hi}: the network learns the value (regression)` };
  }
  // Class names, in order of first appearance; a 0..k number label is a name too when names are asked for.
  const order = [];
  const targets = [];
  for (let row = 0; row < labels.length; row++) {
    let k = order.indexOf(labels[row]);
    if (k < 0) {
      if (order.length >= CSV_LIMITS.maxClasses) return { error: { ...refusal('too-many-classes', ...at(row), field, labels[row], `at most ${CSV_LIMITS.maxClasses} classes; this label would be class ${order.length + 1}`), limit: CSV_LIMITS.maxClasses } };
      k = order.push(labels[row]) - 1;
    }
    targets.push(k);
  }
  const why = forced === 'classes' ? `the labels are read as ${distinct.length} class names` : `the labels are names (${order.join(', ')}): one class each`;
  return classes(targets, order, why);
}

/** Two classes, the labels `negative` and 1, as targets −1 and 1. */
function binary(numbers, negative, why) {
  return { kind: 'binary', targets: numbers.map((v) => (v === 1 ? 1 : -1)), classes: [String(negative), '1'], why: `two classes: ${why}` };
}

function classes(targets, names, why) {
  return { kind: 'classes', targets, classes: names, why };
}

/**
 * The rows the core trains on from a parse: the inputs, then for classes one-hot targets (one per class, for a
 * softmax output); for binary and regression the target as it is.
 */
export function coreRows(parsed) {
  if (parsed.kind !== 'classes') return Float64Array.from(parsed.points);
  const { inputs, rows, points } = parsed;
  const k = parsed.classes.length;
  const out = new Float64Array(rows * (inputs + k));
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < inputs; i++) out[r * (inputs + k) + i] = points[r * (inputs + 1) + i];
    out[r * (inputs + k) + inputs + points[r * (inputs + 1) + inputs]] = 1; // t = one-hot of the class
  }
  return out;
}
