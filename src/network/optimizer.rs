//! Optimizers: how a batch's mean gradient g = acc/n moves the parameters.

use crate::error::{check_range, quote, LabError, Result};
use crate::math::{all_finite, F64x2, Lanes};

/// The update rule, with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Optimizer {
    /// The article's rule, w ← w − lr·g, written as TensorFlow Playground writes it so the workloads match to
    /// the last bit: a bias b ← b − lr·acc/n, a weight w ← w − (lr/n)·acc.
    Sgd,
    /// Momentum: v ← μ·v + g, w ← w − lr·v, with μ in [0, 1).
    Momentum {
        /// μ, the share of the previous velocity kept.
        momentum: f64,
    },
    /// Adam: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², w ← w − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ),
    /// v̂ = v/(1 − β₂ᵗ) at step t.
    Adam {
        /// β₁, the decay of the mean of the gradients, in [0, 1).
        beta1: f64,
        /// β₂, the decay of the mean of the squared gradients, in [0, 1).
        beta2: f64,
        /// ε, added to √v̂, in (0, 1].
        epsilon: f64,
    },
}

impl Optimizer {
    /// The default momentum μ = 0.9.
    pub const MOMENTUM: f64 = 0.9;
    /// Adam's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e−8.
    pub const ADAM: (f64, f64, f64) = (0.9, 0.999, 1e-8);

    /// The optimizer called `name` (`sgd`, `momentum` or `adam`) with its defaults.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        let (beta1, beta2, epsilon) = Optimizer::ADAM;
        match name {
            "sgd" => Ok(Optimizer::Sgd),
            "momentum" => Ok(Optimizer::Momentum {
                momentum: Optimizer::MOMENTUM,
            }),
            "adam" => Ok(Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            }),
            _ => Err(LabError::invalid(
                field,
                "one of \"sgd\", \"momentum\", \"adam\"",
                quote(name),
            )),
        }
    }

    /// The name used at the JavaScript boundary.
    pub fn name(&self) -> &'static str {
        match self {
            Optimizer::Sgd => "sgd",
            Optimizer::Momentum { .. } => "momentum",
            Optimizer::Adam { .. } => "adam",
        }
    }

    /// Checks the parameters: μ, β₁, β₂ in [0, 1), ε in (0, 1].
    pub fn validate(&self) -> Result<()> {
        let below_one = |field: &str, v: f64| {
            if v.is_finite() && (0.0..1.0).contains(&v) {
                Ok(())
            } else {
                Err(LabError::invalid(
                    field,
                    "a finite number in [0, 1)",
                    crate::error::show(v),
                ))
            }
        };
        match *self {
            Optimizer::Sgd => Ok(()),
            Optimizer::Momentum { momentum } => below_one("config.momentum", momentum),
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                below_one("config.beta1", beta1)?;
                below_one("config.beta2", beta2)?;
                check_range("config.epsilon", epsilon, f64::MIN_POSITIVE, 1.0).map(|_| ())
            }
        }
    }

    /// How many numbers of state each parameter needs: 0 for SGD, 1 (velocity) for momentum, 2 (m, v) for Adam.
    pub fn state_per_parameter(&self) -> usize {
        match self {
            Optimizer::Sgd => 0,
            Optimizer::Momentum { .. } => 1,
            Optimizer::Adam { .. } => 2,
        }
    }
}

/// Whether a parameter is a bias or a weight: plain SGD writes the two updates in different floating-point
/// forms (Playground's), which matters for bit-identical runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// b ← b − lr·acc/n.
    Bias,
    /// w ← w − (lr/n)·acc.
    Weight,
}

/// The optimizer's memory between steps: velocities (momentum), first and second moments (Adam), the step t.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizerState {
    optimizer: Optimizer,
    first: Vec<f64>,
    second: Vec<f64>,
    steps: u64,
    beta1_t: f64,
    beta2_t: f64,
}

impl OptimizerState {
    /// Zero state of `optimizer` for `parameters` parameters (allocates only what the optimizer uses).
    pub fn new(optimizer: &Optimizer, parameters: usize) -> Self {
        let per = optimizer.state_per_parameter();
        OptimizerState {
            optimizer: *optimizer,
            first: vec![0.0; if per >= 1 { parameters } else { 0 }],
            second: vec![0.0; if per >= 2 { parameters } else { 0 }],
            steps: 0,
            beta1_t: 1.0,
            beta2_t: 1.0,
        }
    }

    /// Forgets everything: zero moments, step 0.
    pub fn reset(&mut self) {
        self.first.fill(0.0);
        self.second.fill(0.0);
        self.steps = 0;
        self.beta1_t = 1.0;
        self.beta2_t = 1.0;
    }

    /// The optimizer this state belongs to.
    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    /// Copies `other` into this state without allocating (both must be for the same optimizer and size).
    pub fn copy_from(&mut self, other: &OptimizerState) {
        self.first.copy_from_slice(&other.first);
        self.second.copy_from_slice(&other.second);
        self.steps = other.steps;
        self.beta1_t = other.beta1_t;
        self.beta2_t = other.beta2_t;
    }

    /// Starts step t + 1 (Adam's bias corrections use β₁ᵗ and β₂ᵗ, kept as running products).
    pub fn begin_step(&mut self) {
        self.steps += 1;
        if let Optimizer::Adam { beta1, beta2, .. } = self.optimizer {
            self.beta1_t *= beta1;
            self.beta2_t *= beta2;
        }
    }

    /// Updates `params` from the gradients accumulated over a batch of `count` points (`acc` = Σ gradients);
    /// `offset` is where these parameters start in the state (weights first, then biases). Returns false when
    /// a parameter became non-finite.
    pub fn update(
        &mut self,
        lr: f64,
        params: &mut [f64],
        acc: &[f64],
        count: f64,
        offset: usize,
        role: Role,
    ) -> bool {
        let mut finite = true;
        match self.optimizer {
            Optimizer::Sgd => {
                // w ← w − (lr/n)·Σg for weights and b ← b − lr·Σg/n for biases (Playground's two forms),
                // two parameters per f64x2 lane, each lane as the one-parameter form
                let (lr2, count2, scale2) = (
                    F64x2::splat(lr),
                    F64x2::splat(count),
                    F64x2::splat(lr / count),
                );
                let sgd = |p: F64x2, a: F64x2| match role {
                    Role::Bias => p - lr2 * a / count2,
                    Role::Weight => p - scale2 * a,
                };
                let n = params.len();
                let mut p2 = params.chunks_exact_mut(2);
                for (p, a) in (&mut p2).zip(acc.chunks_exact(2)) {
                    if let (Ok(p), Ok(a)) = (<&mut [f64; 2]>::try_from(p), <&[f64; 2]>::try_from(a))
                    {
                        sgd(F64x2::load(p), F64x2::load(a)).store(p);
                    }
                }
                let last = n.checked_sub(1).and_then(|k| acc.get(k));
                if let ([p], Some(&a)) = (p2.into_remainder(), last) {
                    *p = sgd(F64x2::splat(*p), F64x2::splat(a)).lo();
                }
                finite = all_finite(params);
            }
            Optimizer::Momentum { momentum } => {
                let velocity = &mut self.first[offset..offset + params.len()];
                for ((p, &a), v) in params.iter_mut().zip(acc).zip(velocity) {
                    *v = momentum * *v + a / count; // v ← μ·v + g
                    *p -= lr * *v; // w ← w − lr·v
                    finite &= p.is_finite() && v.is_finite();
                }
            }
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                let (c1, c2) = (1.0 - self.beta1_t, 1.0 - self.beta2_t);
                let m = &mut self.first[offset..offset + params.len()];
                let v = &mut self.second[offset..offset + params.len()];
                for (((p, &a), m), v) in params.iter_mut().zip(acc).zip(m).zip(v) {
                    let g = a / count;
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *v = beta2 * *v + (1.0 - beta2) * g * g;
                    let (m_hat, v_hat) = (*m / c1, *v / c2);
                    *p -= lr * m_hat / (v_hat.sqrt() + epsilon);
                    finite &= p.is_finite() && v.is_finite();
                }
            }
        }
        finite
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgd_takes_the_articles_step() {
        // w ← w − lr·dJ/dw with dJ/dw = 2(1.5·0.8 − 0.5)·1.5 = 2.1
        let mut w = [0.8];
        let mut state = OptimizerState::new(&Optimizer::Sgd, 1);
        assert!(state.update(
            0.1,
            &mut w,
            &[2.0 * (1.5 * 0.8 - 0.5) * 1.5],
            1.0,
            0,
            Role::Weight
        ));
        assert_eq!(w[0], 0.59);
    }

    #[test]
    fn adams_first_step_moves_each_parameter_by_about_lr() {
        let adam = Optimizer::from_name("o", "adam").unwrap();
        let mut state = OptimizerState::new(&adam, 2);
        let mut p = [1.0, -1.0];
        state.begin_step();
        state.update(0.01, &mut p, &[3.0, -0.002], 1.0, 0, Role::Weight);
        assert!(
            (p[0] - 0.99).abs() < 1e-8 && (p[1] + 0.99).abs() < 1e-5,
            "{p:?}"
        );
    }

    #[test]
    fn momentum_accumulates_velocity() {
        let opt = Optimizer::Momentum { momentum: 0.5 };
        let mut state = OptimizerState::new(&opt, 1);
        let mut p = [0.0];
        for _ in 0..2 {
            state.begin_step();
            state.update(1.0, &mut p, &[1.0], 1.0, 0, Role::Weight);
        }
        assert_eq!(p[0], -2.5); // v₁ = 1, v₂ = 1.5
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(Optimizer::Momentum { momentum: 1.0 }.validate().is_err());
        assert!(Optimizer::Adam {
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 0.0
        }
        .validate()
        .is_err());
        assert!(Optimizer::from_name("config.optimizer", "rmsprop").is_err());
    }
}
