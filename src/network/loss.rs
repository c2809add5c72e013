//! Losses L(ŷ, t) of one output against its target, and the derivative dL/dŷ that starts backpropagation.

use crate::error::{quote, LabError, Result};
use crate::tape::{Tape, Var};

/// The loss of one output ŷ against its target t; a point's loss is the sum over its outputs, a set's the mean
/// over its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    /// The article's squared error L = (ŷ − t)², dL/dŷ = 2(ŷ − t).
    Squared,
    /// The half convention L = ½(ŷ − t)², dL/dŷ = ŷ − t (TensorFlow Playground's).
    HalfSquared,
    /// Binary cross-entropy L = −[t·ln ŷ + (1 − t)·ln(1 − ŷ)] for targets t in [0, 1] and ŷ = σ(z) in (0, 1);
    /// with the sigmoid, dL/dz = ŷ − t.
    CrossEntropy,
}

impl Loss {
    /// Every loss.
    pub const ALL: [Loss; 3] = [Loss::Squared, Loss::HalfSquared, Loss::CrossEntropy];

    /// The name used at the JavaScript boundary: `squared`, `halfSquared` or `crossEntropy`.
    pub fn name(self) -> &'static str {
        match self {
            Loss::Squared => "squared",
            Loss::HalfSquared => "halfSquared",
            Loss::CrossEntropy => "crossEntropy",
        }
    }

    /// The loss called `name`, or an error naming `field` and listing the names.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        Loss::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .ok_or_else(|| {
                LabError::invalid(
                    field,
                    "one of \"squared\", \"halfSquared\", \"crossEntropy\"",
                    quote(name),
                )
            })
    }

    /// L(ŷ, t), where ŷ = f(z). Cross-entropy is computed from z, as t·softplus(−z) + (1 − t)·softplus(z)
    /// (equal to −[t ln σ(z) + (1 − t) ln(1 − σ(z))]), so that a saturated sigmoid gives a finite loss.
    #[inline]
    pub fn value(self, y_hat: f64, z: f64, t: f64) -> f64 {
        match self {
            Loss::Squared => (y_hat - t) * (y_hat - t),
            Loss::HalfSquared => 0.5 * ((y_hat - t) * (y_hat - t)),
            Loss::CrossEntropy => t * softplus(-z) + (1.0 - t) * softplus(z),
        }
    }

    /// dL/dŷ: 2(ŷ − t), ŷ − t, or (ŷ − t)/(ŷ(1 − ŷ)) for cross-entropy (the network multiplies it by
    /// σ′ = ŷ(1 − ŷ) in closed form instead, see [`Loss::output_delta`]).
    #[inline]
    pub fn derivative(self, y_hat: f64, t: f64) -> f64 {
        match self {
            Loss::Squared => 2.0 * (y_hat - t),
            Loss::HalfSquared => y_hat - t,
            Loss::CrossEntropy => (y_hat - t) / (y_hat * (1.0 - y_hat)),
        }
    }

    /// dL/dz for an output with total input z, ŷ = f(z) and activation derivative f′ = `slope`:
    /// dL/dŷ · f′(z), except cross-entropy on a sigmoid, where the factors cancel to ŷ − t.
    #[inline]
    pub fn output_delta(self, y_hat: f64, t: f64, slope: f64) -> f64 {
        match self {
            Loss::CrossEntropy => y_hat - t,
            _ => self.derivative(y_hat, t) * slope,
        }
    }

    /// True when targets must lie in [0, 1] (cross-entropy).
    pub fn needs_probabilities(self) -> bool {
        self == Loss::CrossEntropy
    }

    /// Records L(ŷ, t) on a tape, operation by operation as the formula reads.
    pub fn record(self, tape: &mut Tape, y_hat: Var, t: Var) -> Var {
        match self {
            Loss::Squared => {
                let e = tape.sub(y_hat, t);
                tape.powi(e, 2)
            }
            Loss::HalfSquared => {
                let e = tape.sub(y_hat, t);
                let e2 = tape.powi(e, 2);
                let half = tape.constant(0.5);
                tape.mul(half, e2)
            }
            Loss::CrossEntropy => {
                // −[t·ln ŷ + (1 − t)·ln(1 − ŷ)]
                let one = tape.constant(1.0);
                let ln_y = tape.ln(y_hat);
                let first = tape.mul(t, ln_y);
                let one_minus_t = tape.sub(one, t);
                let one_minus_y = tape.sub(one, y_hat);
                let ln_one_minus_y = tape.ln(one_minus_y);
                let second = tape.mul(one_minus_t, ln_one_minus_y);
                let sum = tape.add(first, second);
                tape.neg(sum)
            }
        }
    }
}

/// softplus(x) = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|) so it never overflows.
#[inline]
pub fn softplus(x: f64) -> f64 {
    crate::math::softplus(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tape::sigmoid;

    #[test]
    fn cross_entropy_from_z_equals_the_formula() {
        for (z, t) in [(-2.0, 0.0), (0.3, 1.0), (1.7, 0.25)] {
            let y = sigmoid(z);
            let direct = -(t * f64::ln(y) + (1.0 - t) * f64::ln(1.0 - y));
            assert!((Loss::CrossEntropy.value(y, z, t) - direct).abs() < 1e-14);
        }
        assert!(Loss::CrossEntropy.value(1.0, 800.0, 0.0).is_finite());
    }

    #[test]
    fn the_article_and_half_conventions_differ_by_two() {
        assert_eq!(
            Loss::Squared.value(1.2, 1.2, 0.5),
            (1.2f64 - 0.5) * (1.2 - 0.5)
        );
        assert_eq!(
            Loss::Squared.derivative(1.2, 0.5),
            2.0 * Loss::HalfSquared.derivative(1.2, 0.5)
        );
    }
}
