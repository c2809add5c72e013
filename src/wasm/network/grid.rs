//! The grid family: the network's output, or every non-input neuron's output, at every point of an nx × ny
//! grid, returned in a new `Float64Array` or written into one the caller keeps between frames.

use wasm_bindgen::prelude::*;

use super::Network;
use crate::network::{grid, Grid};
use crate::wasm::input::lab_error;

impl Network {
    /// How many numbers the grid gives (the outputs, or with `per_neuron` every non-input neuron's output),
    /// checked against the limits.
    fn grid_len(&self, grid: &Grid, per_neuron: bool) -> Result<usize, JsError> {
        self.inner.check_grid_inputs().map_err(lab_error)?;
        let len = if per_neuron {
            self.inner.neuron_grid_len(grid)
        } else {
            self.inner.grid_len(grid)
        };
        grid::check_grid_values(len).map_err(lab_error)?;
        Ok(len)
    }

    /// Fills the scratch buffer with the grid's `len` values (from `grid_len`) and returns them.
    fn fill_grid(&mut self, grid: &Grid, len: usize, per_neuron: bool) -> Result<&[f64], JsError> {
        self.grid.resize(len, 0.0);
        if per_neuron {
            self.inner.neuron_grid(grid, &mut self.grid)
        } else {
            self.inner.predict_grid(grid, &mut self.grid)
        }
        .map_err(lab_error)?;
        Ok(&self.grid)
    }

    /// The grid's values in a new array.
    fn grid_values(&mut self, grid: &Grid, per_neuron: bool) -> Result<Vec<f64>, JsError> {
        let len = self.grid_len(grid, per_neuron)?;
        Ok(self.fill_grid(grid, len, per_neuron)?.to_vec())
    }

    /// The grid's values into `out`, which must have exactly their number.
    fn grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        grid: &Grid,
        per_neuron: bool,
    ) -> Result<(), JsError> {
        let len = self.grid_len(grid, per_neuron)?;
        if out.length() as usize != len {
            return Err(JsError::new(&format!(
                "out must be a Float64Array of {len} numbers (got {})",
                out.length()
            )));
        }
        out.copy_from(self.fill_grid(grid, len, per_neuron)?);
        Ok(())
    }
}

#[wasm_bindgen]
impl Network {
    /// The output at every point of an nx × ny grid (sides 1 to 1000) over [xMin, xMax] × [yMin, yMax], row by
    /// row from the top (y = yMax) as an image is stored, one number per output per point (at most 4,000,000
    /// numbers). Needs 2 inputs.
    #[wasm_bindgen(js_name = predictGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_grid(
        &mut self,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<Vec<f64>, JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_values(&grid, false)
    }

    /// As `predictGrid`, into `out` (which must have exactly the grid's length), without allocating per frame.
    #[wasm_bindgen(js_name = predictGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<(), JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_into(out, &grid, false)
    }

    /// Every non-input neuron's output over the grid of `predictGrid`, for a small heatmap per neuron: neuron by
    /// neuron (hidden layers first, the outputs last), each nx·ny numbers row by row; at most 4,000,000 numbers.
    #[wasm_bindgen(js_name = predictNeuronGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_neuron_grid(
        &mut self,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<Vec<f64>, JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_values(&grid, true)
    }

    /// As `predictNeuronGrid`, into `out` (which must have exactly its length).
    #[wasm_bindgen(js_name = predictNeuronGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_neuron_grid_into(
        &mut self,
        out: &js_sys::Float64Array,
        xMin: f64,
        xMax: f64,
        yMin: f64,
        yMax: f64,
        nx: f64,
        ny: f64,
    ) -> Result<(), JsError> {
        let grid = Grid::new(xMin, xMax, yMin, yMax, nx, ny).map_err(lab_error)?;
        self.grid_into(out, &grid, true)
    }
}
