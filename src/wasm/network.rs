//! The network's exports: the `Network` handle, created from a `NetworkConfig` object, trained in place, read
//! back as `Float64Array`s, and traced as a computation graph.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::input::{lab_error, read_array, read_numbers, to_js, Fields};
use crate::data::{self, DataSpec, Dataset, DatasetKind, MAX_NOISE, MAX_POINTS};
use crate::error::{check_count, check_range};
use crate::network::{self as core, grid, Activation, Grid, Loss, NetworkConfig, Optimizer};
use crate::tape::{Edge, NodeView};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A neuron's activation o = f(z). */
export type ActivationName = "identity" | "relu" | "tanh" | "sigmoid";
/** The loss of an output ŷ against its target t: (ŷ − t)², ½(ŷ − t)², or binary cross-entropy. */
export type LossName = "squared" | "halfSquared" | "crossEntropy";
/** The update rule. */
export type OptimizerName = "sgd" | "momentum" | "adam";
/** A built-in dataset. */
export type DatasetName = "article" | "line" | "xor" | "circle" | "gaussians" | "spiral";

/** A network's shape and training settings; every field but `layers` has a default. */
export interface NetworkConfig {
  /** Neurons per layer, input first: 2 to 10 layers of 1 to 64 neurons, e.g. [2, 4, 2, 1]. */
  layers: number[];
  /** The hidden layers' activation (default "tanh"). */
  activation?: ActivationName;
  /** The output layer's activation (default "tanh"; "sigmoid" is required by "crossEntropy"). */
  outputActivation?: ActivationName;
  /** One activation per non-input layer, instead of `activation` and `outputActivation`. */
  activations?: ActivationName[];
  /** Default "halfSquared". */
  loss?: LossName;
  /** Default "sgd". */
  optimizer?: OptimizerName;
  /** Momentum's μ in [0, 1) (default 0.9); only with optimizer "momentum". */
  momentum?: number;
  /** Adam's β₁ in [0, 1) (default 0.9); only with optimizer "adam". */
  beta1?: number;
  /** Adam's β₂ in [0, 1) (default 0.999); only with optimizer "adam". */
  beta2?: number;
  /** Adam's ε in (0, 1] (default 1e-8); only with optimizer "adam". */
  epsilon?: number;
  /** The learning rate, in (0, 10] (default 0.03). */
  lr?: number;
  /** Points per update, 1 to 10000 (default 10). */
  batchSize?: number;
  /** Shuffle the training points before each epoch (default false). */
  shuffle?: boolean;
  /** Seed of the initial weights and the shuffles, a whole number from 0 to 4294967295 (default 0). */
  seed?: number;
  /** Give every neuron a bias (default true); without, biases stay 0. */
  bias?: boolean;
}

/** Points drawn by a built-in generator, shuffled with the same seed and split into training and test points. */
export interface DataSpec {
  dataset: DatasetName;
  /** How many points in all, 1 to 10000 (default 500; "article" always gives its one point). */
  points?: number;
  /** Noise in [0, 1] (default 0). */
  noise?: number;
  /** A whole number from 0 to 4294967295 (default 0). */
  seed?: number;
  /** The share of training points, in (0, 1] (default 0.5). */
  trainFraction?: number;
}

/** A node of a traced computation graph. */
export interface TraceNode {
  id: number;
  /** "x1", "w1[2,1]" (layer 1, neuron 2, from neuron 1), "b1[2]", "z1[2]", "a1[2]", "ŷ", "y", "J", or the operation. */
  label: string;
  op: "input" | "const" | "add" | "mul" | "neg" | "powi" | "powf" | "exp" | "ln" | "tanh" | "sigmoid" | "relu";
  /** The value in the forward pass. */
  value: number;
  /** ∂J/∂node from the backward pass. */
  grad: number;
}

/** An edge operand → result, with the local derivative ∂to/∂from. */
export interface TraceEdge {
  from: number;
  to: number;
  local: number;
}

/**
 * One training point's forward and backward pass as a graph; `loss` is the id of the node J. Nodes are in tape
 * order: a node's `id` is its index in `nodes`, and every edge runs from a smaller id to a larger one, so the ids
 * are a topological order (the backward pass visits them from `loss` down). An unnamed node's `label` is its `op`.
 */
export interface Trace {
  nodes: TraceNode[];
  edges: TraceEdge[];
  loss: number;
}

/** A network's configuration as it reads back, every default filled in; `new Network(settings)` accepts it. */
export interface NetworkSettings {
  layers: number[];
  /** One per non-input layer. */
  activations: ActivationName[];
  loss: LossName;
  optimizer: OptimizerName;
  /** Present for "momentum". */
  momentum?: number;
  /** Present for "adam". */
  beta1?: number;
  /** Present for "adam". */
  beta2?: number;
  /** Present for "adam". */
  epsilon?: number;
  lr: number;
  batchSize: number;
  shuffle: boolean;
  seed: number;
  bias: boolean;
}

/** The limits every call is checked against. */
export interface NetworkLimits {
  maxLayers: number;
  maxWidth: number;
  maxPoints: number;
  maxLr: number;
  maxStepsPerCall: number;
  maxEpochsPerCall: number;
  maxGridSide: number;
  maxGridValues: number;
  maxTraceParameters: number;
}
"#;

/// The fields of a `NetworkConfig`.
const CONFIG_FIELDS: [&str; 15] = [
    "layers",
    "activation",
    "outputActivation",
    "activations",
    "loss",
    "optimizer",
    "momentum",
    "beta1",
    "beta2",
    "epsilon",
    "lr",
    "batchSize",
    "shuffle",
    "seed",
    "bias",
];

/// The fields of a `DataSpec`.
const SPEC_FIELDS: [&str; 5] = ["dataset", "points", "noise", "seed", "trainFraction"];

/// The defaults: Playground's (tanh, ½(ŷ − t)², SGD with lr 0.03, batches of 10).
const DEFAULT_LR: f64 = 0.03;
const DEFAULT_BATCH: f64 = 10.0;
const DEFAULT_POINTS: f64 = 500.0;
const DEFAULT_TRAIN_FRACTION: f64 = 0.5;

fn read_activation(fields: &Fields, key: &str, default: Activation) -> Result<Activation, JsError> {
    match fields.string(key)? {
        None => Ok(default),
        Some(name) => Activation::from_name(&format!("config.{key}"), &name).map_err(lab_error),
    }
}

fn read_seed(fields: &Fields, field: &str) -> Result<u32, JsError> {
    let seed = fields.number("seed")?.unwrap_or(0.0);
    Ok(check_count(field, seed, 0, u32::MAX as usize).map_err(lab_error)? as u32)
}

/// Reads and validates a `NetworkConfig` object (every limit is checked before the network is allocated).
fn read_config(value: &JsValue) -> Result<NetworkConfig, JsError> {
    let fields = Fields::new(value, "config", &CONFIG_FIELDS)?;
    let layers_value = fields.get("layers")?;
    if layers_value.is_undefined() {
        return Err(JsError::new(&format!(
            "config.layers is missing: give a list of 2 to {} layer sizes, input first, e.g. [2, 4, 2, 1]",
            core::MAX_LAYERS
        )));
    }
    let array = read_array(&layers_value, "config.layers", 2, core::MAX_LAYERS)?;
    let mut layers = Vec::with_capacity(array.length() as usize);
    for (k, item) in array.iter().enumerate() {
        let field = format!("config.layers[{k}]");
        let size = item
            .as_f64()
            .ok_or_else(|| JsError::new(&format!("{field} must be a number")))?;
        layers.push(check_count(&field, size, 1, core::MAX_WIDTH).map_err(lab_error)?);
    }
    let hidden = read_activation(&fields, "activation", Activation::Tanh)?;
    let output = read_activation(&fields, "outputActivation", Activation::Tanh)?;
    let loss = match fields.string("loss")? {
        None => Loss::HalfSquared,
        Some(name) => Loss::from_name("config.loss", &name).map_err(lab_error)?,
    };
    let mut config = NetworkConfig::new(
        &layers,
        hidden,
        output,
        loss,
        fields.number("lr")?.unwrap_or(DEFAULT_LR),
    );
    let activations = fields.get("activations")?;
    if !activations.is_undefined() {
        if !fields.get("activation")?.is_undefined()
            || !fields.get("outputActivation")?.is_undefined()
        {
            return Err(JsError::new(
                "config.activations replaces config.activation and config.outputActivation: give one or the others",
            ));
        }
        let n = layers.len() - 1;
        let array = read_array(&activations, "config.activations", n, n)?;
        config.activations.clear();
        for (k, item) in array.iter().enumerate() {
            let field = format!("config.activations[{k}]");
            let name = item
                .as_string()
                .ok_or_else(|| JsError::new(&format!("{field} must be a string")))?;
            config
                .activations
                .push(Activation::from_name(&field, &name).map_err(lab_error)?);
        }
    }
    config.optimizer = read_optimizer(&fields)?;
    let batch = fields.number("batchSize")?.unwrap_or(DEFAULT_BATCH);
    config.batch_size = check_count("config.batchSize", batch, 1, MAX_POINTS).map_err(lab_error)?;
    config.shuffle = fields.boolean("shuffle")?.unwrap_or(false);
    config.seed = read_seed(&fields, "config.seed")?;
    config.bias = fields.boolean("bias")?.unwrap_or(true);
    config.validate().map_err(lab_error)?;
    Ok(config)
}

/// The optimizer and its parameters; a parameter of another optimizer is refused, as it would be ignored.
fn read_optimizer(fields: &Fields) -> Result<Optimizer, JsError> {
    let name = fields
        .string("optimizer")?
        .unwrap_or_else(|| "sgd".to_string());
    let mut optimizer = Optimizer::from_name("config.optimizer", &name).map_err(lab_error)?;
    let owner = |key: &str| {
        if key == "momentum" {
            "momentum"
        } else {
            "adam"
        }
    };
    for key in ["momentum", "beta1", "beta2", "epsilon"] {
        let Some(v) = fields.number(key)? else {
            continue;
        };
        match (&mut optimizer, key) {
            (Optimizer::Momentum { momentum }, "momentum") => *momentum = v,
            (Optimizer::Adam { beta1, .. }, "beta1") => *beta1 = v,
            (Optimizer::Adam { beta2, .. }, "beta2") => *beta2 = v,
            (Optimizer::Adam { epsilon, .. }, "epsilon") => *epsilon = v,
            _ => {
                return Err(JsError::new(&format!(
                    "config.{key} applies only when config.optimizer is \"{}\" (it is \"{name}\")",
                    owner(key)
                )))
            }
        }
    }
    optimizer.validate().map_err(lab_error)?;
    Ok(optimizer)
}

/// Reads a `DataSpec` object.
fn read_spec(value: &JsValue) -> Result<DataSpec, JsError> {
    let fields = Fields::new(value, "data", &SPEC_FIELDS)?;
    let name = fields.string("dataset")?.ok_or_else(|| {
        JsError::new("data.dataset is missing: give one of \"article\", \"line\", \"xor\", \"circle\", \"gaussians\", \"spiral\"")
    })?;
    let kind = DatasetKind::from_name("data.dataset", &name).map_err(lab_error)?;
    let points = fields.number("points")?.unwrap_or(DEFAULT_POINTS);
    let points = check_count("data.points", points, 1, MAX_POINTS).map_err(lab_error)?;
    let noise = check_range(
        "data.noise",
        fields.number("noise")?.unwrap_or(0.0),
        0.0,
        MAX_NOISE,
    )
    .map_err(lab_error)?;
    let train_fraction = fields
        .number("trainFraction")?
        .unwrap_or(DEFAULT_TRAIN_FRACTION);
    if !(train_fraction.is_finite() && train_fraction > 0.0 && train_fraction <= 1.0) {
        return Err(JsError::new(&format!(
            "data.trainFraction must be a finite number in (0, 1] (got {})",
            crate::error::show(train_fraction)
        )));
    }
    Ok(DataSpec {
        kind,
        points,
        noise,
        seed: read_seed(&fields, "data.seed")?,
        train_fraction,
    })
}

/// The configuration as JavaScript reads it back, every default filled in.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConfigView {
    layers: Vec<usize>,
    activations: Vec<&'static str>,
    loss: &'static str,
    optimizer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    momentum: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beta1: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beta2: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    epsilon: Option<f64>,
    lr: f64,
    batch_size: usize,
    shuffle: bool,
    seed: u32,
    bias: bool,
}

impl ConfigView {
    fn new(c: &NetworkConfig) -> Self {
        let (mut momentum, mut beta1, mut beta2, mut epsilon) = (None, None, None, None);
        match c.optimizer {
            Optimizer::Sgd => {}
            Optimizer::Momentum { momentum: m } => momentum = Some(m),
            Optimizer::Adam {
                beta1: b1,
                beta2: b2,
                epsilon: e,
            } => {
                (beta1, beta2, epsilon) = (Some(b1), Some(b2), Some(e));
            }
        }
        ConfigView {
            layers: c.layers.clone(),
            activations: c.activations.iter().map(|a| a.name()).collect(),
            loss: c.loss.name(),
            optimizer: c.optimizer.name(),
            momentum,
            beta1,
            beta2,
            epsilon,
            lr: c.lr,
            batch_size: c.batch_size,
            shuffle: c.shuffle,
            seed: c.seed,
            bias: c.bias,
        }
    }
}

/// A traced computation graph.
#[derive(Serialize)]
struct Trace {
    nodes: Vec<NodeView>,
    edges: Vec<Edge>,
    loss: usize,
}

/// The limits, for pages that build their controls from them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_layers: usize,
    max_width: usize,
    max_points: usize,
    max_lr: f64,
    max_steps_per_call: usize,
    max_epochs_per_call: usize,
    max_grid_side: usize,
    max_grid_values: usize,
    max_trace_parameters: usize,
}

/// A small dense network trained by backpropagation, with its data, for live figures.
///
/// Every method either succeeds or throws and leaves the network as it was (training that diverges keeps the
/// steps before the one that diverged and throws naming that step).
#[wasm_bindgen]
pub struct Network {
    inner: core::Network,
    /// The last grid computed by the `…Into` methods, kept so a frame does not allocate.
    grid: Vec<f64>,
}

impl Network {
    /// The network in the core, for Rust-side tests.
    pub fn core(&self) -> &core::Network {
        &self.inner
    }

    /// How many numbers the grid gives (the outputs, or with `per_neuron` every non-input neuron's output),
    /// checked against the limits.
    fn grid_len(&self, grid: &Grid, per_neuron: bool) -> Result<usize, JsError> {
        self.inner.check_grid_inputs().map_err(lab_error)?;
        let len = if per_neuron {
            self.inner.neuron_grid_len(grid)
        } else {
            self.inner.grid_len(grid)
        };
        grid::check_grid_values(len).map_err(lab_error)?;
        Ok(len)
    }

    /// Fills the scratch buffer with the grid's `len` values (from `grid_len`) and returns them.
    fn fill_grid(&mut self, grid: &Grid, len: usize, per_neuron: bool) -> Result<&[f64], JsError> {
        self.grid.resize(len, 0.0);
        if per_neuron {
            self.inner.neuron_grid(grid, &mut self.grid)
        } else {
            self.inner.predict_grid(grid, &mut self.grid)
        }
        .map_err(lab_error)?;
        Ok(&self.grid)
    }

    /// The grid's values in a new array.
    fn grid_values(&mut self, grid: &Grid, per_neuron: bool) -> Result<Vec<f64>, JsError> {
        let len = self.grid_len(grid, per_neuron)?;
        Ok(self.fill_grid(grid, len, per_neuron)?.to_vec())
    }

    /// The grid's values into `out`, which must have exactly their number.
    fn grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        grid: &Grid,
        per_neuron: bool,
    ) -> Result<(), JsError> {
        let len = self.grid_len(grid, per_neuron)?;
        if out.length() as usize != len {
            return Err(JsError::new(&format!(
                "out must be a Float64Array of {len} numbers (got {})",
                out.length()
            )));
        }
        out.copy_from(self.fill_grid(grid, len, per_neuron)?);
        Ok(())
    }
}

#[wasm_bindgen]
impl Network {
    /// A network initialized from `config.seed`, with no data yet.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "NetworkConfig")] config: JsValue,
    ) -> Result<Network, JsError> {
        let config = read_config(&config)?;
        Ok(Network {
            inner: core::Network::new(config).map_err(lab_error)?,
            grid: Vec::new(),
        })
    }

    /// The limits every call is checked against.
    #[wasm_bindgen(unchecked_return_type = "NetworkLimits")]
    pub fn limits() -> Result<JsValue, JsError> {
        to_js(&Limits {
            max_layers: core::MAX_LAYERS,
            max_width: core::MAX_WIDTH,
            max_points: MAX_POINTS,
            max_lr: core::MAX_LR,
            max_steps_per_call: core::MAX_STEPS_PER_CALL,
            max_epochs_per_call: core::MAX_EPOCHS_PER_CALL,
            max_grid_side: core::MAX_GRID_SIDE,
            max_grid_values: core::MAX_GRID_VALUES,
            max_trace_parameters: core::MAX_TRACE_PARAMETERS,
        })
    }

    /// The configuration, with every default filled in (`activations` lists one per non-input layer); a new
    /// `Network` accepts it as its configuration.
    #[wasm_bindgen(getter, unchecked_return_type = "NetworkSettings")]
    pub fn config(&self) -> Result<JsValue, JsError> {
        to_js(&ConfigView::new(self.inner.config()))
    }

    /// Sets every weight (per layer, per destination neuron, per source neuron) and bias (per non-input neuron)
    /// and starts training afresh from them.
    #[wasm_bindgen(js_name = setParameters)]
    pub fn set_parameters(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] weights: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] biases: JsValue,
    ) -> Result<(), JsError> {
        let config = self.inner.config();
        let weights = read_numbers(&weights, "weights", config.weight_count())?;
        let biases = read_numbers(&biases, "biases", config.bias_count())?;
        self.inner
            .set_parameters(&weights, &biases)
            .map_err(lab_error)
    }

    /// The weights, per layer, per destination neuron, per source neuron.
    pub fn weights(&self) -> Vec<f64> {
        self.inner.weights().to_vec()
    }

    /// The biases, per non-input neuron, layer by layer.
    pub fn biases(&self) -> Vec<f64> {
        self.inner.biases().to_vec()
    }

    /// The gradient of the mean training loss at the current parameters: ∂/∂w in the order of `weights()`,
    /// then ∂/∂b in the order of `biases()`.
    pub fn gradients(&mut self) -> Result<Vec<f64>, JsError> {
        self.inner.training_gradient().map_err(lab_error)
    }

    /// Sets the training and test points: rows of the inputs then the targets, (x1, x2, label) for a network
    /// of 2 inputs and 1 output; at most 10000 points each. The next step starts a new epoch.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] train: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] test: JsValue,
    ) -> Result<(), JsError> {
        let config = self.inner.config();
        let (inputs, targets) = (config.inputs(), config.outputs());
        let max = MAX_POINTS * (inputs + targets);
        let train = read_numbers(&train, "train", max)?;
        let test = read_numbers(&test, "test", max)?;
        let train = Dataset::new("train", inputs, targets, train).map_err(lab_error)?;
        let test = Dataset::new("test", inputs, targets, test).map_err(lab_error)?;
        self.inner.set_data(train, test).map_err(lab_error)
    }

    /// Draws points with a built-in generator and uses them (labels ±1, or 1 and 0 for "crossEntropy").
    #[wasm_bindgen(js_name = useDataset)]
    pub fn use_dataset(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DataSpec")] spec: JsValue,
    ) -> Result<(), JsError> {
        let spec = read_spec(&spec)?;
        self.inner.use_generated(&spec).map_err(lab_error)
    }

    /// The training points, as rows of inputs then targets.
    #[wasm_bindgen(js_name = trainData)]
    pub fn train_data(&self) -> Vec<f64> {
        self.inner.train_data().rows().to_vec()
    }

    /// The test points, as rows of inputs then targets.
    #[wasm_bindgen(js_name = testData)]
    pub fn test_data(&self) -> Vec<f64> {
        self.inner.test_data().rows().to_vec()
    }

    /// Takes `n` updates (a whole number up to 1,000,000); throws at the first that diverges, naming it.
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(&mut self, n: f64) -> Result<(), JsError> {
        self.inner.train_steps(n).map_err(lab_error)
    }

    /// Trains `n` epochs (a whole number up to 10,000); throws at the first update that diverges, naming it.
    #[wasm_bindgen(js_name = trainEpochs)]
    pub fn train_epochs(&mut self, n: f64) -> Result<(), JsError> {
        self.inner.train_epochs(n).map_err(lab_error)
    }

    /// The mean loss over the training points (NaN when there are none).
    #[wasm_bindgen(js_name = trainLoss)]
    pub fn train_loss(&mut self) -> f64 {
        self.inner.train_loss()
    }

    /// The mean loss over the test points (NaN when there are none).
    #[wasm_bindgen(js_name = testLoss)]
    pub fn test_loss(&mut self) -> f64 {
        self.inner.test_loss()
    }

    /// Updates taken since the parameters were last set.
    #[wasm_bindgen(getter)]
    pub fn steps(&self) -> f64 {
        self.inner.steps() as f64
    }

    /// Epochs completed since the parameters were last set.
    #[wasm_bindgen(getter)]
    pub fn epochs(&self) -> f64 {
        self.inner.epochs() as f64
    }

    /// Changes the learning rate, in (0, 10].
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), JsError> {
        self.inner.set_lr(lr).map_err(lab_error)
    }

    /// Draws the initial parameters again from the seed and starts training afresh (the data is kept).
    pub fn reset(&mut self) {
        self.inner.reset();
    }

    /// The outputs for rows of inputs (one number per network input), one number per output per row.
    pub fn predict(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] inputs: JsValue,
    ) -> Result<Vec<f64>, JsError> {
        let config = self.inner.config();
        let (n_in, n_out) = (config.inputs(), config.outputs());
        let inputs = read_numbers(&inputs, "inputs", MAX_POINTS * n_in)?;
        data::check_shape("inputs", n_in, 0, &inputs).map_err(lab_error)?;
        let mut out = vec![0.0; inputs.len() / n_in * n_out];
        self.inner.predict(&inputs, &mut out).map_err(lab_error)?;
        Ok(out)
    }

    /// The output at every point of an nx × ny grid (sides 1 to 1000) over [xMin, xMax] × [yMin, yMax], row by
    /// row from the top (y = yMax) as an image is stored, one number per output per point (at most 4,000,000
    /// numbers). Needs 2 inputs.
    #[wasm_bindgen(js_name = predictGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_grid(
        &mut self,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<Vec<f64>, JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_values(&grid, false)
    }

    /// As `predictGrid`, into `out` (which must have exactly the grid's length), without allocating per frame.
    #[wasm_bindgen(js_name = predictGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<(), JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_into(out, &grid, false)
    }

    /// Every non-input neuron's output over the grid of `predictGrid`, for a small heatmap per neuron: neuron by
    /// neuron (hidden layers first, the outputs last), each nx·ny numbers row by row; at most 4,000,000 numbers.
    #[wasm_bindgen(js_name = predictNeuronGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_neuron_grid(
        &mut self,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<Vec<f64>, JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_values(&grid, true)
    }

    /// As `predictNeuronGrid`, into `out` (which must have exactly its length).
    #[wasm_bindgen(js_name = predictNeuronGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_neuron_grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<(), JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_into(out, &grid, true)
    }

    /// Training point `index`'s forward and backward pass as a computation graph: every node with its value and
    /// ∂J/∂node, every edge with its local derivative. For networks of at most 1000 parameters.
    #[wasm_bindgen(unchecked_return_type = "Trace")]
    pub fn trace(&self, index: f64) -> Result<JsValue, JsError> {
        let (tape, loss) = self.inner.trace(index).map_err(lab_error)?;
        to_js(&Trace {
            nodes: tape.nodes(),
            edges: tape.edges(),
            loss: loss.0,
        })
    }
}
