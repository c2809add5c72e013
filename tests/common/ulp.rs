//! Errors in units in the last place, against a reference given as a double-double (hi = the exact value rounded
//! to nearest, lo ≈ exact − hi). Shared by `tests/math.rs` and `examples/ulp.rs` (included with `#[path]`).
#![allow(dead_code)]

/// The spacing of doubles at the exact value hi + lo: 2^(e − 52) for |exact| in [2ᵉ, 2ᵉ⁺¹), 2⁻¹⁰⁷⁴ for subnormals.
pub fn ulp_at(hi: f64, lo: f64) -> f64 {
    let a = hi.abs();
    if a < f64::MIN_POSITIVE {
        return f64::from_bits(1);
    }
    let e = ((a.to_bits() >> 52) as i32) - 1023;
    let below_power = a.to_bits() & ((1 << 52) - 1) == 0 && lo != 0.0 && (lo < 0.0) == (hi > 0.0);
    let e = if below_power { e - 1 } else { e };
    let k = e - 52;
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1 << (k + 1074))
    }
}

/// |got − (hi + lo)| in ulps of the exact value; 0 when both are the same infinity or both NaN, ∞ when one is
/// NaN or infinite and the other not. (The sign of a zero is not compared: mpmath has no −0.)
pub fn ulp_error(got: f64, hi: f64, lo: f64) -> f64 {
    if hi.is_nan() || got.is_nan() {
        return if hi.is_nan() && got.is_nan() {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if hi.is_infinite() || got.is_infinite() {
        return if got == hi { 0.0 } else { f64::INFINITY };
    }
    (((got - hi) - lo) / ulp_at(hi, lo)).abs()
}
