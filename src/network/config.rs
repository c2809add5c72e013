//! A network's shape and training settings, and the limits every configuration is checked against before
//! anything is allocated.

use super::{Activation, Features, Loss, Optimizer, Regularization};
use crate::error::{check_positive, quote, LabError, Result};

/// Most layers, counting the input and the output layer (so at most 8 hidden layers).
pub const MAX_LAYERS: usize = 10;
/// Most neurons in one layer (inputs included).
pub const MAX_WIDTH: usize = 64;
/// Largest learning rate of a network (the article's descent has its own, `article::MAX_DESCENT_LR`).
pub const MAX_NETWORK_LR: f64 = 10.0;
/// Most updates one call of `train_steps` may take.
pub const MAX_STEPS_PER_CALL: usize = 1_000_000;
/// Most epochs one call of `train_epochs` may run.
pub const MAX_EPOCHS_PER_CALL: usize = 10_000;
/// Most points on either side of a grid.
pub const MAX_GRID_SIDE: usize = 1_000;
/// Most numbers one grid prediction may return (nx × ny × outputs, or × neurons for the per-neuron grid).
pub const MAX_GRID_VALUES: usize = 4_000_000;
/// Most parameters (weights and biases) of a network whose training step can be traced as a graph.
pub const MAX_TRACE_PARAMETERS: usize = 1_000;
/// Training stops as diverged when the mean loss on a batch grows past this many times the mean training loss
/// J₀ at the parameters training began from (set, reset, or given new data), or past this many when J₀ < 1:
/// bound = 10⁶ · max(J₀, 1). A learner reads it as "the loss grew a million-fold", long before a number
/// overflows, so the kept parameters (those before the step) are ones a lower learning rate can train on from.
/// At the start no batch can cross it, as a batch's mean loss is at most [`crate::data::MAX_POINTS`] (10⁴)
/// times the mean over all points.
pub const DIVERGENCE_FACTOR: f64 = 1e6;

/// Everything that defines a network and how it trains.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkConfig {
    /// Neurons per layer, input layer first: `[2, 4, 2, 1]` has 2 inputs, hidden layers of 4 and 2, 1 output.
    pub layers: Vec<usize>,
    /// One activation per non-input layer (`layers.len() − 1` of them).
    pub activations: Vec<Activation>,
    /// The loss of an output against its target.
    pub loss: Loss,
    /// The update rule.
    pub optimizer: Optimizer,
    /// The learning rate lr, in (0, [`MAX_NETWORK_LR`]].
    pub lr: f64,
    /// Points per update; the mean of their gradients is the step's gradient. The last batch of an epoch may be
    /// smaller.
    pub batch_size: usize,
    /// Whether the training points are shuffled (with the network's seeded stream) before each epoch.
    pub shuffle: bool,
    /// The seed of the stream that draws the initial weights and the shuffles.
    pub seed: u32,
    /// Whether neurons have biases; without, every bias stays 0 and is not trained.
    pub bias: bool,
    /// The input features computed from each raw point (x₁, x₂); `None`: the inputs are the data's own
    /// `layers[0]` columns (for two inputs, the same as the features x₁, x₂).
    pub features: Option<Features>,
    /// The penalty on the weights applied after each update (Playground's), none by default.
    pub regularization: Regularization,
    /// The regularization rate λ, one of [`Regularization::RATES`] (0 when there is none).
    pub regularization_rate: f64,
}

impl NetworkConfig {
    /// A configuration with `hidden` activations on the hidden layers and `output` on the last, SGD,
    /// batches of 1, no shuffling, biases, seed 0.
    pub fn new(
        layers: &[usize],
        hidden: Activation,
        output: Activation,
        loss: Loss,
        lr: f64,
    ) -> Self {
        let n = layers.len().saturating_sub(1);
        let activations = (0..n)
            .map(|l| if l + 1 == n { output } else { hidden })
            .collect();
        NetworkConfig {
            layers: layers.to_vec(),
            activations,
            loss,
            optimizer: Optimizer::Sgd,
            lr,
            batch_size: 1,
            shuffle: false,
            seed: 0,
            bias: true,
            features: None,
            regularization: Regularization::None,
            regularization_rate: 0.0,
        }
    }

    /// Checks the shape against [`MAX_LAYERS`] and [`MAX_WIDTH`], one activation per layer, lr, the batch size
    /// (1 to `data::MAX_POINTS`), the optimizer's parameters, one input per feature, the regularization rate, that
    /// softmax is on the output layer only, of at least 2 outputs, with cross-entropy, and that cross-entropy has a
    /// sigmoid or softmax output.
    pub fn validate(&self) -> Result<()> {
        let n = self.layers.len();
        if !(2..=MAX_LAYERS).contains(&n) {
            return Err(LabError::invalid(
                "config.layers",
                format!("a list of 2 to {MAX_LAYERS} layer sizes, input first"),
                format!("{n} layers"),
            ));
        }
        if let Some(l) = self
            .layers
            .iter()
            .position(|&s| !(1..=MAX_WIDTH).contains(&s))
        {
            return Err(LabError::invalid(
                format!("config.layers[{l}]"),
                format!("a whole number from 1 to {MAX_WIDTH}"),
                self.layers[l].to_string(),
            ));
        }
        if self.activations.len() != n - 1 {
            return Err(LabError::invalid(
                "config.activations",
                format!("one activation per non-input layer ({})", n - 1),
                format!("{} activations", self.activations.len()),
            ));
        }
        check_positive("config.lr", self.lr, MAX_NETWORK_LR)?;
        let max_batch = crate::data::MAX_POINTS;
        if !(1..=max_batch).contains(&self.batch_size) {
            return Err(LabError::invalid(
                "config.batchSize",
                format!("a whole number from 1 to {max_batch}"),
                self.batch_size.to_string(),
            ));
        }
        self.optimizer.validate()?;
        if let Some(features) = &self.features {
            if self.layers[0] != features.len() {
                return Err(LabError::invalid(
                    "config.layers[0]",
                    format!(
                        "{}, the number of config.features, as each feature is one input",
                        features.len()
                    ),
                    self.layers[0].to_string(),
                ));
            }
        }
        self.regularization
            .validate_rate("config.regularizationRate", self.regularization_rate)?;
        let output = self.activations[n - 2];
        if let Some(l) = self.activations[..n - 2]
            .iter()
            .position(|&a| a == Activation::Softmax)
        {
            return Err(LabError::invalid(
                format!("config.activations[{l}]"),
                "an activation applied neuron by neuron on a hidden layer (\"softmax\" is for the output \
                 layer only)",
                quote(Activation::Softmax.name()),
            ));
        }
        if output == Activation::Softmax {
            if self.outputs() < 2 {
                return Err(LabError::invalid(
                    format!("config.layers[{}]", n - 1),
                    "at least 2 outputs for \"softmax\" (one probability per class; for two classes a single \
                     \"sigmoid\" output does the same)",
                    self.outputs().to_string(),
                ));
            }
            if self.loss != Loss::CrossEntropy {
                return Err(LabError::invalid(
                    "config.loss",
                    "\"crossEntropy\" with a \"softmax\" output (its categorical form −Σ t·ln p)",
                    quote(self.loss.name()),
                ));
            }
        }
        if self.loss == Loss::CrossEntropy
            && !matches!(output, Activation::Sigmoid | Activation::Softmax)
        {
            return Err(LabError::invalid(
                "config.outputActivation",
                "\"sigmoid\" or \"softmax\" when the loss is \"crossEntropy\" (its ln ŷ needs ŷ in (0, 1))",
                quote(output.name()),
            ));
        }
        Ok(())
    }

    /// The number of weights: Σ over layers of (neurons × neurons of the layer before).
    pub fn weight_count(&self) -> usize {
        self.layers.windows(2).map(|w| w[0] * w[1]).sum()
    }

    /// The number of biases: one per non-input neuron.
    pub fn bias_count(&self) -> usize {
        self.layers.iter().skip(1).sum()
    }

    /// The number of inputs (the first layer's size).
    pub fn inputs(&self) -> usize {
        self.layers.first().copied().unwrap_or(0)
    }

    /// Numbers per raw point: 2 (x₁, x₂) with features, otherwise the number of inputs.
    pub fn raw_inputs(&self) -> usize {
        if self.features.is_some() {
            2
        } else {
            self.inputs()
        }
    }

    /// The number of outputs (the last layer's size).
    pub fn outputs(&self) -> usize {
        self.layers.last().copied().unwrap_or(0)
    }

    /// True when the output layer is a softmax over classes.
    pub fn is_softmax(&self) -> bool {
        self.activations.last() == Some(&Activation::Softmax)
    }

    /// At least the bytes a [`super::Network`] of this configuration allocates for itself before it has data,
    /// each buffer counted at its length: per parameter at most 8 numbers (its value, accumulator, copy kept to
    /// undo a step, two optimizer moments and their copies, a weight column) and two flags; per neuron at most
    /// 8 numbers and 3 · [`super::pairs::BLOCK_PAIRS`] + 2 pairs. The boundary makes room for this (times the
    /// allocator's rounding) before it makes the network, so that a full memory refuses the call instead of
    /// failing one of these allocations.
    pub fn network_bytes(&self) -> usize {
        let parameters = self.weight_count() + self.bias_count();
        let neurons: usize = self.layers.iter().sum();
        66 * parameters + (64 + 16 * (3 * super::pairs::BLOCK_PAIRS + 2)) * neurons
    }

    /// At least the bytes a [`super::Network`] of this configuration allocates when given `points` training and
    /// test points in all (their rows as given and as the first layer sees them, each drawn and split once, and
    /// the visiting order with its copy), each buffer counted at its length.
    pub fn data_bytes(&self, points: usize) -> usize {
        let row = self.raw_inputs().max(self.inputs()) + self.outputs();
        points * (8 * 3 * row + 2 * 8)
    }
}
