//! Activation functions o = f(z) of a layer, with the derivative backpropagation multiplies by.

use crate::error::{quote, LabError, Result};
use crate::tape::{Tape, Var};

/// A neuron's activation o = f(z), applied to its total input z = b + Σⱼ wⱼ·oⱼ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// f(z) = z, f′ = 1: the article's model.
    Identity,
    /// f(z) = max(0, z), f′ = 1 if z > 0 else 0.
    Relu,
    /// f(z) = tanh z, f′ = 1 − tanh²z.
    Tanh,
    /// f(z) = σ(z) = 1/(1 + e⁻ᶻ), f′ = σ(z)(1 − σ(z)).
    Sigmoid,
    /// pₖ = e^zₖ / Σⱼ e^zⱼ over the whole layer, output layer only, with cross-entropy (see [`super::softmax`]);
    /// per neuron, `output` is the identity (the layer normalizes), and f′ is the Jacobian's diagonal pₖ(1 − pₖ).
    Softmax,
}

impl Activation {
    /// Every activation applied neuron by neuron (any layer may have one; [`Activation::Softmax`] is not here).
    pub const ALL: [Activation; 4] = [
        Activation::Identity,
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
    ];

    /// Every name the boundary accepts: [`Activation::ALL`], then the output layer's `softmax`.
    pub const NAMES: [Activation; 5] = [
        Activation::Identity,
        Activation::Relu,
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Softmax,
    ];

    /// The name used at the JavaScript boundary: `identity`, `relu`, `tanh`, `sigmoid` or `softmax`.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::Relu => "relu",
            Activation::Tanh => "tanh",
            Activation::Sigmoid => "sigmoid",
            Activation::Softmax => "softmax",
        }
    }

    /// The activation called `name`, or an error naming `field` and listing the names.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        Activation::NAMES
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| {
                LabError::invalid(
                    field,
                    "one of \"identity\", \"relu\", \"tanh\", \"sigmoid\", \"softmax\" (output layer only)",
                    quote(name),
                )
            })
    }

    /// o = f(z).
    #[inline]
    pub fn output(self, z: f64) -> f64 {
        match self {
            Activation::Identity | Activation::Softmax => z,
            Activation::Relu => {
                if z > 0.0 {
                    z
                } else {
                    0.0
                }
            }
            Activation::Tanh => crate::math::tanh(z),
            Activation::Sigmoid => crate::math::sigmoid(z),
        }
    }

    /// f′(z), given z and o = f(z) (tanh and sigmoid use o: 1 − o², o(1 − o)).
    #[inline]
    pub fn derivative(self, z: f64, o: f64) -> f64 {
        match self {
            Activation::Identity => 1.0,
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Tanh => 1.0 - o * o,
            Activation::Sigmoid | Activation::Softmax => o * (1.0 - o),
        }
    }

    /// Records o = f(z) on a tape (identity records nothing and returns z; so does softmax, which the layer
    /// records with `softmax::record`).
    pub fn record(self, tape: &mut Tape, z: Var) -> Var {
        match self {
            Activation::Identity | Activation::Softmax => z,
            Activation::Relu => tape.relu(z),
            Activation::Tanh => tape.tanh(z),
            Activation::Sigmoid => tape.sigmoid(z),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivatives_match_central_differences() {
        for a in Activation::ALL {
            for z in [-1.3, -0.2, 0.4, 2.0] {
                let h = 1e-6;
                let numeric = (a.output(z + h) - a.output(z - h)) / (2.0 * h);
                let exact = a.derivative(z, a.output(z));
                assert!(
                    (numeric - exact).abs() < 1e-8,
                    "{a:?} at {z}: {numeric} vs {exact}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for a in Activation::NAMES {
            assert_eq!(Activation::from_name("f", a.name()), Ok(a));
        }
        let e = Activation::from_name("config.activation", "softplus").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("config.activation must be one of"),
            "{e}"
        );
    }
}
