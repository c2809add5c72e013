//! The article's one-weight network: input x, target y, prediction ŷ = x·w, error J = (ŷ − y)².
//!
//! One gradient-descent step computes every factor of the chain rule and returns them in a [`StepRecord`];
//! [`train`] returns the records of n steps in order; [`analyze`] gives the closed-form facts of the problem
//! (the optimum, the curvature, the factor by which each step scales the distance to the optimum, and the regime
//! the learning rate puts the descent in). Plain Rust: nothing here knows about JavaScript.

use crate::error::{check_positive, check_range, check_usize, show, LabError, Result};

/// Largest accepted |x|, |y| and |w₀|.
pub const MAX_ABS_VALUE: f64 = 1_000.0;
/// Largest accepted learning rate of the article's descent (the network's is `network::MAX_NETWORK_LR`).
pub const MAX_DESCENT_LR: f64 = 100.0;
/// Most steps one call to [`train`] (or `Descent::train`) may take.
pub const MAX_STEPS: usize = 10_000;
/// Most steps a [`Descent`] keeps in its history before it must be reset.
pub const MAX_HISTORY: usize = 100_000;
/// Most steps [`analyze`] runs to count how many it takes to get near the optimum.
pub const MAX_COUNTED_STEPS: usize = 100_000;
/// Smallest and largest tolerance [`analyze`] accepts.
pub const TOLERANCE_RANGE: (f64, f64) = (1e-12, 1e3);
/// Most decimals [`steps_to_digits`] accepts.
pub const MAX_DECIMALS: usize = 15;

/// The problem and the starting point: one input, its target, the initial weight and the learning rate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleConfig {
    /// The input x.
    pub x: f64,
    /// The target y.
    pub y: f64,
    /// The weight w before the first step (w₀).
    pub w: f64,
    /// The learning rate lr of the update w ← w − lr·dJ/dw.
    pub lr: f64,
}

impl ArticleConfig {
    /// The article's numbers: x = 1.5, y = 0.5, w₀ = 0.8, lr = 0.1.
    pub const ARTICLE: ArticleConfig = ArticleConfig {
        x: 1.5,
        y: 0.5,
        w: 0.8,
        lr: 0.1,
    };

    /// A validated configuration; see [`ArticleConfig::validate`].
    pub fn new(x: f64, y: f64, w: f64, lr: f64) -> Result<Self> {
        let config = ArticleConfig { x, y, w, lr };
        config.validate()?;
        Ok(config)
    }

    /// Checks that x, y and w are finite and within ±[`MAX_ABS_VALUE`], and lr is in (0, [`MAX_DESCENT_LR`]].
    pub fn validate(&self) -> Result<()> {
        check_range("config.x", self.x, -MAX_ABS_VALUE, MAX_ABS_VALUE)?;
        check_range("config.y", self.y, -MAX_ABS_VALUE, MAX_ABS_VALUE)?;
        check_range("config.w", self.w, -MAX_ABS_VALUE, MAX_ABS_VALUE)?;
        check_positive("config.lr", self.lr, MAX_DESCENT_LR)?;
        Ok(())
    }
}

/// Every quantity of one descent step, in the order the article derives them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepRecord {
    /// The weight before the step.
    pub w: f64,
    /// Forward: the prediction ŷ = x·w.
    pub y_hat: f64,
    /// The error ŷ − y.
    pub error: f64,
    /// The loss J = (ŷ − y)².
    pub loss: f64,
    /// Backward, outer factor: dJ/dŷ = 2(ŷ − y).
    pub d_j_d_y_hat: f64,
    /// Backward, inner factor: dŷ/dw = x.
    pub d_y_hat_d_w: f64,
    /// The chain rule: dJ/dw = dJ/dŷ · dŷ/dw = 2(ŷ − y)·x.
    pub d_j_d_w: f64,
    /// Update: the weight after the step, w − lr·dJ/dw.
    pub w_next: f64,
}

/// One step of the raw arithmetic, unchecked: the result may hold non-finite numbers when the inputs are extreme.
pub fn raw_step(x: f64, y: f64, w: f64, lr: f64) -> StepRecord {
    let y_hat = x * w; // forward: ŷ = x·w
    let error = y_hat - y; // ŷ − y
    let loss = error * error; // J = (ŷ − y)²
    let d_j_d_y_hat = 2.0 * error; // dJ/dŷ = 2(ŷ − y)
    let d_y_hat_d_w = x; // dŷ/dw = x
    let d_j_d_w = d_j_d_y_hat * d_y_hat_d_w; // dJ/dw = dJ/dŷ · dŷ/dw = 2(ŷ − y)·x
    let w_next = w - lr * d_j_d_w; // w ← w − lr·dJ/dw
    StepRecord {
        w,
        y_hat,
        error,
        loss,
        d_j_d_y_hat,
        d_y_hat_d_w,
        d_j_d_w,
        w_next,
    }
}

/// One step from `w`, numbered `step` (1-based) for the error message; refuses a step with a non-finite result.
fn checked_step(config: &ArticleConfig, w: f64, step: u64) -> Result<StepRecord> {
    let record = raw_step(config.x, config.y, w, config.lr);
    let quantities = [
        ("ŷ", record.y_hat),
        ("J", record.loss),
        ("dJ/dw", record.d_j_d_w),
        ("the next w", record.w_next),
    ];
    match quantities.iter().find(|(_, v)| !v.is_finite()) {
        None => Ok(record),
        Some((name, value)) => Err(divergence(config, w, step, name, *value)),
    }
}

/// The divergence error, explained in the numbers of the current problem.
fn divergence(config: &ArticleConfig, w: f64, step: u64, name: &str, value: f64) -> LabError {
    let factor = step_factor(config.x, config.lr);
    let limit = 1.0 / (config.x * config.x);
    LabError::Diverged {
        step,
        epoch: None,
        loss: None,
        bound: None,
        detail: format!(
            "from w = {} the update takes {name} past the largest finite number (about 1.8e+308){}; each step \
             multiplies the distance to the optimum y/x = {} by 1 − 2·lr·x² = {}, which is larger than 1 in size \
             because lr = {} exceeds 1/x² = {}",
            show(w),
            if value.is_nan() { " where it is no longer a number" } else { "" },
            show(config.y / config.x),
            show(factor),
            show(config.lr),
            show(limit)
        ),
    }
}

/// One validated step from the configuration's w: every factor of the chain rule.
pub fn step(config: &ArticleConfig) -> Result<StepRecord> {
    config.validate()?;
    checked_step(config, config.w, 1)
}

/// `steps` validated steps from the configuration's w, in order; refuses the whole run if any step diverges,
/// and refuses to train at all when x is so small that x² underflows (see [`check_learnable`]).
pub fn train(config: &ArticleConfig, steps: usize) -> Result<Vec<StepRecord>> {
    config.validate()?;
    let n = check_usize("steps", steps, 0, MAX_STEPS)?;
    if n > 0 {
        check_learnable(config.x)?;
    }
    run(config, config.w, 0, n)
}

/// Refuses an x other than 0 whose square is below the normal numbers (1e-300, 5e-324): there dJ/dw = 2(ŷ − y)·x
/// is a number w cannot feel, so training would stand still forever for a reason no reader could see. x = 0 itself
/// is accepted: every step is exact (ŷ = 0 whatever w is, so dJ/dw = 2(0 − y)·0 = 0 and w stays), which is what a
/// figure at x = 0 shows.
pub fn check_learnable(x: f64) -> Result<()> {
    if x == 0.0 || (x * x).is_normal() {
        Ok(())
    } else {
        Err(LabError::invalid(
            "config.x",
            "0, or large enough that x² is above the smallest normal number for training (with x so small \
             that x² underflows, dJ/dw = 2(ŷ − y)·x moves w by nothing: the network cannot learn)",
            show(x),
        ))
    }
}

/// Refuses an x for which the closed form's 1/(2x²) is not a finite number (x = 0, or x² underflowing).
fn check_closed_form(x: f64) -> Result<()> {
    if (1.0 / (2.0 * x * x)).is_finite() {
        Ok(())
    } else {
        Err(LabError::invalid(
            "config.x",
            "non-zero with a finite 1/x² for the closed form (it divides by x²; with x = 0, ŷ = 0 for \
             every w and no w reaches y)",
            show(x),
        ))
    }
}

/// Runs `n` steps from `w`, numbering them after `done` earlier ones.
fn run(config: &ArticleConfig, mut w: f64, done: usize, n: usize) -> Result<Vec<StepRecord>> {
    let mut records = Vec::new();
    crate::memory::reserve_exact(&mut records, n, "steps", "the steps' records")?;
    for k in 0..n {
        let record = checked_step(config, w, (done + k + 1) as u64)?;
        w = record.w_next;
        records.push(record);
    }
    Ok(records)
}

/// The factor 1 − lr·J″ = 1 − 2·lr·x² by which each step multiplies the distance w − w* to the optimum.
pub fn step_factor(x: f64, lr: f64) -> f64 {
    1.0 - lr * 2.0 * x * x
}

/// How the descent behaves for a learning rate, from the factor 1 − 2·lr·x².
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// 0 < lr < 1/(2x²): the factor is in (0, 1); w approaches the optimum from one side.
    Monotone,
    /// lr = 1/(2x²): the factor is 0; the first step lands on the optimum.
    OneStep,
    /// 1/(2x²) < lr < 1/x²: the factor is in (−1, 0); w jumps across the optimum, each time closer.
    Oscillating,
    /// lr = 1/x²: the factor is −1; w jumps between two points forever.
    OscillatingForever,
    /// lr > 1/x²: the factor is below −1; every jump overshoots more, and w runs off to infinity.
    Diverging,
}

/// Relative tolerance within which a learning rate counts as exactly on a regime boundary.
pub const BOUNDARY_TOLERANCE: f64 = 1e-9;

/// The regime of lr for input x (x ≠ 0), with the boundaries matched to within [`BOUNDARY_TOLERANCE`].
pub fn regime(x: f64, lr: f64) -> Regime {
    let r = lr * 2.0 * x * x; // lr relative to the one-step rate 1/(2x²)
    if (r - 1.0).abs() <= BOUNDARY_TOLERANCE {
        Regime::OneStep
    } else if (r - 2.0).abs() <= 2.0 * BOUNDARY_TOLERANCE {
        Regime::OscillatingForever
    } else if r < 1.0 {
        Regime::Monotone
    } else if r < 2.0 {
        Regime::Oscillating
    } else {
        Regime::Diverging
    }
}

/// The closed-form facts of a problem.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Analysis {
    /// The optimum w* = y/x, where ŷ = y and J = 0.
    pub optimum: f64,
    /// The curvature J″(w) = 2x², the same for every w.
    pub curvature: f64,
    /// dJ/dw is linear in w: dJ/dw = slope·w + intercept, with slope = 2x² (the article's 4.5).
    pub slope: f64,
    /// dJ/dw = slope·w + intercept, with intercept = −2xy (the article's −1.5).
    pub intercept: f64,
    /// The factor 1 − lr·2x² by which each step multiplies w − w*.
    pub factor: f64,
    /// The regime the learning rate puts the descent in.
    pub regime: Regime,
    /// The learning rate 1/(2x²) that lands on the optimum in one step.
    pub lr_one_step: f64,
    /// The learning rate 1/x² at and above which the descent no longer converges.
    pub lr_limit: f64,
    /// The starting distance w₀ − w*.
    pub initial_distance: f64,
    /// The tolerance `steps_to_within` is counted for.
    pub tolerance: f64,
    /// The first step after which |w − w*| ≤ tolerance, or `None` when the descent never gets there.
    pub steps_to_within: Option<u64>,
    /// The step whose result would leave the finite numbers (the step a diverging run stops at), or `None` when
    /// no step up to [`MAX_COUNTED_STEPS`] does.
    pub overflow_step: Option<u64>,
}

/// The closed-form facts for a configuration, counting the steps needed to get within `tolerance` of the optimum.
///
/// Requires x² ≠ 0: with x = 0 the prediction is 0 for every w and there is no optimum to find; an x whose
/// square underflows (1e-300) is refused alike, as the closed form divides by x².
pub fn analyze(config: &ArticleConfig, tolerance: f64) -> Result<Analysis> {
    config.validate()?;
    let (lo, hi) = TOLERANCE_RANGE;
    let tolerance = check_range("tolerance", tolerance, lo, hi)?;
    check_closed_form(config.x)?;
    let x = config.x;
    let optimum = config.y / x;
    Ok(Analysis {
        optimum,
        curvature: 2.0 * x * x,
        slope: 2.0 * x * x,             // d/dw of 2(xw − y)·x
        intercept: -2.0 * x * config.y, // dJ/dw at w = 0
        overflow_step: overflow_step(config),
        factor: step_factor(x, config.lr),
        regime: regime(x, config.lr),
        lr_one_step: 1.0 / (2.0 * x * x),
        lr_limit: 1.0 / (x * x),
        initial_distance: config.w - optimum,
        tolerance,
        steps_to_within: first_step(config, |w| (w - optimum).abs() <= tolerance),
    })
}

/// The step (1-based) whose result leaves the finite numbers, as [`train`] would report it; `None` when no step up
/// to [`MAX_COUNTED_STEPS`] does. Only a factor |1 − 2·lr·x²| ≥ 1 can grow w without bound.
fn overflow_step(config: &ArticleConfig) -> Option<u64> {
    if step_factor(config.x, config.lr).abs() < 1.0 {
        return None;
    }
    let mut w = config.w;
    for n in 1..=MAX_COUNTED_STEPS as u64 {
        match checked_step(config, w, n) {
            Ok(record) => w = record.w_next,
            Err(_) => return Some(n),
        }
    }
    None
}

/// The first step n ≥ 0 (counting the start as 0) after which `reached(wₙ)` holds, running at most
/// [`MAX_COUNTED_STEPS`] steps; `None` when it is not reached by then or the run diverges first.
fn first_step(config: &ArticleConfig, reached: impl Fn(f64) -> bool) -> Option<u64> {
    let mut w = config.w;
    for n in 0..=MAX_COUNTED_STEPS {
        if reached(w) {
            return Some(n as u64);
        }
        w = raw_step(config.x, config.y, w, config.lr).w_next;
        if !w.is_finite() {
            return None;
        }
    }
    None
}

/// The first step after which w, rounded to `decimals` places, reads the same as the optimum y/x does.
///
/// For the article (6 places) this is the step its last row, 0.333333, stands for. `None` when no step up to
/// [`MAX_COUNTED_STEPS`] gets there.
pub fn steps_to_digits(config: &ArticleConfig, decimals: usize) -> Result<Option<u64>> {
    config.validate()?;
    let decimals = check_usize("decimals", decimals, 0, MAX_DECIMALS)?;
    check_closed_form(config.x)?;
    // Rounding at a scale of 10^decimals reads as the decimal display does (short of an exact tie), without
    // pulling the exact-precision float formatter into the wasm module.
    let scale = 10f64.powi(decimals as i32);
    let target = (config.y / config.x * scale).round();
    Ok(first_step(config, |w| (w * scale).round() == target))
}

/// A descent in progress: the configuration, the current weight and every step taken so far.
///
/// Every method either succeeds or leaves the descent exactly as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Descent {
    config: ArticleConfig,
    w: f64,
    history: Vec<StepRecord>,
}

impl Descent {
    /// A descent at w₀ with no steps taken.
    pub fn new(config: ArticleConfig) -> Result<Self> {
        config.validate()?;
        Ok(Descent {
            config,
            w: config.w,
            history: Vec::new(),
        })
    }

    /// The configuration the descent started from.
    pub fn config(&self) -> ArticleConfig {
        self.config
    }

    /// The current weight.
    pub fn w(&self) -> f64 {
        self.w
    }

    /// How many steps have been taken.
    pub fn steps(&self) -> usize {
        self.history.len()
    }

    /// Every step taken so far, in order.
    pub fn history(&self) -> &[StepRecord] {
        &self.history
    }

    /// Takes one step; on divergence or a full history returns the error and stays where it is.
    pub fn step(&mut self) -> Result<StepRecord> {
        self.train(1).map(|records| records[0])
    }

    /// Takes `n` steps, all or none: if any diverges (or the history would exceed [`MAX_HISTORY`], or x ≠ 0 is so
    /// small that x² underflows, or memory is full) nothing changes. With x = 0 every step leaves w where it is.
    pub fn train(&mut self, n: usize) -> Result<Vec<StepRecord>> {
        let n = check_usize("steps", n, 0, MAX_STEPS)?;
        if n > 0 {
            check_learnable(self.config.x)?;
        }
        let room = MAX_HISTORY - self.history.len();
        if n > room {
            return Err(LabError::invalid(
                "steps",
                format!(
                    "at most {room} more (a descent keeps {MAX_HISTORY} steps; reset it to go on)"
                ),
                n.to_string(),
            ));
        }
        let records = run(&self.config, self.w, self.history.len(), n)?;
        crate::memory::reserve(&mut self.history, n, "steps", "the descent's history")?;
        if let Some(last) = records.last() {
            self.w = last.w_next;
        }
        self.history.extend_from_slice(&records);
        Ok(records)
    }

    /// Goes back to w₀ and forgets every step.
    pub fn reset(&mut self) {
        self.w = self.config.w;
        self.history.clear();
    }
}
