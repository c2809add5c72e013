// The boundary's risky reads, done in JavaScript where an exception can be caught before it reaches wasm.
//
// No function here ever throws: a getter, a proxy trap or an iterator that throws is caught here, the function
// returns `undefined`, and `lastReadThrew()` says so. So no exception unwinds through wasm frames (which would
// leak wasm stack and leave a handle borrowed), and none goes through wasm-bindgen's `catch` glue either (which,
// in wasm-bindgen 0.2.130, leaks an externref table slot, and with it wasm memory, for each exception caught by an
// import that returns a value). Each function reads a caller's value at most once and, where it can, through the
// built-in operations no caller can redefine: the real length and kind of a typed array come from the intrinsic
// getters, not from a `length` property the caller may have replaced.

const TypedArray = Object.getPrototypeOf(Int8Array.prototype);
const typedName = Object.getOwnPropertyDescriptor(TypedArray, Symbol.toStringTag).get;
const typedLength = Object.getOwnPropertyDescriptor(TypedArray, 'length').get;
const typedBuffer = Object.getOwnPropertyDescriptor(TypedArray, 'buffer').get;
const typedSet = TypedArray.set;
const { isView } = ArrayBuffer;
const { isArray } = Array;
const { keys, getOwnPropertyNames, getOwnPropertyDescriptor, defineProperty } = Object;
const { apply, get } = Reflect;

/** Whether the last read threw. */
let threw = false;

/** True when the last read threw (and forgets it). */
export function lastReadThrew() {
  const t = threw;
  threw = false;
  return t;
}

function failed() {
  threw = true;
  return undefined;
}

/**
 * What a value is, without running any of its code: its `typeof` for primitives and functions; for objects the
 * typed array's name ("Float64Array", "Int32Array", …), "DataView", "array", "revoked" (a revoked proxy), or
 * "object".
 */
export function kind(value) {
  const type = typeof value;
  if (value === null) return 'null';
  if (type !== 'object') return type;
  if (isView(value)) return typedName.call(value) ?? 'DataView';
  try {
    return isArray(value) ? 'array' : 'object';
  } catch {
    return 'revoked';
  }
}

/** A string's length in UTF-16 units (Infinity for any other value): strings are refused by it before a copy. */
export function stringLength(value) {
  return typeof value === 'string' ? value.length : Infinity;
}

/**
 * A string quoted as the core's `quote` does: its first 40 code points (quotes and backslashes escaped, control
 * characters as \u{..}) in double quotes, then the full count; only the count reads the whole string.
 */
function quoteText(text) {
  let out = '"';
  let count = 0;
  let k = 0;
  for (const c of text) {
    if (++count > 40) break;
    k += c.length;
    const code = c.codePointAt(0);
    out += c === '"' || c === '\\' ? `\\${c}` : code < 32 || (code > 126 && code < 160) ? `\\u{${code.toString(16)}}` : c;
  }
  if (count <= 40) return `${out}"`;
  for (count = 40; k < text.length; k++) count += (text.charCodeAt(k) & 0xfc00) !== 0xdc00; // (low surrogates)
  return `${out}"… (${count} characters)`;
}

/** How a message names a value of each kind that is neither a number nor a string. */
const KIND_NAMES = {
  undefined: 'undefined', null: 'null', array: 'an array', revoked: 'a revoked proxy', function: 'a function',
  object: 'an object', symbol: 'a symbol', bigint: 'a BigInt', DataView: 'a DataView',
};

/**
 * A short description of a value that is not a number, for an error message ("the string \"tanh\"", "an array",
 * "true", "an Int32Array of length 2", …), running none of its code.
 */
export function describe(value) {
  const k = kind(value);
  if (k === 'string') {
    try {
      return `the string ${quoteText(value)}`;
    } catch {
      return 'a string'; // (String.prototype replaced by one that throws)
    }
  }
  if (k === 'boolean') return String(value);
  if (Object.hasOwn(KIND_NAMES, k)) return KIND_NAMES[k];
  let length = 0;
  try {
    length = typedLength.call(value);
  } catch {
    // (a typed array always has a length; 0 if not)
  }
  return `${k.startsWith('I') || k.startsWith('U') ? 'an' : 'a'} ${k} of length ${length}`;
}

/** A typed array's real length (from the intrinsic getter, whatever its own `length` property says). */
export function typedArrayLength(value) {
  try {
    return typedLength.call(value);
  } catch {
    return failed();
  }
}

/** A copy of a Float64Array of `length` numbers, its real length just read. */
export function copyFloat64(value, length) {
  try {
    const copy = new Float64Array(length);
    apply(typedSet, copy, [value]);
    return copy;
  } catch {
    return failed();
  }
}

/** An array's (or array proxy's) `length`, read once; a throwing trap or getter throws to the caller. */
export function arrayLength(value) {
  try {
    return get(value, 'length');
  } catch {
    return failed();
  }
}

/**
 * Elements 0 to length − 1 of an array, each read once, as a new Float64Array; or, at the first element that is
 * not a number, `[index, element]` instead.
 */
export function arrayNumbers(value, length) {
  try {
    const out = new Float64Array(length);
    for (let k = 0; k < length; k++) {
      const item = get(value, k);
      if (typeof item !== 'number') return [k, item];
      out[k] = item;
    }
    return out;
  } catch {
    return failed();
  }
}

/** Elements 0 to length − 1 of an array, each read once, as a new plain array. */
export function arrayItems(value, length) {
  try {
    const out = [];
    for (let k = 0; k < length; k++) out.push(get(value, k));
    return out;
  } catch {
    return failed();
  }
}

/** An object's own enumerable string keys (a proxy's `ownKeys` trap may throw). */
export function ownKeys(value) {
  try {
    return keys(value);
  } catch {
    return failed();
  }
}

/** One field of an object, read once (a getter or a proxy's `get` trap may throw). */
export function field(object, key) {
  try {
    return get(object, key);
  } catch {
    return failed();
  }
}

/** Writes `values` into the caller's Float64Array `out`, whose real length was checked to match. */
export function writeFloat64(out, values) {
  try {
    apply(typedSet, out, [values]);
  } catch {
    failed();
  }
}

/** Whether a typed array is a view of `memory`'s buffer (writing into it would write over the module's heap). */
export function viewsMemory(value, memory) {
  try {
    return typedBuffer.call(value) === memory.buffer;
  } catch {
    return true;
  }
}

const bits = new DataView(new ArrayBuffer(8));

/**
 * A message with the core's marks written out: a number's bits in decimal between two U+0001, as `String(v)`
 * writes the number (−0 as "-0"); U+0002, a length in UTF-8 bytes, U+0002 and a string, quoted. So the module
 * needs neither Rust's float formatting nor its Unicode formatting.
 */
function marksAsText(message) {
  let out = '';
  for (let k = 0; k < message.length;) {
    const c = message[k++];
    const close = c < '\u0003' ? message.indexOf(c, k) : -1;
    if (c === '\u0001' && close > 0) {
      bits.setBigUint64(0, BigInt(message.slice(k, close)));
      const v = bits.getFloat64(0);
      out += Object.is(v, -0) ? '-0' : String(v);
      k = close + 1;
    } else if (c === '\u0002' && close > 0) {
      let end = close + 1;
      for (let bytes = Number(message.slice(k, close)); bytes > 0 && end < message.length;) {
        const code = message.codePointAt(end);
        bytes -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        end += code < 0x10000 ? 1 : 2;
      }
      out += quoteText(message.slice(close + 1, end));
      k = end;
    } else {
      out += c;
    }
  }
  return out;
}

/** An `Error` with the refusal as data: `kind`, and where they apply `field`, `step`, `epoch`, `loss`, `bound`. */
export function refusal(message, kind, field, step, epoch, loss, bound) {
  let error;
  try {
    error = new Error(marksAsText(message));
  } catch {
    error = new Error(message); // (String.prototype replaced by code that throws)
  }
  error.kind = kind; // (nothing below can throw: own properties of a new Error)
  if (field !== undefined) error.field = field;
  if (step !== undefined) error.step = step;
  if (epoch !== undefined) error.epoch = epoch;
  if (loss !== undefined) error.loss = loss;
  if (bound !== undefined) error.bound = bound;
  return error;
}

/**
 * True while `handle` is a handle of the class whose pointers are `pointers`, and still owns its Rust value
 * (`free()` sets the pointer to 0). Each class keeps its handles' pointers in a WeakMap rather than in a property a
 * caller could set: wasm-bindgen's glue writes and reads `__wbg_ptr`, which the prototype turns into the map's
 * entry. So an object that is not a handle of the class (one made with Object.create, a proxy, a handle of the
 * other class, a handle given its own `__wbg_ptr`) never passes its number to wasm as a pointer, where it would be
 * read as another value's memory.
 */
function live(handle, pointers) {
  const pointer = pointers.get(handle);
  return typeof pointer === 'number' && pointer !== 0 && getOwnPropertyDescriptor(handle, '__wbg_ptr') === undefined;
}

function freed(className, member) {
  return refusal(
    `this ${className} has been freed (free() was called), so ${member} is no longer available; create a new ${className}`,
    'freed',
  );
}

function busy(className, member) {
  return refusal(
    `this ${className} is busy: ${member} was called from inside another call on it (from a getter, proxy or ` +
      'valueOf that call read); call it after that call returns',
    'busy',
  );
}

/** The handles with a call in progress (calls nest: one thread), and those to free when their call returns. */
const calling = [];
const deferred = [];

function enter(handle, pointers, className, member) {
  if (!live(handle, pointers)) throw freed(className, member);
  if (calling.includes(handle)) throw busy(className, member);
  calling.push(handle);
}

function leave(handle) {
  calling.pop();
  const k = deferred.findIndex((d) => d[0] === handle);
  if (k >= 0) apply(deferred.splice(k, 1)[0][1], handle, []);
}

/**
 * `free()`: at once, or, during a call on the same handle, when that call returns (until then the handle stays
 * live, its calls refused as busy), so that wasm-bindgen never takes a value that is borrowed (which throws,
 * leaves the handle reading as freed and leaks the value).
 */
function guardedFree(free, pointers) {
  return {
    free() {
      if (!live(this, pointers)) return;
      if (!calling.includes(this)) apply(free, this, []);
      else if (!deferred.some((d) => d[0] === this)) deferred.push([this, free]);
    },
  }.free;
}

/**
 * Guards every method and getter of an exported class's prototype, without entering wasm: on a freed handle, or
 * anything that is not a handle of the class, it throws kind "freed" (wasm would report the null pointer by a
 * throw that unwinds through wasm frames, or read another value's memory); a call from inside another call on the
 * same handle throws kind "busy" (wasm-bindgen would throw its "recursive use of an object" through wasm frames).
 * `free()` of a freed handle does nothing. `probe`, the handle made to reach the prototype, is freed.
 */
export function guardClass(prototype, className, probe) {
  try {
    guardMembers(prototype, className, probe);
  } catch {
    failed();
  }
}

/** The prototypes already guarded (a module instantiated again, by initSync, keeps its classes' guard). */
const guarded = new WeakSet();

function guardMembers(prototype, className, probe) {
  if (guarded.has(prototype)) {
    apply(prototype.free, probe, []);
    return;
  }
  guarded.add(prototype);
  const pointers = new WeakMap();
  const free = prototype.free;
  for (const key of getOwnPropertyNames(prototype)) {
    if (key === 'constructor' || key.startsWith('__')) continue;
    const descriptor = getOwnPropertyDescriptor(prototype, key);
    if (typeof descriptor.value === 'function') {
      const method = descriptor.value;
      descriptor.value = key === 'free'
        ? guardedFree(method, pointers)
        : {
          [key](...args) {
            enter(this, pointers, className, `${key}()`);
            try {
              return apply(method, this, args);
            } finally {
              leave(this);
            }
          },
        }[key];
    } else if (descriptor.get) {
      const getter = descriptor.get;
      descriptor.get = getOwnPropertyDescriptor({
        get [key]() {
          enter(this, pointers, className, key);
          try {
            return apply(getter, this, []);
          } finally {
            leave(this);
          }
        },
      }, key).get;
    }
    defineProperty(prototype, key, descriptor);
  }
  if (Symbol.dispose && typeof prototype[Symbol.dispose] === 'function') {
    defineProperty(prototype, Symbol.dispose, { value: prototype.free, configurable: true, writable: true });
  }
  // The probe handle the module made to reach the prototype holds its pointer as its own property: freed here.
  apply(free, probe, []);
  defineProperty(prototype, '__wbg_ptr', {
    get() {
      return pointers.get(this) ?? 0;
    },
    set(pointer) {
      pointers.set(this, pointer);
    },
  });
}
