//! Exact operations built from rounded +, −, ×: the rounding error of a sum or a product, as a second number.
//! (Knuth's TwoSum, Dekker's Fast2Sum, Veltkamp's split and Dekker's exact product, without fused multiply-add.)

use super::Lanes;

/// 2²⁷ + 1: Veltkamp's splitter, cutting a double into two halves of at most 26 significant bits each.
const SPLITTER: f64 = 134_217_729.0;

/// (s, e) with s = fl(a + b) and s + e = a + b exactly, when |a| ≥ |b| (or a = 0).
#[inline(always)]
pub fn fast_two_sum<V: Lanes>(a: V, b: V) -> (V, V) {
    let s = a + b;
    let e = b - (s - a);
    (s, e)
}

/// (s, e) with s = fl(a + b) and s + e = a + b exactly, for any a and b (no overflow).
#[inline(always)]
pub fn two_sum<V: Lanes>(a: V, b: V) -> (V, V) {
    let s = a + b;
    let bb = s - a;
    let e = (a - (s - bb)) + (b - bb);
    (s, e)
}

/// (hi, lo) with hi + lo = a exactly, hi of at most 26 significant bits (|a| below 2⁹⁹⁵).
#[inline(always)]
pub fn split<V: Lanes>(a: V) -> (V, V) {
    let c = V::splat(SPLITTER) * a;
    let hi = c - (c - a);
    (hi, a - hi)
}

/// (p, e) with p = fl(a·b) and p + e = a·b exactly (no overflow or underflow).
#[inline(always)]
pub fn two_product<V: Lanes>(a: V, b: V) -> (V, V) {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = (((ah * bh - p) + ah * bl) + al * bh) + al * bl;
    (p, e)
}

/// The double nearest to (nh + nl)/(dh + dl), within 0.5 ulp plus about 2⁻⁶⁰ relative, for double-double
/// numerator and denominator with |nl| ≲ 2⁻⁵⁰·|nh|, |dl| ≲ 2⁻⁵⁰·|dh| and dh in [1, 2]: q₀ = nh/dh, then one
/// correction with the exact residual nh − q₀·dh.
#[inline(always)]
pub fn divide<V: Lanes>(nh: V, nl: V, dh: V, dl: V) -> V {
    let q0 = nh / dh;
    let (p, e) = two_product(q0, dh);
    let residual = (nh - p) - e; // nh − q₀·dh, exactly (nh − p is exact: p is within an ulp of nh)
    q0 + ((residual + nl) - q0 * dl) / dh
}
