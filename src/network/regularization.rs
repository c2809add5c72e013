//! Regularization: a penalty on the size of the weights, applied after each update exactly as TensorFlow
//! Playground's `updateWeights` applies it. Biases are not penalized.
//!
//! With the weight w before the update, the update first moves w by the optimizer's step to w′, then
//! w″ = w′ − (lr·λ)·R′(w), where R(w) = |w| (L1, R′ = sign w) or ½w² (L2, R′ = w). Under L1 a weight whose
//! penalty step would carry it across 0 is set to 0 and stays there (Playground marks the link dead) until
//! the parameters are set or reset.

use crate::error::{quote, show, LabError, Result};

/// The penalty on the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regularization {
    /// No penalty.
    None,
    /// R(w) = |w|, R′(w) = sign w (0 at 0).
    L1,
    /// R(w) = ½w², R′(w) = w.
    L2,
}

impl Regularization {
    /// Every kind.
    pub const ALL: [Regularization; 3] =
        [Regularization::None, Regularization::L1, Regularization::L2];

    /// Playground's regularization rates λ, the choices a page offers.
    pub const RATES: [f64; 10] = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];

    /// The largest rate accepted.
    pub const MAX_RATE: f64 = 10.0;

    /// The name used at the JavaScript boundary: `none`, `l1`, `l2`.
    pub fn name(self) -> &'static str {
        match self {
            Regularization::None => "none",
            Regularization::L1 => "l1",
            Regularization::L2 => "l2",
        }
    }

    /// The kind called `name`, or an error naming `field`.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        Regularization::ALL
            .into_iter()
            .find(|r| r.name() == name)
            .ok_or_else(|| LabError::invalid(field, "one of \"none\", \"l1\", \"l2\"", quote(name)))
    }

    /// Accepts a rate λ in [0, [`Regularization::MAX_RATE`]] (any kind keeps its rate; with none it has no
    /// effect, as in Playground).
    pub fn validate_rate(self, field: &str, rate: f64) -> Result<()> {
        if rate.is_finite() && (0.0..=Regularization::MAX_RATE).contains(&rate) {
            Ok(())
        } else {
            Err(LabError::invalid(
                field,
                format!(
                    "a finite number from 0 to {} (Playground offers {})",
                    show(Regularization::MAX_RATE),
                    crate::error::list(Regularization::RATES.map(show).iter().map(String::as_str))
                ),
                show(rate),
            ))
        }
    }

    /// The penalty R(w) of one weight.
    pub fn penalty(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => w.abs(),     // R(w) = |w|
            Regularization::L2 => 0.5 * w * w, // R(w) = ½w²
        }
    }

    /// R′(w), as Playground's `der`.
    #[inline]
    pub fn derivative(self, w: f64) -> f64 {
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => {
                if w < 0.0 {
                    -1.0
                } else if w > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Regularization::L2 => w,
        }
    }

    /// The penalty step after an update: `before` holds the weights before the update, `weights` after the
    /// optimizer's step. Dead weights (L1 zeroed them earlier) are put back to 0; every other weight becomes
    /// w′ − (lr·λ)·R′(w_before), or 0 and dead when under L1 that step crosses 0. Returns false when a weight
    /// became non-finite.
    pub fn apply(
        self,
        lr: f64,
        rate: f64,
        before: &[f64],
        weights: &mut [f64],
        dead: &mut [bool],
    ) -> bool {
        let mut finite = true;
        let step = lr * rate;
        for ((w, &w0), dead) in weights.iter_mut().zip(before).zip(dead.iter_mut()) {
            if *dead {
                *w = 0.0;
                continue;
            }
            if self == Regularization::None {
                continue;
            }
            let next = *w - step * self.derivative(w0); // w″ = w′ − (lr·λ)·R′(w)
            if self == Regularization::L1 && *w * next < 0.0 {
                *w = 0.0; // the penalty carried the weight across 0: it stays at 0
                *dead = true;
            } else {
                *w = next;
            }
            finite &= w.is_finite();
        }
        finite
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l2_shrinks_each_weight_by_lr_times_rate_times_itself() {
        // The optimizer's step moved 0.5 and −2 to 0.4 and −1.9; then w″ = w′ − (lr·λ)·w.
        let mut dead = [false, false];
        let mut w = [0.4, -1.9];
        assert!(Regularization::L2.apply(0.1, 0.3, &[0.5, -2.0], &mut w, &mut dead));
        assert_eq!(w, [0.4 - (0.1 * 0.3) * 0.5, -1.9 - (0.1 * 0.3) * -2.0]);
    }

    #[test]
    fn l1_zeroes_a_weight_it_would_carry_across_zero_and_keeps_it_dead() {
        let mut w = [0.01, 0.5];
        let mut dead = [false, false];
        Regularization::L1.apply(0.1, 1.0, &[0.02, 0.6], &mut w, &mut dead);
        assert_eq!(w, [0.0, 0.5 - 0.1]);
        assert_eq!(dead, [true, false]);
        let mut w = [0.3, 0.4];
        Regularization::L1.apply(0.1, 1.0, &[0.0, 0.4], &mut w, &mut dead);
        assert_eq!(w[0], 0.0, "a dead weight stays at 0");
    }

    #[test]
    fn names_and_rates() {
        for r in Regularization::ALL {
            assert_eq!(Regularization::from_name("r", r.name()), Ok(r));
        }
        assert!(Regularization::from_name("r", "l3").is_err());
        assert!(Regularization::L2.validate_rate("r", 10.0).is_ok());
        assert!(Regularization::L2.validate_rate("r", -0.1).is_err());
        assert!(Regularization::L2.validate_rate("r", f64::NAN).is_err());
        assert_eq!(Regularization::L1.penalty(-2.0), 2.0);
        assert_eq!(Regularization::L2.penalty(-2.0), 2.0);
    }
}
