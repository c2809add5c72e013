// The one table of a descent's state: what each field is called in the URL and in an element's attributes, what
// it accepts, and its default (the article's numbers). Reading a URL, writing a URL and reading attributes all go
// through it, so a copied link reproduces the view.
//
// Nothing read from a URL or an attribute is ever used as markup: values are parsed as numbers by a strict pattern
// and anything else falls back to the default, naming only the field (from this table) in the notice.

/** @typedef {{ key: string, attribute: string, label: string, fallback: number, min: number, max: number,
 *              minExclusive?: boolean, integer?: boolean, range: string,
 *              parse?: (text: string) => any, write?: (value: any) => string }} Field
 * A table may give a field its own `parse` (text → value, or null when not acceptable) and `write` (value → text),
 * for values that are not plain numbers (a choice from a list, a list of sizes). */

/** @type {Field[]} */
export const FIELDS = [
  { key: 'x', attribute: 'x', label: 'x', fallback: 1.5, min: -1000, max: 1000, range: 'a number from −1000 to 1000' },
  { key: 'y', attribute: 'y', label: 'y', fallback: 0.5, min: -1000, max: 1000, range: 'a number from −1000 to 1000' },
  { key: 'w', attribute: 'w', label: 'w₀', fallback: 0.8, min: -1000, max: 1000, range: 'a number from −1000 to 1000' },
  { key: 'lr', attribute: 'lr', label: 'lr', fallback: 0.1, min: 0, max: 100, minExclusive: true, range: 'a number above 0, at most 100' },
  { key: 'step', attribute: 'steps', label: 'step', fallback: 0, min: 0, max: 10000, integer: true, range: 'a whole number from 0 to 10000' },
];

/** The article's problem and starting point. */
export const DEFAULTS = Object.freeze(Object.fromEntries(FIELDS.map((f) => [f.key, f.fallback])));

/** Longest value text accepted; anything longer is refused before it is parsed. */
const MAX_TEXT = 32;
/** A plain decimal number, optionally with an exponent: nothing else is ever turned into a number. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i;

/** Parses one field's text; returns the number, or null when the text is not acceptable for the field. */
export function parseField(field, text) {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_TEXT || !NUMBER.test(t)) return null;
  const v = Number(t);
  if (!Number.isFinite(v)) return null;
  if (field.integer && !Number.isInteger(v)) return null;
  if (v > field.max || v < field.min || (field.minExclusive && v === field.min)) return null;
  return v === 0 ? 0 : v; // no −0
}

const parseValue = (field, text) => (field.parse ? field.parse(typeof text === 'string' ? text.trim() : '') : parseField(field, text));

/**
 * Reads state from a URL fragment or query ("#x=1.5&lr=0.1&step=3"). Missing fields take their default silently;
 * fields that are present but not acceptable take their default and are listed in `refused` (by label);
 * unknown keys are counted in `unknown`.
 */
export function readState(fragment, fields = FIELDS) {
  const state = Object.fromEntries(fields.map((f) => [f.key, f.fallback]));
  const refused = [];
  let unknown = 0;
  let text = typeof fragment === 'string' ? fragment : '';
  if (text.startsWith('#') || text.startsWith('?')) text = text.slice(1);
  if (text.length > 4096) return { state, refused: fields.map((f) => f.label), unknown: 0, tooLong: true };
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state, refused: fields.map((f) => f.label), unknown: 0 };
  }
  const seen = new Set();
  for (const [key, value] of params) {
    const field = fields.find((f) => f.key === key);
    if (!field) {
      unknown += 1;
      continue;
    }
    if (seen.has(key)) continue; // the first occurrence wins
    seen.add(key);
    const v = parseValue(field, value);
    if (v === null) refused.push(field.label);
    else state[key] = v;
  }
  const order = fields.map((f) => f.label);
  refused.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { state, refused, unknown, tooLong: false };
}

/** Writes state as a URL fragment (without "#"), every field of the table in its order. */
export function writeState(state, fields = FIELDS) {
  const params = new URLSearchParams();
  for (const f of fields) {
    const v = state[f.key];
    params.set(f.key, f.write ? f.write(v ?? f.fallback) : String(Number.isFinite(v) ? v : f.fallback));
  }
  return params.toString();
}

/**
 * A sentence for the notice shown when a URL's state was partly refused; null when nothing was. `whose` names the
 * defaults ("the article’s", "the playground’s").
 */
export function refusalNotice({ refused, unknown, tooLong }, whose = 'the article’s') {
  if (tooLong) return `The link’s settings were too long to read, so ${whose} ${whose.includes('article') ? 'numbers are' : 'settings are'} shown instead.`;
  const parts = [];
  if (refused.length > 0) {
    const names = refused.join(', ');
    parts.push(`The link’s value${refused.length > 1 ? 's' : ''} for ${names} could not be used, so ${refused.length > 1 ? `they fall back to ${whose} defaults` : `it falls back to ${whose} default`}.`);
  }
  if (unknown > 0) parts.push(`${unknown} unknown setting${unknown > 1 ? 's were' : ' was'} ignored.`);
  return parts.length ? parts.join(' ') : null;
}

/**
 * Reads a descent's configuration from an element's attributes (x, y, w, lr, steps) with the same rules as a URL.
 * Returns { config: {x, y, w, lr}, steps, refused }.
 */
export function readAttributes(element) {
  const { values, refused } = readAttributeValues(element, FIELDS);
  const { x, y, w, lr, step } = values;
  return { config: { x, y, w, lr }, steps: step, refused };
}

/** Reads every field of `fields` from an element's attributes: { values, refused (attribute names) }. */
export function readAttributeValues(element, fields) {
  const values = Object.fromEntries(fields.map((f) => [f.key, f.fallback]));
  const refused = [];
  for (const f of fields) {
    if (!element.hasAttribute(f.attribute)) continue;
    const v = parseValue(f, element.getAttribute(f.attribute));
    if (v === null) refused.push(f.attribute);
    else values[f.key] = v;
  }
  return { values, refused };
}

/** The attribute names the table defines. */
export const STATE_ATTRIBUTES = FIELDS.map((f) => f.attribute);
