//! The loss surface of one sigmoid neuron on one point, sampled over a grid of its two parameters:
//! J(w, b) = (σ(w·x + b) − y)², the surface the neuron figure draws as a contour map with the descent on it.
//!
//! The whole grid is computed in one call into a buffer the caller owns, so a page draws a map without one call
//! per point and without an allocation here.

use crate::error::{check_count, check_range, LabError, Result};
use crate::tape::sigmoid;

/// Fewest samples along either axis.
pub const MIN_SURFACE_SIDE: usize = 2;
/// Most samples along either axis.
pub const MAX_SURFACE_SIDE: usize = 256;
/// Largest size accepted for x, y and the ends of the ranges of w and b.
pub const SURFACE_LIMIT: f64 = 1000.0;

/// A rectangle of the (w, b) plane sampled on a grid: `columns` values of w from `w_min` to `w_max`, `rows`
/// values of b from `b_min` to `b_max`, both ends included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceGrid {
    /// The first column's weight.
    pub w_min: f64,
    /// The last column's weight.
    pub w_max: f64,
    /// The first row's bias.
    pub b_min: f64,
    /// The last row's bias.
    pub b_max: f64,
    /// Samples along w.
    pub columns: usize,
    /// Samples along b.
    pub rows: usize,
}

impl SurfaceGrid {
    /// The weight of column `col`: w = w_min + col·(w_max − w_min)/(columns − 1).
    pub fn w_at(&self, col: usize) -> f64 {
        self.w_min + (self.w_max - self.w_min) * col as f64 / (self.columns - 1) as f64
    }

    /// The bias of row `row`: b = b_min + row·(b_max − b_min)/(rows − 1).
    pub fn b_at(&self, row: usize) -> f64 {
        self.b_min + (self.b_max - self.b_min) * row as f64 / (self.rows - 1) as f64
    }

    /// The number of samples, columns · rows.
    pub fn len(&self) -> usize {
        self.columns * self.rows
    }

    /// True for a grid of no samples (never, once checked).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Accepts the grid when both ranges are finite, within ±[`SURFACE_LIMIT`], increasing, and each side has
    /// [`MIN_SURFACE_SIDE`] to [`MAX_SURFACE_SIDE`] samples.
    pub fn check(&self) -> Result<()> {
        for (field, v) in [
            ("grid.wMin", self.w_min),
            ("grid.wMax", self.w_max),
            ("grid.bMin", self.b_min),
            ("grid.bMax", self.b_max),
        ] {
            check_range(field, v, -SURFACE_LIMIT, SURFACE_LIMIT)?;
        }
        if self.w_max <= self.w_min {
            return Err(LabError::invalid(
                "grid.wMax",
                "greater than grid.wMin",
                crate::error::show(self.w_max),
            ));
        }
        if self.b_max <= self.b_min {
            return Err(LabError::invalid(
                "grid.bMax",
                "greater than grid.bMin",
                crate::error::show(self.b_max),
            ));
        }
        check_count(
            "grid.columns",
            self.columns as f64,
            MIN_SURFACE_SIDE,
            MAX_SURFACE_SIDE,
        )?;
        check_count(
            "grid.rows",
            self.rows as f64,
            MIN_SURFACE_SIDE,
            MAX_SURFACE_SIDE,
        )?;
        Ok(())
    }
}

/// J at one (w, b): z = w·x + b, ŷ = σ(z), J = (ŷ − y)², computed as the neuron network's forward pass does.
pub fn neuron_loss(x: f64, y: f64, w: f64, b: f64) -> f64 {
    let z = w * x + b; // z = w·x + b
    let y_hat = sigmoid(z); // ŷ = σ(z) = 1/(1 + e⁻ᶻ)
    let e = y_hat - y; // ŷ − y
    e * e // J = (ŷ − y)²
}

/// Fills `out` with J(w, b) over `grid`, row by row: `out[row·columns + col] = J(grid.w_at(col), grid.b_at(row))`.
/// Refuses (and leaves `out` untouched) a non-finite or out-of-range x or y, a bad grid, or a buffer whose length
/// is not columns · rows.
pub fn neuron_loss_surface(x: f64, y: f64, grid: &SurfaceGrid, out: &mut [f64]) -> Result<()> {
    check_range("x", x, -SURFACE_LIMIT, SURFACE_LIMIT)?;
    check_range("y", y, -SURFACE_LIMIT, SURFACE_LIMIT)?;
    grid.check()?;
    if out.len() != grid.len() {
        return Err(LabError::invalid(
            "out",
            format!("a buffer of columns · rows = {} numbers", grid.len()),
            format!("{} numbers", out.len()),
        ));
    }
    for row in 0..grid.rows {
        let b = grid.b_at(row);
        let line = &mut out[row * grid.columns..(row + 1) * grid.columns];
        for (col, cell) in line.iter_mut().enumerate() {
            *cell = neuron_loss(x, y, grid.w_at(col), b);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRID: SurfaceGrid = SurfaceGrid {
        w_min: -2.0,
        w_max: 3.0,
        b_min: -4.0,
        b_max: 1.0,
        columns: 6,
        rows: 11,
    };

    #[test]
    fn every_sample_is_the_closed_form_at_its_grid_point() {
        let mut out = vec![0.0; GRID.len()];
        neuron_loss_surface(1.5, 0.5, &GRID, &mut out).unwrap();
        for row in 0..GRID.rows {
            for col in 0..GRID.columns {
                let (w, b) = (-2.0 + col as f64, -4.0 + 0.5 * row as f64);
                let expected = (1.0 / (1.0 + (-(1.5 * w + b)).exp()) - 0.5).powi(2);
                assert!((out[row * 6 + col] - expected).abs() < 1e-15, "J({w}, {b})");
            }
        }
    }

    #[test]
    fn the_valley_is_the_line_where_w_x_plus_b_is_zero_for_y_one_half() {
        // σ(z) = 0.5 exactly at z = 0: J = 0 all along b = −1.5·w.
        for w in [-2.0, -0.5, 0.0, 1.0, 2.5] {
            assert_eq!(neuron_loss(1.5, 0.5, w, -1.5 * w), 0.0);
        }
    }

    #[test]
    fn bad_input_is_refused_and_the_buffer_is_left_alone() {
        let mut out = vec![7.0; GRID.len()];
        assert!(neuron_loss_surface(f64::NAN, 0.5, &GRID, &mut out).is_err());
        let e = neuron_loss_surface(1.5, 0.5, &GRID, &mut out[..5]).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("out must be a buffer of columns · rows = 66 numbers"),
            "{e}"
        );
        let flat = SurfaceGrid {
            w_max: -2.0,
            ..GRID
        };
        assert!(neuron_loss_surface(1.5, 0.5, &flat, &mut out)
            .unwrap_err()
            .to_string()
            .starts_with("grid.wMax must be greater"));
        let huge = SurfaceGrid {
            columns: 10_000,
            ..GRID
        };
        assert!(neuron_loss_surface(1.5, 0.5, &huge, &mut out).is_err());
        assert!(out.iter().all(|&v| v == 7.0));
    }
}
