#![cfg(not(target_arch = "wasm32"))]
//! The benchmark workloads W1 and W2 of `bench/WORKLOADS.md`, from the points and initial parameters in
//! `tests/data/W1.json` and `W2.json`: the training losses must equal the reference values (computed with glibc's
//! libm, which Chromium matches) to 1e-12 relative after 1 and 10 epochs, and W1's to 1e-9 after 100 and 1000.
//! W4 (the 8×8 digits, 64-32-10 softmax, `tests/data/W4.json`) must give its reference bits after 10 epochs, as the
//! wasm module does in Node (tests/node/workloads.test.mjs).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use backprop_lab::data::{DataSpec, Dataset, DatasetKind, Rng};
use backprop_lab::network::{Activation, Dense, Grid, Loss, Network, NetworkConfig};

#[path = "common/workload.rs"]
mod workload;

use workload::{config, network, rows, Workload, W4};

/// The system allocator, counting the allocations made by the current thread (tests run in parallel threads).
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn assert_relative(got: f64, expected: f64, tolerance: f64, what: &str) {
    let error = ((got - expected) / expected).abs();
    assert!(
        error <= tolerance,
        "{what}: got {got:?}, expected {expected:?} (relative error {error:e})"
    );
}

/// Trains to each checkpoint epoch in turn and compares the training loss there.
fn check(w: &Workload, checkpoints: &[(u64, f64, f64)]) -> Network {
    let mut net = network(w);
    for &(epochs, expected, tolerance) in checkpoints {
        let more = epochs - net.epochs();
        net.train_epochs(more as usize).unwrap();
        assert_eq!(net.steps(), epochs * 25, "25 updates per epoch");
        assert_relative(
            net.train_loss(),
            expected,
            tolerance,
            &format!("training loss after {epochs} epochs"),
        );
    }
    net
}

#[test]
fn w1_circle_losses_match_the_reference_through_1000_epochs() {
    let w = Workload::w1();
    assert_relative(
        network(&w).train_loss(),
        0.48742395702097663,
        1e-15,
        "initial loss",
    );
    let mut net2 = check(
        &w,
        &[
            (1, 0.4826781253236423, 1e-12),
            (10, 0.4355938184050986, 1e-12),
            (100, 0.028021857094280744, 1e-9),
            (1000, 0.00046212917948158403, 1e-9),
        ],
    );
    assert_relative(
        net2.test_loss(),
        0.0016141350726973638,
        1e-9,
        "test loss after 1000 epochs",
    );
    println!(
        "W1 1000-epoch training loss {:?}, test loss {:?}",
        net2.train_loss(),
        net2.test_loss()
    );
}

#[test]
fn w2_spiral_losses_match_the_reference_after_1_10_and_100_epochs() {
    let w = Workload::w2();
    assert_relative(
        network(&w).train_loss(),
        0.5406307751578056,
        1e-15,
        "initial loss",
    );
    let mut net = check(
        &w,
        &[
            (1, 0.48367714112264504, 1e-12),
            (10, 0.4611411498609421, 1e-12),
            (100, 0.3577815898581041, 1e-9),
        ],
    );
    println!("W2 100-epoch training loss {:?}", net.train_loss());
}

/// Points equal to a few units in the last place: the files were drawn with glibc's sin and cos, the generators
/// use libm's (the same bits natively and in every browser), which differ from glibc's in the last bit for a
/// few angles.
fn assert_same_points(got: &Dataset, expected: &Dataset, what: &str) {
    assert_eq!(got.len(), expected.len(), "{what}: number of points");
    for (k, (a, b)) in got.rows().iter().zip(expected.rows()).enumerate() {
        assert!(
            (a - b).abs() <= 4.0 * f64::EPSILON * b.abs(),
            "{what}: number {k} is {a:?}, expected {b:?}"
        );
        if k % 3 == 2 {
            assert_eq!(a, b, "{what}: label of point {}", k / 3);
        }
    }
}

#[test]
fn the_generators_and_initialization_reproduce_the_workload_files() {
    let workloads = [
        (include_str!("data/W1.json"), DatasetKind::Circle),
        (include_str!("data/W2.json"), DatasetKind::Spiral),
    ];
    for (json, kind) in workloads {
        let w = Workload::parse(json);
        let spec = DataSpec {
            kind,
            points: 500,
            noise: 0.0,
            seed: 42,
            train_fraction: 0.5,
        };
        let (train, test, rng) = spec.draw().unwrap();
        assert_same_points(
            &train,
            &rows(&w.train),
            &format!("{kind:?} training points"),
        );
        assert_same_points(&test, &rows(&w.test), &format!("{kind:?} test points"));
        let net = Network::from_stream(config(&w.shape), rng).unwrap();
        assert_eq!(
            net.weights(),
            &w.initial_weights[..],
            "{kind:?} initial weights"
        );
        assert_eq!(
            net.biases(),
            &w.initial_biases[..],
            "{kind:?} initial biases"
        );
    }
}

/// Allocations made by `f` on this thread.
fn allocations_of(f: impl FnOnce()) -> usize {
    let before = allocations();
    f();
    allocations() - before
}

/// A call may allocate a fixed amount (checking its arguments, a message), but never per step, per point or per
/// grid point: training 1 or 20 epochs, 1 or 60 steps, allocates the same; losses and grids allocate nothing.
#[test]
fn training_and_grids_allocate_nothing_per_step() {
    let w = Workload::w2();
    let mut net = network(&w);
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 100.0, 100.0).unwrap();
    let mut out = vec![0.0; net.grid_len(&grid)];
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
    // An accepted training call allocates nothing at all: not per step, and not per call either.
    assert_eq!(
        allocations_of(|| net.train_epochs(1).unwrap()),
        0,
        "1 epoch"
    );
    assert_eq!(
        allocations_of(|| net.train_epochs(20).unwrap()),
        0,
        "20 epochs"
    );
    assert_eq!(allocations_of(|| net.train_steps(1).unwrap()), 0, "1 step");
    assert_eq!(
        allocations_of(|| net.train_steps(60).unwrap()),
        0,
        "60 steps"
    );
    let mut loss = f64::NAN;
    assert_eq!(allocations_of(|| loss = net.train_loss()), 0, "loss");
    assert!(loss.is_finite());
    assert_eq!(
        allocations_of(|| net.predict_grid(&grid, &mut out).unwrap()),
        0,
        "grid"
    );
    assert_eq!(
        allocations_of(|| net.neuron_grid(&grid, &mut neurons).unwrap()),
        0,
        "neuron grid"
    );
    let probe = allocations_of(|| drop(std::hint::black_box(vec![1u8; 16])));
    assert_eq!(probe, 1, "the counter sees allocations");
}

/// W4: the digits, an epoch of 1,347 images in batches of 16 with Adam; after 10 epochs the training loss is the
/// reference to the bit (the same in every engine) and the test accuracy 92 %. Training allocates nothing, and
/// metrics() a fixed few buffers whatever the number of points.
#[test]
fn w4_digits_give_the_reference_loss_after_10_epochs_without_allocating() {
    let w4 = W4::read();
    let mut net = w4.network();
    assert_eq!(net.train_data().len(), 1347);
    assert_eq!(net.test_data().len(), 450);
    assert_eq!(
        allocations_of(|| net.train_epochs(1).unwrap()),
        0,
        "1 epoch"
    );
    assert_eq!(allocations_of(|| net.train_epochs(9).unwrap()), 0, "9 more");
    assert_eq!(
        net.steps(),
        10 * 85,
        "84 batches of 16 and one of 3 per epoch"
    );
    let mut metrics = None;
    let allocated = allocations_of(|| metrics = Some(net.metrics()));
    assert!(allocated <= 2, "metrics() allocated {allocated} times");
    let m = metrics.unwrap();
    assert_eq!(m.train_loss, w4.train_loss_after10_epochs);
    assert_eq!(
        m.classification.unwrap().test_accuracy,
        w4.test_accuracy_after10_epochs
    );
}

/// The two-points-per-lane kernels give the bits of the one-point passes: the gradients a batch accumulates, the
/// losses, and the grids, for every activation and loss, with 37 points: two blocks of 8 pairs, one of 2, and the
/// last point alone.
#[test]
fn two_points_at_a_time_give_the_bits_of_one_at_a_time() {
    let mut rng = Rng::new(7);
    for hidden in Activation::ALL {
        for (output, loss) in [
            (Activation::Tanh, Loss::HalfSquared),
            (Activation::Identity, Loss::Squared),
            (Activation::Sigmoid, Loss::CrossEntropy),
            (Activation::Softmax, Loss::CrossEntropy),
            (hidden, Loss::HalfSquared),
        ] {
            let config = NetworkConfig::new(&[2, 5, 3, 2], hidden, output, loss, 0.1);
            let mut dense = Dense::new(&config);
            dense.initialize(&mut rng, 0.1);
            let rows: Vec<f64> = (0..37 * 4)
                .map(|k| {
                    let u = rng.next_f64();
                    if k % 4 >= 2 {
                        u
                    } else {
                        6.0 * u - 3.0
                    }
                })
                .collect();
            let data = Dataset::new("points", 2, 2, rows).unwrap();
            let order: Vec<usize> = (0..37).rev().collect();
            dense.zero_gradients();
            let pairs_loss = dense.accumulate(&data, &order, true);
            let (w2, b2) = dense.accumulated();
            let (w2, b2) = (w2.to_vec(), b2.to_vec());
            dense.zero_gradients();
            let mut loss_one = 0.0;
            for &k in &order {
                let (x, t) = data.point(k);
                dense.forward(x);
                loss_one += dense.point_loss(t);
                dense.backward(t);
            }
            let (w1, b1) = dense.accumulated();
            let what = format!("{hidden:?} hidden, {output:?} output, {loss:?}");
            assert_eq!(pairs_loss.to_bits(), loss_one.to_bits(), "{what}: loss");
            assert!(
                w1.iter().zip(&w2).all(|(a, b)| a.to_bits() == b.to_bits()),
                "{what}: weights"
            );
            assert!(
                b1.iter().zip(&b2).all(|(a, b)| a.to_bits() == b.to_bits()),
                "{what}: biases"
            );
            assert!(w1.iter().any(|&g| g != 0.0), "{what}: some gradient");
        }
    }
    // grids: an odd side, every output and every neuron against one point at a time
    let w = Workload::w2();
    let mut net = network(&w);
    net.train_epochs(20).unwrap();
    let grid = Grid::new(-6.0, 6.0, -5.0, 5.0, 7.0, 5.0).unwrap();
    let mut out = vec![0.0; net.grid_len(&grid)];
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
    net.predict_grid(&grid, &mut out).unwrap();
    net.neuron_grid(&grid, &mut neurons).unwrap();
    let points = grid.points();
    for r in 0..grid.ny {
        for c in 0..grid.nx {
            let mut one = [0.0];
            net.predict(&[grid.x(c), grid.y(r)], &mut one).unwrap();
            let p = r * grid.nx + c;
            assert_eq!(out[p].to_bits(), one[0].to_bits(), "grid point {p}");
            assert_eq!(
                neurons[neurons.len() - points + p].to_bits(),
                one[0].to_bits(),
                "neuron grid point {p}"
            );
        }
    }
}
