//! Native timings of the benchmark workloads of `bench/WORKLOADS.md`, the article's step, and this machine's
//! scalar-f64 peak, to set them against.
//!
//! W1 and W2: 1 warm-up run and 5 timed runs, each a fresh network from `tests/data/W*.json` trained 1000 epochs
//! as one block; ms/epoch = block/1000, median of the 5 (with min and max). W3: the W2 network after its 1000
//! epochs, a 100 × 100 grid over [−6, 6]², 10 warm-up and 30 timed grids, the output only and every neuron's
//! output. W4 (the digits, 64-32-10 softmax, `tests/data/W4.json`): 1 warm-up and 5 timed runs of 10 epochs from the
//! seed, ms/epoch = block/10, and the training loss after the 10 epochs. The article: `article::train` of 10,000
//! steps, 5 runs. Peak: 12 independent chains of a ← a·m + c
//! (a multiply and an add, no fused multiply-add) for 50 ms, the best of 5: the most scalar f64 FLOP/s one core
//! gives. Run with `cargo run --release --example bench_network` (`-- --json` prints one JSON object, which
//! `scripts/bench.mjs` reads).

use std::hint::black_box;
use std::time::Instant;

use backprop_lab::article::{self, ArticleConfig};
use backprop_lab::network::{Grid, Network};

#[path = "../tests/common/workload.rs"]
mod workload;

use workload::{network, Workload, W4};

/// Median, min and max of some timings.
fn summary(mut times: Vec<f64>) -> [f64; 3] {
    times.sort_by(f64::total_cmp);
    [times[times.len() / 2], times[0], times[times.len() - 1]]
}

fn train_timings(w: &Workload) -> ([f64; 3], Network) {
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
    (summary(times), last.expect("six runs"))
}

/// W4's ms/epoch (runs of 10 epochs, each from the seed, timed as a block) and the loss after 10 epochs.
fn w4_timings() -> ([f64; 3], f64) {
    let w4 = W4::read();
    let mut net = w4.network();
    let mut times = Vec::new();
    for run in 0..6 {
        net.reset();
        let start = Instant::now();
        net.train_epochs(10).expect("no divergence");
        if run > 0 {
            times.push(start.elapsed().as_secs_f64() * 1000.0 / 10.0);
        }
    }
    (summary(times), net.train_loss())
}

fn grid_timings(net: &mut Network, per_neuron: bool) -> [f64; 3] {
    let grid = Grid::new(-6.0, 6.0, -6.0, 6.0, 100.0, 100.0).expect("valid grid");
    let mut out = vec![0.0; net.grid_len(&grid)];
    let mut neurons = vec![0.0; net.neuron_grid_len(&grid)];
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
    summary(times)
}

fn article_timings() -> [f64; 3] {
    let config = ArticleConfig::new(1.5, 0.5, 0.8, 0.1).expect("the article's problem");
    let mut times = Vec::new();
    for run in 0..6 {
        let start = Instant::now();
        black_box(article::train(black_box(&config), 10_000).expect("converges"));
        if run > 0 {
            times.push(start.elapsed().as_secs_f64() * 1000.0 / 10_000.0);
        }
    }
    summary(times)
}

/// GFLOP/s of 12 independent chains a ← a·m + c, each in its own register: 2 FLOPs per link, no chain waiting on
/// another. Twelve chains cover a multiply's and an add's latency at two links per cycle and, with m and c, fit in
/// the 16 SSE registers (as an array of sixteen they were spilled to memory, which halved the figure).
fn scalar_peak() -> f64 {
    let mut best = 0.0f64;
    for _ in 0..5 {
        let (m, c) = (black_box(0.999_999_9), black_box(1e-7));
        let [mut a0, mut a1, mut a2, mut a3, mut a4, mut a5] =
            black_box([1.0, 1.001, 1.002, 1.003, 1.004, 1.005]);
        let [mut a6, mut a7, mut a8, mut a9, mut a10, mut a11] =
            black_box([1.006, 1.007, 1.008, 1.009, 1.01, 1.011]);
        let mut links = 0u64;
        let start = Instant::now();
        while start.elapsed().as_secs_f64() < 0.05 {
            for _ in 0..10_000 {
                a0 = a0 * m + c;
                a1 = a1 * m + c;
                a2 = a2 * m + c;
                a3 = a3 * m + c;
                a4 = a4 * m + c;
                a5 = a5 * m + c;
                a6 = a6 * m + c;
                a7 = a7 * m + c;
                a8 = a8 * m + c;
                a9 = a9 * m + c;
                a10 = a10 * m + c;
                a11 = a11 * m + c;
            }
            links += 10_000 * 12;
        }
        black_box([a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11]);
        best = best.max(2.0 * links as f64 / start.elapsed().as_secs_f64() / 1e9);
    }
    best
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let peak = scalar_peak();
    let (w1, _) = train_timings(&Workload::w1());
    let (w2, mut net) = train_timings(&Workload::w2());
    let out = grid_timings(&mut net, false);
    let all = grid_timings(&mut net, true);
    let step = article_timings();
    let loss = net.train_loss();
    let (w4, w4_loss) = w4_timings();
    if json {
        println!(
            "{{\"peak\": {peak}, \"W1\": {w1:?}, \"W2\": {w2:?}, \"W3out\": {out:?}, \"W3all\": {all:?}, \
             \"article\": {step:?}, \"W2loss\": {loss:?}, \"W4\": {w4:?}, \"W4loss\": {w4_loss:?}}}"
        );
        return;
    }
    println!("scalar f64 peak (a ← a·m + c, 12 chains): {peak:.2} GFLOP/s");
    for (name, t) in [
        ("W1 ms/epoch", w1),
        ("W2 ms/epoch", w2),
        ("W3 ms/grid, output only", out),
        ("W3 ms/grid, every neuron", all),
        ("W4 ms/epoch", w4),
        ("article ms/step", step),
    ] {
        println!("{name}: {:.6} [{:.6}-{:.6}]", t[0], t[1], t[2]);
    }
    println!("W2 training loss after 1000 epochs: {loss:?}");
    println!("W4 training loss after 10 epochs: {w4_loss:?}");
}
