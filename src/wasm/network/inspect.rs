//! Looking inside a `Network` from JavaScript: one training point's pass neuron by neuron, a parameter's gradient
//! against the central difference, one weight or bias edited in place, and the weights L1 has zeroed for good.

use wasm_bindgen::prelude::*;

use super::Network;
use crate::network::inspect::{GradientCheck, PointPass, DEFAULT_H};
use crate::wasm::input::{
    count, number, optional_number, read_numbers, refuse, room, room_for_numbers, JsResult,
    ROUNDING,
};
use crate::wasm::object::{record, Object};

/// A `PointPass` object.
fn pass_object(p: &PointPass) -> JsValue {
    Object::new()
        .number_or_null("index", p.index.map(|k| k as f64))
        .numbers("z", &p.z)
        .numbers("a", &p.a)
        .numbers("fPrime", &p.f_prime)
        .numbers("delta", &p.delta)
        .numbers("dA", &p.d_a)
        .numbers("dOutput", &p.d_output)
        .number("loss", p.loss)
        .build()
}

/// A `GradientCheck` object.
fn check_object(c: &GradientCheck) -> JsValue {
    record(
        "index,value,backprop,numeric,lossPlus,lossMinus,h,relative",
        &[
            c.index as f64,
            c.value,
            c.backprop,
            c.numeric,
            c.loss_plus,
            c.loss_minus,
            c.h,
            c.relative,
        ],
    )
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
        #[wasm_bindgen(unchecked_param_type = "number")] index: &JsValue,
    ) -> JsResult<JsValue> {
        // The accumulators kept aside, each block rounded up to a power of two and aligned.
        room_for_numbers("index", self.inner.parameter_count())?;
        let index = self.index(index, self.inner.train_data().len())?;
        let pass = self.inner.point_pass(index).map_err(refuse)?;
        Ok(pass_object(&pass))
    }

    /// The same pass for any point, given as one row of the data's shape (the inputs, then one target per
    /// output), checked as `setData` checks a row: a point that is not in the data, such as a drawn digit with the
    /// class the reader picks. `index` is null.
    #[wasm_bindgen(js_name = pointPassAt, unchecked_return_type = "PointPass")]
    pub fn point_pass_at(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] point: &JsValue,
    ) -> JsResult<JsValue> {
        let config = self.inner.config();
        let row = read_numbers(point, "point", config.raw_inputs() + config.outputs())?;
        let pass = self.inner.point_pass_at("point", &row).map_err(refuse)?;
        Ok(pass_object(&pass))
    }

    /// Parameter `index` (weights first, as `gradients()`, then biases): ∂J/∂p by backpropagation beside
    /// (J(p + h) − J(p − h)) / 2h on the same training points, h in (0, 1] (default 1e-5), and their relative
    /// difference. The parameters are left as they were.
    #[wasm_bindgen(js_name = gradientCheck, unchecked_return_type = "GradientCheck")]
    pub fn gradient_check(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] h: &JsValue,
    ) -> JsResult<JsValue> {
        self.gradient_room()?;
        let index = self.index(index, self.inner.parameter_count())?;
        let h = optional_number(h, "h")?.unwrap_or(DEFAULT_H);
        let check = self.inner.gradient_check(index, h).map_err(refuse)?;
        Ok(check_object(&check))
    }

    /// Sets weight `index` (in the order of `weights()`) to `value`, a finite number within ±1,000,000, keeping
    /// training where it is (steps, epochs, the optimizer's memory).
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: &JsValue,
    ) -> JsResult<()> {
        let index = self.index(index, self.inner.weights().len())?;
        let value = number(value, &format!("weights[{index}]"))?;
        self.inner.set_weight(index, value).map_err(refuse)
    }

    /// Sets bias `index` (in the order of `biases()`) to `value`, as `setWeight`.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] value: &JsValue,
    ) -> JsResult<()> {
        let index = self.index(index, self.inner.biases().len())?;
        let value = number(value, &format!("biases[{index}]"))?;
        self.inner.set_bias(index, value).map_err(refuse)
    }

    /// For each weight, 1 when L1 regularization has set it to 0 for good (Playground's dead links), else 0.
    #[wasm_bindgen(js_name = deadWeights)]
    pub fn dead_weights(&self) -> JsResult<Vec<u8>> {
        // One byte per weight.
        room(None, ROUNDING * self.inner.weights().len())?;
        Ok(self
            .inner
            .dead_weights()
            .iter()
            .map(|&d| u8::from(d))
            .collect())
    }
}
