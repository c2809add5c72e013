//! tanh, written once over [`Lanes`] so that one f64 and two (wasm simd128) give the same bits.

use super::exact::fast_two_sum;
use super::exp::{reduce, taylor_tail};
use super::lanes::Splat;
use super::Lanes;

/// Above this |x|, tanh x rounds to ±1 (it does from 19.06 on); clamping keeps e^−2|x| a normal number.
static SATURATION: Splat = Splat::new(20.0);

/// Below this |x|, tanh x = x + x³·R(x²) with a polynomial R; from here on tanh x > 0.51 and the direct form
/// 1 − 2E/(1 + E) is within 0.75 ulp.
static DIRECT_FROM: Splat = Splat::new(0.5625);

/// R(g) = (tanh x − x)/x³ with g = x², on g in [0, 0.5625²]: a near-minimax polynomial of degree 10 (Chebyshev
/// interpolation by mpmath at 150 bits, then rounded), lowest degree first. With its rounded coefficients
/// x + x³R(x²) is within 0.07·2⁻⁵³ relative of tanh x.
static R: [Splat; 11] = [
    Splat::new(-0.3333333333333333),
    Splat::new(0.13333333333332392),
    Splat::new(-0.0539682539670594),
    Splat::new(0.021869488476962563),
    Splat::new(-0.008863234021529514),
    Splat::new(0.003592105532132769),
    Splat::new(-0.0014556239774192678),
    Splat::new(0.0005887537111834804),
    Splat::new(-0.00023410556936672797),
    Splat::new(8.426522203958066e-05),
    Splat::new(-2.0026740085317684e-05),
];

/// The other constants of the direct form: −2, 1, 2, and 1.8 and 0.8 for 1/D ≈ 1.8 − 0.8·D.
static MINUS_TWO: Splat = Splat::new(-2.0);
static ONE: Splat = Splat::new(1.0);
static TWO: Splat = Splat::new(2.0);
static RECIPROCAL_A: Splat = Splat::new(1.8);
static RECIPROCAL_B: Splat = Splat::new(0.8);

/// tanh x, within 0.75 ulp: odd, exact at ±0 (sign kept), ±1 at ±∞ and from |x| ≥ 19.1, x itself for |x| below
/// 2⁻²⁷ (subnormals included), NaN for NaN.
///
/// With a = |x|:
/// - a < 0.5625: tanh a = a + a·(g·R(g)), g = a². The correction a·g·R is at most a tenth of the result, so its
///   few roundings add at most a quarter of an ulp to the final addition's half.
/// - a ≥ 0.5625: with E = e^−2a (from the reduction −2a = (32k + j)·ln2/32 + r shared with [`super::exp`]),
///   tanh a = 1 − q, q = 2E/(1 + E) < 1/2: E and D = 1 + E as double-doubles, q₀ = 2E_hi/D_hi rounded (half an
///   ulp of q, at most a quarter of an ulp of the result), corrected to first order for E_lo and D_lo, then
///   1 − q₀ exactly and one rounding.
#[inline]
pub fn tanh(x: f64) -> f64 {
    tanh_lanes(x)
}

/// [`tanh`] of every lane: the same operations in the same order, lane by lane. When the lanes need different
/// forms, both are computed and each lane takes its own.
#[cfg_attr(not(feature = "profile"), inline(always))]
#[cfg_attr(feature = "profile", inline(never))]
pub fn tanh_lanes<V: Lanes>(x: V) -> V {
    let a = x.abs();
    let saturation = V::constant(&SATURATION);
    let a = a.select_lt(saturation, a, saturation); // NaN lanes become 20 here, NaN again at the end
    let (all_small, any_small) = a.below(&DIRECT_FROM);
    let t = if all_small {
        polynomial(a)
    } else if !any_small {
        direct(a)
    } else {
        a.select_lt(V::constant(&DIRECT_FROM), polynomial(a), direct(a))
    };
    x.keep_nan(t.copysign(x))
}

/// a + a·(g·R(g)) with g = a², R by Estrin's scheme.
#[inline(always)]
fn polynomial<V: Lanes>(a: V) -> V {
    let c = |k: usize| V::constant(&R[k]);
    let g = a * a;
    let g2 = g * g;
    let g4 = g2 * g2;
    let g8 = g4 * g4;
    let low = (c(0) + g * c(1)) + g2 * (c(2) + g * c(3));
    let mid = (c(4) + g * c(5)) + g2 * (c(6) + g * c(7));
    let high = (c(8) + g * c(9)) + g2 * c(10);
    let r = (low + g4 * mid) + g8 * high;
    a + a * (g * r)
}

/// 1 − 2E/(1 + E) for E = e^−2a, a ≥ 0.5625.
#[inline(always)]
fn direct<V: Lanes>(a: V) -> V {
    let c = |v: &'static Splat| V::constant(v);
    let reduced = reduce(c(&MINUS_TWO) * a); // −2a exact
    let (rh, s, s_lo) = (reduced.rh, reduced.scale_hi, reduced.scale_lo);
    // p = eʳ − 1; E = 2ᵏ(T_hi + T_lo)(1 + p) = s + [s·p + s_lo·(1 + p)] as a double-double, then D = 1 + E
    let p = rh + (reduced.rl + taylor_tail(rh));
    let (e_hi, e_lo) = fast_two_sum(s, s * p + (s_lo + s_lo * p));
    let (one, two) = (c(&ONE), c(&TWO)); // each read once (in wasm a constant is a load)
    let (d_hi, d_lo) = fast_two_sum(one, e_hi);
    let d_lo = d_lo + e_lo;
    // q = 2E/D = q₀ + (2·e_lo − q₀·d_lo)/D to first order; 1/D to 2% (1.8 − 0.8·D on [1, 1.25]) is enough
    // for a correction of about an ulp of q
    let q0 = (two * e_hi) / d_hi;
    let correction = (two * e_lo - q0 * d_lo) * (c(&RECIPROCAL_A) - c(&RECIPROCAL_B) * d_hi);
    // 1 − q = (1 − q₀) − correction, 1 − q₀ exact as a double-double
    let (t_hi, t_lo) = fast_two_sum(one, -q0);
    t_hi + (t_lo - correction)
}
