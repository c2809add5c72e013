// One parser family for every figure's settings. Each figure has one table of fields; the same table reads an
// element's attributes, reads and writes a URL fragment, and names what could not be used. Every parser takes text
// and returns a value or null; nothing read is ever used as markup, and lookups go through a Map of the table, so a
// key such as "__proto__" or "constructor" is an unknown key like any other.

/** @typedef {{ key: string, attribute: string, label: string, fallback: any, range: string,
 *              parse: (text: string) => any, write: (value: any) => ?string, flag?: boolean, url?: boolean,
 *              names: string[], attributes: string[], type: string, min?: number, max?: number,
 *              minExclusive?: boolean, choices?: string[], title: string, meaning: string }} Field
 * `key` is the name in a URL, `attribute` the element's attribute, `label` the name used in notices. `parse` gives
 * the value or null (not acceptable); `write` gives the text, or null for "no attribute" (a flag that is off).
 * `url: false` keeps a field out of URLs (an element id, say).
 *
 * A link and an element accept both names, the key and the attribute (`names`; `attributes` leaves out a key that is
 * one of HTML's own attributes, such as `hidden`), so a link's settings copied onto an element work, and back.
 *
 * What the author's page and the reference (scripts/docs.mjs) say of a field comes from here too: `type` (number,
 * integer, choice, flag, list, id or text), `min`/`max`/`choices` (taken from the parser where it is decimal() or
 * oneOf()), `title` (its name in words, "learning rate") and `meaning` (one sentence). */

/** The schema version shared links carry (`v=1`). A link made with another version says so. */
export const URL_VERSION = 1;

/** Longest value text accepted; anything longer is refused before it is parsed. */
export const MAX_TEXT = 32;
/** Longest fragment read at all. */
const MAX_FRAGMENT = 4096;
/** A plain decimal number, optionally with an exponent: nothing else is ever turned into a number. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,3})?$/i;

/**
 * A number within [min, max] (above min with minExclusive; whole with integer). `tiny` refuses magnitudes below it
 * (other than 0), for inputs whose square would vanish in floating point.
 */
export function decimal({ min, max, minExclusive = false, integer = false, tiny = 0 }) {
  return described({ type: integer ? 'integer' : 'number', min, max, minExclusive }, (text) => {
    const t = typeof text === 'string' ? text.trim() : '';
    if (t.length === 0 || t.length > MAX_TEXT || !DECIMAL.test(t)) return null;
    const v = Number(t);
    if (!Number.isFinite(v) || (integer && !Number.isInteger(v))) return null;
    if (v > max || v < min || (minExclusive && v === min)) return null;
    if (v !== 0 && Math.abs(v) < tiny) return null;
    return v === 0 ? 0 : v; // no −0
  });
}

/** A parser that says what it accepts (read by field() for the author's page and the reference). */
const described = (meta, parse) => Object.assign(parse, { accepts: Object.freeze(meta) });

/** One of a fixed list of words (compared as strings, so no inherited property can match). */
export function oneOf(list) {
  const words = new Set(list);
  return described({ type: 'choice', choices: [...list] }, (text) => (typeof text === 'string' && words.has(text.trim()) ? text.trim() : null));
}

/** A boolean: present, "", "1", "true" or the field's own name → true; "0" or "false" → false. */
export const flagValue = described({ type: 'flag' }, (text) => {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  if (t === '' || t === '1' || t === 'true' || t === 'on') return true;
  if (t === '0' || t === 'false' || t === 'off') return false;
  return null;
});

/** An element id named by an attribute (`for`). */
export const idRef = described({ type: 'id' }, (text) => (typeof text === 'string' && /^[A-Za-z][\w-]{0,63}$/.test(text.trim()) ? text.trim() : null));

/** HTML's own attributes, which no field may take as a second name (`hidden` hides any element). */
const GLOBAL_ATTRIBUTES = new Set(['hidden', 'id', 'class', 'style', 'title', 'lang', 'dir', 'role', 'slot', 'part', 'tabindex', 'inert', 'is']);

/** Builds a field with the family's defaults; `type`, `min`, `max` and `choices` default to what the parser accepts. */
export function field(key, { attribute = key, label = key, fallback, parse, write = String, range = '', url = true, flag = false, title = label, meaning = '', ...accepts }) {
  const { type = 'text', min, max, minExclusive, choices } = { ...parse?.accepts, ...accepts };
  const names = [...new Set([attribute, key])];
  const attributes = names.filter((n) => n === attribute || !GLOBAL_ATTRIBUTES.has(n));
  const bounds = Object.fromEntries(Object.entries({ min, max, minExclusive, choices }).filter(([, v]) => v !== undefined));
  return Object.freeze({ key, attribute, label, fallback, parse, write, range, url, flag, names, attributes, type, title, meaning, ...bounds });
}

/** A flag field (an attribute present or absent; `key=1` or `key=0` in a URL). */
export const flagField = (key, { range = '1 or 0', ...more } = {}) =>
  field(key, { fallback: false, parse: flagValue, write: (v) => (v ? '' : null), range, flag: true, ...more });

/** The settings every figure has: its theme and when it loads. */
export const COMMON_FIELDS = [
  field('theme', { fallback: 'auto', parse: oneOf(['auto', 'light', 'dark']), write: (v) => (v === 'auto' ? null : v), range: 'auto, light or dark',
    meaning: 'The colours: light or dark; auto follows the reader’s system.' }),
  field('loading', { fallback: 'lazy', parse: oneOf(['lazy', 'eager']), range: 'lazy or eager',
    meaning: 'When the figure loads its code and the core: lazy as it nears the viewport, eager at once.' }),
];

/**
 * A field's default as an author writes it (null where there is none: a flag that is off, a `for` naming nothing);
 * a default that is written as no attribute at all (theme auto) is still named.
 */
export function defaultText(f) {
  if (f.flag) return f.fallback ? '' : null;
  if (f.fallback === null) return null;
  return f.write(f.fallback) ?? String(f.fallback);
}

const defaults = (fields) => Object.fromEntries(fields.map((f) => [f.key, f.fallback]));
const byLabelOrder = (fields, labels) => {
  const order = fields.map((f) => f.label);
  return labels.sort((a, b) => order.indexOf(a) - order.indexOf(b));
};

/**
 * Reads a URL fragment or query ("#v=1&x=1.5&lr=0.1") through a table. Missing fields take their default silently.
 * Returns { state, given (keys read and used), refused (labels of present but unacceptable values), repeated (labels given more than once; the
 * first is used), unknown (count of keys not in the table), tooLong, version (null when absent) }.
 */
export function readFragment(fragment, fields) {
  const state = defaults(fields);
  const result = { state, given: [], refused: [], repeated: [], unknown: 0, tooLong: false, version: null };
  let text = typeof fragment === 'string' ? fragment : '';
  if (text.startsWith('#') || text.startsWith('?')) text = text.slice(1);
  if (text.length > MAX_FRAGMENT) return { ...result, refused: fields.map((f) => f.label), tooLong: true };
  const table = new Map(fields.filter((f) => f.url !== false).flatMap((f) => f.names.map((name) => [name, f])));
  const seen = new Set();
  for (const [key, value] of new URLSearchParams(text)) {
    if (key === 'v') {
      if (result.version === null) result.version = value.length <= MAX_TEXT ? value : '?';
      continue;
    }
    const f = table.get(key);
    if (!f) {
      result.unknown += 1;
      continue;
    }
    if (seen.has(f.key)) {
      if (!result.repeated.includes(f.label)) result.repeated.push(f.label);
      continue; // the first occurrence wins (under either name)
    }
    seen.add(f.key);
    const v = f.parse(value.trim());
    if (v === null) result.refused.push(f.label);
    else {
      state[f.key] = v;
      result.given.push(f.key);
    }
  }
  byLabelOrder(fields, result.refused);
  byLabelOrder(fields, result.repeated);
  return result;
}

/**
 * True when a link's version is another one than this page's (a link without `v` is taken as current). Only links
 * carry a version: anything else (an element's attributes) has none, and is never another version.
 */
const otherVersion = (read) => typeof read.version === 'string' && read.version !== String(URL_VERSION);

/** Writes the URL fields of `state` as a fragment (without "#"), the version first, then the table's order. */
export function writeFragment(state, fields) {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  for (const f of fields) {
    if (f.url === false) continue;
    if (f.flag) {
      if (state[f.key]) params.set(f.key, '1');
      continue;
    }
    const text = f.write(state[f.key] ?? f.fallback);
    if (text !== null) params.set(f.key, text);
  }
  return params.toString();
}

/**
 * Reads every field of a table from an element's attributes, under either of its names (the attribute's own first):
 * { values, refused (the names as given) }.
 */
export function readAttributes(element, fields) {
  const values = defaults(fields);
  const refused = [];
  for (const f of fields) {
    const name = f.attributes.find((n) => element.hasAttribute(n));
    if (name === undefined) continue;
    const v = f.parse(element.getAttribute(name).trim());
    if (v === null) refused.push(name);
    else values[f.key] = v;
  }
  return { values, refused };
}

/**
 * Sets an element's attributes from `state` (only the keys present), removing those a value writes as null, and the
 * field's second name (so the value written is the one read).
 */
export function writeAttributes(element, fields, state) {
  for (const f of fields) {
    if (!Object.hasOwn(state, f.key)) continue;
    const text = f.write(state[f.key]);
    for (const other of f.attributes) if (other !== f.attribute) element.removeAttribute(other);
    if (text === null) element.removeAttribute(f.attribute);
    else if (element.getAttribute(f.attribute) !== text) element.setAttribute(f.attribute, text);
  }
}

/** Every attribute name a table accepts (each field's names), the field's own attribute first. */
export const acceptedAttributes = (fields) => fields.flatMap((f) => f.attributes);

/** The field's own attribute for an accepted attribute name (a second name → the attribute), or null. */
export function canonicalAttribute(fields, name) {
  return fields.find((f) => f.attributes.includes(name))?.attribute ?? null;
}

/**
 * The one wording for settings that could not be used: from a link (`read` from readFragment) or from an element's
 * attributes ({ refused: names }). `whose` names the defaults ("the article’s"). Null when everything was used.
 */
export function refusalText(read, { source = 'link', whose = 'the article’s' } = {}) {
  const what = source === 'link' ? 'The link’s' : 'The';
  if (read.tooLong) return `${what} settings were too long to read, so ${whose} defaults are used.`;
  const parts = [];
  const { refused = [], repeated = [], unknown = 0 } = read;
  if (refused.length) {
    const many = refused.length > 1;
    const noun = source === 'link' ? `value${many ? 's' : ''} for` : `attribute${many ? 's' : ''}`;
    parts.push(`${what} ${noun} ${refused.join(', ')} could not be used, so ${many ? 'they fall back' : 'it falls back'} to ${whose} default${many ? 's' : ''}.`);
  }
  if (repeated.length) parts.push(`${repeated.join(', ')} ${repeated.length > 1 ? 'were' : 'was'} given more than once; the first is used.`);
  if (unknown > 0) parts.push(`${unknown} unknown setting${unknown > 1 ? 's were' : ' was'} ignored.`);
  if (source === 'link' && otherVersion(read)) parts.push(`This link was made with another version of backprop-lab than this page’s (v=${URL_VERSION}), so the run shown may differ from the one it was made with.`);
  return parts.length ? parts.join(' ') : null;
}
