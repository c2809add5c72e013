//! Looking inside a network as a learner does: one training point's pass neuron by neuron (z, a = f(z), f′(z),
//! δ = ∂J/∂z), the gradient of one parameter checked against a central difference on the same points, and one
//! parameter edited by hand.

use super::Network;
use crate::data::Dataset;
use crate::error::{check_range, check_usize, show, LabError, Result};

/// Step h of the central difference when the caller gives none: small enough that the O(h²) truncation error
/// stays near 1e-10, large enough that rounding (about ε·J/h) does too.
pub const DEFAULT_H: f64 = 1e-5;
/// The largest step h accepted.
pub const MAX_H: f64 = 1.0;
/// The largest size of a weight or bias set by hand.
pub const MAX_EDIT: f64 = 1e6;

/// One training point's forward and backward pass, every neuron (inputs first) in the order of the layers.
#[derive(Debug, Clone, PartialEq)]
pub struct PointPass {
    /// The point's index in the training data (`None` for a point given to [`Network::point_pass_at`]).
    pub index: Option<usize>,
    /// Each neuron's total input z = b + Σⱼ wⱼ·aⱼ (an input neuron: the input itself).
    pub z: Vec<f64>,
    /// Each neuron's output a = f(z) (an input neuron: the input itself).
    pub a: Vec<f64>,
    /// Each neuron's slope f′(z) (1 for the inputs).
    pub f_prime: Vec<f64>,
    /// Each neuron's δ = ∂J/∂z for this point's loss J (0 for the inputs).
    pub delta: Vec<f64>,
    /// Each neuron's ∂J/∂a: Σₖ w(to→k)·δ(k) for a hidden neuron, ∂J/∂ŷ for an output (0 for the inputs).
    pub d_a: Vec<f64>,
    /// ∂J/∂ŷ for each output.
    pub d_output: Vec<f64>,
    /// The point's loss J.
    pub loss: f64,
}

/// A parameter's gradient from backpropagation beside the central difference on the same points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradientCheck {
    /// The parameter's index: weights first (as `weights()`), then biases.
    pub index: usize,
    /// The parameter's value.
    pub value: f64,
    /// ∂J/∂p from backpropagation, J the mean training loss.
    pub backprop: f64,
    /// (J(p + h) − J(p − h)) / 2h.
    pub numeric: f64,
    /// J(p + h).
    pub loss_plus: f64,
    /// J(p − h).
    pub loss_minus: f64,
    /// The step h.
    pub h: f64,
    /// |backprop − numeric| / max(|backprop|, |numeric|), 0 when both are 0.
    pub relative: f64,
}

impl Network {
    /// Training point `k`'s pass, neuron by neuron: z, a, f′(z) and δ = ∂J/∂z, and ∂J/∂ŷ, for a chain of
    /// ∂J/∂w = δ(to)·a(from), δ = f′(z)·Σₖ w·δ(k) (hidden) or f′(z)·∂J/∂ŷ (output).
    pub fn point_pass(&mut self, k: usize) -> Result<PointPass> {
        let n = self.train_in.len();
        if n == 0 {
            return Err(LabError::invalid(
                "index",
                "the index of a training point (there are none: call setData first)",
                k.to_string(),
            ));
        }
        let k = check_usize("index", k, 0, n - 1)?;
        let (x, t) = self.train_in.point(k);
        let (x, t) = (x.to_vec(), t.to_vec());
        Ok(self.pass_of(Some(k), &x, &t))
    }

    /// The pass of any point, given as one row of the data's shape (the raw inputs, then one target per output),
    /// checked as `setData` checks a row (`field` names it): for a point that is not in the data, such as a
    /// digit drawn by the reader with the target they choose. The network is left as it was.
    pub fn point_pass_at(&mut self, field: &str, row: &[f64]) -> Result<PointPass> {
        let (inputs, outputs) = (self.config.raw_inputs(), self.config.outputs());
        if row.len() != inputs + outputs {
            return Err(LabError::invalid(
                field,
                format!(
                    "one row of {} numbers ({inputs} inputs, then {outputs} targets)",
                    inputs + outputs
                ),
                format!("{} numbers", row.len()),
            ));
        }
        let point = Dataset::new(field, inputs, outputs, row.to_vec())?;
        self.check_dataset(field, &point)?;
        let point = self.network_inputs(&point);
        let (x, t) = point.point(0);
        Ok(self.pass_of(None, x, t))
    }

    /// The pass of the point (x, t) in the first layer's terms (see [`PointPass`]).
    fn pass_of(&mut self, index: Option<usize>, x: &[f64], t: &[f64]) -> PointPass {
        self.dense.forward(x);
        let loss = self.dense.point_loss(t);
        // backward adds into the accumulators: keep them as they were (zero between steps, but be exact).
        let (acc_w, acc_b) = (self.dense.acc_w.clone(), self.dense.acc_b.clone());
        self.dense.backward(t);
        self.dense.acc_w.copy_from_slice(&acc_w);
        self.dense.acc_b.copy_from_slice(&acc_b);
        let n_in = self.config.inputs();
        let mut f_prime = vec![1.0; self.dense.neurons()];
        let mut node = n_in;
        for (l, &size) in self.config.layers.iter().enumerate().skip(1) {
            let f = self.config.activations[l - 1];
            for _ in 0..size {
                f_prime[node] =
                    f.derivative(self.dense.totals()[node], self.dense.neuron_outputs()[node]);
                node += 1;
            }
        }
        let mut delta = self.dense.deltas().to_vec();
        delta[..n_in].fill(0.0);
        let mut d_a = self.dense.output_gradients().to_vec();
        d_a[..n_in].fill(0.0);
        PointPass {
            index,
            z: self.dense.totals().to_vec(),
            a: self.dense.neuron_outputs().to_vec(),
            f_prime,
            delta,
            d_a,
            d_output: self.dense.output_derivatives().to_vec(),
            loss,
        }
    }

    /// Checks parameter `index` (weights first, then biases) of the mean training loss J: backpropagation's
    /// ∂J/∂p against (J(p + h) − J(p − h)) / 2h on the same training points, with `h` in (0, [`MAX_H`]].
    /// The parameters are left exactly as they were.
    pub fn gradient_check(&mut self, index: usize, h: f64) -> Result<GradientCheck> {
        let n_w = self.dense.weights.len();
        let count = n_w + self.dense.biases.len();
        let index = check_usize("index", index, 0, count - 1)?;
        if h.is_nan() || h <= 0.0 || h > MAX_H {
            return Err(LabError::invalid(
                "h",
                format!("a finite number in (0, {}]", show(MAX_H)),
                show(h),
            ));
        }
        if index >= n_w && !self.config.bias {
            return Err(LabError::invalid(
                "index",
                format!("the index of a weight, below {n_w} (this network has no biases)"),
                index.to_string(),
            ));
        }
        let backprop = self.training_gradient()?[index];
        let value = self.parameter(index);
        self.set_parameter_raw(index, value + h);
        let loss_plus = self.train_loss();
        self.set_parameter_raw(index, value - h);
        let loss_minus = self.train_loss();
        self.set_parameter_raw(index, value);
        let numeric = (loss_plus - loss_minus) / (2.0 * h); // (J(p + h) − J(p − h)) / 2h
        let scale = backprop.abs().max(numeric.abs());
        let relative = if scale == 0.0 {
            0.0
        } else {
            (backprop - numeric).abs() / scale
        };
        Ok(GradientCheck {
            index,
            value,
            backprop,
            numeric,
            loss_plus,
            loss_minus,
            h,
            relative,
        })
    }

    /// Sets weight `index` to `value` (finite), keeping training where it is (steps, epochs, the optimizer's
    /// memory). A weight that L1 had set to 0 for good is trained again.
    pub fn set_weight(&mut self, index: usize, value: f64) -> Result<()> {
        let n = self.dense.weights.len();
        let k = check_usize("index", index, 0, n - 1)?;
        let value = check_range(&format!("weights[{k}]"), value, -MAX_EDIT, MAX_EDIT)?;
        self.dense.weights[k] = value;
        self.dead[k] = false;
        self.edited();
        Ok(())
    }

    /// Sets bias `index` to `value` (finite), keeping training where it is; refused without biases.
    pub fn set_bias(&mut self, index: usize, value: f64) -> Result<()> {
        let n = self.dense.biases.len();
        let k = check_usize("index", index, 0, n - 1)?;
        if !self.config.bias {
            return Err(LabError::invalid(
                format!("biases[{k}]"),
                "0 (this network has no biases: config.bias is false)",
                show(value),
            ));
        }
        self.dense.biases[k] = check_range(&format!("biases[{k}]"), value, -MAX_EDIT, MAX_EDIT)?;
        self.edited();
        Ok(())
    }

    /// A parameter changed by hand: the batch ahead's gradient must be computed again, and a later divergence
    /// cannot undo past the edit.
    fn edited(&mut self) {
        self.ready = false;
        self.saved.valid = false;
        // Training begins again from the edited parameters: the divergence bound is measured from them.
        self.loss_bound = None;
    }

    /// Parameter `index`: weights first, then biases.
    fn parameter(&self, index: usize) -> f64 {
        let n_w = self.dense.weights.len();
        if index < n_w {
            self.dense.weights[index]
        } else {
            self.dense.biases[index - n_w]
        }
    }

    fn set_parameter_raw(&mut self, index: usize, value: f64) {
        let n_w = self.dense.weights.len();
        if index < n_w {
            self.dense.weights[index] = value;
        } else {
            self.dense.biases[index - n_w] = value;
        }
    }

    /// Whether L1 regularization has set each weight to 0 for good (Playground's dead links).
    pub fn dead_weights(&self) -> &[bool] {
        &self.dead
    }
}
