#![cfg(not(target_arch = "wasm32"))]
//! The benchmark workloads W1 and W2 of `bench/WORKLOADS.md`, from the points and initial parameters in
//! `tests/data/W1.json` and `W2.json`: the training losses must equal the reference values (computed with glibc's
//! libm, which Chromium matches) to 1e-12 relative after 1 and 10 epochs, and W1's to 1e-9 after 100 and 1000.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use backprop_lab::data::{DataSpec, Dataset, DatasetKind};
use backprop_lab::network::{Grid, Network};

#[path = "common/workload.rs"]
mod workload;

use workload::{config, network, rows, Workload};

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

#[test]
fn training_and_grids_allocate_nothing_per_step() {
    let w = Workload::w2();
    let mut net = network(&w);
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 100.0, 100.0).unwrap();
    let mut out = vec![0.0; net.grid_len(&grid)];
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
    let before = allocations();
    net.train_epochs(2).unwrap();
    net.train_steps(7).unwrap();
    let loss = net.train_loss();
    net.predict_grid(&grid, &mut out).unwrap();
    net.neuron_grid(&grid, &mut neurons).unwrap();
    assert_eq!(
        allocations() - before,
        0,
        "allocations while training and predicting"
    );
    assert!(loss.is_finite());
    drop(std::hint::black_box(vec![1u8; 16]));
    assert_eq!(allocations() - before, 1, "the counter sees allocations");
}
