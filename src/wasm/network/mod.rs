//! The network's exports: the `Network` handle, created from a `NetworkConfig` object, trained in place, read
//! back as `Float64Array`s, and traced as a computation graph.
//!
//! - `config`: reading a `NetworkConfig`, and the configuration as it reads back;
//! - `spec`: reading a `DataSpec`;
//! - `grid`: the grid family (the output or every neuron's output over a grid);
//! - `inspect`: one point's pass, gradient checks and edits; `metrics`: losses, accuracies, confusion, R²;
//! - `types`: the TypeScript declarations.

mod config;
mod grid;
mod inspect;
mod metrics;
mod spec;
mod types;

use std::sync::atomic::AtomicBool;

use js_sys::Float64Array;
use wasm_bindgen::prelude::*;

use self::config::{config_object, read_config};
use self::spec::read_spec;
use super::input::{
    count, guard_once, number, read_numbers, refuse, room, room_for_numbers, JsResult, ROUNDING,
};
use super::object::{self, Object};
use crate::data::{self, Dataset, MAX_POINTS};
use crate::network as core;

pub(crate) use self::config::DEFAULT_BATCH;
pub(crate) use self::config::DEFAULT_LR;
pub(crate) use self::spec::{DEFAULT_POINTS, DEFAULT_TRAIN_FRACTION};

/// Memory a trace may use per parameter, counted generously (its nodes, edges, labels and their copies, each
/// block rounded up to a power of two).
const TRACE_BYTES_PER_PARAMETER: usize = 2048;

/// Whether the `Network` class is guarded against use after `free()`.
static GUARDED: AtomicBool = AtomicBool::new(false);

/// The network's limits and defaults, the `NetworkLimits` object of `limits().network`.
pub(crate) fn network_limits() -> JsValue {
    Object::new()
        .count("maxLayers", core::MAX_LAYERS)
        .count("maxWidth", core::MAX_WIDTH)
        .count("maxPoints", MAX_POINTS)
        .number("maxLr", core::MAX_NETWORK_LR)
        .number("maxNoise", data::MAX_NOISE)
        .count("maxStepsPerCall", core::MAX_STEPS_PER_CALL)
        .count("maxEpochsPerCall", core::MAX_EPOCHS_PER_CALL)
        .count("maxGridSide", core::MAX_GRID_SIDE)
        .count("maxGridValues", core::MAX_GRID_VALUES)
        .count("maxTraceParameters", core::MAX_TRACE_PARAMETERS)
        .number("divergenceFactor", core::DIVERGENCE_FACTOR)
        .number("defaultLr", DEFAULT_LR)
        .number("defaultBatchSize", DEFAULT_BATCH)
        .number("defaultPoints", DEFAULT_POINTS)
        .number("defaultTrainFraction", DEFAULT_TRAIN_FRACTION)
        .strings("features", core::Feature::ALL.iter().map(|f| f.name()))
        .strings(
            "regularizations",
            core::Regularization::ALL.iter().map(|r| r.name()),
        )
        .numbers("regularizationRates", &core::Regularization::RATES)
        .number("maxRegularizationRate", core::Regularization::MAX_RATE)
        .strings("datasets", data::DatasetKind::ALL.iter().map(|k| k.name()))
        .build()
}

/// A `Trace` object: every node and edge of a traced graph, and the id of the node J.
fn trace_object(tape: &crate::tape::Tape, loss: usize) -> JsValue {
    let nodes = object::array(tape.nodes().iter().map(|n| {
        Object::new()
            .count("id", n.id)
            .string("label", &n.label)
            .string("op", n.op)
            .number("value", n.value)
            .number("grad", n.grad)
            .build()
    }));
    let edges: Vec<f64> = tape
        .edges()
        .iter()
        .flat_map(|e| [e.from as f64, e.to as f64, e.local])
        .collect();
    Object::new()
        .value("nodes", &nodes)
        .value("edges", &object::records("from,to,local", &edges))
        .count("loss", loss)
        .build()
}

/// A small dense network trained by backpropagation, with its data, for live figures.
///
/// Every method either succeeds or throws and leaves the network as it was (training that diverges keeps the
/// parameters from before the step that diverged and throws naming that step, with its loss and bound); on a freed
/// network every method throws an `Error` of kind `"freed"`, from inside another call on the same network (a
/// getter it reads) one of kind `"busy"`, and when memory is full one of kind `"outOfMemory"`.
#[wasm_bindgen]
pub struct Network {
    inner: core::Network,
}

impl Network {
    /// The network in the core, for Rust-side tests.
    pub fn core(&self) -> &core::Network {
        &self.inner
    }

    /// Makes room for the mean training gradient (the points' order and the gradient).
    fn gradient_room(&self) -> JsResult<()> {
        room_for_numbers(
            "data",
            self.inner.train_data().len() + self.inner.parameter_count(),
        )
    }
}

#[wasm_bindgen]
impl Network {
    /// A network initialized from `config.seed`, with no data yet.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "NetworkConfig")] config: &JsValue,
    ) -> JsResult<Network> {
        guard_once(&GUARDED, "Network", || {
            let smallest = core::NetworkConfig::new(
                &[1, 1],
                core::Activation::Identity,
                core::Activation::Identity,
                core::Loss::Squared,
                DEFAULT_LR,
            );
            match core::Network::new(smallest) {
                Ok(inner) => JsValue::from(Network { inner }),
                Err(_) => JsValue::UNDEFINED,
            }
        });
        let config = read_config(config)?;
        room(Some("config.layers"), ROUNDING * config.network_bytes())?;
        Ok(Network {
            inner: core::Network::new(config).map_err(refuse)?,
        })
    }

    /// The configuration, with every default filled in (`activations` lists one per non-input layer); a new
    /// `Network` accepts it as its configuration.
    #[wasm_bindgen(getter, unchecked_return_type = "NetworkSettings")]
    pub fn config(&self) -> JsResult<JsValue> {
        Ok(config_object(self.inner.config()))
    }

    /// Sets every weight (per layer, per destination neuron, per source neuron) and bias (per non-input neuron)
    /// and starts training afresh from them.
    #[wasm_bindgen(js_name = setParameters)]
    pub fn set_parameters(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] weights: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] biases: &JsValue,
    ) -> JsResult<()> {
        let config = self.inner.config();
        let weights = read_numbers(weights, "weights", config.weight_count())?;
        let biases = read_numbers(biases, "biases", config.bias_count())?;
        self.inner.set_parameters(&weights, &biases).map_err(refuse)
    }

    /// The weights, per layer, per destination neuron, per source neuron.
    pub fn weights(&self) -> Float64Array {
        Float64Array::from(self.inner.weights())
    }

    /// The biases, per non-input neuron, layer by layer.
    pub fn biases(&self) -> Float64Array {
        Float64Array::from(self.inner.biases())
    }

    /// The gradient of the mean training loss at the current parameters: ∂/∂w in the order of `weights()`,
    /// then ∂/∂b in the order of `biases()`.
    pub fn gradients(&mut self) -> JsResult<Float64Array> {
        self.gradient_room()?;
        let gradient = self.inner.training_gradient().map_err(refuse)?;
        Ok(Float64Array::from(&gradient[..]))
    }

    /// Sets the training and test points: rows of the inputs then the targets, (x1, x2, label) for a network
    /// of 2 inputs and 1 output; at most 10000 points each. The next step starts a new epoch.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] train: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] test: &JsValue,
    ) -> JsResult<()> {
        let config = self.inner.config();
        let (inputs, targets) = (config.raw_inputs(), config.outputs());
        let max = MAX_POINTS * (inputs + targets);
        let train = read_numbers(train, "train", max)?;
        let test = read_numbers(test, "test", max)?;
        room(
            Some("train"),
            ROUNDING * config.data_bytes((train.len() + test.len()) / (inputs + targets)),
        )?;
        let train = Dataset::new("train", inputs, targets, train).map_err(refuse)?;
        let test = Dataset::new("test", inputs, targets, test).map_err(refuse)?;
        self.inner.set_data(train, test).map_err(refuse)
    }

    /// Draws points with a built-in generator and uses them (labels ±1, or 1 and 0 for "crossEntropy").
    #[wasm_bindgen(js_name = useDataset)]
    pub fn use_dataset(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "DataSpec")] spec: &JsValue,
    ) -> JsResult<()> {
        let spec = read_spec(spec)?;
        room(
            Some("data.points"),
            ROUNDING * self.inner.config().data_bytes(spec.points),
        )?;
        self.inner.use_generated(&spec).map_err(refuse)
    }

    /// The training points, as rows of inputs then targets.
    #[wasm_bindgen(js_name = trainData)]
    pub fn train_data(&self) -> Float64Array {
        Float64Array::from(self.inner.train_data().rows())
    }

    /// The test points, as rows of inputs then targets.
    #[wasm_bindgen(js_name = testData)]
    pub fn test_data(&self) -> Float64Array {
        Float64Array::from(self.inner.test_data().rows())
    }

    /// Takes `n` updates (a whole number up to `limits().network.maxStepsPerCall`, and at most the work of one
    /// call); throws at the first that diverges, naming it (`step`, `epoch`, `loss`, `bound`).
    #[wasm_bindgen(js_name = trainSteps)]
    pub fn train_steps(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> JsResult<()> {
        let n = count(n, "steps", 0, core::MAX_STEPS_PER_CALL)?;
        self.inner.train_steps(n).map_err(refuse)
    }

    /// Trains `n` epochs (a whole number up to `limits().network.maxEpochsPerCall`, and at most the work of one
    /// call); throws at the first update that diverges, naming it.
    #[wasm_bindgen(js_name = trainEpochs)]
    pub fn train_epochs(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> JsResult<()> {
        let n = count(n, "epochs", 0, core::MAX_EPOCHS_PER_CALL)?;
        self.inner.train_epochs(n).map_err(refuse)
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
    pub fn set_learning_rate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] lr: &JsValue,
    ) -> JsResult<()> {
        let lr = number(lr, "lr")?;
        self.inner.set_lr(lr).map_err(refuse)
    }

    /// Draws the initial parameters again from the seed and starts training afresh (the data is kept).
    pub fn reset(&mut self) {
        self.inner.reset();
    }

    /// The outputs for rows of inputs (one number per network input), one number per output per row.
    pub fn predict(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] inputs: &JsValue,
    ) -> JsResult<Float64Array> {
        let config = self.inner.config();
        let (n_in, n_out) = (config.raw_inputs(), config.outputs());
        let inputs = read_numbers(inputs, "inputs", MAX_POINTS * n_in)?;
        data::check_shape("inputs", n_in, 0, &inputs).map_err(refuse)?;
        room_for_numbers("inputs", inputs.len() / n_in * n_out)?;
        let mut out = vec![0.0; inputs.len() / n_in * n_out];
        self.inner.predict(&inputs, &mut out).map_err(refuse)?;
        Ok(Float64Array::from(&out[..]))
    }

    /// Training point `index`'s forward and backward pass as a computation graph: every node with its value and
    /// ∂J/∂node, every edge with its local derivative. For networks of at most 1000 parameters.
    #[wasm_bindgen(unchecked_return_type = "Trace")]
    pub fn trace(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: &JsValue,
    ) -> JsResult<JsValue> {
        // The graph's nodes, edges and labels: a few hundred bytes per parameter, at most 1000 parameters.
        room(
            None,
            TRACE_BYTES_PER_PARAMETER
                * self.inner.parameter_count().min(core::MAX_TRACE_PARAMETERS),
        )?;
        let last = self.inner.train_data().len().saturating_sub(1);
        let index = count(index, "index", 0, last)?;
        let (tape, loss) = self.inner.trace(index).map_err(refuse)?;
        Ok(trace_object(&tape, loss.0))
    }
}
