//! ln x, ln(1 + x) and softplus.

use super::exact::fast_two_sum;
use super::exp::exp;

/// ln 2 in two parts: the first with trailing zero bits so that k·LN2_HI is exact for |k| < 2¹¹.
const LN2_HI: f64 = 6.931_471_803_691_238e-1;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// ln(1 + f) − f + f²/2 for f in [√2/2 − 1, √2 − 1], by s = f/(2 + f): ln(1 + f) = 2 atanh s =
/// 2s + 2s³/3 + 2s⁵/5 + …, the series to s²¹ (|s| ≤ 0.1716: the next term is below 2⁻⁵⁶ of the sum).
/// Returns (s, R) with ln(1 + f) = f − f²/2 + s·(f²/2 + R).
#[inline(always)]
fn series(f: f64) -> (f64, f64) {
    let s = f / (2.0 + f);
    let z = s * s;
    // R = 2·atanh(s)/s − 2 = Σᵢ 2zⁱ/(2i + 1), i = 1..10
    let mut r = 2.0 / 21.0;
    for odd in [19.0, 17.0, 15.0, 13.0, 11.0, 9.0, 7.0, 5.0, 3.0] {
        r = 2.0 / odd + z * r;
    }
    let r = z * r;
    (s, r)
}

/// ln(2ᵏ·(1 + f)) = k·ln2 + ln(1 + f) with the correction c of 1 + f's rounding (ln(1 + f + c) ≈ ln(1 + f) +
/// c/(1 + f)), summed from the smallest terms: k·LN2_LO + c/(1 + f) + s(f²/2 + R) − f²/2 + f + k·LN2_HI.
#[inline(always)]
fn assemble(k: f64, f: f64, c: f64) -> f64 {
    let (s, r) = series(f);
    let half_f2 = 0.5 * f * f;
    let small = s * (half_f2 + r) + (k * LN2_LO + c / (1.0 + f));
    k * LN2_HI + (f - (half_f2 - small))
}

/// The exponent k and mantissa m in [√2/2, √2) of a positive finite x (subnormals included): x = 2ᵏ·m.
#[inline(always)]
fn decompose(x: f64) -> (f64, f64) {
    let (x, bias) = if x < f64::MIN_POSITIVE {
        (x * 18014398509481984.0, 54) // ×2⁵⁴ makes a subnormal normal
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let mut k = ((bits >> 52) as i64) - 1023 - bias;
    let mut m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    if m >= std::f64::consts::SQRT_2 {
        m *= 0.5;
        k += 1;
    }
    (k as f64, m)
}

/// ln x, within 1 ulp: −∞ at ±0, NaN below 0 and for NaN, +∞ at +∞.
///
/// x = 2ᵏ·(1 + f) with 1 + f in [√2/2, √2), then ln x = k·ln 2 + ln(1 + f) with ln(1 + f) = 2·atanh(f/(2 + f))
/// (the method of fdlibm's log, with our own series).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return x;
    }
    let (k, m) = decompose(x);
    assemble(k, m - 1.0, 0.0) // m − 1 is exact (Sterbenz)
}

/// ln(1 + x), within 1 ulp, accurate for small x: −∞ at −1, NaN below −1 and for NaN, x for |x| < 2⁻⁵⁴.
///
/// u = 1 + x rounded, with its rounding error c = x − (u − 1) carried as a correction c/u; then as [`ln`].
pub fn log1p(x: f64) -> f64 {
    if x.is_nan() || x < -1.0 {
        return f64::NAN;
    }
    if x == -1.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return x;
    }
    if x >= 9007199254740992.0 {
        return ln(x); // ln(1 + x) = ln x + 1/x − …, and 1/x ≤ 2⁻⁵³ is below 2⁻⁵ ulp of ln x ≥ 36
    }
    if x.abs() < 5.551115123125783e-17 {
        return x; // ln(1 + x) = x − x²/2 + …, the rest below half an ulp
    }
    let (u, c) = if x.abs() <= 1.0 {
        fast_two_sum(1.0, x)
    } else {
        fast_two_sum(x, 1.0)
    };
    let (k, m) = decompose(u);
    // u = 2ᵏ·m, so 1 + x = 2ᵏ·(m + c·2⁻ᵏ): f = m − 1 exact, correction c·2⁻ᵏ.
    let scale = f64::from_bits(((1023 - k as i64) as u64) << 52);
    assemble(k, m - 1.0, c * scale)
}

/// softplus(x) = ln(1 + eˣ), as max(x, 0) + ln(1 + e^−|x|), which never overflows: within 2 ulp (the rounding of
/// e^−|x| passes into the logarithm).
pub fn softplus(x: f64) -> f64 {
    x.max(0.0) + log1p(exp(-x.abs()))
}
