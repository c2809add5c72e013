//! Reading a `DataSpec` object: which built-in dataset to draw, how many points, and how to split them.

use wasm_bindgen::prelude::*;

use super::config::read_seed;
use crate::data::{DataSpec, DatasetKind, MAX_NOISE, MAX_POINTS};
use crate::error::{check_count, check_range};
use crate::wasm::input::{invalid, refuse, Fields, JsResult};

/// The fields of a `DataSpec`.
const SPEC_FIELDS: &[&str] = &["dataset", "points", "noise", "seed", "trainFraction"];

/// Points drawn unless `points` says otherwise.
pub(crate) const DEFAULT_POINTS: f64 = 500.0;
/// The share of training points unless `trainFraction` says otherwise.
pub(crate) const DEFAULT_TRAIN_FRACTION: f64 = 0.5;

/// Reads a `DataSpec` object.
pub(super) fn read_spec(value: &JsValue) -> JsResult<DataSpec> {
    let fields = Fields::new(value, "data", SPEC_FIELDS)?;
    let kind = fields
        .name("dataset", DatasetKind::from_name)?
        .ok_or_else(|| {
            let names: Vec<String> = DatasetKind::ALL
                .iter()
                .map(|k| crate::error::quote(k.name()))
                .collect();
            invalid(
                "data.dataset",
                &format!(
                    "data.dataset is missing: give one of {}",
                    crate::error::list(names.iter().map(String::as_str))
                ),
            )
        })?;
    let points = fields.number("points")?.unwrap_or(DEFAULT_POINTS);
    let points = check_count("data.points", points, 1, MAX_POINTS).map_err(refuse)?;
    let noise = check_range(
        "data.noise",
        fields.number("noise")?.unwrap_or(0.0),
        0.0,
        MAX_NOISE,
    )
    .map_err(refuse)?;
    let train_fraction = fields
        .number("trainFraction")?
        .unwrap_or(DEFAULT_TRAIN_FRACTION);
    if !(train_fraction.is_finite() && train_fraction > 0.0 && train_fraction <= 1.0) {
        return Err(invalid(
            "data.trainFraction",
            &format!(
                "data.trainFraction must be a finite number in (0, 1] (got {})",
                crate::error::show(train_fraction)
            ),
        ));
    }
    Ok(DataSpec {
        kind,
        points,
        noise,
        seed: read_seed(&fields, "data.seed")?,
        train_fraction,
    })
}
