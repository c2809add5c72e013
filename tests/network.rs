#![cfg(not(target_arch = "wasm32"))]
//! The network's backpropagation against two independent references, on random shapes, parameters and points
//! for every activation and loss: the same expression written on the tape, and central finite differences
//! (Richardson-extrapolated). Then the article's table, divergence, shuffling, the optimizers and refusals.

use backprop_lab::article::{self, ArticleConfig};
use backprop_lab::data::{DataSpec, Dataset, DatasetKind};
use backprop_lab::network::{
    Activation, Grid, Loss, Network, NetworkConfig, Optimizer, DIVERGENCE_FACTOR,
};
use backprop_lab::tape::{Tape, Var};

#[path = "common/tape_layers.rs"]
mod tape_layers;

use backprop_lab::LabError;
use proptest::prelude::*;
use tape_layers::layers_on_tape;

/// Property-test cases per property.
const CASES: u32 = 1000;

/// A random problem: a configuration, its parameters and some points.
#[derive(Debug, Clone)]
struct Problem {
    config: NetworkConfig,
    weights: Vec<f64>,
    biases: Vec<f64>,
    points: Dataset,
}

fn problem() -> impl Strategy<Value = Problem> {
    let shape = (
        1usize..=3,
        prop::collection::vec(1usize..=4, 0..=2),
        1usize..=2,
    );
    let choice = (0usize..4, 0usize..4, 0usize..3, 1usize..=4, any::<bool>());
    (shape, choice).prop_flat_map(
        |((n_in, hidden, n_out), (hidden_f, out_f, loss, points, bias))| {
            let mut layers = vec![n_in];
            layers.extend(hidden);
            layers.push(n_out);
            let loss = Loss::ALL[loss];
            let output = if loss == Loss::CrossEntropy {
                Activation::Sigmoid
            } else {
                Activation::ALL[out_f]
            };
            let mut config =
                NetworkConfig::new(&layers, Activation::ALL[hidden_f], output, loss, 0.1);
            config.bias = bias;
            let (n_w, n_b) = (config.weight_count(), config.bias_count());
            let target = if loss == Loss::CrossEntropy {
                0.0..1.0
            } else {
                -1.0..1.0
            };
            let inputs = prop::collection::vec(-2.0..2.0f64, points * n_in);
            let targets = prop::collection::vec(target, points * n_out);
            let weights = prop::collection::vec(-1.0..1.0f64, n_w);
            let biases = prop::collection::vec(-1.0..1.0f64, n_b);
            (Just(config), weights, biases, inputs, targets).prop_map(
                move |(config, weights, b, inputs, targets)| {
                    let biases = if config.bias { b } else { vec![0.0; b.len()] };
                    let rows = inputs
                        .chunks(n_in)
                        .zip(targets.chunks(n_out))
                        .flat_map(|(x, t)| x.iter().chain(t).copied().collect::<Vec<_>>())
                        .collect();
                    let points = Dataset::new("points", n_in, n_out, rows).unwrap();
                    Problem {
                        config,
                        weights,
                        biases,
                        points,
                    }
                },
            )
        },
    )
}

fn network(p: &Problem) -> Network {
    let mut net = Network::new(p.config.clone()).unwrap();
    net.set_parameters(&p.weights, &p.biases).unwrap();
    net.set_data(
        p.points.clone(),
        Dataset::empty(p.config.inputs(), p.config.outputs()),
    )
    .unwrap();
    net
}

/// The mean loss written directly on the tape, from the definitions: z = b + Σ w·o, o = f(z),
/// L = Σₖ loss(ŷₖ, tₖ), mean over points. Returns the tape, the parameter leaves (weights then biases) and J.
fn tape_expression(p: &Problem) -> (Tape, Vec<Var>, Var) {
    let mut tape = Tape::new();
    let w: Vec<Var> = p.weights.iter().map(|&v| tape.input(v)).collect();
    let b: Vec<Var> = p.biases.iter().map(|&v| tape.input(v)).collect();
    let mut point_losses = Vec::new();
    for k in 0..p.points.len() {
        let (x, t) = p.points.point(k);
        let prev = layers_on_tape(&mut tape, &p.config, &w, &b, x);
        let mut losses = Vec::new();
        for (&y_hat, &target) in prev.iter().zip(t) {
            let t = tape.constant(target);
            losses.push(match p.config.loss {
                Loss::Squared => {
                    let e = tape.sub(y_hat, t);
                    tape.mul(e, e)
                }
                Loss::HalfSquared => {
                    let e = tape.sub(y_hat, t);
                    let half = tape.constant(0.5);
                    let e2 = tape.powi(e, 2);
                    tape.mul(half, e2)
                }
                Loss::CrossEntropy => {
                    let one = tape.constant(1.0);
                    let ln_y = tape.ln(y_hat);
                    let a = tape.mul(t, ln_y);
                    let one_minus_y = tape.sub(one, y_hat);
                    let ln_1y = tape.ln(one_minus_y);
                    let one_minus_t = tape.sub(one, t);
                    let c = tape.mul(one_minus_t, ln_1y);
                    let s = tape.add(a, c);
                    tape.neg(s)
                }
            });
        }
        point_losses.push(tape.sum(&losses));
    }
    let total = tape.sum(&point_losses);
    let n = tape.constant(p.points.len() as f64);
    let j = tape.div(total, n);
    tape.backward(j);
    (tape, w.into_iter().chain(b).collect(), j)
}

/// ∂(mean loss)/∂parameter k by central differences with Richardson extrapolation: (4·D(h/2) − D(h))/3.
fn finite_difference(p: &Problem, k: usize) -> f64 {
    let loss_at = |delta: f64| {
        let mut q = p.clone();
        if k < q.weights.len() {
            q.weights[k] += delta;
        } else {
            q.biases[k - q.weights.len()] += delta;
        }
        network(&q).train_loss()
    };
    let central = |h: f64| (loss_at(h) - loss_at(-h)) / (2.0 * h);
    let h = 1e-3;
    (4.0 * central(h / 2.0) - central(h)) / 3.0
}

/// |a − b| ≤ tolerance · max(|a|, |b|), with an absolute floor for gradients that are (nearly) zero.
fn close(a: f64, b: f64, tolerance: f64, floor: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()) + floor
}

/// The smallest |z| over every ReLU neuron and point: finite differences are meaningless across the kink.
fn relu_margin(p: &Problem) -> f64 {
    let mut net = network(p);
    let layers = p.config.layers.clone();
    let mut margin = f64::INFINITY;
    for k in 0..p.points.len() {
        let (x, _) = p.points.point(k);
        let mut out = vec![0.0; p.config.outputs()];
        net.predict(x, &mut out).unwrap();
        let mut start = layers[0];
        for (&size, &f) in layers[1..].iter().zip(&p.config.activations) {
            if f == Activation::Relu {
                for &z in &net.dense().totals()[start..start + size] {
                    margin = margin.min(z.abs());
                }
            }
            start += size;
        }
    }
    margin
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn network_gradients_equal_the_tapes_and_finite_differences(p in problem()) {
        let mut net = network(&p);
        let (loss, gradient) = net.loss_and_gradient(&p.points).unwrap();
        let (tape, params, j) = tape_expression(&p);
        prop_assert!(close(loss, tape.value(j), 1e-12, 1e-300), "loss {} vs tape {}", loss, tape.value(j));
        let check_fd = relu_margin(&p) > 0.05;
        for (k, (&g, &v)) in gradient.iter().zip(&params).enumerate() {
            let is_fixed_bias = !p.config.bias && k >= p.weights.len();
            let on_tape = if is_fixed_bias { 0.0 } else { tape.grad(v) };
            prop_assert!(close(g, on_tape, 1e-10, 1e-15), "parameter {}: network {} vs tape {}", k, g, on_tape);
            if check_fd && !is_fixed_bias {
                let fd = finite_difference(&p, k);
                prop_assert!(close(g, fd, 1e-6, 1e-10), "parameter {}: network {} vs finite differences {}", k, g, fd);
            }
        }
    }

    #[test]
    fn a_traced_point_has_the_networks_single_point_gradient(p in problem()) {
        let mut net = network(&p);
        let (tape, j) = net.trace(0).unwrap();
        let one = Dataset::new("one", p.config.inputs(), p.config.outputs(), {
            let (x, t) = p.points.point(0);
            x.iter().chain(t).copied().collect()
        }).unwrap();
        let (loss, gradient) = net.loss_and_gradient(&one).unwrap();
        let nodes = tape.nodes();
        prop_assert_eq!(&nodes[j.0].label, "J");
        prop_assert!(close(tape.value(j), loss, 1e-12, 1e-300));
        // Parameter leaves appear layer by layer, neuron by neuron: the bias, then the weights in source order.
        let mut expected = Vec::new();
        let (mut wi, mut bi) = (0, 0);
        for l in 1..p.config.layers.len() {
            for _ in 0..p.config.layers[l] {
                if p.config.bias {
                    expected.push(gradient[p.weights.len() + bi]);
                }
                bi += 1;
                for _ in 0..p.config.layers[l - 1] {
                    expected.push(gradient[wi]);
                    wi += 1;
                }
            }
        }
        let traced: Vec<f64> = nodes.iter().filter(|n| n.op == "input").map(|n| n.grad).collect();
        prop_assert_eq!(traced.len(), expected.len());
        for (a, b) in traced.iter().zip(&expected) {
            prop_assert!(close(*a, *b, 1e-10, 1e-15), "trace {} vs network {}", a, b);
        }
    }
}

#[test]
fn a_one_weight_network_reproduces_the_articles_table() {
    // ŷ = x·w, no bias, identity, J = (ŷ − y)², lr = 0.1, from w₀ = 0.8 on the point (1.5, 0.5).
    let mut config = NetworkConfig::new(
        &[1, 1],
        Activation::Identity,
        Activation::Identity,
        Loss::Squared,
        0.1,
    );
    config.bias = false;
    let mut net = Network::new(config).unwrap();
    net.set_parameters(&[0.8], &[0.0]).unwrap();
    net.use_generated(&DataSpec {
        kind: DatasetKind::Article,
        points: 1,
        noise: 0.0,
        seed: 0,
        train_fraction: 1.0,
    })
    .unwrap();
    let records = article::train(&ArticleConfig::ARTICLE, 5).unwrap();
    let table = [0.59, 0.4745, 0.410975, 0.37603625, 0.3568199375];
    for (record, expected) in records.iter().zip(table) {
        net.train_step().unwrap();
        assert_eq!(net.weights()[0], record.w_next);
        assert_eq!(net.weights()[0], expected);
        assert_eq!(net.biases()[0], 0.0);
    }
}

/// A one-weight regression on unnormalised inputs (x = 100, y = 30·x): with identity output, lr 10 and batches
/// of 10, each step multiplies the error by about 1 − 2·lr·x² = −2·10⁵, so the loss grows ten-billion-fold a step.
fn unnormalised_regression(lr: f64) -> Network {
    let mut config = NetworkConfig::new(
        &[1, 1],
        Activation::Identity,
        Activation::Identity,
        Loss::Squared,
        lr,
    );
    config.batch_size = 10;
    let mut net = Network::new(config).unwrap();
    let rows: Vec<f64> = (0..20)
        .flat_map(|k| {
            let x = 100.0 + k as f64;
            [x, 30.0 * x]
        })
        .collect();
    net.set_data(
        Dataset::new("train", 1, 1, rows).unwrap(),
        Dataset::empty(1, 1),
    )
    .unwrap();
    net
}

#[test]
fn divergence_stops_when_the_loss_grows_a_million_fold_and_a_lower_rate_trains_on() {
    let mut net = unnormalised_regression(10.0);
    let start = net.train_loss(); // J₀, before training began
    let error = net.train_steps(1000).unwrap_err();
    let LabError::Diverged {
        step,
        epoch,
        loss: Some(loss),
        bound: Some(bound),
        ref detail,
    } = error
    else {
        panic!("expected divergence with its loss and bound, got {error:?}")
    };
    // bound = 10⁶ · max(J₀, 1)
    assert_eq!(bound, DIVERGENCE_FACTOR * start.max(1.0));
    assert!(loss > bound && loss.is_finite(), "{loss} against {bound}");
    // Caught at the first step past the bound, long before any number overflows (10¹⁵² in the issue).
    assert_eq!(net.steps() + 1, step);
    assert!(step <= 2, "stopped at step {step}");
    assert_eq!(epoch, Some(net.epochs() + 1));
    assert!(
        detail.contains("a million times the loss when training began"),
        "{detail}"
    );
    assert!(
        !detail.contains("Infinity") && !detail.contains("NaN"),
        "{detail}"
    );
    // The kept parameters are those before the step: their loss is within the bound.
    let kept = net.train_loss();
    assert!(kept <= bound, "{kept}");
    assert!(net.weights()[0].abs() < 1e6 && net.biases()[0].abs() < 1e6);
    let before = (net.weights().to_vec(), net.biases().to_vec(), net.steps());
    assert!(net.train_steps(5).is_err());
    let after = (net.weights().to_vec(), net.biases().to_vec(), net.steps());
    assert_eq!(
        after, before,
        "the same rate diverges at the same step, and changes nothing"
    );
    // A lower learning rate trains on from them: 1/(2x²) ≈ 4e-5 lands near the optimum.
    net.set_lr(2e-5).unwrap();
    net.train_steps(200).unwrap();
    assert!(
        net.train_loss() < kept / 1e3,
        "{} after {kept}",
        net.train_loss()
    );
}

#[test]
fn setting_parameters_measures_the_bound_again_from_them() {
    let mut net = unnormalised_regression(1e-5);
    net.train_steps(50).unwrap();
    let trained = net.train_loss();
    assert!(trained < 1.0, "{trained}");
    // Far parameters: J₀ of them is large, and training from them at a safe rate is not divergence.
    net.set_parameters(&[-50.0], &[0.0]).unwrap();
    net.set_lr(2e-5).unwrap();
    assert!(net.train_loss() > 1e7);
    net.train_steps(100).unwrap();
    assert!(net.train_loss() < trained * 1e3);
}

#[test]
fn divergence_past_the_finite_numbers_keeps_the_last_finite_parameters() {
    let config = NetworkConfig::new(
        &[1, 1],
        Activation::Identity,
        Activation::Identity,
        Loss::Squared,
        10.0,
    );
    let mut net = Network::new(config).unwrap();
    // x = 1e150: J₀ ≈ 10²⁹⁹, so the bound is past the finite numbers' reach of one step: the first step takes the
    // loss from 10²⁹⁹ to infinity.
    net.set_data(
        Dataset::new("train", 1, 1, vec![1e150, 0.5]).unwrap(),
        Dataset::empty(1, 1),
    )
    .unwrap();
    let error = net.train_steps(10).unwrap_err();
    let LabError::Diverged {
        step,
        epoch,
        loss,
        ref detail,
        ..
    } = error
    else {
        panic!("expected divergence, got {error}")
    };
    assert_eq!(net.steps() + 1, step);
    assert_eq!(epoch, Some(step));
    assert!(loss.is_none_or(|l| !l.is_finite()), "{loss:?}");
    assert!(net.weights()[0].is_finite() && net.biases()[0].is_finite());
    assert!(
        error
            .to_string()
            .starts_with(&format!("diverged at step {step}: in epoch {step}, ")),
        "{error}"
    );
    assert!(
        detail.contains("past the largest finite number") || detail.contains("no longer a number"),
        "{detail}"
    );
    assert!(
        !detail.contains("Infinity") && !detail.contains("NaN"),
        "{detail}"
    );
    let before = net.clone();
    assert!(net.train_step().is_err());
    assert_eq!(net, before, "a refused step changes nothing");
    assert!(net.train_loss().is_finite());
}

fn circle_network(optimizer: Optimizer, shuffle: bool) -> Network {
    let mut config = NetworkConfig::new(
        &[2, 4, 2, 1],
        Activation::Tanh,
        Activation::Tanh,
        Loss::HalfSquared,
        0.03,
    );
    config.optimizer = optimizer;
    config.batch_size = 10;
    config.shuffle = shuffle;
    config.seed = 3;
    let mut net = Network::new(config).unwrap();
    net.use_generated(&DataSpec {
        kind: DatasetKind::Circle,
        points: 200,
        noise: 0.0,
        seed: 1,
        train_fraction: 0.5,
    })
    .unwrap();
    net
}

#[test]
fn every_optimizer_learns_the_circle() {
    let optimizers = [
        (Optimizer::Sgd, 0.03),
        (Optimizer::Momentum { momentum: 0.9 }, 0.03),
        (
            Optimizer::Adam {
                beta1: 0.9,
                beta2: 0.999,
                epsilon: 1e-8,
            },
            0.01,
        ),
    ];
    for (optimizer, lr) in optimizers {
        let mut net = circle_network(optimizer, true);
        net.set_lr(lr).unwrap();
        let start = net.train_loss();
        net.train_epochs(300).unwrap();
        assert!(
            net.train_loss() < 0.05 * start,
            "{optimizer:?}: {start} → {}",
            net.train_loss()
        );
    }
}

#[test]
fn shuffling_is_seeded_and_changes_the_path() {
    let mut a = circle_network(Optimizer::Sgd, true);
    let mut b = circle_network(Optimizer::Sgd, true);
    let mut c = circle_network(Optimizer::Sgd, false);
    for net in [&mut a, &mut b, &mut c] {
        net.train_epochs(3).unwrap();
    }
    assert_eq!(a.weights(), b.weights());
    assert_ne!(a.weights(), c.weights());
}

#[test]
fn a_batch_that_does_not_divide_the_data_ends_the_epoch_early() {
    let mut net = circle_network(Optimizer::Sgd, false);
    let mut config = net.config().clone();
    config.batch_size = 30; // 100 points: batches of 30, 30, 30, 10
    net = Network::new(config).unwrap();
    net.use_generated(&DataSpec {
        kind: DatasetKind::Xor,
        points: 200,
        noise: 0.1,
        seed: 2,
        train_fraction: 0.5,
    })
    .unwrap();
    net.train_epochs(2).unwrap();
    assert_eq!((net.steps(), net.epochs()), (8, 2));
}

#[test]
fn refused_inputs_name_the_problem_and_change_nothing() {
    let mut net = circle_network(Optimizer::Sgd, false);
    let before = net.clone();
    let n_w = net.weights().len();
    let e = net
        .set_parameters(&vec![0.0; n_w + 1], net.biases().to_vec().as_slice())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("weights must be {n_w} numbers (got {} numbers)", n_w + 1)
    );
    let mut bad = net.weights().to_vec();
    bad[3] = f64::INFINITY;
    let biases = net.biases().to_vec();
    let e = net.set_parameters(&bad, &biases).unwrap_err();
    assert_eq!(
        e.to_string(),
        "weights[3] must be a finite number (got Infinity)"
    );
    let e = net
        .set_data(
            Dataset::new("train", 1, 1, vec![1.0, 2.0]).unwrap(),
            Dataset::empty(2, 1),
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "train must be rows of 2 inputs and 1 target (got rows of 1 input and 1 target)"
    );
    assert!(net.train_steps(2_000_000).is_err() && net.train_epochs(20_000).is_err());
    assert!(net.trace(1_000_000_000).is_err());
    let mut out = vec![0.0; 3];
    assert!(net
        .predict_grid(
            &Grid::new(-1.0, 1.0, -1.0, 1.0, 2.0, 2.0).unwrap(),
            &mut out
        )
        .is_err());
    assert!(Grid::new(-1.0, 1.0, -1.0, 1.0, 0.0, 2.0).is_err());
    assert!(Grid::new(1.0, 1.0, -1.0, 1.0, 2.0, 2.0).is_err());
    assert_eq!(net, before);
}

#[test]
fn bad_configurations_are_refused_with_their_field() {
    let base = NetworkConfig::new(
        &[2, 3, 1],
        Activation::Tanh,
        Activation::Tanh,
        Loss::HalfSquared,
        0.03,
    );
    type Change = Box<dyn Fn(&mut NetworkConfig)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|c| c.layers = vec![2]),
            "config.layers must be a list of 2 to 10 layer sizes",
        ),
        (
            Box::new(|c| c.layers[1] = 65),
            "config.layers[1] must be a whole number from 1 to 64",
        ),
        (
            Box::new(|c| c.lr = 0.0),
            "config.lr must be a finite number in (0, 10]",
        ),
        (
            Box::new(|c| c.batch_size = 0),
            "config.batchSize must be a whole number from 1 to 10000",
        ),
        (
            Box::new(|c| c.loss = Loss::CrossEntropy),
            "config.outputActivation must be \"sigmoid\"",
        ),
        (
            Box::new(|c| c.optimizer = Optimizer::Momentum { momentum: -0.1 }),
            "config.momentum must be",
        ),
    ];
    for (change, message) in cases {
        let mut config = base.clone();
        change(&mut config);
        let e = Network::new(config).unwrap_err();
        assert!(
            e.to_string().starts_with(message),
            "{e} (expected {message})"
        );
    }
}

#[test]
fn grids_hold_the_outputs_and_each_neurons_outputs_row_by_row() {
    let mut net = circle_network(Optimizer::Sgd, false);
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 5.0, 4.0).unwrap();
    let mut out = vec![0.0; net.grid_len(&grid)];
    net.predict_grid(&grid, &mut out).unwrap();
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
    assert_eq!(neurons.len(), 7 * 20);
    net.neuron_grid(&grid, &mut neurons).unwrap();
    let mut one = [0.0];
    // Row 1 from the top, column 2: x = −6 + 12·2/4 = 0, y = 6 − 12·1/3 = 2.
    net.predict(&[0.0, 2.0], &mut one).unwrap();
    assert_eq!(out[5 + 2], one[0]);
    assert_eq!(neurons[6 * 20 + 7], one[0], "the last neuron is the output");
}

#[test]
fn cross_entropy_maps_generated_labels_to_zero_and_one() {
    let config = NetworkConfig::new(
        &[2, 3, 1],
        Activation::Relu,
        Activation::Sigmoid,
        Loss::CrossEntropy,
        0.1,
    );
    let mut net = Network::new(config).unwrap();
    net.use_generated(&DataSpec {
        kind: DatasetKind::Gaussians,
        points: 50,
        noise: 0.0,
        seed: 4,
        train_fraction: 0.8,
    })
    .unwrap();
    let rows = net.train_data().rows();
    assert!(rows.chunks(3).all(|r| r[2] == 0.0 || r[2] == 1.0));
    let e = net.set_data(
        Dataset::new("train", 2, 1, vec![0.0, 0.0, -1.0]).unwrap(),
        Dataset::empty(2, 1),
    );
    assert!(e
        .unwrap_err()
        .to_string()
        .starts_with("train[2] must be a target in [0, 1]"));
    net.train_epochs(50).unwrap();
    assert!(net.train_loss() < 0.1 && net.test_loss() < 0.1);
}

#[test]
fn a_trace_is_in_topological_order_and_each_gradient_sums_its_out_edges() {
    // What a page relies on to draw and step the backward pass: ids are indices, edges run forward, and
    // grad(node) = Σ over its out-edges of grad(to) · local, with ∂J/∂J = 1.
    let net = circle_network(Optimizer::Sgd, false);
    let (tape, loss) = net.trace(0).unwrap();
    let nodes = tape.nodes();
    let edges = tape.edges();
    assert!(nodes.iter().enumerate().all(|(i, n)| n.id == i));
    assert!(edges.iter().all(|e| e.from < e.to));
    let loss = loss.0;
    assert_eq!((nodes[loss].label.as_str(), nodes[loss].grad), ("J", 1.0));
    for node in &nodes[..loss] {
        let sum: f64 = edges
            .iter()
            .filter(|e| e.from == node.id)
            .map(|e| nodes[e.to].grad * e.local)
            .sum();
        assert!(
            (node.grad - sum).abs() <= 1e-12 * (1.0 + sum.abs()),
            "{}: {} vs {sum}",
            node.label,
            node.grad
        );
    }
}
