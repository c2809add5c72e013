//! Reading JavaScript values, and refusing them as data.
//!
//! Every read of a caller's value goes through `guard.js`, whose functions never throw: a getter, proxy trap or
//! iterator that throws is caught there, the function returns `undefined` and `lastReadThrew()` says so, and the
//! read becomes a refusal here, never an exception unwinding through wasm frames. Numbers are accepted only as
//! JavaScript numbers (nothing is converted, so no `valueOf` runs); objects are read field by field, each field
//! once; arrays are read once, by their real length, which is checked against the limit before anything is
//! copied; strings are read only when they are short enough to be a name ([`MAX_STRING_LENGTH`]), a longer one
//! is refused by its length before it is copied. A call that keeps small blocks, or makes large ones that cannot
//! fail, starts only when memory has room for them ([`room`]). Every refusal is an `Error` with `kind` (`"invalid"`, `"diverged"`,
//! `"tooMuchWork"`, `"outOfMemory"`, and from `guard.js` `"freed"` and `"busy"`) and, where they apply,
//! `field`, `step` and `epoch`, and for divergence `loss` and `bound`.

use std::sync::atomic::{AtomicBool, Ordering};

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

use crate::error::{list, quote, show, LabError};

#[wasm_bindgen(module = "/src/wasm/guard.js")]
extern "C" {
    #[wasm_bindgen(js_name = lastReadThrew)]
    fn last_read_threw() -> bool;
    #[wasm_bindgen(js_name = kind)]
    fn js_kind(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = describe)]
    fn js_describe(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = typedArrayLength)]
    fn typed_array_length_raw(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = copyFloat64)]
    fn copy_float64_raw(value: &JsValue, length: u32) -> JsValue;
    #[wasm_bindgen(js_name = arrayLength)]
    fn array_length_raw(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = arrayNumbers)]
    fn array_numbers_raw(value: &JsValue, length: u32) -> JsValue;
    #[wasm_bindgen(js_name = arrayItems)]
    fn array_items_raw(value: &JsValue, length: u32) -> JsValue;
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys_raw(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = field)]
    fn js_field_raw(object: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(js_name = writeFloat64)]
    fn write_float64_raw(out: &JsValue, values: &Float64Array);
    #[wasm_bindgen(js_name = viewsMemory)]
    fn views_memory(value: &JsValue, memory: &JsValue) -> bool;
    #[wasm_bindgen(js_name = stringLength)]
    fn string_length(value: &JsValue) -> f64;
    #[wasm_bindgen(js_name = refusal)]
    fn js_refusal(
        message: &str,
        kind: &str,
        field: Option<String>,
        step: Option<f64>,
        epoch: Option<f64>,
        loss: Option<f64>,
        bound: Option<f64>,
    ) -> JsValue;
    #[wasm_bindgen(js_name = guardClass)]
    fn guard_class(prototype: &JsValue, name: &str, probe: &JsValue);
}

/// The result of a read in `guard.js`: `Err(())` when reading threw.
fn checked<T>(value: T) -> Result<T, ()> {
    if last_read_threw() {
        Err(())
    } else {
        Ok(value)
    }
}

fn typed_array_length(value: &JsValue) -> Result<f64, ()> {
    let n = typed_array_length_raw(value);
    checked(n.as_f64().unwrap_or(f64::NAN))
}

fn copy_float64(value: &JsValue, length: u32) -> Result<Float64Array, ()> {
    checked(copy_float64_raw(value, length)).map(JsCast::unchecked_into)
}

fn array_length(value: &JsValue) -> Result<JsValue, ()> {
    checked(array_length_raw(value))
}

fn array_numbers(value: &JsValue, length: u32) -> Result<JsValue, ()> {
    checked(array_numbers_raw(value, length))
}

fn array_items(value: &JsValue, length: u32) -> Result<Array, ()> {
    checked(array_items_raw(value, length)).map(JsCast::unchecked_into)
}

fn own_keys(value: &JsValue) -> Result<Array, ()> {
    checked(own_keys_raw(value)).map(JsCast::unchecked_into)
}

fn js_field(object: &JsValue, key: &str) -> Result<JsValue, ()> {
    checked(js_field_raw(object, key))
}

fn write_float64(out: &JsValue, values: &Float64Array) -> Result<(), ()> {
    write_float64_raw(out, values);
    checked(())
}

/// The result of an export: a refusal is a JavaScript `Error` with its fields.
pub(crate) type JsResult<T> = Result<T, JsValue>;

fn error_value(
    message: &str,
    kind: &str,
    field: Option<&str>,
    numbers: [Option<f64>; 4],
) -> JsValue {
    let [step, epoch, loss, bound] = numbers;
    js_refusal(
        message,
        kind,
        field.map(str::to_string),
        step,
        epoch,
        loss,
        bound,
    )
}

/// The core's error as a JavaScript `Error` with `kind`, `field`, and for divergence `step`, `epoch`, `loss` and
/// `bound` where they apply.
pub(crate) fn refuse(e: LabError) -> JsValue {
    let numbers = match &e {
        LabError::Diverged {
            step,
            epoch,
            loss,
            bound,
            ..
        } => [Some(*step as f64), epoch.map(|e| e as f64), *loss, *bound],
        _ => [None; 4],
    };
    error_value(&e.to_string(), e.kind(), e.field(), numbers)
}

/// Refuses a call as out of memory unless memory has room for `bytes` more besides the headroom of small
/// allocations (growing it if it can). The calls that keep small blocks (the constructors, data) and those that
/// make large blocks infallibly (of a size bounded in advance: a network, its data, a trace, a gradient) ask
/// first; so the headroom is never short by more than one handle's small blocks, and every other call's small
/// allocations, which cannot fail, fit in it. `field` is the input that sets `bytes`.
pub(crate) fn room(field: Option<&'static str>, bytes: usize) -> JsResult<()> {
    #[cfg(target_arch = "wasm32")]
    if !super::alloc::ensure_room(bytes) {
        return Err(refuse(LabError::OutOfMemory {
            field,
            what: "this call",
            bytes: (bytes + super::alloc::HEADROOM) as u64,
        }));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (field, bytes);
    Ok(())
}

/// How much more memory a buffer may take than its length says: its block rounded up to a power of two (at most
/// twice) and aligned (at most as much again).
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) const ROUNDING: usize = 4;

/// [`room`] for one buffer of `n` numbers (its block, carved or freed before, and the headroom).
pub(crate) fn room_for_numbers(field: &'static str, n: usize) -> JsResult<()> {
    let bytes = n.saturating_mul(size_of::<f64>());
    #[cfg(target_arch = "wasm32")]
    if !super::alloc::ensure_block(bytes) {
        return Err(refuse(LabError::OutOfMemory {
            field: Some(field),
            what: "this call",
            bytes: bytes as u64,
        }));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (field, bytes);
    Ok(())
}

/// [`room`] for small allocations only.
pub(crate) fn headroom() -> JsResult<()> {
    room(None, 0)
}

/// A refusal of `field` made at the boundary, with a whole message.
pub(crate) fn invalid(field: &str, message: &str) -> JsValue {
    error_value(message, "invalid", Some(field), [None; 4])
}

/// A refusal of `field` as "`field` must be `expected` (got …)".
fn expected(field: &str, expected: &str, value: &JsValue) -> JsValue {
    refuse(LabError::invalid(field, expected, describe(value)))
}

/// A field whose getter or proxy trap threw.
fn unreadable(field: &str) -> JsValue {
    invalid(
        field,
        &format!("{field} could not be read (reading it threw an exception)"),
    )
}

/// What a value is, as `guard.js` tells without running its code.
fn kind(value: &JsValue) -> String {
    js_kind(value)
}

/// A short, safe description of any JavaScript value, for error messages; it runs none of the value's code, and
/// a string is quoted in JavaScript (its first characters and its length), never copied whole.
pub(crate) fn describe(value: &JsValue) -> String {
    match value.as_f64() {
        Some(n) => show(n),
        None => js_describe(value),
    }
}

/// Longest string a call copies into the module: no name or key any call accepts comes near it, so a longer
/// string is refused by its length alone (in UTF-16 units, read without copying it).
pub(crate) const MAX_STRING_LENGTH: usize = 100;

/// A string value of at most [`MAX_STRING_LENGTH`] UTF-16 units, copied; `None` for a longer one or any other
/// value, which are not copied.
fn short_string(value: &JsValue) -> Option<String> {
    let length = string_length(value);
    if length <= MAX_STRING_LENGTH as f64 {
        value.as_string()
    } else {
        None
    }
}

/// A name (of an activation, a loss, a dataset, …) read by `parse`; any other value, and a string too long to be
/// a name, gets `parse`'s own refusal saying what was given.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn name<T>(
    value: &JsValue,
    field: &str,
    parse: fn(&str, &str) -> crate::Result<T>,
) -> JsResult<T> {
    let (text, given) = name_text(value);
    parse(field, &text).map_err(|e| refuse_name(e, given))
}

/// A name's refusal, saying what was given when it was not a short string.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
fn refuse_name(e: LabError, given: Option<String>) -> JsValue {
    refuse(match given {
        Some(given) => e.given(given),
        None => e,
    })
}

/// A name's text, or (for any other value, or a string too long to be a name) "" and a description of what was
/// given: "" is no name, so its refusal says which names are, and then what was given.
fn name_text(value: &JsValue) -> (String, Option<String>) {
    match short_string(value) {
        Some(s) => (s, None),
        None => (String::new(), Some(describe(value))),
    }
}

/// A number argument: a JavaScript number and nothing else (NaN and infinities pass, for the range check).
pub(crate) fn number(value: &JsValue, field: &str) -> JsResult<f64> {
    value
        .as_f64()
        .ok_or_else(|| expected(field, "a number", value))
}

/// An optional number argument: `undefined` gives `None`.
pub(crate) fn optional_number(value: &JsValue, field: &str) -> JsResult<Option<f64>> {
    if value.is_undefined() {
        return Ok(None);
    }
    number(value, field).map(Some)
}

/// A count argument: a whole JavaScript number from `min` to `max`.
pub(crate) fn count(value: &JsValue, field: &str, min: usize, max: usize) -> JsResult<usize> {
    crate::error::check_count(field, number(value, field)?, min, max).map_err(refuse)
}

/// A plain JavaScript object whose fields are read one by one, each once.
pub(crate) struct Fields {
    object: JsValue,
    name: &'static str,
}

impl Fields {
    /// Accepts `value` when it is a plain object (not null, an array or a function) whose own keys are all in
    /// `allowed`.
    pub(crate) fn new(value: &JsValue, name: &'static str, allowed: &[&str]) -> JsResult<Self> {
        if kind(value) != "object" {
            return Err(invalid(
                name,
                &format!(
                    "{name} must be an object with the fields {} (got {})",
                    list(allowed.iter().copied()),
                    describe(value)
                ),
            ));
        }
        let keys = own_keys(value).map_err(|_| unreadable(name))?;
        for key in keys.iter() {
            // (a key too long to be a field is described, not copied: its refusal names the object)
            let (text, given) = name_text(&key);
            if given.is_some() || !allowed.contains(&text.as_str()) {
                let field = if given.is_some() {
                    name.to_string()
                } else {
                    format!("{name}.{text}")
                };
                return Err(invalid(
                    &field,
                    &format!(
                        "{name} has an unknown field {}; its fields are {}",
                        given.unwrap_or_else(|| quote(&text)),
                        list(allowed.iter().copied())
                    ),
                ));
            }
        }
        Ok(Fields {
            object: value.clone(),
            name,
        })
    }

    /// The raw value of a field (`undefined` when absent); read it once and keep it.
    pub(crate) fn get(&self, key: &str) -> JsResult<JsValue> {
        js_field(&self.object, key).map_err(|_| unreadable(&format!("{}.{key}", self.name)))
    }

    /// A field of one type, `None` when absent; a value of any other type is refused, saying it must be `what`.
    fn typed<T>(
        &self,
        key: &str,
        what: &str,
        convert: impl Fn(&JsValue) -> Option<T>,
    ) -> JsResult<Option<T>> {
        let value = self.get(key)?;
        if value.is_undefined() {
            return Ok(None);
        }
        convert(&value)
            .map(Some)
            .ok_or_else(|| expected(&format!("{}.{key}", self.name), what, &value))
    }

    /// A number field, `None` when absent; any other type is refused (NaN and infinities pass, for the range check).
    pub(crate) fn number(&self, key: &str) -> JsResult<Option<f64>> {
        self.typed(key, "a number", JsValue::as_f64)
    }

    /// A number field that must be present; `expected` says what it accepts (called only to refuse).
    pub(crate) fn required_number(&self, key: &str, expected: fn() -> String) -> JsResult<f64> {
        self.number(key)?.ok_or_else(|| {
            invalid(
                &format!("{}.{key}", self.name),
                &format!("{}.{key} is missing: give {}", self.name, expected()),
            )
        })
    }

    /// A name field read by `parse` (see [`name`]), `None` when absent.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn name<T>(
        &self,
        key: &str,
        parse: fn(&str, &str) -> crate::Result<T>,
    ) -> JsResult<Option<T>> {
        let value = self.get(key)?;
        if value.is_undefined() {
            return Ok(None);
        }
        name(&value, &format!("{}.{key}", self.name), parse).map(Some)
    }

    /// A boolean field, `None` when absent.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn boolean(&self, key: &str) -> JsResult<Option<bool>> {
        self.typed(key, "true or false", JsValue::as_bool)
    }
}

/// The length of an array (read once), refused unless it is a whole number from `min` to `max`; `what` says
/// what is accepted, as in "`field` must `what` (got …)".
fn checked_length(
    value: &JsValue,
    field: &str,
    min: usize,
    max: usize,
    what: &str,
) -> JsResult<u32> {
    let length = array_length(value).map_err(|_| unreadable(&format!("{field}.length")))?;
    let n = length.as_f64().unwrap_or(f64::NAN);
    if !(n.fract() == 0.0 && n >= min as f64 && n <= max as f64) {
        let got = if n.is_finite() {
            show(n)
        } else {
            describe(&length)
        };
        return Err(invalid(field, &format!("{field} must {what} (got {got})")));
    }
    Ok(n as u32)
}

/// Reads a `Float64Array` or an array of numbers of at most `max` elements, refusing a longer one before
/// copying anything. The values are not checked here (NaN passes, for the caller's finiteness check).
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn read_numbers(value: &JsValue, field: &'static str, max: usize) -> JsResult<Vec<f64>> {
    let refuse_kind = || expected(field, "a Float64Array or an array of numbers", value);
    match kind(value).as_str() {
        "Float64Array" => {
            let n = typed_array_length(value).map_err(|_| refuse_kind())?;
            if n > max as f64 {
                return Err(invalid(
                    field,
                    &format!(
                        "{field} must have at most {max} numbers (got {} numbers)",
                        show(n)
                    ),
                ));
            }
            let copy = copy_float64(value, n as u32).map_err(|_| unreadable(field))?;
            copied(&copy, field)
        }
        "array" => {
            let n = checked_length(value, field, 0, max, &format!("have at most {max} numbers"))?;
            let read = array_numbers(value, n).map_err(|_| unreadable(&format!("{field}[…]")))?;
            if let Some(bad) = read.dyn_ref::<Array>() {
                let k = bad.get(0).as_f64().unwrap_or(0.0) as usize;
                return Err(expected(&format!("{field}[{k}]"), "a number", &bad.get(1)));
            }
            copied(&read.unchecked_into(), field)
        }
        _ => Err(refuse_kind()),
    }
}

/// Reads a plain array of `min` to `max` elements, each once, refusing any other value or length before reading
/// them.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn read_list(
    value: &JsValue,
    field: &str,
    min: usize,
    max: usize,
) -> JsResult<Vec<JsValue>> {
    if kind(value) != "array" {
        return Err(expected(
            field,
            &format!("an array of {min} to {max} elements"),
            value,
        ));
    }
    let n = checked_length(
        value,
        field,
        min,
        max,
        &format!("be an array of {min} to {max} elements"),
    )?;
    let items = array_items(value, n).map_err(|_| unreadable(&format!("{field}[…]")))?;
    Ok(items.iter().collect())
}

/// Checks that `out` is a `Float64Array` of exactly `len` numbers (its real length), outside the module's memory.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn check_out(out: &JsValue, len: usize) -> JsResult<()> {
    let what = format!("a Float64Array of {len} numbers");
    if kind(out) != "Float64Array" {
        return Err(expected("out", &what, out));
    }
    let n = typed_array_length(out).unwrap_or(f64::NAN);
    if n != len as f64 {
        return Err(invalid(
            "out",
            &format!("out must be {what} (got {} numbers)", show(n)),
        ));
    }
    if views_memory(out, &wasm_bindgen::memory()) {
        return Err(invalid(
            "out",
            "out must not be a view of the module's own memory (writing into it would overwrite the module)",
        ));
    }
    Ok(())
}

/// Writes `values` into `out`, already checked by [`check_out`].
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn write_out(out: &JsValue, values: &[f64]) -> JsResult<()> {
    // SAFETY: the view is used at once, before anything can allocate and move wasm memory.
    let view = unsafe { Float64Array::view(values) };
    write_float64(out, &view).map_err(|_| invalid("out", "out could not be written"))
}

/// Guards an exported class once per module: `make` gives one instance, whose prototype's methods and getters
/// then throw a plain `Error` of kind `"freed"` on a freed handle (or anything that is not a handle of the class)
/// without entering wasm; `guard.js` frees the instance.
pub(crate) fn guard_once(done: &AtomicBool, name: &str, make: impl FnOnce() -> JsValue) {
    if done.swap(true, Ordering::Relaxed) {
        return;
    }
    let instance = make();
    if let Ok(prototype) = js_sys::Reflect::get_prototype_of(&instance) {
        guard_class(&prototype, name, &instance);
        let _ = last_read_threw();
    }
}

/// The numbers of a `Float64Array` (JavaScript's, outside the module) copied into a new vector, once memory has
/// room for it.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
fn copied(array: &Float64Array, field: &'static str) -> JsResult<Vec<f64>> {
    room_for_numbers(field, array.length() as usize)?;
    Ok(array.to_vec())
}
