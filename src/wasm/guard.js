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

/** How a message names a value of each kind that is neither a number nor a string. */
const KIND_NAMES = {
  undefined: 'undefined', null: 'null', array: 'an array', revoked: 'a revoked proxy', function: 'a function',
  object: 'an object', symbol: 'a symbol', bigint: 'a BigInt', DataView: 'a DataView',
};

/**
 * A short description of a value that is neither a number nor a string, for an error message ("an array",
 * "true", "an Int32Array of length 2", …), running none of its code.
 */
export function describe(value) {
  const k = kind(value);
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

/** An `Error` carrying the refusal as data: `kind`, and `field`, `step`, `epoch` where they apply. */
export function refusal(message, kind, field, step, epoch) {
  const error = new Error(message); // (nothing here can throw: own properties of a new Error)
  error.kind = kind;
  if (field !== undefined) error.field = field;
  if (step !== undefined) error.step = step;
  if (epoch !== undefined) error.epoch = epoch;
  return error;
}

/** True while a handle still owns its Rust value (`free()` sets the pointer to 0). */
function live(handle) {
  const pointer = handle?.__wbg_ptr;
  return typeof pointer === 'number' && pointer !== 0;
}

function freed(className, member) {
  return refusal(
    `this ${className} has been freed (free() was called), so ${member} is no longer available; create a new ${className}`,
    'freed',
  );
}

/**
 * Guards every method and getter of an exported class's prototype: on a freed handle it throws a plain Error of
 * kind "freed" without entering wasm (where the null pointer would be reported by a throw that unwinds through
 * wasm frames), and `free()` of a freed handle does nothing.
 */
export function guardClass(prototype, className) {
  try {
    guardMembers(prototype, className);
  } catch {
    failed();
  }
}

function guardMembers(prototype, className) {
  for (const key of getOwnPropertyNames(prototype)) {
    if (key === 'constructor' || key.startsWith('__')) continue;
    const descriptor = getOwnPropertyDescriptor(prototype, key);
    if (typeof descriptor.value === 'function') {
      const method = descriptor.value;
      descriptor.value = key === 'free'
        ? { free() { if (live(this)) apply(method, this, []); } }.free
        : {
          [key](...args) {
            if (!live(this)) throw freed(className, `${key}()`);
            return apply(method, this, args);
          },
        }[key];
    } else if (descriptor.get) {
      const getter = descriptor.get;
      descriptor.get = getOwnPropertyDescriptor({
        get [key]() {
          if (!live(this)) throw freed(className, key);
          return apply(getter, this, []);
        },
      }, key).get;
    }
    defineProperty(prototype, key, descriptor);
  }
  if (Symbol.dispose && typeof prototype[Symbol.dispose] === 'function') {
    defineProperty(prototype, Symbol.dispose, { value: prototype.free, configurable: true, writable: true });
  }
}
