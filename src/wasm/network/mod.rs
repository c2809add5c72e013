//! The network's exports: the `Network` handle, created from a `NetworkConfig` object, trained in place, read
//! back as `Float64Array`s, and traced as a computation graph.
//!
//! - `config`: reading a `NetworkConfig`, and the configuration as it reads back;
//! - `spec`: reading a `DataSpec`;
//! - `grid`: the grid family (the output or every neuron's output over a grid);
//! - `types`: the TypeScript declarations.

mod config;
mod grid;
mod spec;
mod types;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use self::config::{read_config, ConfigView};
use self::spec::read_spec;
use super::input::{lab_error, read_numbers, to_js};
use crate::data::{self, Dataset, MAX_POINTS};
use crate::network as core;
use crate::tape::{Edge, NodeView};

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
