// The values the module makes in JavaScript rather than in wasm, so that it needs no serializer: the result
// objects of the exports (a step's record, an analysis, a configuration, the limits), built field by field as plain
// objects and arrays. Nothing here reads a caller's value, and nothing here can throw: every object and array is
// new.

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
