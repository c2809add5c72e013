#![cfg(target_arch = "wasm32")]
//! The `Network` handle through the wasm boundary, in a real browser: W1's 10-epoch loss, a traced training
//! point against finite differences, and refused configurations and arrays that leave the network unchanged.

use backprop_lab::wasm::Network;
use js_sys::{Float64Array, JSON};
use serde::Deserialize;

#[path = "common/workload.rs"]
mod workload;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use workload::{flat_rows, Point, Workload};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Deserialize)]
struct TraceNode {
    id: usize,
    label: String,
    op: String,
    value: f64,
    grad: f64,
}

#[derive(Deserialize)]
struct TraceEdge {
    from: usize,
    to: usize,
    local: f64,
}

#[derive(Deserialize)]
struct Trace {
    nodes: Vec<TraceNode>,
    edges: Vec<TraceEdge>,
    loss: usize,
}

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("valid JSON in the test")
}

fn numbers(values: &[f64]) -> JsValue {
    Float64Array::from(values).into()
}

fn rows(points: &[Point]) -> JsValue {
    numbers(&flat_rows(points))
}

fn message(e: JsValue) -> String {
    js_sys::Error::from(e).message().into()
}

const W1_CONFIG: &str = r#"{ "layers": [2, 4, 2, 1], "activation": "tanh", "outputActivation": "tanh",
  "loss": "halfSquared", "optimizer": "sgd", "lr": 0.03, "batchSize": 10, "shuffle": false, "seed": 42 }"#;

fn w1() -> Network {
    let w = Workload::w1();
    let mut net = Network::new(&js(W1_CONFIG)).unwrap();
    net.set_parameters(&numbers(&w.initial_weights), &numbers(&w.initial_biases))
        .unwrap();
    net.set_data(&rows(&w.train), &rows(&w.test)).unwrap();
    net
}

#[wasm_bindgen_test]
fn w1_after_10_epochs_has_the_reference_loss() {
    let mut net = w1();
    assert_eq!(net.train_loss(), 0.48742395702097663);
    net.train_epochs(&JsValue::from(1.0)).unwrap();
    let one = net.train_loss();
    assert!(
        ((one - 0.4826781253236423) / 0.4826781253236423).abs() <= 1e-12,
        "1 epoch: {one}"
    );
    net.train_epochs(&JsValue::from(9.0)).unwrap();
    let ten = net.train_loss();
    assert!(
        ((ten - 0.4355938184050986) / 0.4355938184050986).abs() <= 1e-12,
        "10 epochs: {ten}"
    );
    assert_eq!((net.steps(), net.epochs()), (250.0, 10.0));
    // Bit for bit the numbers the core computes natively (tests/workloads.rs, examples/bench_network.rs).
    assert_eq!((one, ten), (0.4826781253236423, 0.4355938184050986));
    let mut core = w1();
    core.train_steps(&JsValue::from(250.0)).unwrap();
    assert_eq!(core.train_loss(), ten);
}

#[wasm_bindgen_test]
fn a_trace_agrees_with_finite_differences() {
    let config = r#"{ "layers": [2, 2, 1], "activation": "tanh", "outputActivation": "sigmoid",
      "loss": "crossEntropy", "seed": 3 }"#;
    let point = [0.7, -1.2, 1.0];
    let mut net = Network::new(&js(config)).unwrap();
    net.set_data(&numbers(&point), &numbers(&[])).unwrap();
    let trace: Trace =
        serde_wasm_bindgen::from_value(net.trace(&JsValue::from(0.0)).unwrap()).unwrap();
    assert_eq!(trace.nodes[trace.loss].label, "J");
    assert_eq!(trace.nodes[trace.loss].value, net.train_loss());
    for (k, node) in trace.nodes.iter().enumerate() {
        assert_eq!(node.id, k);
    }
    assert!(trace
        .edges
        .iter()
        .all(|e| e.from < e.to && e.local.is_finite()));
    // Parameter leaves come neuron by neuron: the bias, then the weights from each source.
    let (weights, biases) = (net.weights().to_vec(), net.biases().to_vec());
    let mut order = Vec::new();
    for (neuron, fan_in, first_weight) in [(0, 2, 0), (1, 2, 2), (2, 2, 4)] {
        order.push((false, neuron));
        order.extend((0..fan_in).map(|j| (true, first_weight + j)));
    }
    let leaves: Vec<&TraceNode> = trace.nodes.iter().filter(|n| n.op == "input").collect();
    assert_eq!(leaves.len(), order.len());
    let loss_with = |is_weight: bool, k: usize, delta: f64| {
        let (mut w, mut b) = (weights.clone(), biases.clone());
        if is_weight {
            w[k] += delta
        } else {
            b[k] += delta
        }
        let mut probe = Network::new(&js(config)).unwrap();
        probe.set_parameters(&numbers(&w), &numbers(&b)).unwrap();
        probe.set_data(&numbers(&point), &numbers(&[])).unwrap();
        probe.train_loss()
    };
    for (leaf, &(is_weight, k)) in leaves.iter().zip(&order) {
        let value = if is_weight { weights[k] } else { biases[k] };
        assert_eq!(leaf.value, value);
        let central =
            |h: f64| (loss_with(is_weight, k, h) - loss_with(is_weight, k, -h)) / (2.0 * h);
        let fd = (4.0 * central(5e-4) - central(1e-3)) / 3.0;
        assert!(
            (leaf.grad - fd).abs() <= 1e-6 * leaf.grad.abs().max(fd.abs()) + 1e-10,
            "{}: {} vs {fd}",
            leaf.label,
            leaf.grad
        );
    }
    let gradients = net.gradients().unwrap().to_vec();
    let first_bias_leaf = leaves.iter().find(|n| n.label == "b1[1]").unwrap();
    assert!((gradients[6] - first_bias_leaf.grad).abs() <= 1e-12 * first_bias_leaf.grad.abs());
}

#[wasm_bindgen_test]
fn bad_configurations_are_refused_with_a_message() {
    let cases = [
        (
            r#"{ "layers": [2, 1], "activation": "softmax" }"#,
            "config.activation must be one of",
        ),
        (
            r#"{ "layers": [2, 1], "lr": -1 }"#,
            "config.lr must be a finite number in (0, 10]",
        ),
        (
            r#"{ "layers": [2, 1], "lerning": 0.1 }"#,
            "config has an unknown field \"lerning\"",
        ),
        (
            r#"{ "layers": [2, 1e20, 1] }"#,
            "config.layers[1] must be a whole number from 1 to 64",
        ),
        (
            r#"{ "layers": [2, 2.5, 1] }"#,
            "config.layers[1] must be a whole number",
        ),
        (
            r#"{ "layers": [2,2,2,2,2,2,2,2,2,2,1] }"#,
            "config.layers must be an array of 2 to 10 elements",
        ),
        (r#"{ "activation": "tanh" }"#, "config.layers is missing"),
        (
            r#"{ "layers": [2, 1], "loss": "crossEntropy" }"#,
            "config.outputActivation must be \"sigmoid\"",
        ),
        (
            r#"{ "layers": [2, 1], "optimizer": "sgd", "momentum": 0.9 }"#,
            "config.momentum applies only",
        ),
        (
            r#"{ "layers": [2, 1], "seed": -1 }"#,
            "config.seed must be a whole number from 0 to 4294967295",
        ),
        (
            r#"{ "layers": [2, 1], "batchSize": 0 }"#,
            "config.batchSize must be a whole number from 1 to 10000",
        ),
        (
            r#"{ "layers": [2, 1], "shuffle": "yes" }"#,
            "config.shuffle must be true or false",
        ),
    ];
    for (config, expected) in cases {
        let error = message(
            Network::new(&js(config))
                .err()
                .unwrap_or_else(|| panic!("{config} was accepted")),
        );
        assert!(error.starts_with(expected), "{config}: {error}");
    }
    let settings = w1().config().unwrap();
    let again = Network::new(&settings).expect("a network's settings are a valid configuration");
    assert_eq!(
        again.weights().to_vec(),
        Network::new(&js(W1_CONFIG)).unwrap().weights().to_vec()
    );
    let error = message(Network::new(&JsValue::from_f64(3.0)).err().unwrap());
    assert!(error.starts_with("config must be an object"), "{error}");
}

#[wasm_bindgen_test]
fn bad_arrays_and_counts_leave_the_network_unchanged() {
    let mut net = w1();
    net.train_epochs(&JsValue::from(2.0)).unwrap();
    let (weights, biases, loss, steps) = (
        net.weights().to_vec(),
        net.biases().to_vec(),
        net.train_loss(),
        net.steps(),
    );
    let mut bad = weights.clone();
    bad[4] = f64::NAN;
    let refusals = [
        (
            net.set_parameters(&numbers(&bad), &numbers(&biases)).err(),
            "weights[4] must be a finite number (got NaN)",
        ),
        (
            net.set_parameters(&numbers(&weights[1..]), &numbers(&biases))
                .err(),
            "weights must be 18 numbers (got 17",
        ),
        (
            net.set_parameters(&numbers(&[0.0; 19]), &numbers(&biases))
                .err(),
            "weights must have at most 18 numbers",
        ),
        (
            net.set_parameters(&js("[1, \"2\"]"), &numbers(&biases))
                .err(),
            "weights[1] must be a number",
        ),
        (
            net.set_data(&numbers(&[1.0, 2.0]), &numbers(&[])).err(),
            "train must be rows of 3 numbers",
        ),
        (
            net.set_data(&numbers(&[1.0, 2.0, f64::INFINITY]), &numbers(&[]))
                .err(),
            "train[2] must be a finite number",
        ),
        (
            net.train_epochs(&JsValue::from(-1.0)).err(),
            "epochs must be a whole number from 0 to 10000 (got -1)",
        ),
        (
            net.train_steps(&JsValue::from(f64::NAN)).err(),
            "steps must be a whole number from 0 to 1000000 (got NaN)",
        ),
        (
            net.predict_grid(
                &JsValue::from(-1.0),
                &JsValue::from(1.0),
                &JsValue::from(-1.0),
                &JsValue::from(1.0),
                &JsValue::from(1e20),
                &JsValue::from(10.0),
            )
            .err(),
            "nx must be a whole number",
        ),
        (
            net.trace(&JsValue::from(250.0)).err(),
            "index must be a whole number from 0 to 249 (got 250)",
        ),
        (
            net.use_dataset(&js(r#"{ "dataset": "moons" }"#)).err(),
            "data.dataset must be one of",
        ),
        (
            net.use_dataset(&js(r#"{ "dataset": "line" }"#)).err(),
            "data.dataset must be a dataset for a network with 2 inputs",
        ),
    ];
    for (error, expected) in refusals {
        let error = message(error.unwrap_or_else(|| panic!("accepted; expected: {expected}")));
        assert!(error.starts_with(expected), "{error} (expected {expected})");
    }
    assert_eq!(
        (
            net.weights().to_vec(),
            net.biases().to_vec(),
            net.train_loss(),
            net.steps()
        ),
        (weights, biases, loss, steps)
    );
}

#[wasm_bindgen_test]
fn divergence_is_reported_with_its_step() {
    let config = r#"{ "layers": [1, 1], "activation": "identity", "outputActivation": "identity",
      "loss": "squared", "lr": 10, "batchSize": 1, "bias": false }"#;
    let mut net = Network::new(&js(config)).unwrap();
    net.use_dataset(&js(r#"{ "dataset": "article", "trainFraction": 1 }"#))
        .unwrap();
    let error = message(net.train_steps(&JsValue::from(100_000.0)).err().unwrap());
    let step = net.steps() + 1.0;
    assert!(
        error.starts_with(&format!("diverged at step {step}: ")),
        "{error}"
    );
    assert!(net.weights().to_vec()[0].is_finite());
}

#[wasm_bindgen_test]
fn grids_fill_a_callers_array_and_the_neuron_variant() {
    let mut net = w1();
    let grid = net
        .predict_grid(
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(10.0),
            &JsValue::from(8.0),
        )
        .unwrap()
        .to_vec();
    assert_eq!(grid.len(), 80);
    let out = Float64Array::new_with_length(80);
    net.predict_grid_into(
        &out,
        &JsValue::from(-6.0),
        &JsValue::from(6.0),
        &JsValue::from(-6.0),
        &JsValue::from(6.0),
        &JsValue::from(10.0),
        &JsValue::from(8.0),
    )
    .unwrap();
    assert_eq!(out.to_vec(), grid);
    let neurons = net
        .predict_neuron_grid(
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(10.0),
            &JsValue::from(8.0),
        )
        .unwrap()
        .to_vec();
    assert_eq!(neurons.len(), 7 * 80);
    assert_eq!(
        &neurons[6 * 80..],
        &grid[..],
        "the last neuron is the output"
    );
    let wrong = Float64Array::new_with_length(79);
    assert!(net
        .predict_grid_into(
            &wrong,
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(-6.0),
            &JsValue::from(6.0),
            &JsValue::from(10.0),
            &JsValue::from(8.0)
        )
        .is_err());
    assert_eq!(net.predict(&numbers(&[0.5, -0.5])).unwrap().length(), 1);
}
