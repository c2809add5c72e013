//! The boundary with JavaScript: every `#[wasm_bindgen]` export of the crate lives below this module.
//!
//! Small structured values (a configuration, a step's record, an analysis) cross as plain objects built field by
//! field (`object`; no serializer, to keep the module small); bulk numbers (a trail of weights, a loss history, a
//! network's parameters) cross as `Float64Array`s in one call.
//! Every refusal is an `Error` with `kind`, `field`, `step` and `epoch` as data besides a message that names the
//! field and the accepted range, and a refused call changes nothing. The math lives in the plain-Rust modules;
//! this module only reads, checks and converts.
//!
//! - `alloc`: the memory allocator, small power-of-two size classes instead of dlmalloc;
//! - `input` (with `guard.js`): reading JavaScript values without running their code more than once or letting
//!   an exception unwind through wasm, refusing long strings by their length and calls memory has no room for,
//!   and refusals as data (their messages' numbers written as JavaScript writes them); `guard.js` also refuses
//!   calls on freed handles and re-entrant calls on busy ones;
//! - `object` (with `values.js`): the result objects, built field by field;
//! - `limits`: the one source of limits and defaults;
//! - `article`: the article's exports and the `Descent` handle;
//! - `network`: the `Network` handle (its config reader, data specs, grid family and TypeScript declarations).

mod alloc;
pub mod article;
mod input;
pub mod limits;
#[cfg(feature = "network")]
pub mod network;
mod object;
pub mod surface;

pub use article::{analyze, step, steps_to_digits, train, Descent};
pub use limits::limits;
#[cfg(feature = "network")]
pub use network::Network;
