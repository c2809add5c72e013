//! tanh, written once over [`Lanes`] so that one f64 and two (wasm simd128) give the same bits.

use super::exact::{divide, fast_two_sum, split, two_sum};
use super::exp::{reduce, taylor_tail};
use super::Lanes;

/// Above this |x|, tanh x rounds to ±1 (it does from 19.06 on); clamping keeps e^−2|x| a normal number.
const SATURATION: f64 = 20.0;

/// tanh x, within 0.5 ulp plus about 2⁻⁵⁷ relative; odd, exact at ±0 (sign kept), ±1 at ±∞ and from |x| ≥ 19.1,
/// x itself for |x| below 2⁻²⁷ (subnormals included), NaN for NaN.
///
/// With a = |x| and E = e^−2a: tanh a = (1 − E)/(1 + E). E = 2ᵏ·(T_hi + T_lo)·(1 + p) from the reduction
/// −2a = (32k + j)·ln2/32 + r shared with [`super::exp`]; then N = 1 − E and D = 1 + E = 2 − N are carried as
/// double-doubles, so that no cancellation is lost for small a, and N/D is one division corrected by its exact
/// residual. The only products that could round by a relative 2⁻⁵³ of N are made exact: 2ᵏT_hi has 27 bits and
/// r is split into a 26-bit head and a tail.
#[inline]
pub fn tanh(x: f64) -> f64 {
    tanh_lanes(x)
}

/// [`tanh`] of every lane: the same operations in the same order, lane by lane.
#[inline(always)]
pub fn tanh_lanes<V: Lanes>(x: V) -> V {
    let c = |v: f64| V::splat(v);
    let a = x.abs();
    let a = a.select_lt(c(SATURATION), a, c(SATURATION)); // NaN lanes become 20 here, NaN again at the end
    let y = c(-2.0) * a; // exact
    let reduced = reduce(y);
    let (rh, rl) = (reduced.rh, reduced.rl);
    let (s, s_lo) = (reduced.scale_hi, reduced.scale_lo); // 2ᵏT_hi, 2ᵏT_lo
                                                          // p = eʳ − 1 = rh + pl
    let pl = rl + taylor_tail(rh);
    // E = s + s·rh + [s·pl + s_lo·(1 + p)]; s·r_head exact (27 × 26 bits)
    let (r_head, r_tail) = split(rh);
    let e_main = s * r_head;
    let e_rest = s * r_tail + (s * pl + (s_lo + s_lo * (rh + pl)));
    // N = 1 − E = (1 − s) − e_main − e_rest, the first two sums exact
    let (a_hi, a_lo) = fast_two_sum(c(1.0), -s);
    let (n_hi, n_lo) = two_sum(a_hi, -e_main);
    let (n_hi, n_lo) = fast_two_sum(n_hi, n_lo + (a_lo - e_rest)); // renormalized: |n_lo| ≤ ulp(n_hi)/2
                                                                   // D = 1 + E = 2 − N
    let (d_hi, d_lo) = fast_two_sum(c(2.0), -n_hi);
    let d_lo = d_lo - n_lo;
    let t = divide(n_hi, n_lo, d_hi, d_lo);
    x.keep_nan(t.copysign(x))
}
