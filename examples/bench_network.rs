//! Native timings of the benchmark workloads of `bench/WORKLOADS.md`, and the losses they reach.
//!
//! W1 and W2: 1 warm-up run and 5 timed runs, each a fresh network from `tests/data/W*.json` trained 1000 epochs
//! as one block; ms/epoch = block/1000, median of the 5 (with min and max). W3: the W2 network after its 1000
//! epochs, a 100 × 100 grid over [−6, 6]², 10 warm-up and 30 timed grids, forward only and storing every
//! neuron's output. Run with `cargo run --release --example bench_network`.

use std::time::Instant;

use backprop_lab::network::{Grid, Network};

#[path = "../tests/common/workload.rs"]
mod workload;

use workload::{network, Workload};

/// Median, min and max of some timings.
fn summary(mut times: Vec<f64>) -> (f64, f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0], times[times.len() - 1])
}

fn train_timings(name: &str, w: &Workload) -> Network {
    let mut times = Vec::new();
    let mut last = None;
    for run in 0..6 {
        let mut net = network(w);
        let start = Instant::now();
        net.train_epochs(1000).expect("no divergence");
        let ms = start.elapsed().as_secs_f64() * 1000.0 / 1000.0;
        if run > 0 {
            times.push(ms);
        }
        last = Some(net);
    }
    let (median, min, max) = summary(times);
    println!("{name} ms/epoch: {median:.4} [{min:.4}-{max:.4}]");
    let mut net = last.expect("six runs");
    let mut check = network(w);
    for epochs in [1, 10, 100, 1000] {
        let more = epochs - check.epochs();
        check.train_epochs(more as usize).expect("no divergence");
        println!(
            "{name} train loss after {epochs} epochs: {:?}",
            check.train_loss()
        );
    }
    println!("{name} test loss after 1000 epochs: {:?}", net.test_loss());
    net
}

fn grid_timings(net: &mut Network) {
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 100.0, 100.0).expect("valid grid");
    let mut out = vec![0.0; net.grid_len(&grid)];
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
    for (label, per_neuron) in [("forward only", false), ("every neuron's output", true)] {
        let mut times = Vec::new();
        for k in 0..40 {
            let start = Instant::now();
            if per_neuron {
                net.neuron_grid(&grid, &mut neurons).expect("2 inputs");
            } else {
                net.predict_grid(&grid, &mut out).expect("2 inputs");
            }
            if k >= 10 {
                times.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let (median, min, max) = summary(times);
        println!("W3 ms/grid, {label}: {median:.3} [{min:.3}-{max:.3}]");
    }
}

fn main() {
    let w1 = Workload::w1();
    let w2 = Workload::w2();
    train_timings("W1", &w1);
    let mut net = train_timings("W2", &w2);
    grid_timings(&mut net);
}
