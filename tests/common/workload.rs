//! The benchmark workloads of WORKLOADS.md as committed in `tests/data/`: the points, the shape and the initial
//! parameters, and the network they are trained with. Shared by `tests/workloads.rs`, `tests/web_network.rs` and
//! `examples/bench_network.rs` (each includes this file with `#[path]`, and uses part of it).
#![allow(dead_code)]

use backprop_lab::data::Dataset;
use backprop_lab::network::{Activation, Loss, Network, NetworkConfig};
use serde::Deserialize;

/// One labelled point.
#[derive(Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub label: f64,
}

/// A workload file: W1.json or W2.json.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workload {
    pub shape: Vec<usize>,
    pub train: Vec<Point>,
    pub test: Vec<Point>,
    pub initial_weights: Vec<f64>,
    pub initial_biases: Vec<f64>,
}

impl Workload {
    /// W1: the circle, hidden layers [4, 2].
    pub fn w1() -> Workload {
        Workload::parse(include_str!("../data/W1.json"))
    }

    /// W2: the spiral, six hidden layers of 8.
    pub fn w2() -> Workload {
        Workload::parse(include_str!("../data/W2.json"))
    }

    /// Parses a workload file; every f64 exactly (serde_json's float_roundtrip).
    pub fn parse(json: &str) -> Workload {
        serde_json::from_str(json).expect("the workload file parses")
    }
}

/// Points as flat rows (x, y, label).
pub fn flat_rows(points: &[Point]) -> Vec<f64> {
    points.iter().flat_map(|p| [p.x, p.y, p.label]).collect()
}

/// Points as a dataset of 2 inputs and 1 target.
pub fn rows(points: &[Point]) -> Dataset {
    Dataset::new("points", 2, 1, flat_rows(points)).expect("valid points")
}

/// The workloads' network: tanh everywhere, ½(o − label)², SGD with lr 0.03, batches of 10, no shuffling.
pub fn config(shape: &[usize]) -> NetworkConfig {
    let mut config = NetworkConfig::new(
        shape,
        Activation::Tanh,
        Activation::Tanh,
        Loss::HalfSquared,
        0.03,
    );
    config.batch_size = 10;
    config
}

/// The workload's network with its initial parameters and data.
pub fn network(w: &Workload) -> Network {
    let mut net = Network::new(config(&w.shape)).expect("valid config");
    net.set_parameters(&w.initial_weights, &w.initial_biases)
        .expect("valid parameters");
    net.set_data(rows(&w.train), rows(&w.test))
        .expect("valid data");
    net
}

/// W4's data: the 8×8 digits of `www/data/digits.bin` (1,797 images of 64 pixels 0..16, then the labels).
pub const DIGITS: &[u8] = include_bytes!("../../www/data/digits.bin");

/// W4's settings and reference numbers, `tests/data/W4.json` (which the Node tests and the bench read too).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct W4 {
    pub config: W4Config,
    /// Training images: the first ones in the dataset's order (1,347, 75 % as scikit-learn's default split).
    pub train: usize,
    pub train_loss_after10_epochs: f64,
    pub test_accuracy_after10_epochs: f64,
}

/// The fields of W4's `NetworkConfig` that are numbers (the rest: tanh, softmax, cross-entropy, Adam's defaults).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct W4Config {
    pub layers: Vec<usize>,
    pub lr: f64,
    pub batch_size: usize,
    pub shuffle: bool,
    pub seed: u32,
}

impl W4 {
    /// W4.json.
    pub fn read() -> W4 {
        serde_json::from_str(include_str!("../data/W4.json")).expect("W4.json parses")
    }

    /// The network: tanh then softmax with cross-entropy, Adam (β₁ 0.9, β₂ 0.999, ε 1e-8), Playground's
    /// initialization from the seed (weights U(−0.5, 0.5), biases 0.1), shuffled each epoch.
    pub fn config(&self) -> NetworkConfig {
        let c = &self.config;
        let mut config = NetworkConfig::new(
            &c.layers,
            Activation::Tanh,
            Activation::Softmax,
            Loss::CrossEntropy,
            c.lr,
        );
        config.optimizer = backprop_lab::network::Optimizer::Adam {
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        };
        config.batch_size = c.batch_size;
        config.shuffle = c.shuffle;
        config.seed = c.seed;
        config
    }

    /// The network with its data: the first `train` digits train, the rest test.
    pub fn network(&self) -> Network {
        let mut net = Network::new(self.config()).expect("valid config");
        net.set_data(digit_rows(0..self.train), digit_rows(self.train..1797))
            .expect("valid data");
        net
    }
}

/// Digits `range` as rows of 64 inputs (pixel/16, exact, in [0, 1]) and 10 one-hot targets.
pub fn digit_rows(range: std::ops::Range<usize>) -> Dataset {
    let (pixels, labels) = DIGITS.split_at(1797 * 64);
    let mut rows = Vec::with_capacity(range.len() * 74);
    for k in range {
        rows.extend(
            pixels[64 * k..64 * k + 64]
                .iter()
                .map(|&p| f64::from(p) / 16.0),
        );
        rows.extend((0..10).map(|c| {
            if c == usize::from(labels[k]) {
                1.0
            } else {
                0.0
            }
        }));
    }
    Dataset::new("digits", 64, 10, rows).expect("valid digits")
}
