// The values the module makes in JavaScript rather than in wasm, so that it needs neither a serializer nor Rust's
// float formatting: the result objects of the exports (a step's record, an analysis, a configuration, the limits),
// built field by field as plain objects and arrays, and numbers and quoted strings as text for error messages. Nothing here reads a
// caller's value, and nothing here can throw: every object and array is new.

/**
 * A number as JavaScript's `String(v)` writes it (`NaN`, `-Infinity`, `0.59`, `2e-7`, `1.5e+300`), except that
 * −0 keeps its sign, as the native build writes it.
 */
export function numberText(value) {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A string quoted for an error message as the native build quotes it: in double quotes, at most `limit` characters
 * (code points; then the full count), quotes and backslashes escaped, control characters (U+0000 to U+001F and
 * U+007F to U+009F) as `\u{..}` in lowercase hex.
 */
export function quoteText(text, limit) {
  const chars = Array.from(text);
  let out = '"';
  for (const c of chars.slice(0, limit)) {
    const code = c.codePointAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  out += '"';
  if (chars.length > limit) out += `… (${chars.length} characters)`;
  return out;
}

/** A new plain object. */
export function object() {
  return {};
}

/** A new plain array. */
export function array() {
  return [];
}

/** Sets `object[key]` to `value` (any JavaScript value). */
export function set(object, key, value) {
  object[key] = value;
}

/** Sets `object[key]` to the number `value`. */
export function setNumber(object, key, value) {
  object[key] = value;
}

/** Sets `object[key]` to the string `value`. */
export function setString(object, key, value) {
  object[key] = value;
}

/** Sets `object[key]` to a plain array of the numbers in `values` (a view of wasm memory, copied at once). */
export function setNumbers(object, key, values) {
  object[key] = Array.from(values);
}

/** Appends `value` to a plain array. */
export function push(array, value) {
  array.push(value);
}

/** Appends the string `value` to a plain array. */
export function pushString(array, value) {
  array.push(value);
}

/**
 * Plain objects, one per `keys.length` numbers of `values` (a view of wasm memory, read at once), each with the
 * fields `keys` (a comma-separated list) in order: the records of a run, or one record.
 */
export function records(keys, values) {
  const names = keys.split(',');
  const out = [];
  for (let start = 0; start + names.length <= values.length; start += names.length) {
    const record = {};
    for (let k = 0; k < names.length; k++) record[names[k]] = values[start + k];
    out.push(record);
  }
  return out;
}

/** One plain object with the fields `keys` (a comma-separated list) set to the numbers of `values`, in order. */
export function record(keys, values) {
  return records(keys, values)[0];
}
