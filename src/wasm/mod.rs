//! The boundary with JavaScript: every `#[wasm_bindgen]` export of the crate lives below this module.
//!
//! Small structured values (a configuration, a step's record, an analysis) cross with serde-wasm-bindgen; bulk
//! numbers (a trail of weights, a loss history, a network's parameters) cross as `Float64Array`s in one call.
//! Every failure is a `JsError` whose message names the field and the accepted range, and a refused call changes
//! nothing. The math lives in the plain-Rust modules; this module only reads, checks and converts.

pub mod article;
mod input;
#[cfg(feature = "network")]
pub mod network;
pub mod surface;

pub use article::{analyze, step, steps_to_digits, train, Descent};
#[cfg(feature = "network")]
pub use network::Network;
