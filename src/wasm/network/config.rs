//! Reading a `NetworkConfig` object, and the configuration as JavaScript reads it back.
//!
//! The fields come in groups, each read by one function: the shape (layers and activations), the loss and the
//! update rule, and the initialization. A new field is listed in [`CONFIG_FIELDS`] under its group, read in its
//! group's function, and shown in [`config_object`].

use wasm_bindgen::prelude::*;

use crate::error::{check_count, quote, LabError};
use crate::network::{
    self as core, Activation, Feature, Features, Loss, NetworkConfig, Optimizer, Regularization,
};
use crate::wasm::input::{invalid, name, read_list, refuse, Fields, JsResult};
use crate::wasm::object::Object;

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
    // The inputs and the penalty: `read_features`, `read_regularization`.
    "features",
    "regularization",
    "regularizationRate",
];

/// The defaults: Playground's (tanh, ½(ŷ − t)², SGD with lr 0.03, batches of 10).
pub(crate) const DEFAULT_LR: f64 = 0.03;
/// Points per update unless `batchSize` says otherwise.
pub(crate) const DEFAULT_BATCH: f64 = 10.0;

/// Reads and validates a `NetworkConfig` object (every limit is checked before the network is allocated).
pub(super) fn read_config(value: &JsValue) -> JsResult<NetworkConfig> {
    let fields = Fields::new(value, "config", CONFIG_FIELDS)?;
    let mut config = read_shape(&fields)?;
    read_training(&fields, &mut config)?;
    config.optimizer = read_optimizer(&fields)?;
    read_initialization(&fields, &mut config)?;
    config.features = read_features(&fields)?;
    read_regularization(&fields, &mut config)?;
    config.validate().map_err(refuse)?;
    Ok(config)
}

/// `layers`, and either `activation` and `outputActivation` or one `activations` per non-input layer.
fn read_shape(fields: &Fields) -> JsResult<NetworkConfig> {
    let layers_value = fields.get("layers")?;
    if layers_value.is_undefined() {
        return Err(invalid("config.layers", &format!(
            "config.layers is missing: give a list of 2 to {} layer sizes, input first, e.g. [2, 4, 2, 1]",
            core::MAX_LAYERS
        )));
    }
    let array = read_list(&layers_value, "config.layers", 2, core::MAX_LAYERS)?;
    let mut layers = Vec::with_capacity(array.len());
    for (k, item) in array.iter().enumerate() {
        let field = format!("config.layers[{k}]");
        let size = crate::wasm::input::number(item, &field)?;
        layers.push(check_count(&field, size, 1, core::MAX_WIDTH).map_err(refuse)?);
    }
    let hidden = read_activation(fields, "activation", Activation::Tanh)?;
    if hidden == Activation::Softmax {
        // Softmax spans a whole layer of classes: never the hidden layers' activation, even with none of them.
        return Err(refuse(LabError::invalid(
            "config.activation",
            "one of \"identity\", \"relu\", \"tanh\", \"sigmoid\" (\"softmax\" is for config.outputActivation only)",
            quote("softmax"),
        )));
    }
    let output = read_activation(fields, "outputActivation", Activation::Tanh)?;
    let mut config = NetworkConfig::new(&layers, hidden, output, Loss::HalfSquared, DEFAULT_LR);
    let activations = fields.get("activations")?;
    if !activations.is_undefined() {
        if !fields.get("activation")?.is_undefined()
            || !fields.get("outputActivation")?.is_undefined()
        {
            return Err(invalid(
                "config.activations",
                "config.activations replaces config.activation and config.outputActivation: give one or the others",
            ));
        }
        let n = layers.len() - 1;
        let array = read_list(&activations, "config.activations", n, n)?;
        config.activations.clear();
        for (k, item) in array.iter().enumerate() {
            let field = format!("config.activations[{k}]");
            config
                .activations
                .push(name(item, &field, Activation::from_name)?);
        }
    }
    Ok(config)
}

fn read_activation(fields: &Fields, key: &str, default: Activation) -> JsResult<Activation> {
    Ok(fields.name(key, Activation::from_name)?.unwrap_or(default))
}

/// `loss`, `lr`, `batchSize` and `shuffle`.
fn read_training(fields: &Fields, config: &mut NetworkConfig) -> JsResult<()> {
    config.loss = fields
        .name("loss", Loss::from_name)?
        .unwrap_or(Loss::HalfSquared);
    config.lr = fields.number("lr")?.unwrap_or(DEFAULT_LR);
    let batch = fields.number("batchSize")?.unwrap_or(DEFAULT_BATCH);
    config.batch_size =
        check_count("config.batchSize", batch, 1, crate::data::MAX_POINTS).map_err(refuse)?;
    config.shuffle = fields.boolean("shuffle")?.unwrap_or(false);
    Ok(())
}

/// The optimizer and its parameters; a parameter of another optimizer is refused, as it would be ignored.
fn read_optimizer(fields: &Fields) -> JsResult<Optimizer> {
    let mut optimizer = fields
        .name("optimizer", Optimizer::from_name)?
        .unwrap_or(Optimizer::Sgd);
    let name = optimizer.name();
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
                return Err(invalid(
                    &format!("config.{key}"),
                    &format!(
                    "config.{key} applies only when config.optimizer is \"{}\" (it is \"{name}\")",
                    owner(key)
                ),
                ))
            }
        }
    }
    optimizer.validate().map_err(refuse)?;
    Ok(optimizer)
}

/// `seed` and `bias`.
fn read_initialization(fields: &Fields, config: &mut NetworkConfig) -> JsResult<()> {
    config.seed = read_seed(fields, "config.seed")?;
    config.bias = fields.boolean("bias")?.unwrap_or(true);
    Ok(())
}

/// `features`: a list of feature names in the core's order, or absent (the inputs are the data's columns).
fn read_features(fields: &Fields) -> JsResult<Option<Features>> {
    let value = fields.get("features")?;
    if value.is_undefined() {
        return Ok(None);
    }
    let n = Feature::ALL.len();
    let items = read_list(&value, "config.features", 1, n)?;
    let mut list = Vec::with_capacity(n);
    for (k, item) in items.iter().enumerate() {
        list.push(name(
            item,
            &format!("config.features[{k}]"),
            Feature::from_name,
        )?);
    }
    Features::new("config.features", list)
        .map(Some)
        .map_err(refuse)
}

/// `regularization` ("none", "l1", "l2"; default "none") and `regularizationRate` (default 0).
fn read_regularization(fields: &Fields, config: &mut NetworkConfig) -> JsResult<()> {
    config.regularization = fields
        .name("regularization", Regularization::from_name)?
        .unwrap_or(Regularization::None);
    config.regularization_rate = fields.number("regularizationRate")?.unwrap_or(0.0);
    Ok(())
}

/// A `seed` field: a whole number from 0 to 2³² − 1, 0 when absent.
pub(super) fn read_seed(fields: &Fields, field: &str) -> JsResult<u32> {
    let seed = fields.number("seed")?.unwrap_or(0.0);
    Ok(check_count(field, seed, 0, u32::MAX as usize).map_err(refuse)? as u32)
}

/// The configuration as JavaScript reads it back (a `NetworkSettings` object), every default filled in; an
/// optimizer's parameters appear only for that optimizer.
pub(super) fn config_object(c: &NetworkConfig) -> JsValue {
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
    let features: Option<Vec<&str>> = match &c.features {
        Some(f) => Some(f.list().iter().map(|f| f.name()).collect()),
        None if c.inputs() == 2 => Some(vec!["x1", "x2"]),
        None => None,
    };
    // The shape.
    let object = Object::new()
        .counts("layers", &c.layers)
        .strings("activations", c.activations.iter().map(|a| a.name()))
        // The loss and the update rule.
        .string("loss", c.loss.name())
        .string("optimizer", c.optimizer.name())
        .number_if("momentum", momentum)
        .number_if("beta1", beta1)
        .number_if("beta2", beta2)
        .number_if("epsilon", epsilon)
        .number("lr", c.lr)
        .count("batchSize", c.batch_size)
        .boolean("shuffle", c.shuffle)
        // The initialization.
        .number("seed", c.seed as f64)
        .boolean("bias", c.bias);
    // The inputs and the penalty.
    let object = match features {
        Some(names) => object.strings("features", names),
        None => object,
    };
    object
        .string("regularization", c.regularization.name())
        .number("regularizationRate", c.regularization_rate)
        .build()
}
