//! backprop-lab: backpropagation made live.
//!
//! The core is plain Rust and runs natively as well as in WebAssembly:
//! - [`article`]: the article's one-weight network, step by step, with its closed-form facts;
//! - [`tape`]: scalar reverse-mode automatic differentiation on a flat tape, with every local derivative exposed;
//! - [`network`]: dense layers with biases, activations, losses and optimizers on flat buffers;
//! - [`data`]: seeded toy datasets;
//! - [`math`]: elementary functions (exp, tanh, sigmoid, ln, sin, …) that give the same bits everywhere;
//! - [`surface`]: one sigmoid neuron's loss J(w, b) over a grid, for a contour map;
//! - [`memory`]: fallible allocation of the buffers a caller sizes;
//! - [`error`]: the refusals, as data.
//!
//! [`wasm`] is the one module that speaks to JavaScript (through wasm-bindgen); nothing else depends on it.

#![warn(missing_docs)]

pub mod article;
pub mod data;
pub mod error;
pub mod math;
pub mod memory;
pub mod network;
pub mod surface;
pub mod tape;
pub mod wasm;

pub use error::{LabError, Result};
