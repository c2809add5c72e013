//! A network's metrics from JavaScript, in one call: the losses, and a classifier's accuracies and confusion
//! matrix or a regression's R².

use wasm_bindgen::prelude::*;

use super::Network;
use crate::network::Metrics;
use crate::wasm::object::Object;

/// A `Metrics` object: the fields of a classifier or of a regression, never both.
fn metrics_object(m: &Metrics) -> JsValue {
    let object = Object::new()
        .number("trainLoss", m.train_loss)
        .number("testLoss", m.test_loss);
    let object = match &m.classification {
        Some(c) => object
            .number("trainAccuracy", c.train_accuracy)
            .number("testAccuracy", c.test_accuracy)
            .numbers("labels", c.classes.labels())
            .numbers("confusion", &c.confusion),
        None => object.number_if("r2", m.r2),
    };
    object.build()
}

#[wasm_bindgen]
impl Network {
    /// The mean losses on the training and test points, and for a classifier `trainAccuracy`, `testAccuracy`,
    /// `labels` (each class's target value) and `confusion` (test points counted, row by row: index true class ×
    /// classes + predicted class),
    /// or for a regression `r2` on the test points: one forward pass over each set.
    #[wasm_bindgen(unchecked_return_type = "Metrics")]
    pub fn metrics(&mut self) -> JsValue {
        metrics_object(&self.inner.metrics())
    }
}
