//! The error sweep of `backprop_lab::math`: for each function, 10⁷ seeded points (half uniform over the range
//! that matters, half log-uniform over magnitudes from 2⁻⁶⁰ on), each compared with a double-double reference
//! (`tests/common/reference.rs`, itself checked against mpmath in `tests/math.rs`); prints the largest error in
//! ulps, where it occurs, and the time per call of ours, of the `libm` crate and of the platform's (Rust std).
//!
//!   cargo run --release --example ulp [points per function]        (`make ulp`)

use std::hint::black_box;
use std::time::Instant;

use backprop_lab::math;

#[path = "../tests/common/reference.rs"]
mod reference;
#[path = "../tests/common/ulp.rs"]
mod ulp;

/// mulberry32, as the datasets draw: a uniform number in [0, 1).
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(1 | t);
        t = (t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t))) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

type Function = (
    &'static str,
    fn(f64) -> f64,
    fn(f64) -> f64,
    fn(f64) -> f64,
    f64,
    f64,
    f64,
);

fn std_sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
fn libm_sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}
fn std_softplus(x: f64) -> f64 {
    x.max(0.0) + (-x.abs()).exp().ln_1p()
}
fn libm_softplus(x: f64) -> f64 {
    x.max(0.0) + libm::log1p(libm::exp(-x.abs()))
}

/// (name, ours, libm's, std's, range low, range high, smallest magnitude of the log-uniform half)
const FUNCTIONS: [Function; 8] = [
    ("tanh", math::tanh, libm::tanh, f64::tanh, -20.0, 20.0, -1.0),
    ("exp", math::exp, libm::exp, f64::exp, -745.0, 709.7, -1.0),
    (
        "sigmoid",
        math::sigmoid,
        libm_sigmoid,
        std_sigmoid,
        -60.0,
        40.0,
        -1.0,
    ),
    ("ln", math::ln, libm::log, f64::ln, 0.0, 10.0, 1.0),
    (
        "log1p",
        math::log1p,
        libm::log1p,
        f64::ln_1p,
        -1.0,
        10.0,
        1.0,
    ),
    (
        "softplus",
        math::softplus,
        libm_softplus,
        std_softplus,
        -40.0,
        40.0,
        -1.0,
    ),
    ("sin", math::sin, libm::sin, f64::sin, -20.0, 20.0, -1.0),
    ("cos", math::cos, libm::cos, f64::cos, -20.0, 20.0, -1.0),
];

fn points(n: usize, seed: u32, lo: f64, hi: f64, sign: f64) -> Vec<f64> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|k| {
            if k % 2 == 0 {
                lo + (hi - lo) * rng.next()
            } else {
                let magnitude = 2f64
                    .powf(-60.0 + 70.0 * rng.next())
                    .min(hi.abs().max(lo.abs()));
                let negative = sign < 0.0 && rng.next() < 0.5;
                let x = if negative { -magnitude } else { magnitude };
                x.clamp(lo, hi)
            }
        })
        .collect()
}

/// ns per call over the points, the best of three passes.
fn time(f: fn(f64) -> f64, xs: &[f64]) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let mut sum = 0.0;
        for &x in xs {
            sum += f(black_box(x));
        }
        black_box(sum);
        best = best.min(start.elapsed().as_secs_f64() * 1e9 / xs.len() as f64);
    }
    best
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    println!("math: largest error against a double-double reference over {n} points per function, and ns per call");
    println!("| function | points | largest error (ulp) | at x | ours ns | libm crate ns | Rust std ns |");
    println!("|---|---|---|---|---|---|---|");
    for (k, &(name, ours, libm_f, std_f, lo, hi, sign)) in FUNCTIONS.iter().enumerate() {
        let xs = points(n, 0x5EED + k as u32, lo, hi, sign);
        let reference = reference::reference(name);
        let sweep = |part: &[f64]| {
            let (mut worst, mut at) = (0.0f64, 0.0f64);
            for &x in part {
                let got = ours(x);
                let e = if x < -708.0 && (name == "exp" || name == "sigmoid") {
                    // a subnormal result: compare in units of 2⁻¹⁰⁷⁴ (σ(x) = eˣ − e²ˣ + …, e²ˣ far below a unit)
                    let r = reference::exp_units(x);
                    ((got * 2f64.powi(600) * 2f64.powi(474) - r.0) - r.1).abs()
                } else {
                    let r = reference(x);
                    ulp::ulp_error(got, r.0, r.1)
                };
                if e > worst {
                    (worst, at) = (e, x);
                }
            }
            (worst, at)
        };
        let (first, second) = xs.split_at(xs.len() / 2);
        let ((w1, a1), (w2, a2)) = std::thread::scope(|s| {
            let other = s.spawn(|| sweep(second));
            (sweep(first), other.join().expect("the sweep thread"))
        });
        let (worst, at) = if w1 >= w2 { (w1, a1) } else { (w2, a2) };
        let timing = &xs[..xs.len().min(1_000_000)];
        println!(
            "| {name} | {n} | {worst:.3} | {at:e} | {:.1} | {:.1} | {:.1} |",
            time(ours, timing),
            time(libm_f, timing),
            time(std_f, timing)
        );
    }
}
