#![cfg(not(target_arch = "wasm32"))]
//! What the playground adds to the core, against numbers worked out independently: input features (XOR is one
//! product away from linear), regularization step by step as Playground's `updateWeights` writes it, the plane
//! and six-Gaussian regressions, the gradient check, one point's chain δ(to)·a(from), and editing a weight.

use backprop_lab::data::{generate, DataSpec, Dataset, DatasetKind, Rng};
use backprop_lab::network::{
    Activation, Feature, Features, Grid, Loss, Network, NetworkConfig, Regularization,
};

fn spec(kind: DatasetKind, points: usize, noise: f64) -> DataSpec {
    DataSpec {
        kind,
        points,
        noise,
        seed: 4,
        train_fraction: 0.5,
    }
}

fn config(layers: &[usize], features: &[Feature], output: Activation) -> NetworkConfig {
    let mut c = NetworkConfig::new(layers, Activation::Tanh, output, Loss::HalfSquared, 0.03);
    c.batch_size = 10;
    c.seed = 1;
    c.features = Some(Features::new("config.features", features.to_vec()).unwrap());
    c
}

fn trained(c: NetworkConfig, kind: DatasetKind, epochs: f64) -> Network {
    let mut net = Network::new(c).unwrap();
    net.use_generated(&spec(kind, 400, 0.0)).unwrap();
    net.train_epochs(epochs as usize).unwrap();
    net
}

#[test]
fn xor_is_learned_by_one_neuron_on_x1_times_x2_but_not_on_x1_and_x2() {
    let product = trained(
        config(&[1, 1], &[Feature::X1TimesX2], Activation::Tanh),
        DatasetKind::Xor,
        100.0,
    );
    let plain = trained(
        config(&[2, 1], &[Feature::X1, Feature::X2], Activation::Tanh),
        DatasetKind::Xor,
        100.0,
    );
    let (mut product, mut plain) = (product, plain);
    // ½(ŷ − y)² with y = ±1: 0.5 is the loss of answering 0 everywhere.
    assert!(product.test_loss() < 0.05, "{}", product.test_loss());
    assert!(plain.test_loss() > 0.4, "{}", plain.test_loss());
}

#[test]
fn features_are_computed_from_raw_points_in_training_grids_and_predictions() {
    let features = [Feature::X1, Feature::X1Squared, Feature::SinX2];
    let mut net = Network::new(config(&[3, 2, 1], &features, Activation::Tanh)).unwrap();
    net.use_generated(&spec(DatasetKind::Circle, 40, 0.0))
        .unwrap();
    assert_eq!(net.train_data().inputs(), 2, "the data stays raw");
    // The same network on the features computed by hand, as plain inputs.
    let mut plain_config = net.config().clone();
    plain_config.features = None;
    let mut plain = Network::new(plain_config).unwrap();
    plain.set_parameters(net.weights(), net.biases()).unwrap();
    let expand = |d: &Dataset| {
        let rows: Vec<f64> = d
            .rows()
            .chunks(3)
            .flat_map(|r| [r[0], r[0] * r[0], r[1].sin(), r[2]])
            .collect();
        Dataset::new("d", 3, 1, rows).unwrap()
    };
    plain
        .set_data(expand(net.train_data()), expand(net.test_data()))
        .unwrap();
    assert_eq!(net.train_loss(), plain.train_loss());
    net.train_epochs(5).unwrap();
    plain.train_epochs(5).unwrap();
    assert_eq!(net.weights(), plain.weights(), "training sees the features");
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 3.0, 2.0).unwrap();
    let mut out = vec![0.0; 6];
    net.predict_grid(&grid, &mut out).unwrap();
    let mut each = [0.0];
    net.predict(&[6.0, -6.0], &mut each).unwrap();
    assert_eq!(out[5], each[0], "grid point (row 1, column 2) is (6, −6)");
    let mut by_hand = [0.0];
    plain
        .predict(&[6.0, 36.0, (-6.0f64).sin()], &mut by_hand)
        .unwrap();
    assert_eq!(each, by_hand);
}

#[test]
fn a_feature_list_must_match_the_first_layer_and_keep_its_order() {
    let c = config(&[2, 1], &[Feature::X1TimesX2], Activation::Tanh);
    let e = Network::new(c).unwrap_err();
    assert_eq!(
        e.to_string(),
        "config.layers[0] must be 1, the number of config.features, as each feature is one input (got 2)"
    );
    assert!(Features::new("config.features", vec![Feature::SinX1, Feature::X1]).is_err());
    assert!(Features::new("config.features", vec![]).is_err());
}

/// One SGD step on one point, by hand: w′ = w − (lr/n)·∂L/∂w, then w″ = w′ − (lr·λ)·R′(w).
#[test]
fn regularization_is_applied_after_the_gradient_step_as_playground_applies_it() {
    for (reg, rate) in [(Regularization::L2, 0.3), (Regularization::L1, 0.1)] {
        let mut c = NetworkConfig::new(
            &[2, 1],
            Activation::Identity,
            Activation::Identity,
            Loss::HalfSquared,
            0.1,
        );
        c.regularization = reg;
        c.regularization_rate = rate;
        let mut net = Network::new(c).unwrap();
        net.set_parameters(&[0.5, -0.2], &[0.1]).unwrap();
        net.set_data(
            Dataset::new("train", 2, 1, vec![1.0, 2.0, 1.0]).unwrap(),
            Dataset::empty(2, 1),
        )
        .unwrap();
        net.train_step().unwrap();
        // ŷ = 0.1 + 0.5·1 − 0.2·2 = 0.2; ∂L/∂ŷ = ŷ − y = −0.8; ∂L/∂w = (−0.8, −1.6)
        let d = [-0.8, -1.6];
        let w0 = [0.5, -0.2];
        let expected: Vec<f64> = (0..2)
            .map(|k| {
                let after = w0[k] - (0.1 / 1.0) * d[k];
                after - (0.1 * rate) * reg.derivative(w0[k])
            })
            .collect();
        assert_eq!(net.weights(), expected.as_slice(), "{reg:?}");
        assert_eq!(
            net.biases(),
            &[0.1 - 0.1 * -0.8 / 1.0],
            "biases are not penalized"
        );
    }
}

#[test]
fn l2_shrinks_the_weights_and_l1_zeroes_some_for_good() {
    let run = |reg: Regularization, rate: f64| {
        let mut c = config(&[2, 8, 8, 1], &[Feature::X1, Feature::X2], Activation::Tanh);
        c.regularization = reg;
        c.regularization_rate = rate;
        trained(c, DatasetKind::Circle, 100.0)
    };
    let size = |net: &Network| net.weights().iter().map(|w| w * w).sum::<f64>();
    let free = run(Regularization::None, 0.0);
    let l2 = run(Regularization::L2, 0.03);
    assert!(
        size(&l2) < 0.5 * size(&free),
        "Σw²: {} with L2, {} without",
        size(&l2),
        size(&free)
    );
    let l1 = run(Regularization::L1, 0.03);
    let zeros = l1.weights().iter().filter(|&&w| w == 0.0).count();
    let dead = l1.dead_weights().iter().filter(|&&d| d).count();
    assert!(
        dead > 0 && zeros >= dead,
        "{zeros} zero weights, {dead} dead"
    );
    for (w, d) in l1.weights().iter().zip(l1.dead_weights()) {
        assert!(!d || *w == 0.0);
    }
    let mut c = free.config().clone();
    c.regularization_rate = 11.0;
    assert_eq!(
        Network::new(c)
            .unwrap_err()
            .to_string()
            .split(" (Playground")
            .next()
            .unwrap(),
        "config.regularizationRate must be a finite number from 0 to 10"
    );
}

#[test]
fn the_regressions_are_drawn_as_playground_draws_them() {
    let mut rng = Rng::new(9);
    let plane = generate(DatasetKind::Plane, 500, 0.0, &mut rng).unwrap();
    for k in 0..plane.len() {
        let (x, t) = plane.point(k);
        assert!(x[0].abs() <= 6.0 && x[1].abs() <= 6.0);
        assert!((t[0] - (x[0] + x[1]) / 10.0).abs() < 1e-15, "{x:?} {t:?}");
    }
    let bumps = generate(DatasetKind::MultiGaussian, 500, 0.0, &mut Rng::new(9)).unwrap();
    let mut signs = [0, 0];
    for k in 0..bumps.len() {
        let (x, t) = bumps.point(k);
        assert!((-1.0..=1.0).contains(&t[0]));
        // Near (0, 2.5) the label is −(1 − d/2); near (0, −2.5) it is +(1 − d/2).
        let d = ((x[0]).powi(2) + (x[1] - 2.5).powi(2)).sqrt();
        if d < 0.9 {
            assert!((t[0] + (1.0 - d / 2.0)).abs() < 1e-12);
            signs[0] += 1;
        }
        let d = ((x[0]).powi(2) + (x[1] + 2.5).powi(2)).sqrt();
        if d < 0.9 {
            assert!((t[0] - (1.0 - d / 2.0)).abs() < 1e-12);
            signs[1] += 1;
        }
    }
    assert!(signs[0] > 0 && signs[1] > 0, "{signs:?}");
    // Noise moves the point the label is taken at, not the point stored.
    let noisy = generate(DatasetKind::Plane, 500, 0.5, &mut Rng::new(9)).unwrap();
    let off = (0..noisy.len())
        .filter(|&k| {
            let (x, t) = noisy.point(k);
            (t[0] - (x[0] + x[1]) / 10.0).abs() > 0.05
        })
        .count();
    assert!(off > 100, "{off}");
}

#[test]
fn the_plane_regression_reaches_a_small_loss() {
    let mut net = trained(
        config(&[2, 1], &[Feature::X1, Feature::X2], Activation::Identity),
        DatasetKind::Plane,
        50.0,
    );
    assert!(net.test_loss() < 1e-4, "{}", net.test_loss());
}

#[test]
fn the_gradient_check_agrees_with_backpropagation_and_leaves_the_parameters() {
    let mut net = trained(
        config(
            &[3, 3, 2, 1],
            &[Feature::X1, Feature::X2, Feature::SinX1],
            Activation::Tanh,
        ),
        DatasetKind::Spiral,
        3.0,
    );
    let (weights, biases) = (net.weights().to_vec(), net.biases().to_vec());
    let gradient = net.training_gradient().unwrap();
    for (k, &g) in gradient.iter().enumerate() {
        let check = net.gradient_check(k, 1e-5).unwrap();
        assert_eq!(check.backprop, g);
        let numeric = (check.loss_plus - check.loss_minus) / 2e-5;
        assert_eq!(check.numeric, numeric);
        assert!(check.relative < 1e-6, "parameter {k}: {check:?}");
    }
    assert!(
        net.weights() == weights && net.biases() == biases,
        "the check changes no parameter"
    );
    assert!(net.gradient_check(gradient.len(), 1e-5).is_err());
    assert!(net.gradient_check(0, 0.0).is_err());
    assert!(net.gradient_check(0, f64::NAN).is_err());
}

#[test]
fn a_points_chain_gives_its_gradient_and_the_mean_over_points_gives_the_batchs() {
    let mut net = trained(
        config(&[2, 3, 2, 1], &[Feature::X1, Feature::X2], Activation::Tanh),
        DatasetKind::Xor,
        2.0,
    );
    let layers = net.config().layers.clone();
    let n = net.train_data().len();
    let weights = net.weights().to_vec();
    let mut mean = vec![0.0; weights.len()];
    for k in 0..n {
        let pass = net.point_pass(k).unwrap();
        // w[l][i][j]: ∂J/∂w = δ(to)·a(from), neurons numbered across layers
        let (mut w, mut start) = (0, 0);
        for l in 1..layers.len() {
            let from = start;
            start += layers[l - 1];
            for i in 0..layers[l] {
                for j in 0..layers[l - 1] {
                    mean[w] += pass.delta[start + i] * pass.a[from + j] / n as f64;
                    w += 1;
                }
            }
        }
        // δ of a hidden neuron = f′(z)·Σₖ w(to→k)·δ(k): neuron 2 (the first hidden) feeds the next layer's 2.
        let next: f64 = (0..2).map(|k| weights[6 + 3 * k] * pass.delta[5 + k]).sum();
        assert!((pass.delta[2] - pass.f_prime[2] * next).abs() < 1e-15);
        assert_eq!(pass.delta[2], pass.f_prime[2] * pass.d_a[2]);
        let out = layers.iter().sum::<usize>() - 1;
        assert!((pass.delta[out] - pass.f_prime[out] * pass.d_output[0]).abs() < 1e-15);
    }
    let gradient = net.training_gradient().unwrap();
    for (a, b) in mean.iter().zip(&gradient) {
        assert!((a - b).abs() < 1e-14, "{a} vs {b}");
    }
    assert!(net.point_pass(n).is_err());
}

#[test]
fn an_edited_weight_is_what_the_network_reads_and_training_continues() {
    let mut net = trained(
        config(&[2, 2, 1], &[Feature::X1, Feature::X2], Activation::Tanh),
        DatasetKind::Xor,
        3.0,
    );
    let steps = net.steps();
    net.set_weight(4, 0.75).unwrap();
    assert_eq!(net.weights()[4], 0.75);
    assert_eq!(net.steps(), steps, "editing does not restart training");
    net.set_bias(0, -0.25).unwrap();
    assert_eq!(net.biases()[0], -0.25);
    let before = net.clone();
    assert_eq!(
        net.set_weight(4, f64::NAN).unwrap_err().to_string(),
        "weights[4] must be a finite number in [-1000000, 1000000] (got NaN)"
    );
    assert!(net.set_weight(6, 1.0).is_err());
    assert!(net.set_bias(3, 1.0).is_err());
    assert_eq!(net, before, "a refused edit changes nothing");
}
