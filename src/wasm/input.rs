//! Reading JavaScript values field by field, with messages that say which field is wrong and why.

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::error::{quote, LabError};

/// A JavaScript error carrying the core's message.
pub(crate) fn lab_error(e: LabError) -> JsError {
    JsError::new(&e.to_string())
}

/// Converts a small structured value to JavaScript (`None` becomes `null`, structs become plain objects).
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("could not convert a result: {e}")))
}

/// A short, safe description of any JavaScript value, for error messages: its type and a clipped rendering.
pub(crate) fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        return "undefined".into();
    }
    if value.is_null() {
        return "null".into();
    }
    if let Some(n) = value.as_f64() {
        return crate::error::show(n);
    }
    if let Some(s) = value.as_string() {
        return format!("the string {}", quote(&s));
    }
    if let Some(b) = value.as_bool() {
        return b.to_string();
    }
    if Array::is_array(value) {
        return format!("an array of length {}", Array::from(value).length());
    }
    value
        .js_typeof()
        .as_string()
        .map(|t| format!("a value of type {t}"))
        .unwrap_or_else(|| "a value".into())
}

/// A plain JavaScript object whose fields are read one by one.
pub(crate) struct Fields {
    object: Object,
    name: &'static str,
}

impl Fields {
    /// Accepts `value` when it is a plain object (not null, not an array) whose own keys are all in `allowed`.
    pub(crate) fn new(
        value: &JsValue,
        name: &'static str,
        allowed: &[&str],
    ) -> Result<Self, JsError> {
        if !value.is_object() || Array::is_array(value) || value.is_function() {
            return Err(JsError::new(&format!(
                "{name} must be an object with the fields {} (got {})",
                allowed.join(", "),
                describe(value)
            )));
        }
        let object: Object = value.clone().unchecked_into();
        for key in Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !allowed.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "{name} has an unknown field {}; its fields are {}",
                    quote(&key),
                    allowed.join(", ")
                )));
            }
        }
        Ok(Fields { object, name })
    }

    /// The raw value of a field (`undefined` when absent).
    pub(crate) fn get(&self, key: &str) -> Result<JsValue, JsError> {
        Reflect::get(&self.object, &JsValue::from_str(key))
            .map_err(|_| JsError::new(&format!("{}.{key} could not be read", self.name)))
    }

    /// A field of one type, `None` when absent; a value of any other type is refused, saying it must be `what`.
    fn typed<T>(
        &self,
        key: &str,
        what: &str,
        convert: impl Fn(&JsValue) -> Option<T>,
    ) -> Result<Option<T>, JsError> {
        let value = self.get(key)?;
        if value.is_undefined() {
            return Ok(None);
        }
        convert(&value).map(Some).ok_or_else(|| {
            JsError::new(&format!(
                "{}.{key} must be {what} (got {})",
                self.name,
                describe(&value)
            ))
        })
    }

    /// A number field, `None` when absent; any other type is refused (NaN and infinities pass, for the range check).
    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, JsError> {
        self.typed(key, "a number", JsValue::as_f64)
    }

    /// A number field that must be present; `expected` says what it accepts.
    pub(crate) fn required_number(&self, key: &str, expected: &str) -> Result<f64, JsError> {
        self.number(key)?.ok_or_else(|| {
            JsError::new(&format!("{}.{key} is missing: give {expected}", self.name))
        })
    }

    /// A string field, `None` when absent.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        self.typed(key, "a string", JsValue::as_string)
    }

    /// A boolean field, `None` when absent.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn boolean(&self, key: &str) -> Result<Option<bool>, JsError> {
        self.typed(key, "true or false", JsValue::as_bool)
    }
}

/// Reads a `Float64Array` or an array of numbers of at most `max` elements, refusing a longer one before
/// copying anything. The values are not checked here (NaN passes, for the caller's finiteness check).
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn read_numbers(value: &JsValue, field: &str, max: usize) -> Result<Vec<f64>, JsError> {
    let too_long = |len: u32| {
        JsError::new(&format!(
            "{field} must have at most {max} numbers (got {len} numbers)"
        ))
    };
    if let Some(typed) = value.dyn_ref::<js_sys::Float64Array>() {
        let len = typed.length();
        if len as usize > max {
            return Err(too_long(len));
        }
        return Ok(typed.to_vec());
    }
    if Array::is_array(value) {
        let array = Array::from(value);
        let len = array.length();
        if len as usize > max {
            return Err(too_long(len));
        }
        let mut numbers = Vec::with_capacity(len as usize);
        for (k, item) in array.iter().enumerate() {
            let v = item.as_f64().ok_or_else(|| {
                JsError::new(&format!(
                    "{field}[{k}] must be a number (got {})",
                    describe(&item)
                ))
            })?;
            numbers.push(v);
        }
        return Ok(numbers);
    }
    Err(JsError::new(&format!(
        "{field} must be a Float64Array or an array of numbers (got {})",
        describe(value)
    )))
}

/// Reads a plain array of `min` to `max` elements, refusing any other value or length before reading them.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn read_array(
    value: &JsValue,
    field: &str,
    min: usize,
    max: usize,
) -> Result<Array, JsError> {
    if !Array::is_array(value) {
        return Err(JsError::new(&format!(
            "{field} must be an array of {min} to {max} elements (got {})",
            describe(value)
        )));
    }
    let array = Array::from(value);
    let len = array.length() as usize;
    if len < min || len > max {
        return Err(JsError::new(&format!(
            "{field} must be an array of {min} to {max} elements (got {len})"
        )));
    }
    Ok(array)
}
