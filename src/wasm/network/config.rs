//! Reading a `NetworkConfig` object, and the configuration as JavaScript reads it back.
//!
//! The fields come in groups, each read by one function: the shape (layers and activations), the loss and the
//! update rule, and the initialization. A new field is listed in [`CONFIG_FIELDS`] under its group, read in its
//! group's function, and shown in [`ConfigView`].

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::check_count;
use crate::network::{self as core, Activation, Loss, NetworkConfig, Optimizer};
use crate::wasm::input::{lab_error, read_array, Fields};

/// The fields of a `NetworkConfig`, group by group.
const CONFIG_FIELDS: &[&str] = &[
    // The shape: `read_shape`.
    "layers",
    "activation",
    "outputActivation",
    "activations",
    // The loss and the update rule: `read_training`, `read_optimizer`.
    "loss",
    "lr",
    "batchSize",
    "shuffle",
    "optimizer",
    "momentum",
    "beta1",
    "beta2",
    "epsilon",
    // The initialization: `read_initialization`.
    "seed",
    "bias",
];

/// The defaults: Playground's (tanh, ½(ŷ − t)², SGD with lr 0.03, batches of 10).
pub(super) const DEFAULT_LR: f64 = 0.03;
/// Points per update unless `batchSize` says otherwise.
pub(super) const DEFAULT_BATCH: f64 = 10.0;

/// Reads and validates a `NetworkConfig` object (every limit is checked before the network is allocated).
pub(super) fn read_config(value: &JsValue) -> Result<NetworkConfig, JsError> {
    let fields = Fields::new(value, "config", CONFIG_FIELDS)?;
    let mut config = read_shape(&fields)?;
    read_training(&fields, &mut config)?;
    config.optimizer = read_optimizer(&fields)?;
    read_initialization(&fields, &mut config)?;
    config.validate().map_err(lab_error)?;
    Ok(config)
}

/// `layers`, and either `activation` and `outputActivation` or one `activations` per non-input layer.
fn read_shape(fields: &Fields) -> Result<NetworkConfig, JsError> {
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
    let hidden = read_activation(fields, "activation", Activation::Tanh)?;
    let output = read_activation(fields, "outputActivation", Activation::Tanh)?;
    let mut config = NetworkConfig::new(&layers, hidden, output, Loss::HalfSquared, DEFAULT_LR);
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
    Ok(config)
}

fn read_activation(fields: &Fields, key: &str, default: Activation) -> Result<Activation, JsError> {
    match fields.string(key)? {
        None => Ok(default),
        Some(name) => Activation::from_name(&format!("config.{key}"), &name).map_err(lab_error),
    }
}

/// `loss`, `lr`, `batchSize` and `shuffle`.
fn read_training(fields: &Fields, config: &mut NetworkConfig) -> Result<(), JsError> {
    config.loss = match fields.string("loss")? {
        None => Loss::HalfSquared,
        Some(name) => Loss::from_name("config.loss", &name).map_err(lab_error)?,
    };
    config.lr = fields.number("lr")?.unwrap_or(DEFAULT_LR);
    let batch = fields.number("batchSize")?.unwrap_or(DEFAULT_BATCH);
    config.batch_size =
        check_count("config.batchSize", batch, 1, crate::data::MAX_POINTS).map_err(lab_error)?;
    config.shuffle = fields.boolean("shuffle")?.unwrap_or(false);
    Ok(())
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

/// `seed` and `bias`.
fn read_initialization(fields: &Fields, config: &mut NetworkConfig) -> Result<(), JsError> {
    config.seed = read_seed(fields, "config.seed")?;
    config.bias = fields.boolean("bias")?.unwrap_or(true);
    Ok(())
}

/// A `seed` field: a whole number from 0 to 2³² − 1, 0 when absent.
pub(super) fn read_seed(fields: &Fields, field: &str) -> Result<u32, JsError> {
    let seed = fields.number("seed")?.unwrap_or(0.0);
    Ok(check_count(field, seed, 0, u32::MAX as usize).map_err(lab_error)? as u32)
}

/// The configuration as JavaScript reads it back, every default filled in.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ConfigView {
    // The shape.
    layers: Vec<usize>,
    activations: Vec<&'static str>,
    // The loss and the update rule.
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
    // The initialization.
    seed: u32,
    bias: bool,
}

impl ConfigView {
    pub(super) fn new(c: &NetworkConfig) -> Self {
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
