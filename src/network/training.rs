//! Training: one update per batch with the mean gradient, epochs, and divergence caught at its step.
//!
//! A step computes the batch's loss and gradient at the current parameters, then moves them. Divergence is caught
//! as soon as it shows:
//! - the mean loss on the batch ahead grows past the bound 10⁶ · max(J₀, 1), J₀ the mean training loss when
//!   training began (see [`DIVERGENCE_FACTOR`]), or is not finite: the step that led there is undone;
//! - a gradient at the parameters a step produced is non-finite: that step is undone;
//! - the update makes a parameter (or the optimizer's running averages) non-finite: the step is undone.
//!
//! The batch ahead is computed by every training call for the batch after its last step. Either way the network
//! keeps the last parameters whose loss is within the bound and whose gradient is finite, and the error names the
//! step (and its epoch) that diverged, with the loss and the bound, so a lower learning rate resumes from there.

use super::{
    Network, Regularization, Role, DIVERGENCE_FACTOR, MAX_EPOCHS_PER_CALL, MAX_STEPS_PER_CALL,
};
use crate::error::{check_usize, check_work, show, LabError, Result};
use crate::math::all_finite;

/// What diverged, when a number left the finite ones.
const OVERFLOWING_LOSS: &str = "the loss on the next batch past the largest finite number";
const OVERFLOWING_GRADIENT: &str = "a gradient on the next batch past the largest finite number";

/// What diverged.
enum Culprit {
    /// The batch's mean loss: past the bound, or not finite.
    Loss,
    /// A gradient ∂J/∂w or ∂J/∂b.
    Gradient,
}

impl Network {
    /// One update on the next batch of training points: accumulate each point's gradients, then move the
    /// parameters with the mean gradient. Divergence is returned as [`LabError::Diverged`] naming its step,
    /// with the network back at the last parameters whose loss and gradient are finite.
    pub fn train_step(&mut self) -> Result<()> {
        self.check_trainable()?;
        self.begin_bound();
        self.step_once()?;
        self.probe()
    }

    /// `n` updates (0 to [`MAX_STEPS_PER_CALL`], and at most the work of one call), stopping at the first that
    /// diverges.
    pub fn train_steps(&mut self, n: usize) -> Result<()> {
        let n = check_usize("steps", n, 0, MAX_STEPS_PER_CALL)?;
        self.check_trainable()?;
        let batch = self.config.batch_size.min(self.train.len());
        let parameters = self.parameter_count();
        check_work("steps", n, (batch * parameters) as u64, "steps", || {
            format!("{batch} points × {parameters} parameters")
        })?;
        self.begin_bound();
        for _ in 0..n {
            self.step_once()?;
        }
        self.probe()
    }

    /// `n` epochs (0 to [`MAX_EPOCHS_PER_CALL`], and at most the work of one call); an epoch in progress is
    /// finished first and counts as one.
    pub fn train_epochs(&mut self, n: usize) -> Result<()> {
        let n = check_usize("epochs", n, 0, MAX_EPOCHS_PER_CALL)?;
        self.check_trainable()?;
        let points = self.train.len();
        let parameters = self.parameter_count();
        check_work("epochs", n, (points * parameters) as u64, "epochs", || {
            format!("{points} points × {parameters} parameters")
        })?;
        self.begin_bound();
        let target = self.epochs + n as u64;
        while self.epochs < target {
            self.step_once()?;
        }
        self.probe()
    }

    /// Weights and biases together.
    pub fn parameter_count(&self) -> usize {
        self.dense.weights.len() + self.dense.biases.len()
    }

    /// The divergence bound, 10⁶ · max(J₀, 1) with J₀ the mean training loss at the current parameters, set
    /// when training begins after the parameters or the data were set (one pass over the training points).
    fn begin_bound(&mut self) {
        if self.loss_bound.is_none() {
            // (a NaN J₀ gives max(J₀, 1) = 1; an infinite one an infinite bound, and the finiteness checks stop it)
            self.loss_bound = Some(DIVERGENCE_FACTOR * self.train_loss().max(1.0));
        }
    }

    /// The divergence bound in force (infinite before training has begun).
    fn bound(&self) -> f64 {
        self.loss_bound.unwrap_or(f64::INFINITY)
    }

    /// The mean loss on the batch ahead, from its summed loss.
    fn batch_mean_loss(&self) -> f64 {
        self.batch_loss / (self.batch_end() - self.cursor) as f64
    }

    fn check_trainable(&self) -> Result<()> {
        if self.train.is_empty() {
            return Err(LabError::invalid(
                "train",
                "at least one training point (call setData first)",
                "none",
            ));
        }
        Ok(())
    }

    /// The next batch: the positions in `order` from the cursor.
    fn batch_end(&self) -> usize {
        (self.cursor + self.config.batch_size).min(self.train.len())
    }

    /// Forward and backward over the next batch at the current parameters, into the gradient accumulators;
    /// `Some(culprit)` when the loss or a gradient is not finite.
    #[cfg_attr(feature = "profile", inline(never))]
    fn batch_pass(&mut self) -> Option<Culprit> {
        if !self.ready {
            let end = self.batch_end();
            self.dense.zero_gradients();
            // Σ over the batch of the point's loss, two points at a time (see pairs.rs)
            let loss = self
                .dense
                .accumulate(&self.train_in, &self.order[self.cursor..end], true);
            self.batch_loss = loss;
            self.ready = true;
        }
        let mean = self.batch_mean_loss();
        if mean.is_nan() || mean > self.bound() {
            Some(Culprit::Loss)
        } else if !all_finite(&self.dense.acc_w)
            || (self.config.bias && !all_finite(&self.dense.acc_b))
        {
            Some(Culprit::Gradient)
        } else {
            None
        }
    }

    /// Computes the batch ahead; if its loss or gradient is not finite, undoes the step that led here.
    fn probe(&mut self) -> Result<()> {
        match self.batch_pass() {
            None => Ok(()),
            Some(culprit) => Err(self.undo_last_step(culprit)),
        }
    }

    /// One update, the batch ahead's gradient already checked (or checked here).
    fn step_once(&mut self) -> Result<()> {
        if let Some(culprit) = self.batch_pass() {
            return Err(self.undo_last_step(culprit));
        }
        let n = self.train.len();
        let end = self.batch_end();
        self.save_position();
        self.update((end - self.cursor) as f64)?;
        self.ready = false;
        self.steps += 1;
        self.cursor = end;
        if self.cursor == n {
            self.epochs += 1;
            if self.config.shuffle {
                self.saved.order.clone_from(&self.order);
            }
            self.start_epoch_order();
        }
        Ok(())
    }

    /// Keeps the parameters, the optimizer's state and the position in the data, to undo the coming step.
    #[cfg_attr(feature = "profile", inline(never))]
    fn save_position(&mut self) {
        let saved = &mut self.saved;
        saved.weights.copy_from_slice(&self.dense.weights);
        saved.biases.copy_from_slice(&self.dense.biases);
        saved.optimizer.copy_from(&self.optimizer);
        saved.dead.copy_from_slice(&self.dead);
        saved.steps = self.steps;
        saved.epochs = self.epochs;
        saved.cursor = self.cursor;
        saved.rng.clone_from(&self.rng);
        saved.valid = true;
    }

    /// Goes back to the state [`Network::save_position`] kept.
    fn restore_position(&mut self) {
        let saved = &mut self.saved;
        self.dense.weights.copy_from_slice(&saved.weights);
        self.dense.biases.copy_from_slice(&saved.biases);
        self.optimizer.copy_from(&saved.optimizer);
        self.dead.copy_from_slice(&saved.dead);
        if self.epochs != saved.epochs && self.config.shuffle {
            self.order.clone_from(&saved.order);
        }
        self.steps = saved.steps;
        self.epochs = saved.epochs;
        self.cursor = saved.cursor;
        self.rng.clone_from(&saved.rng);
        saved.valid = false;
        self.ready = false;
    }

    /// The batch ahead has a loss past the bound or a non-finite gradient at the current parameters: undo the
    /// step that made them (when there was one since the parameters were set) and name it.
    fn undo_last_step(&mut self, culprit: Culprit) -> LabError {
        let (lr, bound) = (self.config.lr, self.bound());
        let mean = self.batch_mean_loss();
        let (loss, what) = match culprit {
            Culprit::Loss if mean.is_finite() => (
                Some(mean),
                format!(
                    "the mean loss on the next batch to {}, past {} (a million times the loss when training \
                     began, or a million)",
                    show(mean),
                    show(bound)
                ),
            ),
            Culprit::Loss => (Some(mean), OVERFLOWING_LOSS.to_string()),
            Culprit::Gradient => (None, OVERFLOWING_GRADIENT.to_string()),
        };
        let step = self.steps;
        let undone = self.saved.valid;
        if undone {
            self.restore_position();
        }
        LabError::Diverged {
            // (with no step since the parameters were set, the one it names is the step that cannot be taken)
            step: if undone { step } else { step + 1 },
            epoch: Some(self.epochs + 1),
            loss,
            bound: Some(bound),
            detail: format!(
                "in epoch {}, {} {what}; {} (try a learning rate below {})",
                self.epochs + 1,
                if undone {
                    "the update takes"
                } else {
                    "the parameters as they are take"
                },
                if undone {
                    "the network keeps its parameters from before this step"
                } else {
                    "no step was taken: set other parameters or reset the network"
                },
                show(lr)
            ),
        }
    }

    /// Moves the parameters with the accumulated gradients of `count` points, or undoes the move and reports
    /// divergence.
    #[cfg_attr(feature = "profile", inline(never))]
    fn update(&mut self, count: f64) -> Result<()> {
        let lr = self.config.lr;
        let dense = &mut self.dense;
        self.optimizer.begin_step();
        let mut finite =
            self.optimizer
                .update(lr, &mut dense.weights, &dense.acc_w, count, 0, Role::Weight);
        // The penalty step, with the weights from before this update (kept by save_position).
        let regularization = self.config.regularization;
        if regularization != Regularization::None {
            finite &= regularization.apply(
                lr,
                self.config.regularization_rate,
                &self.saved.weights,
                &mut dense.weights,
                &mut self.dead,
            );
        }
        if self.config.bias {
            let offset = dense.weights.len();
            finite &= self.optimizer.update(
                lr,
                &mut dense.biases,
                &dense.acc_b,
                count,
                offset,
                Role::Bias,
            );
        }
        if finite {
            return Ok(());
        }
        // Name what left the finite numbers without quoting Infinity or NaN to a reader.
        let overflow = |name: String, v: f64| {
            if v.is_nan() {
                format!("the update makes {name} no longer a number")
            } else {
                format!("the update takes {name} past the largest finite number (about 1.8e+308)")
            }
        };
        let culprit = match dense.weights.iter().position(|w| !w.is_finite()) {
            Some(k) => overflow(format!("weight {}", dense.weight_name(k)), dense.weights[k]),
            None => match dense.biases.iter().position(|b| !b.is_finite()) {
                Some(k) => overflow(format!("bias {}", dense.bias_name(k)), dense.biases[k]),
                None => "the optimizer's running averages leave the finite numbers".to_string(),
            },
        };
        self.restore_position();
        Err(LabError::Diverged {
            step: self.steps + 1,
            epoch: Some(self.epochs + 1),
            loss: None,
            bound: Some(self.bound()),
            detail: format!(
                "in epoch {}, {culprit}; the network keeps its parameters from before this step (try a learning \
                 rate below {})",
                self.epochs + 1,
                show(lr)
            ),
        })
    }
}
