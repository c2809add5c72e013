//! Result objects for JavaScript (a step's record, an analysis, a configuration, the limits), built field by field
//! through `values.js`: plain objects and arrays with the fields in the order the TypeScript declarations list them,
//! `null` for a number that is absent, and no field at all for an option that does not apply. Building them here
//! instead of with a serializer keeps the module small; the shapes are those of the declarations. (Error messages
//! are written in `guard.js`, with their numbers.)

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/values.js")]
extern "C" {
    #[wasm_bindgen(js_name = object)]
    fn new_object() -> JsValue;
    #[wasm_bindgen(js_name = array)]
    fn new_array() -> JsValue;
    fn set(object: &JsValue, key: &str, value: &JsValue);
    #[wasm_bindgen(js_name = setNumber)]
    fn set_number(object: &JsValue, key: &str, value: f64);
    #[wasm_bindgen(js_name = setString)]
    fn set_string(object: &JsValue, key: &str, value: &str);
    #[wasm_bindgen(js_name = setNumbers)]
    fn set_numbers(object: &JsValue, key: &str, values: &[f64]);
    fn push(array: &JsValue, value: &JsValue);
    #[wasm_bindgen(js_name = pushString)]
    fn push_string(array: &JsValue, value: &str);
    #[wasm_bindgen(js_name = records)]
    fn js_records(keys: &str, values: &[f64]) -> JsValue;
    #[wasm_bindgen(js_name = record)]
    fn js_record(keys: &str, values: &[f64]) -> JsValue;
}

/// A plain JavaScript object under construction; each method sets one field, in order.
pub(crate) struct Object(JsValue);

impl Object {
    /// A new, empty plain object.
    pub(crate) fn new() -> Self {
        Object(new_object())
    }

    /// A number field.
    pub(crate) fn number(self, key: &str, value: f64) -> Self {
        set_number(&self.0, key, value);
        self
    }

    /// A count (an index, a size, a step number) as a number field.
    pub(crate) fn count(self, key: &str, value: usize) -> Self {
        self.number(key, value as f64)
    }

    /// A number field that is `null` when absent.
    pub(crate) fn number_or_null(self, key: &str, value: Option<f64>) -> Self {
        match value {
            Some(v) => self.number(key, v),
            None => self.value(key, &JsValue::NULL),
        }
    }

    /// A number field that is left out when absent.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn number_if(self, key: &str, value: Option<f64>) -> Self {
        match value {
            Some(v) => self.number(key, v),
            None => self,
        }
    }

    /// A string field.
    pub(crate) fn string(self, key: &str, value: &str) -> Self {
        set_string(&self.0, key, value);
        self
    }

    /// A boolean field.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn boolean(self, key: &str, value: bool) -> Self {
        self.value(key, &JsValue::from_bool(value))
    }

    /// A plain array of numbers.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn numbers(self, key: &str, values: &[f64]) -> Self {
        set_numbers(&self.0, key, values);
        self
    }

    /// A plain array of counts, as numbers.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn counts(self, key: &str, values: &[usize]) -> Self {
        let numbers: Vec<f64> = values.iter().map(|&n| n as f64).collect();
        self.numbers(key, &numbers)
    }

    /// A plain array of strings.
    #[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
    pub(crate) fn strings<'a>(self, key: &str, values: impl IntoIterator<Item = &'a str>) -> Self {
        let array = new_array();
        for s in values {
            push_string(&array, s);
        }
        self.value(key, &array)
    }

    /// A field holding any JavaScript value (a nested object or array).
    pub(crate) fn value(self, key: &str, value: &JsValue) -> Self {
        set(&self.0, key, value);
        self
    }

    /// The finished object.
    pub(crate) fn build(self) -> JsValue {
        self.0
    }
}

/// A plain array of values, built in order.
#[cfg_attr(not(feature = "network"), allow(dead_code))] // used by the Network export only
pub(crate) fn array(values: impl IntoIterator<Item = JsValue>) -> JsValue {
    let array = new_array();
    for value in values {
        push(&array, &value);
    }
    array
}

/// A plain object of number fields: `keys` is a comma-separated list, one key per number of `values`.
pub(crate) fn record(keys: &str, values: &[f64]) -> JsValue {
    js_record(keys, values)
}

/// Plain objects of number fields, one per `keys`-many numbers of `values` (see [`record`]).
pub(crate) fn records(keys: &str, values: &[f64]) -> JsValue {
    js_records(keys, values)
}
