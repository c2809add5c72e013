//! One source for the limits and defaults: `limits()` gives them to the pages, which build their URL and
//! attribute tables from it (a Node test ties every table to it).

use wasm_bindgen::prelude::*;

use super::article::{config_object, DEFAULT_TOLERANCE};
use super::input::JsResult;
use super::object::Object;
use crate::article::{self, ArticleConfig};
use crate::error::MAX_WORK_PER_CALL;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** The article's limits and defaults (their values are this object's: no declaration restates them). */
export interface DescentLimits {
  /** Largest accepted |x|, |y| and |w₀|. */
  maxAbsValue: number;
  /** Largest learning rate of the descent. */
  maxLr: number;
  /** Most steps one call of `train` may take. */
  maxSteps: number;
  /** Most steps a Descent keeps before it must be reset. */
  maxHistory: number;
  /** Most steps `analyze` and `stepsToDigits` count. */
  maxCountedSteps: number;
  /** Most decimals `stepsToDigits` accepts. */
  maxDecimals: number;
  /** The tolerances `analyze` accepts, and its default. */
  minTolerance: number;
  maxTolerance: number;
  defaultTolerance: number;
  /** The article's problem. */
  defaults: DescentConfig;
}

/** Every limit and default a call is checked against; `network` only in the full package. */
export interface Limits {
  descent: DescentLimits;
  /** The most parameter-point passes (one point through one parameter, forward and backward) in one call. */
  maxWorkPerCall: number;
  network?: NetworkLimits;
}
"#;

/// Without the `network` feature `Limits.network` is always absent; its type must still be declared.
#[cfg(not(feature = "network"))]
#[wasm_bindgen(typescript_custom_section)]
const NO_NETWORK: &'static str = r#"
/** Only the full package (with `Network`) has network limits; in this build `limits().network` is absent. */
export type NetworkLimits = never;
"#;

/// Every limit and default a call is checked against: `descent` (the article's), `maxWorkPerCall`, and in the
/// full package `network`.
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> JsResult<JsValue> {
    let descent = Object::new()
        .number("maxAbsValue", article::MAX_ABS_VALUE)
        .number("maxLr", article::MAX_DESCENT_LR)
        .count("maxSteps", article::MAX_STEPS)
        .count("maxHistory", article::MAX_HISTORY)
        .count("maxCountedSteps", article::MAX_COUNTED_STEPS)
        .count("maxDecimals", article::MAX_DECIMALS)
        .number("minTolerance", article::TOLERANCE_RANGE.0)
        .number("maxTolerance", article::TOLERANCE_RANGE.1)
        .number("defaultTolerance", DEFAULT_TOLERANCE)
        .value("defaults", &config_object(&ArticleConfig::ARTICLE))
        .build();
    let limits = Object::new()
        .value("descent", &descent)
        .number("maxWorkPerCall", MAX_WORK_PER_CALL as f64);
    #[cfg(feature = "network")]
    let limits = limits.value("network", &super::network::network_limits());
    Ok(limits.build())
}

/// The address of a local of this call's frame: a fixed distance below the wasm stack pointer at the call, so two
/// readings show whether any call since has left wasm stack behind (the boundary fuzzer checks it is unchanged).
#[doc(hidden)]
#[wasm_bindgen(js_name = __stackProbe)]
pub fn stack_probe() -> u32 {
    let local = 0u8;
    std::hint::black_box(&local) as *const u8 as usize as u32
}
