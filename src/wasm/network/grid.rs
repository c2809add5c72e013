//! The grid family: the network's output, or every non-input neuron's output, at every point of an nx × ny
//! grid, returned in a new `Float64Array` or written into one the caller keeps between frames. All four exports
//! read their arguments, check the work and fill the grid through [`Network::grid_call`].
//!
//! The grid is computed into a buffer allocated for the call (once memory has room for it: a full memory refuses
//! the call as `outOfMemory`) and freed when it returns, so that no handle keeps a grid between calls (a page with many
//! networks holds one grid's memory at a time, not one per network). Frame after frame of the same size, the
//! allocator hands the same block back from its free list, so a frame costs no memory growth.

use js_sys::Float64Array;
use wasm_bindgen::prelude::*;

use super::Network;
use crate::error::check_work;
use crate::network::{grid, Grid, MAX_GRID_SIDE};
use crate::wasm::input::{check_out, count, number, refuse, room_for_numbers, write_out, JsResult};

/// What a grid call returns: every output, or every non-input neuron's output, at each point.
#[derive(Clone, Copy, PartialEq)]
enum Values {
    Outputs,
    Neurons,
}

impl Network {
    /// Reads the grid's arguments (numbers as JavaScript numbers only, sides whole numbers from 1 to 1000),
    /// checks its size and work, fills a buffer, and writes it into `out` when given, or into a new
    /// `Float64Array`.
    #[allow(clippy::too_many_arguments)]
    fn grid_call(
        &mut self,
        out: Option<&JsValue>,
        values: Values,
        x_min: &JsValue,
        x_max: &JsValue,
        y_min: &JsValue,
        y_max: &JsValue,
        nx: &JsValue,
        ny: &JsValue,
    ) -> JsResult<Option<Float64Array>> {
        let (x_min, x_max) = (number(x_min, "xMin")?, number(x_max, "xMax")?);
        let (y_min, y_max) = (number(y_min, "yMin")?, number(y_max, "yMax")?);
        let nx = count(nx, "nx", 1, MAX_GRID_SIDE)?;
        let ny = count(ny, "ny", 1, MAX_GRID_SIDE)?;
        let grid = Grid::new(x_min, x_max, y_min, y_max, nx as f64, ny as f64).map_err(refuse)?;
        self.inner.check_grid_inputs().map_err(refuse)?;
        let len = match values {
            Values::Outputs => self.inner.grid_len(&grid),
            Values::Neurons => self.inner.neuron_grid_len(&grid),
        };
        grid::check_grid_values(len).map_err(refuse)?;
        let parameters = self.inner.parameter_count();
        check_work("nx·ny", nx * ny, parameters as u64, "grid points", || {
            format!("{parameters} parameters")
        })
        .map_err(refuse)?;
        if let Some(out) = out {
            check_out(out, len)?;
        }
        room_for_numbers("ny", len)?;
        let mut buffer = vec![0.0; len];
        match values {
            Values::Outputs => self.inner.predict_grid(&grid, &mut buffer),
            Values::Neurons => self.inner.neuron_grid(&grid, &mut buffer),
        }
        .map_err(refuse)?;
        match out {
            Some(out) => write_out(out, &buffer).map(|()| None),
            None => Ok(Some(Float64Array::from(&buffer[..]))),
        }
    }
}

#[wasm_bindgen]
impl Network {
    /// The output at every point of an nx × ny grid (sides 1 to 1000) over [xMin, xMax] × [yMin, yMax], row by
    /// row from the top (y = yMax) as an image is stored, one number per output per point (at most 4,000,000
    /// numbers, and at most the work of one call). Needs 2 inputs.
    #[wasm_bindgen(js_name = predictGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_grid(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] xMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] nx: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ny: &JsValue,
    ) -> JsResult<Float64Array> {
        let grid = self.grid_call(None, Values::Outputs, xMin, xMax, yMin, yMax, nx, ny)?;
        Ok(grid.unwrap_or_else(|| Float64Array::new_with_length(0)))
    }

    /// As `predictGrid`, into `out` (a Float64Array of exactly the grid's length), without allocating per frame.
    #[wasm_bindgen(js_name = predictGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_grid_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] nx: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ny: &JsValue,
    ) -> JsResult<()> {
        self.grid_call(Some(out), Values::Outputs, xMin, xMax, yMin, yMax, nx, ny)
            .map(drop)
    }

    /// Every non-input neuron's output over the grid of `predictGrid`, for a small heatmap per neuron: neuron by
    /// neuron (hidden layers first, the outputs last), each nx·ny numbers row by row; at most 4,000,000 numbers.
    #[wasm_bindgen(js_name = predictNeuronGrid)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    pub fn predict_neuron_grid(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] xMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] nx: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ny: &JsValue,
    ) -> JsResult<Float64Array> {
        let grid = self.grid_call(None, Values::Neurons, xMin, xMax, yMin, yMax, nx, ny)?;
        Ok(grid.unwrap_or_else(|| Float64Array::new_with_length(0)))
    }

    /// As `predictNeuronGrid`, into `out` (a Float64Array of exactly its length).
    #[wasm_bindgen(js_name = predictNeuronGridInto)]
    #[allow(non_snake_case)] // the parameter names are the TypeScript declaration's
    #[allow(clippy::too_many_arguments)]
    pub fn predict_neuron_grid_into(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] out: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] xMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMin: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] yMax: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] nx: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] ny: &JsValue,
    ) -> JsResult<()> {
        self.grid_call(Some(out), Values::Neurons, xMin, xMax, yMin, yMax, nx, ny)
            .map(drop)
    }
}
