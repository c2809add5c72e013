//! Predictions over a rectangular grid of 2-D inputs, for heatmaps: the network's output, or every neuron's.

use super::{Feature, Network, MAX_GRID_SIDE, MAX_GRID_VALUES};
use crate::error::{check_count, show, LabError, Result};

/// A grid of nx × ny points over [x_min, x_max] × [y_min, y_max], stored row by row as an image is: row r
/// (from the top) has y_r = y_max − (y_max − y_min)·r/(ny − 1), column c has x_c = x_min + (x_max − x_min)·c/(nx − 1),
/// and point (r, c) is number r·nx + c. A side of 1 point samples x_min (or y_max).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// The left edge.
    pub x_min: f64,
    /// The right edge.
    pub x_max: f64,
    /// The bottom edge.
    pub y_min: f64,
    /// The top edge.
    pub y_max: f64,
    /// Points per row, 1 to [`MAX_GRID_SIDE`].
    pub nx: usize,
    /// Rows, 1 to [`MAX_GRID_SIDE`].
    pub ny: usize,
}

impl Grid {
    /// A checked grid: finite edges with x_min < x_max and y_min < y_max, and whole sides from 1 to
    /// [`MAX_GRID_SIDE`] (given as numbers, as JavaScript passes them).
    pub fn new(x_min: f64, x_max: f64, y_min: f64, y_max: f64, nx: f64, ny: f64) -> Result<Self> {
        for (field, v) in [
            ("xMin", x_min),
            ("xMax", x_max),
            ("yMin", y_min),
            ("yMax", y_max),
        ] {
            if !v.is_finite() {
                return Err(LabError::invalid(field, "a finite number", show(v)));
            }
        }
        if x_min >= x_max {
            return Err(LabError::invalid(
                "xMax",
                format!("greater than xMin = {}", show(x_min)),
                show(x_max),
            ));
        }
        if y_min >= y_max {
            return Err(LabError::invalid(
                "yMax",
                format!("greater than yMin = {}", show(y_min)),
                show(y_max),
            ));
        }
        let nx = check_count("nx", nx, 1, MAX_GRID_SIDE)?;
        let ny = check_count("ny", ny, 1, MAX_GRID_SIDE)?;
        Ok(Grid {
            x_min,
            x_max,
            y_min,
            y_max,
            nx,
            ny,
        })
    }

    /// The number of points, nx·ny.
    pub fn points(&self) -> usize {
        self.nx * self.ny
    }

    /// x of column c.
    #[inline]
    pub fn x(&self, c: usize) -> f64 {
        if self.nx == 1 {
            self.x_min
        } else {
            self.x_min + (self.x_max - self.x_min) * c as f64 / (self.nx - 1) as f64
        }
    }

    /// y of row r (row 0 is the top, y_max).
    #[inline]
    pub fn y(&self, r: usize) -> f64 {
        if self.ny == 1 {
            self.y_max
        } else {
            self.y_max - (self.y_max - self.y_min) * r as f64 / (self.ny - 1) as f64
        }
    }
}

impl Network {
    /// Refuses a grid prediction for a network that does not have exactly two inputs.
    pub fn check_grid_inputs(&self) -> Result<()> {
        if self.config.raw_inputs() != 2 {
            return Err(LabError::invalid(
                "config.layers[0]",
                "2 for a grid prediction (a grid is over two inputs), or config.features",
                self.config.inputs().to_string(),
            ));
        }
        Ok(())
    }

    /// The number of values [`Network::predict_grid`] writes: points × outputs.
    pub fn grid_len(&self, grid: &Grid) -> usize {
        grid.points() * self.config.outputs()
    }

    /// The number of values [`Network::neuron_grid`] writes: non-input neurons × points.
    pub fn neuron_grid_len(&self, grid: &Grid) -> usize {
        grid.points() * (self.dense.neurons() - self.config.inputs())
    }

    /// The network's outputs at every grid point into `out` (point by point, outputs of a point together), for a
    /// network with two inputs; `out` must hold exactly [`Network::grid_len`] numbers, at most [`MAX_GRID_VALUES`].
    pub fn predict_grid(&mut self, grid: &Grid, out: &mut [f64]) -> Result<()> {
        self.check_grid_inputs()?;
        let n_out = self.config.outputs();
        check_grid_values(self.grid_len(grid))?;
        check_len("out", out.len(), self.grid_len(grid))?;
        // two points per lane, along each row (the last point of an odd row alone)
        for (r, row) in out.chunks_exact_mut(grid.nx * n_out).enumerate() {
            let y = grid.y(r);
            let mut c = 0;
            for pair in row.chunks_exact_mut(2 * n_out) {
                self.forward_raw_pair((grid.x(c), y), (grid.x(c + 1), y));
                let outputs = &self.dense.pair_outputs()[self.dense.neurons() - n_out..];
                for (k, o) in outputs.iter().enumerate() {
                    pair[k] = o.lo();
                    pair[n_out + k] = o.hi();
                }
                c += 2;
            }
            if c < grid.nx {
                self.forward_raw(grid.x(c), y);
                row[c * n_out..].copy_from_slice(self.dense.outputs());
            }
        }
        Ok(())
    }

    /// Every non-input neuron's output at every grid point, for a small heatmap per neuron: neuron by neuron
    /// (hidden layers first, then the outputs), each an nx × ny image as in [`Grid`]. `out` must hold exactly
    /// [`Network::neuron_grid_len`] numbers, at most [`MAX_GRID_VALUES`].
    pub fn neuron_grid(&mut self, grid: &Grid, out: &mut [f64]) -> Result<()> {
        self.check_grid_inputs()?;
        let len = self.neuron_grid_len(grid);
        check_grid_values(len)?;
        check_len("out", out.len(), len)?;
        let (points, n_in) = (grid.points(), self.config.inputs());
        for r in 0..grid.ny {
            let y = grid.y(r);
            let row = r * grid.nx;
            let mut c = 0;
            while c + 1 < grid.nx {
                self.forward_raw_pair((grid.x(c), y), (grid.x(c + 1), y));
                let neurons = &self.dense.pair_outputs()[n_in..];
                for (image, o) in out.chunks_exact_mut(points).zip(neurons) {
                    image[row + c] = o.lo();
                    image[row + c + 1] = o.hi();
                }
                c += 2;
            }
            if c < grid.nx {
                self.forward_raw(grid.x(c), y);
                let neurons = &self.dense.neuron_outputs()[n_in..];
                for (image, &o) in out.chunks_exact_mut(points).zip(neurons) {
                    image[row + c] = o;
                }
            }
        }
        Ok(())
    }
}

impl Network {
    /// The forward pass of two raw 2-D points at once, one per lane (through the features when the network
    /// has them), as [`Network::forward_raw`] of each.
    #[inline]
    fn forward_raw_pair(&mut self, a: (f64, f64), b: (f64, f64)) {
        match &self.config.features {
            Some(f) if !f.is_raw() => {
                let n = f.len();
                let mut fa = [0.0; Feature::ALL.len()];
                let mut fb = [0.0; Feature::ALL.len()];
                f.compute(a.0, a.1, &mut fa[..n]);
                f.compute(b.0, b.1, &mut fb[..n]);
                self.dense.forward_pair(&fa[..n], &fb[..n]);
            }
            _ => self.dense.forward_pair(&[a.0, a.1], &[b.0, b.1]),
        }
    }
}

/// Refuses a grid prediction of more than [`MAX_GRID_VALUES`] numbers.
pub fn check_grid_values(len: usize) -> Result<()> {
    if len > MAX_GRID_VALUES {
        return Err(LabError::invalid(
            "nx·ny",
            format!(
                "small enough that the grid's values (points × outputs, or × neurons) are at most {MAX_GRID_VALUES}"
            ),
            format!("{len} values"),
        ));
    }
    Ok(())
}

fn check_len(field: &str, got: usize, expected: usize) -> Result<()> {
    if got != expected {
        return Err(LabError::invalid(
            field,
            format!("{expected} numbers long"),
            format!("{got} numbers"),
        ));
    }
    Ok(())
}
