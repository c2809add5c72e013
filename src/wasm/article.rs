//! The article's exports: `step`, `train`, `analyze`, `stepsToDigits` and the `Descent` handle.

use std::sync::atomic::AtomicBool;

use js_sys::Float64Array;
use wasm_bindgen::prelude::*;

use super::input::{
    count, guard_once, headroom, optional_number, refuse, room_for_numbers, Fields, JsResult,
};
use super::object::{record, records, Object};
use crate::article::{
    self, Analysis, ArticleConfig, Regime, StepRecord, MAX_ABS_VALUE, MAX_DECIMALS, MAX_DESCENT_LR,
    MAX_STEPS,
};
use crate::error::show;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/**
 * The article's problem: input x, target y, starting weight w (w₀) and learning rate lr. The accepted ranges are
 * `limits().descent`'s: |x|, |y|, |w| ≤ `maxAbsValue`, 0 < lr ≤ `maxLr`.
 */
export interface DescentConfig {
  /** The input x. */
  x: number;
  /** The target y. */
  y: number;
  /** The starting weight w₀. */
  w: number;
  /** The learning rate. */
  lr: number;
}

/** Every quantity of one descent step, in the order the article derives them. */
export interface StepRecord {
  /** The weight before the step. */
  w: number;
  /** Forward: ŷ = x·w. */
  yHat: number;
  /** ŷ − y. */
  error: number;
  /** J = (ŷ − y)². */
  loss: number;
  /** dJ/dŷ = 2(ŷ − y). */
  dJdYHat: number;
  /** dŷ/dw = x. */
  dYHatdW: number;
  /** dJ/dw = dJ/dŷ · dŷ/dw. */
  dJdW: number;
  /** The weight after the step: w − lr·dJ/dw. */
  wNext: number;
}

/** How the descent behaves for a learning rate. */
export type Regime = "monotone" | "oneStep" | "oscillating" | "oscillatingForever" | "diverging";

/** The closed-form facts of a problem. */
export interface Analysis {
  /** w* = y/x. */
  optimum: number;
  /** J″ = 2x². */
  curvature: number;
  /** dJ/dw = slope·w + intercept: slope = 2x² (the article's 4.5). */
  slope: number;
  /** dJ/dw = slope·w + intercept: intercept = −2xy (the article's −1.5). */
  intercept: number;
  /** 1 − lr·2x²: each step multiplies w − w* by it. */
  factor: number;
  regime: Regime;
  /** 1/(2x²): the learning rate that lands on w* in one step. */
  lrOneStep: number;
  /** 1/x²: from here on the descent no longer converges. */
  lrLimit: number;
  /** w₀ − w*. */
  initialDistance: number;
  /** The tolerance stepsToWithin is counted for. */
  tolerance: number;
  /** The first step after which |w − w*| ≤ tolerance; null when the descent never gets there. */
  stepsToWithin: number | null;
  /**
   * The step a run stops at because its result would leave the finite numbers; null when none does within
   * `limits().descent.maxCountedSteps` steps.
   */
  overflowStep: number | null;
}

/** A descent's closed-form facts and its steps to the article's digits, from one call (`Descent.facts`). */
export interface DescentFacts {
  /** As `analyze` gives them, with the default tolerance. */
  analysis: Analysis;
  /** As `stepsToDigits` gives it. */
  stepsToDigits: number | null;
}
"#;

/// The fields of a `DescentConfig`.
const CONFIG_FIELDS: [&str; 4] = ["x", "y", "w", "lr"];

/// Default tolerance of `analyze`: half a unit in the sixth decimal, the article's precision.
pub(crate) const DEFAULT_TOLERANCE: f64 = 5e-7;

/// The fields of a `StepRecord`, in order.
const STEP_KEYS: &str = "w,yHat,error,loss,dJdYHat,dYHatdW,dJdW,wNext";

/// A record's numbers in the order of [`STEP_KEYS`].
fn step_values(r: &StepRecord) -> [f64; 8] {
    [
        r.w,
        r.y_hat,
        r.error,
        r.loss,
        r.d_j_d_y_hat,
        r.d_y_hat_d_w,
        r.d_j_d_w,
        r.w_next,
    ]
}

/// A `StepRecord` object.
fn step_record(r: &StepRecord) -> JsValue {
    record(STEP_KEYS, &step_values(r))
}

/// A `StepRecord[]` array (its numbers gathered in a buffer, once memory has room for it).
fn step_records(rs: &[StepRecord]) -> JsResult<JsValue> {
    room_for_numbers("steps", 8 * rs.len())?;
    let values: Vec<f64> = rs.iter().flat_map(step_values).collect();
    Ok(records(STEP_KEYS, &values))
}

/// A `DescentConfig` object.
pub(crate) fn config_object(c: &ArticleConfig) -> JsValue {
    record("x,y,w,lr", &[c.x, c.y, c.w, c.lr])
}

/// A regime's name as JavaScript reads it.
fn regime_name(regime: Regime) -> &'static str {
    match regime {
        Regime::Monotone => "monotone",
        Regime::OneStep => "oneStep",
        Regime::Oscillating => "oscillating",
        Regime::OscillatingForever => "oscillatingForever",
        Regime::Diverging => "diverging",
    }
}

/// An `Analysis` object.
fn analysis_object(a: &Analysis) -> JsValue {
    Object::new()
        .number("optimum", a.optimum)
        .number("curvature", a.curvature)
        .number("slope", a.slope)
        .number("intercept", a.intercept)
        .number("factor", a.factor)
        .string("regime", regime_name(a.regime))
        .number("lrOneStep", a.lr_one_step)
        .number("lrLimit", a.lr_limit)
        .number("initialDistance", a.initial_distance)
        .number("tolerance", a.tolerance)
        .number_or_null("stepsToWithin", a.steps_to_within.map(|n| n as f64))
        .number_or_null("overflowStep", a.overflow_step.map(|n| n as f64))
        .build()
}

/// What x, y and w accept, written out only to refuse a missing one.
fn value_range() -> String {
    format!(
        "a finite number in [{}, {}]",
        show(-MAX_ABS_VALUE),
        show(MAX_ABS_VALUE)
    )
}

/// What lr accepts, written out only to refuse a missing one.
fn lr_range() -> String {
    format!("a finite number in (0, {}]", show(MAX_DESCENT_LR))
}

/// Reads and validates a `DescentConfig` object.
fn read_config(value: &JsValue) -> JsResult<ArticleConfig> {
    let fields = Fields::new(value, "config", &CONFIG_FIELDS)?;
    let config = ArticleConfig {
        x: fields.required_number("x", value_range)?,
        y: fields.required_number("y", value_range)?,
        w: fields.required_number("w", value_range)?,
        lr: fields.required_number("lr", lr_range)?,
    };
    config.validate().map_err(refuse)?;
    Ok(config)
}

/// One descent step from `config.w`: every factor of the chain rule.
#[wasm_bindgen(unchecked_return_type = "StepRecord")]
pub fn step(
    #[wasm_bindgen(unchecked_param_type = "DescentConfig")] config: &JsValue,
) -> JsResult<JsValue> {
    let config = read_config(config)?;
    Ok(step_record(&article::step(&config).map_err(refuse)?))
}

/// `steps` descent steps from `config.w` (a whole number up to `limits().descent.maxSteps`), in order. If a step
/// diverges, the error names it (`step`) and explains why.
#[wasm_bindgen(unchecked_return_type = "StepRecord[]")]
pub fn train(
    #[wasm_bindgen(unchecked_param_type = "DescentConfig")] config: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] steps: &JsValue,
) -> JsResult<JsValue> {
    let config = read_config(config)?;
    let steps = count(steps, "steps", 0, MAX_STEPS)?;
    step_records(&article::train(&config, steps).map_err(refuse)?)
}

/// The closed-form facts of `config` (x² ≠ 0), counting the steps to get within `tolerance` (default
/// `limits().descent.defaultTolerance`) of the optimum.
#[wasm_bindgen(unchecked_return_type = "Analysis")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "DescentConfig")] config: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] tolerance: &JsValue,
) -> JsResult<JsValue> {
    let config = read_config(config)?;
    analysis(&config, tolerance)
}

fn analysis(config: &ArticleConfig, tolerance: &JsValue) -> JsResult<JsValue> {
    let tolerance = optional_number(tolerance, "tolerance")?.unwrap_or(DEFAULT_TOLERANCE);
    Ok(analysis_object(
        &article::analyze(config, tolerance).map_err(refuse)?,
    ))
}

/// The first step after which w, rounded to `decimals` places, reads as the optimum y/x does; `null` if none
/// within `limits().descent.maxCountedSteps` steps does. For the article and 6 decimals, the step its last row
/// (0.333333) stands for.
#[wasm_bindgen(js_name = stepsToDigits, unchecked_return_type = "number | null")]
pub fn steps_to_digits(
    #[wasm_bindgen(unchecked_param_type = "DescentConfig")] config: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] decimals: &JsValue,
) -> JsResult<JsValue> {
    let config = read_config(config)?;
    let decimals = count(decimals, "decimals", 0, MAX_DECIMALS)?;
    let steps = article::steps_to_digits(&config, decimals).map_err(refuse)?;
    Ok(steps.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64)))
}

/// Whether the `Descent` class is guarded against use after `free()`.
static GUARDED: AtomicBool = AtomicBool::new(false);

/// A descent in progress, for animation: it keeps the current weight and every step taken.
///
/// Every method either succeeds or throws and leaves the descent exactly as it was; on a freed descent every
/// method throws an `Error` of kind `"freed"`, and when memory is full one of kind `"outOfMemory"`.
#[wasm_bindgen]
pub struct Descent {
    inner: article::Descent,
}

impl Descent {
    /// The descent in the core, for Rust-side tests.
    pub fn core(&self) -> &article::Descent {
        &self.inner
    }
}

#[wasm_bindgen]
impl Descent {
    /// A descent at `config.w` with no steps taken.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "DescentConfig")] config: &JsValue,
    ) -> JsResult<Descent> {
        guard_once(&GUARDED, "Descent", || {
            match article::Descent::new(ArticleConfig::ARTICLE) {
                Ok(inner) => JsValue::from(Descent { inner }),
                Err(_) => JsValue::UNDEFINED,
            }
        });
        headroom()?;
        let config = read_config(config)?;
        Ok(Descent {
            inner: article::Descent::new(config).map_err(refuse)?,
        })
    }

    /// Takes one step and returns its record; on divergence throws (kind "diverged", with `step`) and stays
    /// where it is.
    #[wasm_bindgen(unchecked_return_type = "StepRecord")]
    pub fn step(&mut self) -> JsResult<JsValue> {
        Ok(step_record(&self.inner.step().map_err(refuse)?))
    }

    /// Takes `n` steps (a whole number up to `limits().descent.maxSteps`, and at most `maxHistory` in all until
    /// `reset()`), all or none, and returns their records.
    #[wasm_bindgen(unchecked_return_type = "StepRecord[]")]
    pub fn train(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    ) -> JsResult<JsValue> {
        let n = count(n, "steps", 0, MAX_STEPS)?;
        step_records(&self.inner.train(n).map_err(refuse)?)
    }

    /// Goes back to w₀ and forgets every step.
    pub fn reset(&mut self) {
        self.inner.reset();
    }

    /// Every step taken so far, in order.
    #[wasm_bindgen(unchecked_return_type = "StepRecord[]")]
    pub fn history(&self) -> JsResult<JsValue> {
        step_records(self.inner.history())
    }

    /// The weights w₀, w₁, …, wₙ visited so far, in one array.
    pub fn trail(&self) -> JsResult<Float64Array> {
        let history = self.inner.history();
        room_for_numbers("steps", history.len() + 1)?;
        let trail: Vec<f64> = std::iter::once(self.inner.config().w)
            .chain(history.iter().map(|r| r.w_next))
            .collect();
        Ok(Float64Array::from(&trail[..]))
    }

    /// The loss J of each step taken (measured before its update), in one array.
    pub fn losses(&self) -> JsResult<Float64Array> {
        room_for_numbers("steps", self.inner.steps())?;
        let losses: Vec<f64> = self.inner.history().iter().map(|r| r.loss).collect();
        Ok(Float64Array::from(&losses[..]))
    }

    /// The closed-form facts of this descent's problem (see `analyze`).
    #[wasm_bindgen(unchecked_return_type = "Analysis")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number | undefined")] tolerance: &JsValue,
    ) -> JsResult<JsValue> {
        analysis(&self.inner.config(), tolerance)
    }

    /// The closed-form facts of this descent's problem (as `analyze` with the default tolerance) and the first
    /// step after which w, rounded to `decimals` places, reads as the optimum (as `stepsToDigits`): one call for
    /// what a figure shows of a configuration, which the constructor has already checked.
    #[wasm_bindgen(unchecked_return_type = "DescentFacts")]
    pub fn facts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] decimals: &JsValue,
    ) -> JsResult<JsValue> {
        let decimals = count(decimals, "decimals", 0, MAX_DECIMALS)?;
        let config = self.inner.config();
        let analysis = article::analyze(&config, DEFAULT_TOLERANCE).map_err(refuse)?;
        let steps = article::steps_to_digits(&config, decimals).map_err(refuse)?;
        Ok(Object::new()
            .value("analysis", &analysis_object(&analysis))
            .number_or_null("stepsToDigits", steps.map(|n| n as f64))
            .build())
    }

    /// The configuration the descent started from.
    #[wasm_bindgen(getter, unchecked_return_type = "DescentConfig")]
    pub fn config(&self) -> JsResult<JsValue> {
        Ok(config_object(&self.inner.config()))
    }

    /// The current weight.
    #[wasm_bindgen(getter)]
    pub fn w(&self) -> f64 {
        self.inner.w()
    }

    /// How many steps have been taken.
    #[wasm_bindgen(getter)]
    pub fn steps(&self) -> u32 {
        self.inner.steps() as u32
    }

    /// The loss J = (x·w − y)² at the current weight.
    #[wasm_bindgen(getter)]
    pub fn loss(&self) -> f64 {
        let c = self.inner.config();
        article::raw_step(c.x, c.y, self.inner.w(), c.lr).loss
    }
}
