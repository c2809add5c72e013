//! Seeded toy datasets, all with one signature: [`generate`]`(kind, points, noise, rng)`.
//!
//! A [`Dataset`] is a flat buffer of rows, each row its inputs followed by its targets. The article's problem and
//! the line are one-input regressions (x, y); XOR, circle, two Gaussians and spiral are two-input classifications
//! (x₁, x₂, label) with labels ±1, and plane and six Gaussians two-input regressions with continuous labels, all
//! drawn as TensorFlow Playground draws them; three blobs and a three-armed spiral have three classes, one-hot
//! (see [`classes`]). [`split`] shuffles and cuts a set
//! into training and test points; points supplied by a user go through [`Dataset::new`], which checks them.

pub mod classes;
pub mod random;

use std::f64::consts::PI;

use crate::error::{check_range, quote, show, LabError, Result};
pub use random::Rng;

/// Most points a dataset (training or test) may hold.
pub const MAX_POINTS: usize = 10_000;
/// Largest noise level a generator accepts (Playground's slider goes to 0.5).
pub const MAX_NOISE: f64 = 1.0;

/// Which points a generator draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatasetKind {
    /// The article's one point: x = 1.5, y = 0.5 (noise moves y by U(−1, 1)·noise).
    Article,
    /// Points on the article's line y = x/3 (through (1.5, 0.5)), x ~ U(−3, 3), y moved by U(−1, 1)·noise.
    Line,
    /// XOR: x₁, x₂ ~ U(−5, 5) pushed 0.3 away from the axes; label 1 when x₁·x₂ ≥ 0 (after noise), else −1.
    Xor,
    /// Circle: half inside radius 2.5 (label 1), half in the ring 3.5..5 (label −1), labelled after noise.
    Circle,
    /// Two Gaussians around (2, 2) (label 1) and (−2, −2) (label −1), variance 0.5 + 7·noise.
    Gaussians,
    /// Two interleaved spiral arms, r = 5i/n, angle 1.75·2π·i/n (+π for label −1), moved by U(−1, 1)·noise.
    Spiral,
    /// Regression on a plane: x₁, x₂ ~ U(−6, 6), label (x₁ + x₂)/10 taken after noise U(−6, 6)·noise on each
    /// (Playground's: about ±1.2 at the corners, more with noise).
    Plane,
    /// Regression on six Gaussian bumps of sign ±1 at (±4 or 0, ±2.5): the label is the bump of largest size,
    /// sign·max(0, 1 − d/2) at distance d (after noise), so it lies in [−1, 1].
    MultiGaussian,
    /// Three Gaussian blobs, one per class, their centres a third of a turn apart (see [`classes::blobs`]); one-hot
    /// targets for a softmax of three outputs.
    Blobs3,
    /// Three interleaved spiral arms, one per class (see [`classes::spiral`]); one-hot targets.
    Spiral3,
}

impl DatasetKind {
    /// Every kind, in the order of the issue.
    pub const ALL: [DatasetKind; 10] = [
        DatasetKind::Article,
        DatasetKind::Line,
        DatasetKind::Xor,
        DatasetKind::Circle,
        DatasetKind::Gaussians,
        DatasetKind::Spiral,
        DatasetKind::Plane,
        DatasetKind::MultiGaussian,
        DatasetKind::Blobs3,
        DatasetKind::Spiral3,
    ];

    /// The name used at the JavaScript boundary.
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Article => "article",
            DatasetKind::Line => "line",
            DatasetKind::Xor => "xor",
            DatasetKind::Circle => "circle",
            DatasetKind::Gaussians => "gaussians",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Plane => "plane",
            DatasetKind::MultiGaussian => "multigaussian",
            DatasetKind::Blobs3 => "blobs3",
            DatasetKind::Spiral3 => "spiral3",
        }
    }

    /// The kind called `name`, or an error listing the names.
    pub fn from_name(field: &str, name: &str) -> Result<Self> {
        DatasetKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                let names: Vec<String> = DatasetKind::ALL.iter().map(|k| quote(k.name())).collect();
                LabError::invalid(
                    field,
                    format!(
                        "one of {}",
                        crate::error::list(names.iter().map(String::as_str))
                    ),
                    quote(name),
                )
            })
    }

    /// How many inputs a point of this kind has: 1 for the article's point and the line, 2 for every other kind
    /// (the classifications, and the plane and six-Gaussian regressions, whose points are 2-D).
    pub fn inputs(self) -> usize {
        match self {
            DatasetKind::Article | DatasetKind::Line => 1,
            _ => 2,
        }
    }

    /// Targets per point: one label, or a one-hot row of [`classes::CLASSES`] for the three-class sets.
    pub fn targets(self) -> usize {
        match self {
            DatasetKind::Blobs3 | DatasetKind::Spiral3 => classes::CLASSES,
            _ => 1,
        }
    }

    /// True for the regressions, whose labels are continuous rather than ±1.
    pub fn is_regression(self) -> bool {
        matches!(
            self,
            DatasetKind::Article
                | DatasetKind::Line
                | DatasetKind::Plane
                | DatasetKind::MultiGaussian
        )
    }
}

/// Points as a flat buffer of rows: `inputs` numbers, then `targets` numbers, per row.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    inputs: usize,
    targets: usize,
    rows: Vec<f64>,
}

impl Dataset {
    /// Checks and wraps `rows`: a whole number of rows of `inputs + targets` finite numbers, at most
    /// [`MAX_POINTS`] of them. `field` names the buffer in error messages.
    pub fn new(field: &str, inputs: usize, targets: usize, rows: Vec<f64>) -> Result<Self> {
        check_shape(field, inputs, targets, &rows)?;
        Ok(Dataset {
            inputs,
            targets,
            rows,
        })
    }

    /// An empty set of points with this row shape.
    pub fn empty(inputs: usize, targets: usize) -> Self {
        Dataset {
            inputs,
            targets,
            rows: Vec::new(),
        }
    }

    /// Inputs per point.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Targets per point.
    pub fn targets(&self) -> usize {
        self.targets
    }

    /// Numbers per row: inputs + targets.
    pub fn stride(&self) -> usize {
        self.inputs + self.targets
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        self.rows.len().checked_div(self.stride()).unwrap_or(0)
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every row, flat.
    pub fn rows(&self) -> &[f64] {
        &self.rows
    }

    /// The inputs and the targets of point `k` (which must be below [`Dataset::len`]).
    #[inline]
    pub fn point(&self, k: usize) -> (&[f64], &[f64]) {
        let row = &self.rows[k * self.stride()..(k + 1) * self.stride()];
        row.split_at(self.inputs)
    }

    /// The same points with every target t mapped to (t + 1)/2, so labels ±1 become 1 and 0 (for cross-entropy).
    pub fn with_zero_one_labels(mut self) -> Self {
        let (stride, inputs) = (self.stride(), self.inputs);
        for row in self.rows.chunks_exact_mut(stride) {
            for t in &mut row[inputs..] {
                *t = (*t + 1.0) / 2.0;
            }
        }
        self
    }
}

/// Checks that `rows` holds whole rows of finite numbers, at most [`MAX_POINTS`] of them.
pub fn check_shape(field: &str, inputs: usize, targets: usize, rows: &[f64]) -> Result<()> {
    let stride = inputs + targets;
    if stride == 0 || rows.len() % stride != 0 {
        return Err(LabError::invalid(
            field,
            format!(
                "rows of {stride} numbers ({}, then {})",
                count(inputs, "input"),
                count(targets, "target")
            ),
            format!("{} numbers, not a multiple of {stride}", rows.len()),
        ));
    }
    if rows.len() / stride > MAX_POINTS {
        return Err(LabError::invalid(
            field,
            format!("at most {MAX_POINTS} points"),
            format!("{} points", rows.len() / stride),
        ));
    }
    if let Some(k) = rows.iter().position(|v| !v.is_finite()) {
        return Err(LabError::invalid(
            format!("{field}[{k}]"),
            format!(
                "a finite number (point {}, column {})",
                k / stride,
                k % stride
            ),
            show(rows[k]),
        ));
    }
    Ok(())
}

/// "1 input", "2 inputs": a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Draws `points` points of `kind` (the article's kind always gives its one point) from `rng`, with `noise`
/// in [0, [`MAX_NOISE`]] (Playground's slider shows 100·noise, 0 to 50), in Playground's order: positives first,
/// then negatives.
pub fn generate(kind: DatasetKind, points: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    check_range("noise", noise, 0.0, MAX_NOISE)?;
    if !(1..=MAX_POINTS).contains(&points) {
        return Err(LabError::invalid(
            "points",
            format!("from 1 to {MAX_POINTS}"),
            points.to_string(),
        ));
    }
    let mut rows = Vec::with_capacity((kind.inputs() + kind.targets()) * points);
    match kind {
        DatasetKind::Article => {
            let y = 0.5 + rng.uniform(-1.0, 1.0) * noise;
            rows.extend([1.5, y]);
        }
        DatasetKind::Line => {
            for _ in 0..points {
                let x = rng.uniform(-3.0, 3.0);
                let y = x / 3.0 + rng.uniform(-1.0, 1.0) * noise;
                rows.extend([x, y]);
            }
        }
        DatasetKind::Xor => {
            // label = 1 when (x₁ + n₁)(x₂ + n₂) ≥ 0; the stored point is the one without noise (as Playground).
            let pad = |v: f64| if v > 0.0 { v + 0.3 } else { v - 0.3 };
            for _ in 0..points {
                let x = pad(rng.uniform(-5.0, 5.0));
                let y = pad(rng.uniform(-5.0, 5.0));
                let nx = rng.uniform(-5.0, 5.0) * noise;
                let ny = rng.uniform(-5.0, 5.0) * noise;
                let label = if (x + nx) * (y + ny) >= 0.0 {
                    1.0
                } else {
                    -1.0
                };
                rows.extend([x, y, label]);
            }
        }
        DatasetKind::Circle => {
            // radius 5: positives r ~ U(0, 2.5), negatives r ~ U(3.5, 5); label = |p + noise| < 2.5 ? 1 : −1.
            let half = points / 2;
            for (count, (r_min, r_max)) in [(half, (0.0, 2.5)), (points - half, (3.5, 5.0))] {
                for _ in 0..count {
                    let r = rng.uniform(r_min, r_max);
                    let angle = rng.uniform(0.0, 2.0 * PI);
                    let x = r * libm::sin(angle);
                    let y = r * libm::cos(angle);
                    let nx = rng.uniform(-5.0, 5.0) * noise;
                    let ny = rng.uniform(-5.0, 5.0) * noise;
                    let (px, py) = (x + nx, y + ny);
                    // IEEE 754 rounds √ correctly (wasm's f64.sqrt too): the same bits everywhere, without libm.
                    let label = if f64::sqrt(px * px + py * py) < 2.5 {
                        1.0
                    } else {
                        -1.0
                    };
                    rows.extend([x, y, label]);
                }
            }
        }
        DatasetKind::Gaussians => {
            // variance grows linearly from 0.5 at noise 0 to 4 at noise 0.5 (Playground's scale).
            let variance = 0.5 + noise * 7.0;
            let half = points / 2;
            for (count, (c, label)) in [(half, (2.0, 1.0)), (points - half, (-2.0, -1.0))] {
                for _ in 0..count {
                    let x = rng.normal(c, variance);
                    let y = rng.normal(c, variance);
                    rows.extend([x, y, label]);
                }
            }
        }
        DatasetKind::Spiral => {
            let n = points / 2;
            for (count, (dt, label)) in [(n, (0.0, 1.0)), (points - n, (PI, -1.0))] {
                for i in 0..count {
                    let r = i as f64 / n.max(1) as f64 * 5.0;
                    let t = 1.75 * i as f64 / n.max(1) as f64 * 2.0 * PI + dt;
                    let x = r * libm::sin(t) + rng.uniform(-1.0, 1.0) * noise;
                    let y = r * libm::cos(t) + rng.uniform(-1.0, 1.0) * noise;
                    rows.extend([x, y, label]);
                }
            }
        }
        DatasetKind::Plane | DatasetKind::MultiGaussian => {
            const RADIUS: f64 = 6.0;
            for _ in 0..points {
                let x = rng.uniform(-RADIUS, RADIUS);
                let y = rng.uniform(-RADIUS, RADIUS);
                let nx = rng.uniform(-RADIUS, RADIUS) * noise;
                let ny = rng.uniform(-RADIUS, RADIUS) * noise;
                let label = if kind == DatasetKind::Plane {
                    plane_label(x + nx, y + ny)
                } else {
                    multigaussian_label(x + nx, y + ny)
                };
                rows.extend([x, y, label]);
            }
        }
        DatasetKind::Blobs3 => classes::blobs(points, noise, rng, &mut rows),
        DatasetKind::Spiral3 => classes::spiral(points, noise, rng, &mut rows),
    }
    Ok(Dataset {
        inputs: kind.inputs(),
        targets: kind.targets(),
        rows,
    })
}

/// d3's linear scale from [d₀, d₁] to [r₀, r₁], as Playground's d3 v3 computes it: u = (v − d₀)/(d₁ − d₀),
/// then r₀·(1 − u) + r₁·u; `clamp` keeps u in [0, 1].
fn linear_scale(v: f64, (d0, d1): (f64, f64), (r0, r1): (f64, f64), clamp: bool) -> f64 {
    let mut u = (v - d0) / (d1 - d0);
    if clamp {
        u = u.clamp(0.0, 1.0);
    }
    r0 * (1.0 - u) + r1 * u
}

/// The plane's label: x₁ + x₂ scaled from [−10, 10] to [−1, 1] (not clamped, as Playground).
fn plane_label(x: f64, y: f64) -> f64 {
    linear_scale(x + y, (-10.0, 10.0), (-1.0, 1.0), false)
}

/// The six Gaussians' label: of sign·scale(d) over the bumps (scale from [0, 2] to [1, 0], clamped), the one
/// largest in size; the first wins ties, as Playground's loop keeps a label only when strictly larger.
fn multigaussian_label(x: f64, y: f64) -> f64 {
    const BUMPS: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    let mut label: f64 = 0.0;
    for (cx, cy, sign) in BUMPS {
        let (dx, dy) = (x - cx, y - cy);
        let d = f64::sqrt(dx * dx + dy * dy);
        let candidate = sign * linear_scale(d, (0.0, 2.0), (1.0, 0.0), true);
        if candidate.abs() > label.abs() {
            label = candidate;
        }
    }
    label
}

/// Shuffles `data` with `rng` (Fisher–Yates, as Playground) and cuts it: the first ⌊n·train_fraction⌋ points
/// (at least one) train, the rest test. `train_fraction` is in (0, 1].
pub fn split(mut data: Dataset, train_fraction: f64, rng: &mut Rng) -> Result<(Dataset, Dataset)> {
    if !(train_fraction.is_finite() && train_fraction > 0.0 && train_fraction <= 1.0) {
        return Err(LabError::invalid(
            "trainFraction",
            "a finite number in (0, 1]",
            show(train_fraction),
        ));
    }
    let stride = data.stride();
    rng.shuffle_rows(&mut data.rows, stride);
    let n_train = ((data.len() as f64 * train_fraction) as usize).clamp(1, data.len().max(1));
    let test_rows = data.rows.split_off((n_train * stride).min(data.rows.len()));
    let test = Dataset {
        inputs: data.inputs,
        targets: data.targets,
        rows: test_rows,
    };
    Ok((data, test))
}

/// What to generate: the kind, how many points, the noise, the seed and the share of training points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DataSpec {
    /// Which generator.
    pub kind: DatasetKind,
    /// How many points in all (training and test), 1 to [`MAX_POINTS`].
    pub points: usize,
    /// The noise level, 0 to [`MAX_NOISE`].
    pub noise: f64,
    /// The seed of the stream that draws the points and then shuffles them.
    pub seed: u32,
    /// The share of the points used for training, in (0, 1].
    pub train_fraction: f64,
}

impl DataSpec {
    /// Generates from a fresh stream seeded with `seed`, then shuffles and splits with the same stream; returns
    /// the training set, the test set and the stream (to go on drawing, as the workloads do for the weights).
    pub fn draw(&self) -> Result<(Dataset, Dataset, Rng)> {
        let mut rng = Rng::new(self.seed);
        let data = generate(self.kind, self.points, self.noise, &mut rng)?;
        let (train, test) = split(data, self.train_fraction, &mut rng)?;
        Ok((train, test, rng))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_gives_finite_points_of_its_shape() {
        for kind in DatasetKind::ALL {
            let data = generate(kind, 100, 0.3, &mut Rng::new(5)).unwrap();
            let expected = if kind == DatasetKind::Article { 1 } else { 100 };
            assert_eq!(data.len(), expected, "{kind:?}");
            assert_eq!(data.inputs(), kind.inputs());
            assert!(data.rows().iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn classification_labels_are_plus_or_minus_one_and_balanced() {
        for kind in [
            DatasetKind::Circle,
            DatasetKind::Gaussians,
            DatasetKind::Spiral,
        ] {
            let data = generate(kind, 200, 0.0, &mut Rng::new(1)).unwrap();
            let positives = (0..data.len())
                .filter(|&k| data.point(k).1[0] == 1.0)
                .count();
            assert_eq!(positives, 100, "{kind:?}");
        }
        let xor = generate(DatasetKind::Xor, 200, 0.0, &mut Rng::new(1)).unwrap();
        for k in 0..xor.len() {
            let (x, t) = xor.point(k);
            assert_eq!(t[0], if x[0] * x[1] >= 0.0 { 1.0 } else { -1.0 });
        }
    }

    #[test]
    fn three_class_sets_have_one_hot_rows_a_third_per_class() {
        for kind in [DatasetKind::Blobs3, DatasetKind::Spiral3] {
            let data = generate(kind, 301, 0.1, &mut Rng::new(4)).unwrap();
            assert_eq!((data.inputs(), data.targets(), data.len()), (2, 3, 301));
            let mut counts = [0; 3];
            for k in 0..data.len() {
                let t = data.point(k).1;
                assert_eq!(t.iter().sum::<f64>(), 1.0, "{kind:?} point {k}");
                let c = t.iter().position(|&v| v == 1.0).unwrap();
                counts[c] += 1;
            }
            assert_eq!(counts, [101, 100, 100], "{kind:?}");
            let again = generate(kind, 301, 0.1, &mut Rng::new(4)).unwrap();
            assert_eq!(data, again, "{kind:?} is drawn from the seed");
        }
        // Without noise, each blob's mean is its centre (radius 3, a third of a turn apart): here class 2's.
        let blobs = generate(DatasetKind::Blobs3, 3000, 0.0, &mut Rng::new(9)).unwrap();
        let (mut sx, mut sy) = (0.0, 0.0);
        for k in 1000..2000 {
            let x = blobs.point(k).0;
            (sx, sy) = (sx + x[0], sy + x[1]);
        }
        let (cx, cy) = (3.0 * (2.0 * PI / 3.0).cos(), 3.0 * (2.0 * PI / 3.0).sin());
        assert!((sx / 1000.0 - cx).abs() < 0.1 && (sy / 1000.0 - cy).abs() < 0.1);
        // The spiral's arms start at the centre and end on radius 5 (point i at r = 5i/n).
        let spiral = generate(DatasetKind::Spiral3, 30, 0.0, &mut Rng::new(1)).unwrap();
        assert_eq!(spiral.point(0).0, &[0.0, 0.0]);
        let x = spiral.point(9).0;
        assert!((f64::hypot(x[0], x[1]) - 4.5).abs() < 1e-12);
    }

    #[test]
    fn the_article_kind_is_the_articles_point() {
        let data = generate(DatasetKind::Article, 1, 0.0, &mut Rng::new(0)).unwrap();
        assert_eq!(data.rows(), &[1.5, 0.5]);
    }

    #[test]
    fn split_keeps_every_point_and_refuses_bad_fractions() {
        let spec = DataSpec {
            kind: DatasetKind::Xor,
            points: 101,
            noise: 0.0,
            seed: 3,
            train_fraction: 0.5,
        };
        let (train, test, _) = spec.draw().unwrap();
        assert_eq!((train.len(), test.len()), (50, 51));
        let data = generate(DatasetKind::Xor, 10, 0.0, &mut Rng::new(3)).unwrap();
        assert!(split(data, 0.0, &mut Rng::new(1)).is_err());
        assert!(generate(DatasetKind::Xor, 0, 0.0, &mut Rng::new(1)).is_err());
        assert!(generate(DatasetKind::Xor, 10, f64::NAN, &mut Rng::new(1)).is_err());
    }

    #[test]
    fn user_points_are_checked() {
        assert!(Dataset::new("train", 2, 1, vec![1.0, 2.0, 1.0]).is_ok());
        let e = Dataset::new("train", 2, 1, vec![1.0, 2.0]).unwrap_err();
        assert!(e.to_string().contains("not a multiple of 3"), "{e}");
        let e = Dataset::new("train", 2, 1, vec![1.0, f64::NAN, 1.0]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "train[1] must be a finite number (point 0, column 1) (got NaN)"
        );
    }
}
