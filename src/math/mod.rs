//! Elementary functions of our own: exp, tanh, sigmoid, ln, log1p, softplus, sin and cos.
//!
//! Every function uses only IEEE-754 +, −, ×, ÷ rounded to nearest and exact operations (comparisons, sign and
//! exponent bit manipulation, scaling by powers of two, Veltkamp splitting and Dekker's exact product built from
//! them). There is no fused multiply-add (Rust never contracts `a * b + c`) and no platform libm, so a function gives
//! the same bits natively, in wasm, and in every browser, by construction.
//!
//! Accuracy: within 1 ulp of the exact value for every f64 argument (ln, log1p, sin and cos: see each function).
//! `tests/math.rs` checks this against correctly rounded values from mpmath (`tests/data/math-reference.txt`,
//! written by `scripts/math-reference.py`), edge cases included; `make ulp` sweeps 10⁷ points per function against a
//! double-double reference and prints the largest error.
//!
//! [`tanh`] is written once, generically over [`Lanes`], and runs on one f64 or on two at a time
//! ([`F64x2`], wasm simd128 when the module is built with it); each lane performs the scalar's operations in the
//! scalar's order, so the two agree to the bit.

mod exact;
mod exp;
mod lanes;
mod log;
mod tanh;
mod trig;

pub use exp::{exp, sigmoid};
pub use lanes::{all_finite, F64x2, Lanes, Splat};
pub use log::{ln, log1p, softplus};
pub use tanh::{tanh, tanh_lanes};
pub use trig::{cos, sin};
