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
