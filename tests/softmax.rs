#![cfg(not(target_arch = "wasm32"))]
//! Softmax outputs with the categorical cross-entropy J = −Σ t·ln p: against closed forms, an independent tape
//! expression (without the shift) and central differences; the trace against the dense pass; two points per lane
//! against one; refusals; and the metrics of classifiers and regressions.

use backprop_lab::data::{DataSpec, Dataset, DatasetKind, Rng};
use backprop_lab::network::{
    Activation, Classes, Loss, Network, NetworkConfig, Optimizer, MAX_WIDTH,
};
use backprop_lab::tape::{Tape, Var};

#[path = "common/tape_layers.rs"]
mod tape_layers;

use tape_layers::layers_on_tape;

/// A softmax network of `layers` with `hidden` activations and cross-entropy, its parameters drawn from `rng`.
fn softmax_network(layers: &[usize], hidden: Activation, rng: &mut Rng) -> Network {
    let config = NetworkConfig::new(layers, hidden, Activation::Softmax, Loss::CrossEntropy, 0.1);
    let mut net = Network::new(config.clone()).unwrap();
    let w: Vec<f64> = (0..config.weight_count())
        .map(|_| rng.uniform(-1.5, 1.5))
        .collect();
    let b: Vec<f64> = (0..config.bias_count())
        .map(|_| rng.uniform(-1.0, 1.0))
        .collect();
    net.set_parameters(&w, &b).unwrap();
    net
}

/// `points` rows of `inputs` numbers in (−2, 2) and a target probability vector over `outputs` (one-hot for even
/// seeds, spread otherwise).
fn points(inputs: usize, outputs: usize, points: usize, rng: &mut Rng, one_hot: bool) -> Dataset {
    let mut rows = Vec::new();
    for _ in 0..points {
        rows.extend((0..inputs).map(|_| rng.uniform(-2.0, 2.0)));
        if one_hot {
            let c = rng.index(outputs);
            rows.extend((0..outputs).map(|k| if k == c { 1.0 } else { 0.0 }));
        } else {
            let raw: Vec<f64> = (0..outputs).map(|_| rng.uniform(0.1, 1.0)).collect();
            let total: f64 = raw.iter().sum();
            let mut t: Vec<f64> = raw.iter().map(|r| r / total).collect();
            // the last makes the sum 1 to the ulp
            let rest: f64 = t[..outputs - 1].iter().sum();
            t[outputs - 1] = 1.0 - rest;
            rows.extend(t);
        }
    }
    Dataset::new("points", inputs, outputs, rows).unwrap()
}

/// A random shape: 1 to 3 inputs, up to two hidden layers of 1 to 5, 2 to 5 outputs.
fn random_layers(rng: &mut Rng) -> Vec<usize> {
    let mut layers = vec![1 + rng.index(3)];
    for _ in 0..rng.index(3) {
        layers.push(1 + rng.index(5));
    }
    layers.push(2 + rng.index(4));
    layers
}

/// The mean loss written on the tape from the definition, unshifted: p = e^z/Σe^z, J = −Σ t·ln p, mean over the
/// points. Returns the tape, the parameter leaves (weights then biases) and J.
fn tape_expression(net: &Network, data: &Dataset) -> (Tape, Vec<Var>, Var) {
    let config = net.config();
    let mut tape = Tape::new();
    let w: Vec<Var> = net.weights().iter().map(|&v| tape.input(v)).collect();
    let b: Vec<Var> = net.biases().iter().map(|&v| tape.input(v)).collect();
    let mut losses = Vec::new();
    for k in 0..data.len() {
        let (x, t) = data.point(k);
        let prev = layers_on_tape(&mut tape, config, &w, &b, x);
        let e: Vec<Var> = prev.iter().map(|&z| tape.exp(z)).collect();
        let sum = tape.sum(&e);
        let mut terms = Vec::new();
        for (&ek, &tk) in e.iter().zip(t) {
            let p = tape.div(ek, sum);
            let ln_p = tape.ln(p);
            let tk = tape.constant(tk);
            terms.push(tape.mul(tk, ln_p));
        }
        let s = tape.sum(&terms);
        losses.push(tape.neg(s));
    }
    let total = tape.sum(&losses);
    let n = tape.constant(data.len() as f64);
    let j = tape.div(total, n);
    tape.backward(j);
    (tape, w.into_iter().chain(b).collect(), j)
}

fn close(a: f64, b: f64, tolerance: f64, floor: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()) + floor
}

#[test]
fn a_softmax_output_has_the_closed_form_probabilities_loss_and_delta() {
    // One layer 2 → 3, z = b + W·x at x = (1, −2): z = (0.5, 1.5, −1), p = e^z/Σe^z, J = −ln p₂ for class 2.
    let config = NetworkConfig::new(
        &[2, 3],
        Activation::Tanh,
        Activation::Softmax,
        Loss::CrossEntropy,
        0.1,
    );
    let mut net = Network::new(config).unwrap();
    net.set_parameters(&[0.5, 0.25, 1.0, 0.0, -0.5, 0.25], &[0.5, 0.5, 0.0])
        .unwrap();
    let train = Dataset::new("train", 2, 3, vec![1.0, -2.0, 0.0, 1.0, 0.0]).unwrap();
    net.set_data(train, Dataset::empty(2, 3)).unwrap();
    let z = [0.5, 1.5, -1.0];
    let s: f64 = z.iter().map(|v: &f64| v.exp()).sum();
    let p: Vec<f64> = z.iter().map(|v| v.exp() / s).collect();
    let t = [0.0, 1.0, 0.0];
    let pass = net.point_pass(0).unwrap();
    for k in 0..3 {
        assert_eq!(pass.z[2 + k], z[k]);
        assert!(close(pass.a[2 + k], p[k], 1e-15, 0.0), "p{k}");
        // δₖ = ∂J/∂zₖ = pₖ − tₖ; ∂J/∂pₖ = −tₖ/pₖ; f′ shows the Jacobian's diagonal pₖ(1 − pₖ)
        assert!(close(pass.delta[2 + k], p[k] - t[k], 1e-14, 0.0), "δ{k}");
        assert!(
            close(pass.d_output[k], -t[k] / p[k], 1e-14, 0.0),
            "dJ/dp{k}"
        );
        assert!(close(pass.f_prime[2 + k], p[k] * (1.0 - p[k]), 1e-14, 0.0));
    }
    let j = -(p[1].ln());
    assert!(close(pass.loss, j, 1e-15, 0.0), "{} vs {j}", pass.loss);
    assert!(close(net.train_loss(), j, 1e-15, 0.0));
    // ∂J/∂wᵢⱼ = (pᵢ − tᵢ)·xⱼ, ∂J/∂bᵢ = pᵢ − tᵢ
    let gradient = net.training_gradient().unwrap();
    let x = [1.0, -2.0];
    for i in 0..3 {
        for jx in 0..2 {
            let expected = (p[i] - t[i]) * x[jx];
            assert!(close(gradient[2 * i + jx], expected, 1e-14, 0.0));
        }
        assert!(close(gradient[6 + i], p[i] - t[i], 1e-14, 0.0));
    }
}

#[test]
fn softmax_gradients_equal_an_independent_tape_and_central_differences() {
    let hidden = [
        Activation::Tanh,
        Activation::Sigmoid,
        Activation::Identity,
        Activation::Relu,
    ];
    let mut rng = Rng::new(2026);
    for case in 0..300 {
        let layers = random_layers(&mut rng);
        let f = hidden[case % hidden.len()];
        let mut net = softmax_network(&layers, f, &mut rng);
        let n_out = *layers.last().unwrap();
        let data = points(layers[0], n_out, 1 + rng.index(5), &mut rng, case % 2 == 0);
        net.set_data(data.clone(), Dataset::empty(layers[0], n_out))
            .unwrap();
        let (loss, gradient) = net.loss_and_gradient(&data).unwrap();
        let (tape, params, j) = tape_expression(&net, &data);
        assert!(close(loss, tape.value(j), 1e-12, 0.0), "case {case}: loss");
        for (k, (&g, &v)) in gradient.iter().zip(&params).enumerate() {
            assert!(
                close(g, tape.grad(v), 1e-10, 1e-14),
                "case {case} {layers:?} {f:?}, parameter {k}: {g} vs tape {}",
                tape.grad(v)
            );
        }
        if f != Activation::Relu {
            for k in 0..gradient.len() {
                let check = net.gradient_check(k, 1e-5).unwrap();
                assert!(
                    close(check.backprop, check.numeric, 1e-6, 1e-9),
                    "case {case} parameter {k}: {check:?}"
                );
            }
        }
    }
}

#[test]
fn the_trace_of_a_softmax_network_equals_the_dense_pass() {
    let mut rng = Rng::new(7);
    for case in 0..100 {
        let layers = random_layers(&mut rng);
        let mut net = softmax_network(&layers, Activation::Tanh, &mut rng);
        let n_out = *layers.last().unwrap();
        let data = points(layers[0], n_out, 3, &mut rng, case % 2 == 0);
        net.set_data(data.clone(), Dataset::empty(layers[0], n_out))
            .unwrap();
        let pass = net.point_pass(0).unwrap();
        let (tape, j) = net.trace(0).unwrap();
        let nodes = tape.nodes();
        let value = |label: &str| {
            nodes
                .iter()
                .find(|n| n.label == label)
                .unwrap_or_else(|| panic!("no node {label}"))
                .value
        };
        let last = layers.len() - 1;
        let first_output = pass.z.len() - n_out;
        for k in 0..n_out {
            // z and p to the bit: the tape records the dense pass's operations in its order
            assert_eq!(
                value(&format!("z{last}[{}]", k + 1)),
                pass.z[first_output + k]
            );
            assert_eq!(value(&format!("ŷ{}", k + 1)), pass.a[first_output + k]);
            let p_node = nodes.iter().find(|n| n.label == format!("ŷ{}", k + 1));
            let t = data.point(0).1[k];
            assert!(close(p_node.unwrap().grad, pass.d_output[k], 1e-12, 1e-15));
            assert!(close(
                tape.grad(backprop_lab::tape::Var(
                    nodes
                        .iter()
                        .find(|n| n.label == format!("z{last}[{}]", k + 1))
                        .unwrap()
                        .id
                )),
                pass.a[first_output + k] - t,
                1e-12,
                1e-15
            ));
        }
        // J: −Σ t·ln p on the tape, Σ t·((m − z) + ln S) in the pass; ln of a rounded p costs up to an ulp of 1
        let (traced, dense) = (tape.value(j), pass.loss);
        assert!(
            close(traced, dense, 4e-16, 2.3e-16),
            "case {case}: {traced} vs {dense}"
        );
        // every parameter's gradient on the tape is the network's for this one point
        let one = Dataset::new("one", layers[0], n_out, {
            let (x, t) = data.point(0);
            x.iter().chain(t).copied().collect()
        })
        .unwrap();
        let (_, gradient) = net.loss_and_gradient(&one).unwrap();
        let traced: Vec<f64> = nodes
            .iter()
            .filter(|n| n.op == "input")
            .map(|n| n.grad)
            .collect();
        let mut sorted = traced.clone();
        let mut expected = gradient.clone();
        sorted.sort_by(f64::total_cmp);
        expected.sort_by(f64::total_cmp);
        for (a, b) in sorted.iter().zip(&expected) {
            assert!(close(*a, *b, 1e-10, 1e-15), "case {case}: {a} vs {b}");
        }
    }
}

#[test]
fn two_points_per_lane_give_the_bits_of_one_at_a_time() {
    let mut rng = Rng::new(11);
    let layers = [5, 7, 4];
    let mut net = softmax_network(&layers, Activation::Tanh, &mut rng);
    let data = points(5, 4, 37, &mut rng, true);
    net.set_data(data.clone(), Dataset::empty(5, 4)).unwrap();
    // The mean loss (blocks of pairs) against the points' losses one at a time, summed in order.
    let mut sum = 0.0;
    for k in 0..data.len() {
        sum += net.point_pass(k).unwrap().loss;
    }
    assert_eq!(net.train_loss(), sum / data.len() as f64);
    // Predictions (one at a time) against the metrics' pass (two at a time): the same accuracy.
    let mut out = vec![0.0; 4 * data.len()];
    let inputs: Vec<f64> = (0..data.len())
        .flat_map(|k| data.point(k).0.to_vec())
        .collect();
    net.predict(&inputs, &mut out).unwrap();
    let classes = Classes::Softmax(4);
    let right = (0..data.len())
        .filter(|&k| classes.of(&out[4 * k..4 * k + 4]) == classes.of(data.point(k).1))
        .count();
    let metrics = net.metrics();
    let c = metrics.classification.unwrap();
    assert_eq!(c.train_accuracy, right as f64 / 37.0);
    assert_eq!(metrics.train_loss, net.train_loss());
    assert!(metrics.test_loss.is_nan() && c.test_accuracy.is_nan());
    assert_eq!(c.confusion, vec![0.0; 16]);
}

#[test]
fn softmax_is_refused_where_it_means_nothing_naming_the_field() {
    use Activation::{Softmax, Tanh};
    for (layers, hidden, output, loss, field) in [
        (
            &[2, 3, 3][..],
            Softmax,
            Softmax,
            Loss::CrossEntropy,
            "config.activations[0]",
        ),
        (&[2, 3], Tanh, Softmax, Loss::HalfSquared, "config.loss"),
        (
            &[2, 1],
            Tanh,
            Softmax,
            Loss::CrossEntropy,
            "config.layers[1]",
        ),
        (
            &[2, 3],
            Tanh,
            Tanh,
            Loss::CrossEntropy,
            "config.outputActivation",
        ),
    ] {
        let config = NetworkConfig::new(layers, hidden, output, loss, 0.1);
        let e = Network::new(config).unwrap_err();
        assert_eq!(e.field(), Some(field), "{e}");
    }
    // A target row that is not a probability vector: refused by the index of its first target, the data kept.
    let mut net = softmax_network(&[1, 3], Activation::Tanh, &mut Rng::new(1));
    let good = Dataset::new("train", 1, 3, vec![0.5, 0.0, 1.0, 0.0]).unwrap();
    net.set_data(good.clone(), Dataset::empty(1, 3)).unwrap();
    let bad = Dataset::new("test", 1, 3, vec![0.5, 0.0, 1.0, 0.0, 0.7, 1.0, 1.0, 0.0]).unwrap();
    let e = net.set_data(good.clone(), bad).unwrap_err();
    assert_eq!(e.field(), Some("test[5]"), "{e}");
    assert_eq!(
        e.to_string(),
        "test[5] must be a probability vector for \"softmax\" (point 1: its targets, columns 1 to 3, must \
         sum to 1, e.g. a one-hot row for a class) (got targets summing to 2)"
    );
    let e = net
        .set_data(
            Dataset::new("train", 1, 3, vec![0.5, 1.5, -0.5, 0.0]).unwrap(),
            Dataset::empty(1, 3),
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("train[1]"), "{e}");
    assert_eq!(net.train_data(), &good);
}

#[test]
fn the_widest_softmax_keeps_its_bits_two_points_at_a_time() {
    // MAX_WIDTH outputs: the pair buffers of the softmax hold a whole layer per lane.
    let mut rng = Rng::new(5);
    let mut net = softmax_network(&[3, MAX_WIDTH], Activation::Tanh, &mut rng);
    let data = points(3, MAX_WIDTH, 6, &mut rng, true);
    net.set_data(data.clone(), Dataset::empty(3, MAX_WIDTH))
        .unwrap();
    let sum: f64 = (0..6).map(|k| net.point_pass(k).unwrap().loss).sum();
    assert_eq!(net.train_loss(), sum / 6.0);
}

/// A 2-8-3 tanh/softmax network trained with Adam on a three-class set drawn from `seed`.
fn three_class_run(kind: DatasetKind, epochs: usize) -> Network {
    let mut config = NetworkConfig::new(
        &[2, 8, 3],
        Activation::Tanh,
        Activation::Softmax,
        Loss::CrossEntropy,
        0.03,
    );
    config.optimizer = Optimizer::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };
    config.batch_size = 10;
    config.shuffle = true;
    let mut net = Network::new(config).unwrap();
    net.use_generated(&DataSpec {
        kind,
        points: 600,
        noise: 0.0,
        seed: 3,
        train_fraction: 0.5,
    })
    .unwrap();
    net.train_epochs(epochs).unwrap();
    net
}

#[test]
fn three_blobs_are_learned_and_their_confusion_counts_every_test_point() {
    let mut net = three_class_run(DatasetKind::Blobs3, 30);
    let m = net.metrics();
    let c = m.classification.clone().unwrap();
    assert_eq!(c.classes, Classes::Softmax(3));
    assert!(c.test_accuracy >= 0.95, "{c:?}");
    assert!(m.test_loss < 0.2, "{m:?}");
    assert_eq!(c.confusion.iter().sum::<f64>(), 300.0);
    let right: f64 = (0..3).map(|k| c.confusion[4 * k]).sum();
    assert_eq!(right / 300.0, c.test_accuracy);
    // each row counts its class's test points, about a third each
    for k in 0..3 {
        let row: f64 = c.confusion[3 * k..3 * k + 3].iter().sum();
        assert!((80.0..=120.0).contains(&row), "{:?}", c.confusion);
    }
    assert_eq!(m.train_loss, net.train_loss());
    assert_eq!(m.test_loss, net.test_loss());
    assert_eq!(m.r2, None);
}

#[test]
fn the_three_armed_spiral_is_learned_further_with_more_epochs() {
    let early = three_class_run(DatasetKind::Spiral3, 5).metrics();
    let late = three_class_run(DatasetKind::Spiral3, 300).metrics();
    let (a, b) = (early.classification.unwrap(), late.classification.unwrap());
    assert!(b.test_accuracy > a.test_accuracy + 0.1, "{a:?} {b:?}");
    assert!(b.test_accuracy >= 0.8, "{b:?}");
}

#[test]
fn a_three_class_set_needs_three_outputs() {
    let mut net = softmax_network(&[2, 2], Activation::Tanh, &mut Rng::new(0));
    let e = net
        .use_generated(&DataSpec {
            kind: DatasetKind::Spiral3,
            points: 30,
            noise: 0.0,
            seed: 0,
            train_fraction: 0.5,
        })
        .unwrap_err();
    assert_eq!(e.field(), Some("data.dataset"));
    assert!(e.to_string().contains("2 inputs and 3 targets"), "{e}");
}

#[test]
fn binary_classifiers_are_scored_by_sign_or_by_one_half_and_regressions_by_r2() {
    // ŷ = w·x, one point per class and one wrong: targets ±1 are classified by the sign of ŷ.
    let config = NetworkConfig::new(
        &[1, 1],
        Activation::Identity,
        Activation::Identity,
        Loss::HalfSquared,
        0.1,
    );
    let mut net = Network::new(config).unwrap();
    net.set_parameters(&[1.0], &[0.0]).unwrap();
    let train = Dataset::new("train", 1, 1, vec![2.0, 1.0, -1.0, -1.0, 0.5, -1.0]).unwrap();
    let test = Dataset::new("test", 1, 1, vec![3.0, 1.0, -2.0, 1.0]).unwrap();
    net.set_data(train, test).unwrap();
    let m = net.metrics();
    let c = m.classification.unwrap();
    assert_eq!(c.classes, Classes::Sign);
    assert_eq!(c.classes.labels(), [-1.0, 1.0]);
    assert_eq!(c.train_accuracy, 2.0 / 3.0);
    assert_eq!(c.test_accuracy, 0.5);
    // rows = true class (−1, 1): both test points are 1; one predicted −1, one 1
    assert_eq!(c.confusion, vec![0.0, 0.0, 1.0, 1.0]);
    // loss ½(ŷ − t)²: test (3 − 1)²/2 = 2 and (−2 − 1)²/2 = 4.5, mean 3.25
    assert_eq!(m.test_loss, 3.25);
    // The same points with real-valued targets are a regression: R² = 1 − Σ(ŷ − t)²/Σ(t − t̄)².
    let test = Dataset::new("test", 1, 1, vec![1.0, 1.5, 2.0, 1.5, 3.0, 3.5]).unwrap();
    net.set_data(Dataset::empty(1, 1), test).unwrap();
    let m = net.metrics();
    // ŷ = 1, 2, 3; t = 1.5, 1.5, 3.5, t̄ = 13/6: SS_res = 0.75, SS_tot = 2·(2/3)² + (4/3)² = 8/3
    assert_eq!(m.classification, None);
    let r2 = m.r2.unwrap();
    assert!(close(r2, 1.0 - 0.75 / (8.0 / 3.0), 1e-15, 0.0), "{r2}");
    assert!(m.train_loss.is_nan());
    // A sigmoid with targets 0 and 1 is classified by ŷ ≥ ½.
    let mut config = NetworkConfig::new(
        &[1, 1],
        Activation::Identity,
        Activation::Sigmoid,
        Loss::CrossEntropy,
        0.1,
    );
    config.bias = false;
    let mut net = Network::new(config).unwrap();
    net.set_parameters(&[1.0], &[0.0]).unwrap();
    let test = Dataset::new("test", 1, 1, vec![0.5, 1.0, -0.5, 1.0, -1.0, 0.0]).unwrap();
    net.set_data(Dataset::empty(1, 1), test).unwrap();
    let c = net.metrics().classification.unwrap();
    assert_eq!(c.classes, Classes::Half);
    assert_eq!(c.confusion, vec![1.0, 0.0, 1.0, 1.0]);
    assert_eq!(c.test_accuracy, 2.0 / 3.0);
}

#[test]
fn the_pass_of_a_point_outside_the_data_is_the_pass_of_the_same_training_point() {
    let mut rng = Rng::new(21);
    let mut net = softmax_network(&[4, 5, 3], Activation::Tanh, &mut rng);
    let data = points(4, 3, 5, &mut rng, true);
    net.set_data(data.clone(), Dataset::empty(4, 3)).unwrap();
    let (x, t) = data.point(2);
    let row: Vec<f64> = x.iter().chain(t).copied().collect();
    let at = net.point_pass_at("point", &row).unwrap();
    let from_data = net.point_pass(2).unwrap();
    assert_eq!(at.index, None);
    assert_eq!(from_data.index, Some(2));
    assert_eq!(
        (&at.z, &at.a, &at.delta, at.loss),
        (&from_data.z, &from_data.a, &from_data.delta, from_data.loss)
    );
    // Checked as a data row; nothing changes, so training goes on with the bits it would have had.
    let mut twin = net.clone();
    let e = net.point_pass_at("point", &row[..6]).unwrap_err();
    assert_eq!(e.field(), Some("point"));
    let e = net
        .point_pass_at("point", &[0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0])
        .unwrap_err();
    assert_eq!(e.field(), Some("point[4]"), "{e}");
    net.train_epochs(3).unwrap();
    twin.train_epochs(3).unwrap();
    assert_eq!(net.weights(), twin.weights());
}
