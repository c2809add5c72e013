//! The neuron's loss surface: `neuronLossSurfaceInto(out, spec)` fills a caller's `Float64Array` with
//! J(w, b) = (σ(w·x + b) − y)² over a grid of (w, b), in one call (see [`crate::surface`]). Only the full build
//! has it: the neuron figure that draws the map loads that build.
#![cfg(feature = "network")]

use wasm_bindgen::prelude::*;

use super::input::{check_out, refuse, room_for_numbers, write_out, Fields, JsResult};
use crate::error::check_count;
use crate::surface::{neuron_loss_surface, SurfaceGrid, MAX_SURFACE_SIDE, MIN_SURFACE_SIDE};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One sigmoid neuron's problem and the (w, b) rectangle to sample: columns values of w, rows values of b. */
export interface SurfaceSpec {
  /** The input x, in [-1000, 1000]. */
  x: number;
  /** The target y, in [-1000, 1000]. */
  y: number;
  /** The first and last weight, wMin < wMax, in [-1000, 1000]. */
  wMin: number;
  wMax: number;
  /** The first and last bias, bMin < bMax, in [-1000, 1000]. */
  bMin: number;
  bMax: number;
  /** Samples along w and along b: whole numbers from 2 to 256. */
  columns: number;
  rows: number;
}
"#;

const SPEC_FIELDS: &[&str] = &["x", "y", "wMin", "wMax", "bMin", "bMax", "columns", "rows"];

/// Fills `out` (a `Float64Array` of exactly columns · rows numbers) with J(w, b) row by row:
/// `out[row·columns + col]` is J at w = wMin + col·(wMax − wMin)/(columns − 1), b = bMin + row·(bMax − bMin)/(rows − 1).
/// Refused input leaves `out` unchanged.
#[wasm_bindgen(js_name = neuronLossSurfaceInto)]
pub fn neuron_loss_surface_into(
    #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "SurfaceSpec")] spec: &JsValue,
) -> JsResult<()> {
    let fields = Fields::new(spec, "spec", SPEC_FIELDS)?;
    let number =
        |key: &str| fields.required_number(key, || "a finite number in [-1000, 1000]".to_string());
    let count = |key: &str| -> JsResult<usize> {
        let v = fields.required_number(key, || {
            format!("a whole number from {MIN_SURFACE_SIDE} to {MAX_SURFACE_SIDE}")
        })?;
        check_count(
            &format!("spec.{key}"),
            v,
            MIN_SURFACE_SIDE,
            MAX_SURFACE_SIDE,
        )
        .map_err(refuse)
    };
    let (x, y) = (number("x")?, number("y")?);
    let grid = SurfaceGrid {
        w_min: number("wMin")?,
        w_max: number("wMax")?,
        b_min: number("bMin")?,
        b_max: number("bMax")?,
        columns: count("columns")?,
        rows: count("rows")?,
    };
    grid.check().map_err(refuse)?;
    // A buffer of another length (its real length, read once) is refused before anything is computed.
    check_out(out, grid.len())?;
    room_for_numbers("spec.rows", grid.len())?;
    let mut values = vec![0.0; grid.len()];
    neuron_loss_surface(x, y, &grid, &mut values).map_err(refuse)?;
    write_out(out, &values)
}
