//! Training: one update per batch with the mean gradient, epochs, and divergence caught at its step.

use super::{Network, Regularization, Role, MAX_EPOCHS_PER_CALL, MAX_STEPS_PER_CALL};
use crate::error::{check_count, show, LabError, Result};

impl Network {
    /// One update on the next batch of training points: accumulate each point's gradients, then move the
    /// parameters with the mean gradient. A step that makes a parameter non-finite is undone and returned as
    /// [`LabError::Diverged`] with its number.
    pub fn train_step(&mut self) -> Result<()> {
        let n = self.train.len();
        if n == 0 {
            return Err(LabError::invalid(
                "train",
                "at least one training point (call setData first)",
                "none",
            ));
        }
        let end = (self.cursor + self.config.batch_size).min(n);
        self.dense.zero_gradients();
        for &k in &self.order[self.cursor..end] {
            let (x, t) = self.train_in.point(k);
            self.dense.forward(x);
            self.dense.backward(t);
        }
        self.update((end - self.cursor) as f64)?;
        self.steps += 1;
        self.cursor = end;
        if self.cursor == n {
            self.epochs += 1;
            self.start_epoch_order();
        }
        Ok(())
    }

    /// Moves the parameters with the accumulated gradients of `count` points, or undoes the move and reports
    /// divergence.
    fn update(&mut self, count: f64) -> Result<()> {
        self.saved.weights.copy_from_slice(&self.dense.weights);
        self.saved.biases.copy_from_slice(&self.dense.biases);
        self.saved.optimizer.copy_from(&self.optimizer);
        self.saved.dead.copy_from_slice(&self.dead);
        let lr = self.config.lr;
        let dense = &mut self.dense;
        self.optimizer.begin_step();
        let mut finite =
            self.optimizer
                .update(lr, &mut dense.weights, &dense.acc_w, count, 0, Role::Weight);
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
        dense.weights.copy_from_slice(&self.saved.weights);
        dense.biases.copy_from_slice(&self.saved.biases);
        self.optimizer.copy_from(&self.saved.optimizer);
        self.dead.copy_from_slice(&self.saved.dead);
        Err(LabError::Diverged {
            step: self.steps + 1,
            detail: format!(
                "in epoch {}, {culprit}; the network keeps its parameters from before this step (try a learning \
                 rate below {})",
                self.epochs + 1,
                show(lr)
            ),
        })
    }

    /// `n` updates (0 to [`MAX_STEPS_PER_CALL`]), stopping at the first that diverges.
    pub fn train_steps(&mut self, n: f64) -> Result<()> {
        let n = check_count("steps", n, 0, MAX_STEPS_PER_CALL)?;
        for _ in 0..n {
            self.train_step()?;
        }
        Ok(())
    }

    /// `n` epochs (0 to [`MAX_EPOCHS_PER_CALL`]); an epoch in progress is finished first and counts as one.
    pub fn train_epochs(&mut self, n: f64) -> Result<()> {
        let n = check_count("epochs", n, 0, MAX_EPOCHS_PER_CALL)?;
        let target = self.epochs + n as u64;
        while self.epochs < target {
            self.train_step()?;
        }
        Ok(())
    }
}
