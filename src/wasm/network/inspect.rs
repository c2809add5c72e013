//! Looking inside a `Network` from JavaScript: one training point's pass neuron by neuron, a parameter's gradient
//! against the central difference, one weight or bias edited in place, and the weights L1 has zeroed for good.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::Network;
use crate::network::inspect::{GradientCheck, PointPass, DEFAULT_H};
use crate::wasm::input::{count, number, optional_number, refuse, to_js, JsResult};

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

impl Network {
    /// The index argument of a parameter list of `len` entries (checked again by the core).
    fn index(&self, value: &JsValue, len: usize) -> JsResult<usize> {
        count(value, "index", 0, len.saturating_sub(1))
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
    ) -> JsResult<JsValue> {
        let index = self.index(&index, self.inner.train_data().len())?;
        let pass = self.inner.point_pass(index).map_err(refuse)?;
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
    ) -> JsResult<JsValue> {
        let index = self.index(&index, self.inner.parameter_count())?;
        let h = optional_number(&h, "h")?.unwrap_or(DEFAULT_H);
        let check = self.inner.gradient_check(index, h).map_err(refuse)?;
        to_js(&CheckView::from(check))
    }

    /// Sets weight `index` (in the order of `weights()`) to `value`, a finite number within ±1,000,000, keeping
    /// training where it is (steps, epochs, the optimizer's memory).
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    ) -> JsResult<()> {
        let index = self.index(&index, self.inner.weights().len())?;
        let value = number(&value, &format!("weights[{index}]"))?;
        self.inner.set_weight(index, value).map_err(refuse)
    }

    /// Sets bias `index` (in the order of `biases()`) to `value`, as `setWeight`.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    ) -> JsResult<()> {
        let index = self.index(&index, self.inner.biases().len())?;
        let value = number(&value, &format!("biases[{index}]"))?;
        self.inner.set_bias(index, value).map_err(refuse)
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
