//! Three-class toys for a softmax output: three Gaussian blobs and a three-armed spiral, two inputs (x₁, x₂) and
//! a one-hot row of three targets per point, drawn from the seeded stream like the two-class sets (class 1's points
//! first, then class 2's, then class 3's; the split shuffles them). Sine and cosine are libm's, as the other sets
//! draw them.

use std::f64::consts::PI;

use super::Rng;
use libm::{cos, sin};

/// The number of classes of these sets (and so of targets per point).
pub const CLASSES: usize = 3;

/// Radius of the circle the blobs' centres sit on.
const BLOB_RADIUS: f64 = 3.0;
/// The spiral's outer radius (the two-arm spiral's).
const SPIRAL_RADIUS: f64 = 5.0;
/// Turns of each spiral arm from the centre out.
const SPIRAL_TURNS: f64 = 1.0;

/// How many of `points` belong to class `c`: a third each, the first classes taking the remainder.
fn class_count(points: usize, c: usize) -> usize {
    points / CLASSES + usize::from(c < points % CLASSES)
}

/// Appends a point (x₁, x₂) of class `c` as x₁, x₂ and the one-hot row of `c`.
fn push(rows: &mut Vec<f64>, x: f64, y: f64, c: usize) {
    rows.extend([x, y]);
    rows.extend((0..CLASSES).map(|k| if k == c { 1.0 } else { 0.0 }));
}

/// Class c's angle, c·2π/3: the blobs' centres and the arms' starts are a third of a turn apart.
fn class_angle(c: usize) -> f64 {
    2.0 * PI * c as f64 / CLASSES as f64
}

/// Three Gaussian blobs centred on a circle of radius 3 at angles c·2π/3 (class c), each coordinate drawn with
/// variance 0.5 + 7·noise, as the two Gaussians are.
pub fn blobs(points: usize, noise: f64, rng: &mut Rng, rows: &mut Vec<f64>) {
    let variance = 0.5 + noise * 7.0;
    for c in 0..CLASSES {
        let angle = class_angle(c);
        let (cx, cy) = (BLOB_RADIUS * cos(angle), BLOB_RADIUS * sin(angle));
        for _ in 0..class_count(points, c) {
            let x = rng.normal(cx, variance);
            let y = rng.normal(cy, variance);
            push(rows, x, y, c);
        }
    }
}

/// Three spiral arms: point i of n in arm c at r = 5i/n and angle 2π·i/n + c·2π/3 (one turn each), moved by
/// U(−1, 1)·noise on each coordinate, as the two-arm spiral.
pub fn spiral(points: usize, noise: f64, rng: &mut Rng, rows: &mut Vec<f64>) {
    for c in 0..CLASSES {
        let n = class_count(points, c);
        for i in 0..n {
            let u = i as f64 / n.max(1) as f64;
            let r = u * SPIRAL_RADIUS;
            let t = SPIRAL_TURNS * u * 2.0 * PI + class_angle(c);
            let x = r * sin(t) + rng.uniform(-1.0, 1.0) * noise;
            let y = r * cos(t) + rng.uniform(-1.0, 1.0) * noise;
            push(rows, x, y, c);
        }
    }
}
