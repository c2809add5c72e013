//! eˣ and the sigmoid, from one reduction: x = n·ln2/32 + r with |r| ≤ ln2/64, n = 32k + j, so that
//! eˣ = 2ᵏ · 2^(j/32) · eʳ, with 2^(j/32) from a table of 32 entries and eʳ − 1 from a short Taylor polynomial.

use super::exact::{divide, fast_two_sum};
use super::lanes::{Splat, ROUNDER, ROUNDER_SPLAT};
use super::Lanes;

/// 32/ln 2, rounded.
pub(super) const INV_LN2_32: f64 = 46.16624130844683;
/// ln2/32 to 32 significant bits, so that n·LN2_32_HI is exact for |n| < 2²¹.
pub(super) const LN2_32_HI: f64 = 0.02166084938653512;
/// ln2/32 − LN2_32_HI, rounded.
pub(super) const LN2_32_LO: f64 = 5.9631716539705866e-12;

/// 2^(j/32) = hi + lo for j = 0..31: hi to 27 significant bits (so that hi times a 26-bit number is exact), lo the
/// rest, rounded. Written by `scripts/math-reference.py --table` (mpmath).
pub(super) const TABLE: [[f64; 2]; 32] = [
    [1.0, 0.0],
    [1.0218971520662308, -3.412114095691301e-09],
    [1.044273778796196, 3.6312178564352476e-09],
    [1.0671404004096985, 2.671251318413961e-10],
    [1.0905077308416367, 1.8236210014921669e-09],
    [1.1143867373466492, 5.249243366386938e-09],
    [1.138788640499115, -5.7424233365305445e-09],
    [1.1637248545885086, 4.189068907856542e-09],
    [1.1892071217298508, -6.727129702325469e-09],
    [1.2152473628520966, -2.8716276795006674e-09],
    [1.2418578118085861, 2.648979279882087e-10],
    [1.2690509557724, 1.419333320210669e-09],
    [1.2968395501375198, 4.513489829507973e-09],
    [1.3252366483211517, -5.161410438768901e-09],
    [1.3542555421590805, 4.777812222926921e-09],
    [1.3839098811149597, 8.488722380757845e-10],
    [1.4142135679721832, -5.599088178737374e-09],
    [1.4451808035373688, 3.4396778456229436e-09],
    [1.4768261462450027, -3.0550343519512377e-10],
    [1.509164422750473, 4.842949717305082e-09],
    [1.5422108322381973, -6.830256503047864e-09],
    [1.5759808421134949, 2.994391613408395e-09],
    [1.6104903370141983, -5.064943995043136e-09],
    [1.645755484700203, -6.546238097375775e-09],
    [1.681792825460434, 5.046995126101313e-09],
    [1.7186193019151688, -3.792690846577687e-09],
    [1.7562521547079086, 5.665390852741067e-09],
    [1.7947090715169907, 3.4861165248066094e-09],
    [1.8340080827474594, 3.6618830518659895e-09],
    [1.8741676360368729, -1.9265729624395325e-09],
    [1.91520656645298, -5.055832747631295e-09],
    [1.9571441262960434, -2.1206431269777715e-09],
];

/// The reduction's constants as kernel constants (see [`Splat`]).
static INV_LN2_32_SPLAT: Splat = Splat::new(INV_LN2_32);
static LN2_32_HI_SPLAT: Splat = Splat::new(LN2_32_HI);
static LN2_32_LO_SPLAT: Splat = Splat::new(LN2_32_LO);
/// 1/2!, 1/3!, …, 1/7!: the Taylor coefficients of eʳ − 1 − r.
static TAYLOR: [Splat; 6] = [
    Splat::new(0.5),
    Splat::new(1.0 / 6.0),
    Splat::new(1.0 / 24.0),
    Splat::new(1.0 / 120.0),
    Splat::new(1.0 / 720.0),
    Splat::new(1.0 / 5040.0),
];

/// The reduced argument and the scaled table entry of y = n·ln2/32 + r, for −2¹⁶·ln2/32 < y ≤ ln2/64.
pub(super) struct Reduced<V> {
    /// r rounded, |r| ≤ ln2/64 (plus a hair).
    pub rh: V,
    /// r − rh (the reduction is exact to about 2⁻⁹⁰ relative).
    pub rl: V,
    /// 2ᵏ·T_hi[j], exact, 27 significant bits.
    pub scale_hi: V,
    /// 2ᵏ·T_lo[j], exact.
    pub scale_lo: V,
}

/// y = n·ln2/32 + r: n = round(y·32/ln 2) by adding 1.5·2⁵², then r = (y − n·LN2_32_HI) − n·LN2_32_LO, where the first
/// product and difference are exact (Cody and Waite) and the second difference's rounding error is kept in rl.
#[inline(always)]
pub(super) fn reduce<V: Lanes>(y: V) -> Reduced<V> {
    let rounder = V::constant(&ROUNDER_SPLAT);
    let t = y * V::constant(&INV_LN2_32_SPLAT) + rounder;
    let n = t - rounder;
    let (scale_hi, scale_lo) = V::exp2_parts(t, &TABLE);
    let y1 = y - n * V::constant(&LN2_32_HI_SPLAT);
    let n_lo = n * V::constant(&LN2_32_LO_SPLAT);
    let rh = y1 - n_lo;
    let rl = (y1 - rh) - n_lo;
    Reduced {
        rh,
        rl,
        scale_hi,
        scale_lo,
    }
}

/// eʳ − 1 − r = r²/2! + r³/3! + … + r⁷/7! for |r| ≤ 0.0109 (the next term is below 2⁻⁶¹·|r|), evaluated as
/// r²·[(1/2! + r/3!) + r²·(1/4! + r/5!) + r⁴·(1/6! + r/7!)] (Estrin's scheme: a shorter chain than Horner's).
#[inline(always)]
pub(super) fn taylor_tail<V: Lanes>(r: V) -> V {
    let c = |k: usize| V::constant(&TAYLOR[k]);
    let r2 = r * r;
    let r4 = r2 * r2;
    let a = c(0) + r * c(1);
    let b = c(2) + r * c(3);
    let d = c(4) + r * c(5);
    r2 * ((a + r2 * b) + r4 * d)
}

/// e^y for −2¹⁶·ln2/32 < y ≤ 0 as an unevaluated sum hi + lo, to about 2⁻⁶⁰ relative: 2ᵏ·(T_hi + T_lo)·(1 + p) with
/// p = eʳ − 1, as 2ᵏT_hi + [2ᵏT_lo + 2ᵏT_hi·p + 2ᵏT_lo·p] (the bracket is below 2⁻⁵·2ᵏ, its rounding harmless).
#[inline(always)]
pub(super) fn exp_parts<V: Lanes>(y: V) -> (V, V) {
    let Reduced {
        rh,
        rl,
        scale_hi,
        scale_lo,
    } = reduce(y);
    let p = rh + (rl + taylor_tail(rh));
    let rest = scale_lo + (scale_hi * p + scale_lo * p);
    fast_two_sum(scale_hi, rest)
}

/// The largest x with eˣ finite.
const EXP_MAX: f64 = 709.782712893384;
/// Below this x, eˣ rounds to 0.
const EXP_MIN: f64 = -745.1332191019412;

/// eˣ, within 0.5 ulp plus about 2⁻⁶⁰ relative (subnormal results: within 1 ulp).
///
/// x = (32k + j)·ln2/32 + r; eˣ = 2ᵏ · 2^(j/32) · eʳ with eʳ = 1 + r + r²/2! + … + r⁷/7!, rounded once when
/// T_hi + [T_lo + T_hi·p + T_lo·p] is added up, then scaled by 2ᵏ in two exact steps (one rounding when the result is
/// subnormal). Overflows to +∞ above 709.78…, underflows to 0 below −745.13…; NaN gives NaN.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > EXP_MAX {
        return f64::INFINITY;
    }
    if x < EXP_MIN {
        return 0.0;
    }
    let t = x * INV_LN2_32 + ROUNDER;
    let n = t.to_bits() as i64 - ROUNDER.to_bits() as i64;
    let nf = t - ROUNDER;
    let [hi, lo] = TABLE[(n & 31) as usize];
    let y1 = x - nf * LN2_32_HI;
    let n_lo = nf * LN2_32_LO;
    let rh = y1 - n_lo;
    let rl = (y1 - rh) - n_lo;
    let p = rh + (rl + taylor_tail(rh));
    let mantissa = hi + (lo + (hi * p + lo * p)); // 2^(j/32)·eʳ, in [0.98, 2.03]
                                                  // 2ᵏ in two factors 2^(k₁)·2^(k₂), each a normal number for −1077 ≤ k ≤ 1024.
    let k = n >> 5;
    let k1 = k >> 1;
    let k2 = k - k1;
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    mantissa * pow2(k1) * pow2(k2)
}

/// σ(x) = 1/(1 + e⁻ˣ), within 0.5 ulp plus about 2⁻⁵⁸ relative.
///
/// With E = e^−|x| in (0, 1] as a double-double (see `exp_parts`) and D = 1 + E: σ = 1/D for x ≥ 0 and E/D for
/// x < 0, one correctly rounded division corrected by its exact residual. Below −40, σ(x) = eˣ·(1 − eˣ + …) equals
/// eˣ to 2⁻⁵⁷ and is returned as [`exp`]; above 40 it rounds to 1.
pub fn sigmoid(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < -40.0 {
        return exp(x);
    }
    let a = x.abs().min(40.0);
    let (eh, el) = exp_parts(-a);
    let (dh, dl) = fast_two_sum(1.0, eh);
    let dl = dl + el;
    if x >= 0.0 {
        divide(1.0, 0.0, dh, dl)
    } else {
        divide(eh, el, dh, dl)
    }
}
