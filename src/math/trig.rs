//! sin and cos: x = n·π/2 + r with |r| ≤ π/4, then a polynomial for sin r or cos r chosen by n mod 4.
//!
//! The reduction subtracts n·π/2 with π/2 in three 33-bit parts and a fourth: every product is exact and every
//! difference carried as a double-double, so r is exact to about 2⁻¹⁰⁰ for |x| < 2²⁰·π/2. The polynomials are
//! fdlibm's minimax coefficients on [−π/4, π/4] (published constants), evaluated with the tail of r carried.

use super::exact::{fast_two_sum, two_product, two_sum};
use super::lanes::ROUNDER;

/// 2/π, rounded.
const TWO_OVER_PI: f64 = std::f64::consts::FRAC_2_PI;
/// π/2 = P1 + P2 + P3 + P3T: three parts of 33 significant bits and the rest.
const PIO2: [f64; 4] = [
    1.570_796_326_734_125_6,
    6.077_100_506_303_966e-11,
    2.022_266_248_711_166_5e-21,
    8.478_427_660_368_9e-32,
];
const S: [f64; 6] = [
    -1.666_666_666_666_663_2e-1,
    8.333_333_333_322_49e-3,
    -1.984_126_982_985_795e-4,
    2.755_731_370_707_007e-6,
    -2.505_076_025_340_686_3e-8,
    1.589_690_995_211_55e-10,
];
const C: [f64; 6] = [
    4.166_666_666_666_66e-2,
    -1.388_888_888_887_411e-3,
    2.480_158_728_947_673e-5,
    -2.755_731_435_139_066_3e-7,
    2.087_572_321_298_175e-9,
    -1.135_964_755_778_819_5e-11,
];

/// sin(r + t) for |r| ≤ π/4 and |t| ≤ ulp(r)/2: r + r³·(S1 + r²·…) with the tail's first-order terms.
#[inline(always)]
fn sin_kernel(r: f64, t: f64) -> f64 {
    let z = r * r;
    let v = z * r;
    let p = S[1] + z * (S[2] + z * (S[3] + z * (S[4] + z * S[5])));
    // sin(r + t) ≈ sin r + t·cos r ≈ r + v·(S1 + z·p) + t·(1 − z/2)
    r - (((z * (0.5 * t - v * p)) - t) - v * S[0])
}

/// cos(r + t) for |r| ≤ π/4: 1 − r²/2 + r⁴·(C1 + r²·…) − r·t, with 1 − r²/2 split so its rounding is kept.
#[inline(always)]
fn cos_kernel(r: f64, t: f64) -> f64 {
    let z = r * r;
    let q = z * (C[0] + z * (C[1] + z * (C[2] + z * (C[3] + z * (C[4] + z * C[5])))));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * q - r * t))
}

/// x = n·π/2 + (rh + rl): n mod 4 and the reduced argument as a double-double.
#[inline(always)]
fn reduce(x: f64) -> (i64, f64, f64) {
    let v = x * TWO_OVER_PI;
    let n = if v.abs() < 2251799813685248.0 {
        (v + ROUNDER) - ROUNDER
    } else {
        v // already a whole number
    };
    // x − n·P1 − n·P2 − n·P3 − n·P3T, each product exact, each difference with its error
    let (p1, e1) = two_product(n, PIO2[0]);
    let (r, t1) = two_sum(x, -p1);
    let (p2, e2) = two_product(n, PIO2[1]);
    let (r, t2) = two_sum(r, -p2);
    let (p3, e3) = two_product(n, PIO2[2]);
    let (r, t3) = two_sum(r, -p3);
    let tail = ((t1 + t2) + t3) - (((e1 + e2) + e3) + n * PIO2[3]);
    let (rh, rl) = fast_two_sum(r, tail);
    let quadrant = if n.abs() < 9007199254740992.0 {
        (n as i64) & 3
    } else {
        0
    };
    (quadrant, rh, rl)
}

/// sin x, within 1 ulp for |x| < 2²⁰·π/2 (about 1.6·10⁶; beyond, the reduction loses about one bit per doubling
/// of x); odd, x itself for |x| < 2⁻²⁷; NaN for ±∞ and NaN.
pub fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() < 7.450580596923828e-9 {
        return x; // sin x = x − x³/6 + …, the rest below half an ulp
    }
    if x.abs() <= std::f64::consts::FRAC_PI_4 {
        return sin_kernel(x, 0.0);
    }
    let (n, rh, rl) = reduce(x);
    match n {
        0 => sin_kernel(rh, rl),
        1 => cos_kernel(rh, rl),
        2 => -sin_kernel(rh, rl),
        _ => -cos_kernel(rh, rl),
    }
}

/// cos x, within 1 ulp for |x| < 2²⁰·π/2 (as [`sin`]); even, 1 at 0; NaN for ±∞ and NaN.
pub fn cos(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    if x.abs() <= std::f64::consts::FRAC_PI_4 {
        return cos_kernel(x, 0.0);
    }
    let (n, rh, rl) = reduce(x);
    match n {
        0 => cos_kernel(rh, rl),
        1 => -sin_kernel(rh, rl),
        2 => -cos_kernel(rh, rl),
        _ => sin_kernel(rh, rl),
    }
}
