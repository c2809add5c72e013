//! A small dense network trained by backpropagation, on flat `f64` buffers.
//!
//! [`Network`] owns the layers ([`dense`]), its training and test points, the optimizer's state and a seeded
//! stream; every buffer is allocated when the network is made or given data, so a training step allocates
//! nothing. Training follows TensorFlow Playground's arithmetic exactly (see `bench/WORKLOADS.md`): per point,
//! forward then backward adding into accumulators; per batch, one update with the mean gradient.
//!
//! Every method either succeeds or returns an error and leaves the network as it was; a step that would take the
//! loss past its divergence bound, or a gradient or a parameter out of the finite numbers, is undone and reported
//! with its number (see [`training`]).

pub mod activation;
pub mod config;
pub mod dense;
pub mod features;
pub mod grid;
pub mod inspect;
pub mod loss;
pub mod metrics;
pub mod optimizer;
pub mod pairs;
pub mod regularization;
pub mod softmax;
pub mod training;

pub use activation::Activation;
pub use config::*;
pub use dense::Dense;
pub use features::{Feature, Features};
pub use grid::Grid;
pub use loss::Loss;
pub use metrics::{Classes, Classification, Metrics};
pub use optimizer::{Optimizer, OptimizerState, Role};
pub use regularization::Regularization;

use crate::data::{self, count, DataSpec, Dataset, Rng};
use crate::error::{check_usize, check_work, quote, show, LabError, Result, MAX_WORK_PER_CALL};
use crate::tape::{Tape, Var};

/// The bias every neuron starts with (Playground's).
pub const INITIAL_BIAS: f64 = 0.1;

/// The parameters, optimizer state and position in the data from before the last step, to undo a step that
/// diverges.
#[derive(Debug, Clone, PartialEq)]
struct Saved {
    weights: Vec<f64>,
    biases: Vec<f64>,
    optimizer: OptimizerState,
    dead: Vec<bool>,
    steps: u64,
    epochs: u64,
    cursor: usize,
    rng: Rng,
    /// The visiting order before the step, kept when the step ended a shuffled epoch.
    order: Vec<usize>,
    /// Whether this holds the state before the last step (not after the parameters were set or a step undone).
    valid: bool,
}

/// A network, its data and its training state.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    config: NetworkConfig,
    dense: Dense,
    optimizer: OptimizerState,
    saved: Saved,
    /// The training points as given: raw points (x₁, x₂, targets) when the network has features.
    train: Dataset,
    /// The test points as given.
    test: Dataset,
    /// The training points as the first layer sees them (features computed once, when the data is set).
    train_in: Dataset,
    /// The test points as the first layer sees them.
    test_in: Dataset,
    /// Weights that L1 regularization set to 0 for good (Playground's dead links), until the parameters change.
    dead: Vec<bool>,
    /// One point's features, for grids and predictions.
    features_buffer: Vec<f64>,
    /// The order in which the training points are visited this epoch.
    order: Vec<usize>,
    /// The position in `order` of the next batch's first point.
    cursor: usize,
    steps: u64,
    epochs: u64,
    rng: Rng,
    /// Whether the gradient accumulators hold the batch ahead's gradient at the current parameters (and
    /// `batch_loss` its summed loss), computed by the last training call to check it.
    ready: bool,
    batch_loss: f64,
    /// The divergence bound 10⁶ · max(J₀, 1) (see [`DIVERGENCE_FACTOR`]), from the mean training loss J₀ when
    /// training began; `None` until the first training call after the parameters or the data were set.
    loss_bound: Option<f64>,
}

impl Network {
    /// A network initialized from a stream seeded with `config.seed`, with no data.
    pub fn new(config: NetworkConfig) -> Result<Self> {
        let rng = Rng::new(config.seed);
        Network::from_stream(config, rng)
    }

    /// A network whose initial weights (and later shuffles) continue `rng`, as the workloads draw data, shuffle
    /// and initialize from one stream.
    pub fn from_stream(config: NetworkConfig, mut rng: Rng) -> Result<Self> {
        config.validate()?;
        let mut dense = Dense::new(&config);
        dense.initialize(&mut rng, if config.bias { INITIAL_BIAS } else { 0.0 });
        let parameters = dense.weights.len() + dense.biases.len();
        let optimizer = OptimizerState::new(&config.optimizer, parameters);
        let dead = vec![false; dense.weights.len()];
        let saved = Saved {
            weights: dense.weights.clone(),
            biases: dense.biases.clone(),
            optimizer: optimizer.clone(),
            dead: dead.clone(),
            steps: 0,
            epochs: 0,
            cursor: 0,
            rng: rng.clone(),
            order: Vec::new(),
            valid: false,
        };
        let (raw, inputs, outputs) = (config.raw_inputs(), config.inputs(), config.outputs());
        Ok(Network {
            config,
            dense,
            optimizer,
            saved,
            train: Dataset::empty(raw, outputs),
            test: Dataset::empty(raw, outputs),
            train_in: Dataset::empty(inputs, outputs),
            test_in: Dataset::empty(inputs, outputs),
            dead,
            features_buffer: vec![0.0; inputs],
            order: Vec::new(),
            cursor: 0,
            steps: 0,
            epochs: 0,
            rng,
            ready: false,
            batch_loss: 0.0,
            loss_bound: None,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &NetworkConfig {
        &self.config
    }

    /// The layers (parameters and the last pass's buffers).
    pub fn dense(&self) -> &Dense {
        &self.dense
    }

    /// The weights, per layer, per destination neuron, per source neuron.
    pub fn weights(&self) -> &[f64] {
        &self.dense.weights
    }

    /// The biases, per non-input neuron.
    pub fn biases(&self) -> &[f64] {
        &self.dense.biases
    }

    /// The training points, as given (raw points when the network has features).
    pub fn train_data(&self) -> &Dataset {
        &self.train
    }

    /// The test points.
    pub fn test_data(&self) -> &Dataset {
        &self.test
    }

    /// Updates taken since the parameters were last set.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Whole epochs completed since the parameters were last set.
    pub fn epochs(&self) -> u64 {
        self.epochs
    }

    /// Changes the learning rate (in (0, [`MAX_NETWORK_LR`]]) for the steps to come.
    pub fn set_lr(&mut self, lr: f64) -> Result<()> {
        self.config.lr = crate::error::check_positive("lr", lr, MAX_NETWORK_LR)?;
        Ok(())
    }

    /// Sets every parameter (both lists checked for length and finiteness first; without biases, every bias
    /// must be 0) and starts training afresh from them: optimizer state, steps and epochs back to zero, the next
    /// batch at the start of an epoch.
    pub fn set_parameters(&mut self, weights: &[f64], biases: &[f64]) -> Result<()> {
        check_values("weights", weights, self.dense.weights.len())?;
        check_values("biases", biases, self.dense.biases.len())?;
        if !self.config.bias {
            if let Some(k) = biases.iter().position(|&b| b != 0.0) {
                return Err(LabError::invalid(
                    format!("biases[{k}]"),
                    "0 (this network has no biases: config.bias is false)",
                    show(biases[k]),
                ));
            }
        }
        self.dense.weights.copy_from_slice(weights);
        self.dense.biases.copy_from_slice(biases);
        self.restart();
        Ok(())
    }

    /// Draws new initial parameters from the configuration's seed and starts training afresh (data kept).
    pub fn reset(&mut self) {
        self.rng = Rng::new(self.config.seed);
        let bias = if self.config.bias { INITIAL_BIAS } else { 0.0 };
        self.dense.initialize(&mut self.rng, bias);
        self.restart();
    }

    /// Optimizer state, counters and epoch position back to the start.
    fn restart(&mut self) {
        self.saved.valid = false;
        self.ready = false;
        self.loss_bound = None;
        self.optimizer.reset();
        self.dead.fill(false);
        self.steps = 0;
        self.epochs = 0;
        self.start_epoch_order();
    }

    /// The visiting order for a new epoch: the points in order, shuffled when the configuration says so.
    fn start_epoch_order(&mut self) {
        for (k, slot) in self.order.iter_mut().enumerate() {
            *slot = k;
        }
        self.cursor = 0;
        if self.config.shuffle {
            self.rng.shuffle(&mut self.order);
        }
    }

    /// Replaces the training and test points (checked against the network's raw inputs and outputs, for
    /// cross-entropy every target in [0, 1], and for softmax every row's targets a probability vector); the next batch starts a new epoch. With features, each point is
    /// raw (x₁, x₂, targets) and its features are computed here, once.
    pub fn set_data(&mut self, train: Dataset, test: Dataset) -> Result<()> {
        self.check_dataset("train", &train)?;
        self.check_dataset("test", &test)?;
        self.saved.valid = false;
        self.ready = false;
        self.loss_bound = None;
        self.order = (0..train.len()).collect();
        // Room for the order a diverging step may have to restore, so that training allocates nothing.
        self.saved.order.clone_from(&self.order);
        self.train_in = self.network_inputs(&train);
        self.test_in = self.network_inputs(&test);
        self.train = train;
        self.test = test;
        self.start_epoch_order();
        Ok(())
    }

    /// Points as the first layer sees them: with features, each raw row's features then its targets.
    fn network_inputs(&self, data: &Dataset) -> Dataset {
        match &self.config.features {
            Some(f) if !f.is_raw() => {
                let rows = f.expand(data.rows(), data.targets());
                Dataset::new("data", f.len(), data.targets(), rows)
                    .unwrap_or_else(|_| Dataset::empty(f.len(), data.targets()))
            }
            _ => data.clone(),
        }
    }

    /// The forward pass for one raw 2-D point (x₁, x₂): through the features when the network has them.
    #[inline]
    pub(crate) fn forward_raw(&mut self, x1: f64, x2: f64) {
        match &self.config.features {
            Some(f) if !f.is_raw() => {
                f.compute(x1, x2, &mut self.features_buffer);
                self.dense.forward(&self.features_buffer);
            }
            _ => self.dense.forward(&[x1, x2]),
        }
    }

    /// Draws points with a built-in generator (see [`DataSpec::draw`]) and uses them; for cross-entropy, labels
    /// ±1 become 1 and 0 (the three-class sets' one-hot rows stay as they are).
    pub fn use_generated(&mut self, spec: &DataSpec) -> Result<()> {
        let (inputs, targets) = (spec.kind.inputs(), spec.kind.targets());
        if inputs != self.config.raw_inputs() || self.config.outputs() != targets {
            return Err(LabError::invalid(
                "data.dataset",
                format!(
                    "a dataset for a network with {} and {}",
                    count(self.config.raw_inputs(), "input"),
                    count(self.config.outputs(), "output")
                ),
                format!(
                    "{}, whose points have {} and {}",
                    quote(spec.kind.name()),
                    count(inputs, "input"),
                    count(targets, "target")
                ),
            ));
        }
        let (mut train, mut test, _) = spec.draw()?;
        if self.config.loss.needs_probabilities() && targets == 1 {
            train = train.with_zero_one_labels();
            test = test.with_zero_one_labels();
        }
        self.set_data(train, test)
    }

    /// Checks a dataset's row shape, its targets for cross-entropy, and that one pass over it (to compute its
    /// loss, or one epoch) stays within the work of one call.
    fn check_dataset(&self, field: &str, data: &Dataset) -> Result<()> {
        let parameters = self.parameter_count() as u64;
        if data.len() as u64 * parameters > MAX_WORK_PER_CALL {
            return Err(LabError::TooMuchWork {
                field: field.to_string(),
                detail: format!(
                    "one pass over its {} points through {parameters} parameters is more than the {} \
                     parameter-point passes one call may do; give at most {} points to a network this size",
                    data.len(),
                    show(MAX_WORK_PER_CALL as f64),
                    MAX_WORK_PER_CALL / parameters
                ),
            });
        }
        let (inputs, outputs) = (self.config.raw_inputs(), self.config.outputs());
        if data.inputs() != inputs || data.targets() != outputs {
            return Err(LabError::invalid(
                field,
                format!(
                    "rows of {} and {}",
                    count(inputs, "input"),
                    count(outputs, "target")
                ),
                format!(
                    "rows of {} and {}",
                    count(data.inputs(), "input"),
                    count(data.targets(), "target")
                ),
            ));
        }
        if self.config.loss.needs_probabilities() {
            let stride = data.stride();
            for (k, &t) in data.rows().iter().enumerate() {
                if k % stride >= inputs && !(0.0..=1.0).contains(&t) {
                    return Err(LabError::invalid(
                        format!("{field}[{k}]"),
                        format!(
                            "a target in [0, 1] for \"crossEntropy\" (point {}, column {})",
                            k / stride,
                            k % stride
                        ),
                        show(t),
                    ));
                }
            }
            if self.config.is_softmax() {
                softmax::check_rows(field, data.rows(), inputs, stride)?;
            }
        }
        Ok(())
    }

    /// The mean loss over the training points (NaN when there are none).
    pub fn train_loss(&mut self) -> f64 {
        mean_loss(&mut self.dense, &self.train_in)
    }

    /// The mean loss over the test points (NaN when there are none).
    pub fn test_loss(&mut self) -> f64 {
        mean_loss(&mut self.dense, &self.test_in)
    }

    /// The mean loss over `data` and its gradient: ∂(mean loss)/∂w for every weight, then ∂/∂b for every bias
    /// (0 without biases). `data` must have the network's raw row shape (raw points when it has features).
    pub fn loss_and_gradient(&mut self, data: &Dataset) -> Result<(f64, Vec<f64>)> {
        self.check_dataset("data", data)?;
        let data = self.network_inputs(data);
        self.inputs_loss_and_gradient(&data)
    }

    /// As [`Network::loss_and_gradient`], for points already in the first layer's terms.
    fn inputs_loss_and_gradient(&mut self, data: &Dataset) -> Result<(f64, Vec<f64>)> {
        let n = data.len();
        if n == 0 {
            return Err(LabError::invalid("data", "at least one point", "none"));
        }
        self.ready = false;
        self.dense.zero_gradients();
        let order: Vec<usize> = (0..n).collect();
        let loss = self.dense.accumulate(data, &order, true);
        let count = n as f64;
        let mut gradient: Vec<f64> = self.dense.acc_w.iter().map(|a| a / count).collect();
        if self.config.bias {
            gradient.extend(self.dense.acc_b.iter().map(|a| a / count));
        } else {
            gradient.resize(gradient.len() + self.dense.acc_b.len(), 0.0);
        }
        Ok((loss / count, gradient))
    }

    /// The gradient of the mean training loss (see [`Network::loss_and_gradient`]).
    pub fn training_gradient(&mut self) -> Result<Vec<f64>> {
        let train = std::mem::replace(&mut self.train_in, Dataset::empty(0, 0));
        let result = self.inputs_loss_and_gradient(&train);
        self.train_in = train;
        result.map(|(_, g)| g)
    }

    /// The outputs for each row of `inputs` (one number per raw input: x₁, x₂ with features), written to `out`
    /// (one number per output); both lengths are checked.
    pub fn predict(&mut self, inputs: &[f64], out: &mut [f64]) -> Result<()> {
        let (n_in, n_out) = (self.config.raw_inputs(), self.config.outputs());
        data::check_shape("inputs", n_in, 0, inputs)?;
        let points = inputs.len() / n_in;
        let parameters = self.parameter_count();
        check_work("inputs", points, parameters as u64, "points", || {
            format!("{parameters} parameters")
        })?;
        if out.len() != points * n_out {
            return Err(LabError::invalid(
                "out",
                format!(
                    "{} numbers ({points} points × {n_out} outputs)",
                    points * n_out
                ),
                out.len().to_string(),
            ));
        }
        for (x, y) in inputs.chunks_exact(n_in).zip(out.chunks_exact_mut(n_out)) {
            if self.config.features.is_some() {
                self.forward_raw(x[0], x[1]);
            } else {
                self.dense.forward(x);
            }
            y.copy_from_slice(self.dense.outputs());
        }
        Ok(())
    }

    /// Training point `k`'s forward and backward pass as a computation graph on a tape: values and
    /// gradients of every node, local derivatives of every edge. Only for networks of at most
    /// [`MAX_TRACE_PARAMETERS`] parameters. Returns the tape and its loss node J.
    pub fn trace(&self, k: usize) -> Result<(Tape, Var)> {
        let parameters = self.dense.weights.len() + self.dense.biases.len();
        if parameters > MAX_TRACE_PARAMETERS {
            return Err(LabError::invalid(
                "trace",
                format!("a network of at most {MAX_TRACE_PARAMETERS} parameters"),
                format!("{parameters} parameters"),
            ));
        }
        let n = self.train.len();
        if n == 0 {
            return Err(LabError::invalid(
                "trace",
                "a network with training points (call setData first)",
                "none",
            ));
        }
        let k = check_usize("index", k, 0, n - 1)?;
        let (x, t) = self.train_in.point(k);
        let names: Vec<&str> = match &self.config.features {
            Some(f) => f.list().iter().map(|f| f.name()).collect(),
            None => Vec::new(),
        };
        Ok(self.dense.record(x, t, self.config.bias, &names))
    }
}

/// Checks that `values` holds exactly `expected` finite numbers.
fn check_values(field: &str, values: &[f64], expected: usize) -> Result<()> {
    if values.len() != expected {
        return Err(LabError::invalid(
            field,
            format!("{expected} numbers"),
            format!("{} numbers", values.len()),
        ));
    }
    match values.iter().position(|v| !v.is_finite()) {
        Some(k) => Err(LabError::invalid(
            format!("{field}[{k}]"),
            "a finite number",
            show(values[k]),
        )),
        None => Ok(()),
    }
}

/// Σ over points of the point's loss, divided by the number of points (NaN for none), as Playground's getLoss.
fn mean_loss(dense: &mut Dense, data: &Dataset) -> f64 {
    dense.loss_sum(data) / data.len() as f64
}
