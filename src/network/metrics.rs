//! What a learner reads off a network at a glance, in one call: the mean losses on the training and test points
//! and, for a classifier, its accuracy on each and the confusion matrix of the test points; for a regression, R²
//! on the test points.
//!
//! One forward pass over each set computes all of them together, two points at a time as training does (no
//! backward pass); the losses are the bits of [`Network::train_loss`] and [`Network::test_loss`]. A page that draws
//! them once per frame pays one pass per set per frame however many epochs the frame trained, and nothing more for
//! the accuracies and the matrix than for the two losses alone.
//!
//! Which kind of model it is comes from the output and the data: a softmax output classifies into its outputs'
//! classes (a point's class is its target row's largest entry, the prediction the largest probability); one output
//! whose targets are all −1 or 1 (and not a sigmoid) classifies by the sign of ŷ, as TensorFlow Playground colours
//! its points; one output whose targets are all 0 or 1 by ŷ ≥ ½; anything else is a regression.

use super::Network;
use crate::data::Dataset;
use crate::network::{Activation, MAX_WIDTH};

/// 0, 1, …, MAX_WIDTH − 1: a softmax's class labels, its outputs' indices.
static OUTPUT_INDEX: [f64; MAX_WIDTH] = {
    let mut index = [0.0; MAX_WIDTH];
    let mut k = 0;
    while k < MAX_WIDTH {
        index[k] = k as f64;
        k += 1;
    }
    index
};

/// How predictions become classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Classes {
    /// One class per output of a softmax: the largest probability wins (the first on a tie).
    Softmax(usize),
    /// One output, targets −1 and 1: class 1 when ŷ ≥ 0, else −1.
    Sign,
    /// One output, targets 0 and 1: class 1 when ŷ ≥ ½, else 0.
    Half,
}

impl Classes {
    /// How many classes.
    pub fn count(self) -> usize {
        match self {
            Classes::Softmax(n) => n,
            Classes::Sign | Classes::Half => 2,
        }
    }

    /// The target value that stands for each class: 0, 1, … for a softmax (the output's index), −1 and 1 for the
    /// sign, 0 and 1 for ½.
    pub fn labels(self) -> &'static [f64] {
        match self {
            Classes::Softmax(n) => &OUTPUT_INDEX[..n],
            Classes::Sign => &[-1.0, 1.0],
            Classes::Half => &OUTPUT_INDEX[..2],
        }
    }

    /// The class (row or column of the matrix) of a vector of outputs or targets.
    #[inline]
    pub fn of(self, v: &[f64]) -> usize {
        match self {
            Classes::Softmax(_) => {
                let mut best = 0;
                for (k, &x) in v.iter().enumerate() {
                    if x > v[best] {
                        best = k;
                    }
                }
                best
            }
            Classes::Sign => usize::from(v[0] >= 0.0),
            Classes::Half => usize::from(v[0] >= 0.5),
        }
    }
}

/// A classifier's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// How outputs become classes.
    pub classes: Classes,
    /// The share of training points classified right (NaN when there are none).
    pub train_accuracy: f64,
    /// The share of test points classified right (NaN when there are none).
    pub test_accuracy: f64,
    /// Counts of test points, classes × classes, row by row: confusion[true class · classes + predicted class].
    pub confusion: Vec<f64>,
}

/// Losses, and a classifier's accuracies and confusion matrix or a regression's R².
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    /// The mean loss over the training points (NaN when there are none), as [`Network::train_loss`].
    pub train_loss: f64,
    /// The mean loss over the test points (NaN when there are none), as [`Network::test_loss`].
    pub test_loss: f64,
    /// For a classifier.
    pub classification: Option<Classification>,
    /// For a regression, R² = 1 − Σ(ŷ − t)²/Σ(t − t̄)² over the test points and every output (t̄ per output); NaN
    /// when there are no test points or their targets do not vary.
    pub r2: Option<f64>,
}

/// One pass's sums.
struct Pass {
    loss: f64,
    correct: usize,
    squared_error: f64,
}

impl Network {
    /// How this network's outputs become classes, or `None` for a regression (see the module's notes).
    pub fn classes(&self) -> Option<Classes> {
        let c = &self.config;
        if c.is_softmax() {
            return Some(Classes::Softmax(c.outputs()));
        }
        if c.outputs() != 1 {
            return None;
        }
        // every target −1 or 1 (`sign`), every target 0 or 1 (`half`)
        let (mut sign, mut half) = (c.activations.last() != Some(&Activation::Sigmoid), true);
        for data in [&self.train, &self.test] {
            for row in data.rows().chunks_exact(data.stride()) {
                let t = row[data.inputs()];
                sign &= t == -1.0 || t == 1.0;
                half &= t == 0.0 || t == 1.0;
            }
        }
        if sign {
            Some(Classes::Sign)
        } else if half {
            Some(Classes::Half)
        } else {
            None
        }
    }

    /// Every figure of [`Metrics`] at the current parameters, from one forward pass over each set.
    pub fn metrics(&mut self) -> Metrics {
        let classes = self.classes();
        let train = std::mem::replace(&mut self.train_in, Dataset::empty(0, 0));
        let test = std::mem::replace(&mut self.test_in, Dataset::empty(0, 0));
        let n = classes.map_or(0, Classes::count);
        let mut confusion = vec![0.0; n * n];
        let on_train = self.pass(&train, classes, &mut []);
        let on_test = self.pass(&test, classes, &mut confusion);
        let r2 = if classes.is_none() {
            let total = spread(&test);
            Some(1.0 - on_test.squared_error / total) // R² = 1 − SS_res/SS_tot (NaN for 0/0)
        } else {
            None
        };
        let (n_train, n_test) = (train.len() as f64, test.len() as f64);
        self.train_in = train;
        self.test_in = test;
        Metrics {
            train_loss: on_train.loss / n_train,
            test_loss: on_test.loss / n_test,
            classification: classes.map(|classes| Classification {
                classes,
                train_accuracy: on_train.correct as f64 / n_train,
                test_accuracy: on_test.correct as f64 / n_test,
                confusion,
            }),
            r2,
        }
    }

    /// One forward pass over `data` (see [`crate::network::Dense::visit_points`]): Σ of the points' losses in
    /// order, the points classified right (counted into `confusion` when it has room), and Σ(ŷ − t)² for a
    /// regression.
    fn pass(&mut self, data: &Dataset, classes: Option<Classes>, confusion: &mut [f64]) -> Pass {
        let mut pass = Pass {
            loss: 0.0,
            correct: 0,
            squared_error: 0.0,
        };
        self.dense.visit_points(data, &mut |loss, y, t| {
            pass.loss += loss;
            match classes {
                Some(classes) => {
                    let (truth, guess) = (classes.of(t), classes.of(y));
                    pass.correct += usize::from(truth == guess);
                    if let Some(cell) = confusion.get_mut(truth * classes.count() + guess) {
                        *cell += 1.0;
                    }
                }
                None => {
                    for (&yk, &tk) in y.iter().zip(t) {
                        pass.squared_error += (yk - tk) * (yk - tk);
                    }
                }
            }
        });
        pass
    }
}

/// Σ over the points of `data` and their targets of (t − t̄)², t̄ each target's mean over the points.
fn spread(data: &Dataset) -> f64 {
    let n = data.len();
    let mut means = vec![0.0; data.targets()];
    for k in 0..n {
        for (m, &t) in means.iter_mut().zip(data.point(k).1) {
            *m += t;
        }
    }
    let mut sum = 0.0;
    for k in 0..n {
        for (&m, &t) in means.iter().zip(data.point(k).1) {
            let d = t - m / n as f64; // t − t̄
            sum += d * d;
        }
    }
    sum
}
