//! Looking inside a `Network` from JavaScript: one training point's pass neuron by neuron, a parameter's gradient
//! against the central difference, one weight or bias edited in place, and the weights L1 has zeroed for good.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::Network;
use crate::network::inspect::{GradientCheck, PointPass, DEFAULT_H};
use crate::wasm::input::{describe, lab_error, to_js};

/// A number argument: a JavaScript number (NaN and infinities pass, for the core's range check), never coerced
/// from another type; `undefined` takes `default` when there is one.
fn number(value: &JsValue, field: &str, default: Option<f64>) -> Result<f64, JsError> {
    if value.is_undefined() {
        if let Some(d) = default {
            return Ok(d);
        }
    }
    value.as_f64().ok_or_else(|| {
        JsError::new(&format!(
            "{field} must be a number (got {})",
            describe(value)
        ))
    })
}

/// One point's pass as JavaScript reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PassView {
    index: usize,
    z: Vec<f64>,
    a: Vec<f64>,
    f_prime: Vec<f64>,
    delta: Vec<f64>,
    d_a: Vec<f64>,
    d_output: Vec<f64>,
    loss: f64,
}

impl From<PointPass> for PassView {
    fn from(p: PointPass) -> Self {
        PassView {
            index: p.index,
            z: p.z,
            a: p.a,
            f_prime: p.f_prime,
            delta: p.delta,
            d_a: p.d_a,
            d_output: p.d_output,
            loss: p.loss,
        }
    }
}

/// A gradient check as JavaScript reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckView {
    index: usize,
    value: f64,
    backprop: f64,
    numeric: f64,
    loss_plus: f64,
    loss_minus: f64,
    h: f64,
    relative: f64,
}

impl From<GradientCheck> for CheckView {
    fn from(c: GradientCheck) -> Self {
        CheckView {
            index: c.index,
            value: c.value,
            backprop: c.backprop,
            numeric: c.numeric,
            loss_plus: c.loss_plus,
            loss_minus: c.loss_minus,
            h: c.h,
            relative: c.relative,
        }
    }
}

#[wasm_bindgen]
impl Network {
    /// Training point `index`'s pass, every neuron inputs first: `z`, `a` = f(z), `fPrime` = f′(z), `delta` =
    /// ∂J/∂z, `dA` = ∂J/∂a (Σₖ w·δ(k) for a hidden neuron), and `dOutput` = ∂J/∂ŷ, `loss` = J for this point.
    #[wasm_bindgen(js_name = pointPass, unchecked_return_type = "PointPass")]
    pub fn point_pass(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
    ) -> Result<JsValue, JsError> {
        let index = number(&index, "index", None)?;
        let pass = self.inner.point_pass(index).map_err(lab_error)?;
        to_js(&PassView::from(pass))
    }

    /// Parameter `index` (weights first, as `gradients()`, then biases): ∂J/∂p by backpropagation beside
    /// (J(p + h) − J(p − h)) / 2h on the same training points, h in (0, 1] (default 1e-5), and their relative
    /// difference. The parameters are left as they were.
    #[wasm_bindgen(js_name = gradientCheck, unchecked_return_type = "GradientCheck")]
    pub fn gradient_check(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] h: JsValue,
    ) -> Result<JsValue, JsError> {
        let index = number(&index, "index", None)?;
        let h = number(&h, "h", Some(DEFAULT_H))?;
        let check = self.inner.gradient_check(index, h).map_err(lab_error)?;
        to_js(&CheckView::from(check))
    }

    /// Sets weight `index` (in the order of `weights()`) to `value`, a finite number within ±1,000,000, keeping
    /// training where it is (steps, epochs, the optimizer's memory).
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    ) -> Result<(), JsError> {
        let index = number(&index, "index", None)?;
        let field = format!("weights[{}]", describe(&index.into()));
        let value = number(&value, &field, None)?;
        self.inner.set_weight(index, value).map_err(lab_error)
    }

    /// Sets bias `index` (in the order of `biases()`) to `value`, as `setWeight`.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    ) -> Result<(), JsError> {
        let index = number(&index, "index", None)?;
        let field = format!("biases[{}]", describe(&index.into()));
        let value = number(&value, &field, None)?;
        self.inner.set_bias(index, value).map_err(lab_error)
    }

    /// For each weight, 1 when L1 regularization has set it to 0 for good (Playground's dead links), else 0.
    #[wasm_bindgen(js_name = deadWeights)]
    pub fn dead_weights(&self) -> Vec<u8> {
        self.inner
            .dead_weights()
            .iter()
            .map(|&d| u8::from(d))
            .collect()
    }
}
