//! One f64 or two: the arithmetic the generic kernels are written in.
//!
//! [`Lanes`] is implemented for `f64` and for [`F64x2`]. On wasm32 built with `+simd128`, [`F64x2`] is a `v128`
//! and each operation is one f64x2 instruction (IEEE, per lane, rounded to nearest, as the scalar one); on x86-64
//! it is an SSE2 register, the same; elsewhere it is a pair of f64 computed one after the other. A kernel written over `V: Lanes` therefore computes each lane
//! exactly as its scalar instance does.

use core::ops::{Add, Div, Mul, Neg, Sub};

/// The arithmetic of a kernel that runs on one f64 or on two at a time.
pub trait Lanes:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// Every lane `v`.
    fn splat(v: f64) -> Self;
    /// Every lane `c`'s value, read from memory in the wasm simd128 build (see [`Splat`]).
    fn constant(c: &'static Splat) -> Self;
    /// |x|, lane by lane (clears the sign bit).
    fn abs(self) -> Self;
    /// |self| with the sign bit of `sign`.
    fn copysign(self, sign: Self) -> Self;
    /// Per lane: `then` where self < bound, else `otherwise` (NaN lanes take `otherwise`).
    fn select_lt(self, bound: Self, then: Self, otherwise: Self) -> Self;
    /// Per lane: self where self is NaN, else `otherwise`.
    fn keep_nan(self, otherwise: Self) -> Self;
    /// (every lane is below `bound`, some lane is below `bound`); NaN lanes are not below.
    fn below(self, bound: &'static Splat) -> (bool, bool);
    /// For t = y·32/ln 2 + 1.5·2⁵² (so that t's low bits hold n = round(y·32/ln 2), with −2¹⁶ < n ≤ 0 and
    /// n = 32k + j, 0 ≤ j < 32): the exact products (2ᵏ·T_hi(j), 2ᵏ·T_lo(j)) of the table of 2^(j/32).
    fn exp2_parts(t: Self, table: &[[f64; 2]; 32]) -> (Self, Self);
}

/// The bits of 1.5·2⁵², the constant whose addition rounds a number below 2⁵¹ in size to an integer.
pub(crate) const ROUNDER: f64 = 6_755_399_441_055_744.0;

/// A kernel's constant, in both lanes of a 16-byte-aligned pair, as a `static`.
///
/// In the wasm simd128 build [`Lanes::constant`] reads it from linear memory: one load, where V8 would otherwise
/// build each `v128.const` anew from immediates at every use (three instructions, not moved out of loops).
/// Elsewhere the value is used as the compiler likes, as with [`Lanes::splat`].
#[repr(C, align(16))]
#[derive(Debug)]
pub struct Splat(pub [f64; 2]);

impl Splat {
    /// `v` in both lanes.
    pub const fn new(v: f64) -> Splat {
        Splat([v, v])
    }
    /// The value.
    pub const fn value(&self) -> f64 {
        self.0[0]
    }
}

/// 1.5·2⁵², as a kernel constant.
pub(crate) static ROUNDER_SPLAT: Splat = Splat::new(ROUNDER);

/// n = round(y·32/ln 2) from t = y·32/ln 2 + 1.5·2⁵²: t's bits minus the constant's.
#[inline(always)]
fn table_index(t: f64) -> i64 {
    t.to_bits() as i64 - ROUNDER.to_bits() as i64
}

/// 2ᵏ·T_hi[j] and 2ᵏ·T_lo[j] for n = 32k + j (k ≥ −1021: the scale is a normal number).
#[inline(always)]
fn scaled_entry(n: i64, table: &[[f64; 2]; 32]) -> (f64, f64) {
    let [hi, lo] = table[(n & 31) as usize];
    let scale = f64::from_bits((((n >> 5) + 1023) as u64) << 52);
    (hi * scale, lo * scale)
}

impl Lanes for f64 {
    #[inline(always)]
    fn splat(v: f64) -> Self {
        v
    }
    #[inline(always)]
    fn constant(c: &'static Splat) -> Self {
        c.value()
    }
    #[inline(always)]
    fn abs(self) -> Self {
        f64::from_bits(self.to_bits() & !(1 << 63))
    }
    #[inline(always)]
    fn copysign(self, sign: Self) -> Self {
        f64::from_bits((self.to_bits() & !(1 << 63)) | (sign.to_bits() & (1 << 63)))
    }
    #[inline(always)]
    fn select_lt(self, bound: Self, then: Self, otherwise: Self) -> Self {
        if self < bound {
            then
        } else {
            otherwise
        }
    }
    #[inline(always)]
    fn keep_nan(self, otherwise: Self) -> Self {
        if self.is_nan() {
            self
        } else {
            otherwise
        }
    }
    #[inline(always)]
    fn below(self, bound: &'static Splat) -> (bool, bool) {
        (self < bound.value(), self < bound.value())
    }
    #[inline(always)]
    fn exp2_parts(t: Self, table: &[[f64; 2]; 32]) -> (Self, Self) {
        scaled_entry(table_index(t), table)
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::*;
    use core::arch::wasm32::*;

    /// 1023 in each lane as an i64: the exponent bias of an f64 (an integer constant, kept in memory as a
    /// [`Splat`] is).
    #[repr(C, align(16))]
    struct Bits([u64; 2]);
    static EXPONENT_BIAS: Bits = Bits([1023, 1023]);

    /// The sign bit alone in each lane (−0).
    static SIGN_BIT: Splat = Splat::new(-0.0);

    /// Two f64 lanes in one wasm simd128 register.
    #[derive(Clone, Copy, Debug)]
    pub struct F64x2(pub(crate) v128);

    impl F64x2 {
        /// The lanes (a, b).
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Self {
            F64x2(f64x2(a, b))
        }
        /// Lane 0.
        #[inline(always)]
        pub fn lo(self) -> f64 {
            f64x2_extract_lane::<0>(self.0)
        }
        /// Lane 1.
        #[inline(always)]
        pub fn hi(self) -> f64 {
            f64x2_extract_lane::<1>(self.0)
        }
        /// The lanes (`s[0]`, `s[1]`).
        #[inline(always)]
        pub fn load(s: &[f64; 2]) -> Self {
            // SAFETY: `s` is 16 readable bytes; v128_load has no alignment requirement.
            F64x2(unsafe { v128_load(s.as_ptr() as *const v128) })
        }
        /// Writes lane 0 to `s[0]` and lane 1 to `s[1]`.
        #[inline(always)]
        pub fn store(self, s: &mut [f64; 2]) {
            // SAFETY: `s` is 16 writable bytes; v128_store has no alignment requirement.
            unsafe { v128_store(s.as_mut_ptr() as *mut v128, self.0) }
        }
        /// (a's lane 0, b's lane 0).
        #[inline(always)]
        pub fn lows(a: Self, b: Self) -> Self {
            F64x2(i64x2_shuffle::<0, 2>(a.0, b.0))
        }
        /// (a's lane 1, b's lane 1).
        #[inline(always)]
        pub fn highs(a: Self, b: Self) -> Self {
            F64x2(i64x2_shuffle::<1, 3>(a.0, b.0))
        }
        /// Lane 0 in both lanes.
        #[inline(always)]
        pub fn splat_lo(self) -> Self {
            F64x2(i64x2_shuffle::<0, 0>(self.0, self.0))
        }
        /// Lane 1 in both lanes.
        #[inline(always)]
        pub fn splat_hi(self) -> Self {
            F64x2(i64x2_shuffle::<1, 1>(self.0, self.0))
        }
    }

    macro_rules! binary {
        ($trait:ident, $method:ident, $op:ident) => {
            impl $trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, other: F64x2) -> F64x2 {
                    F64x2($op(self.0, other.0))
                }
            }
        };
    }
    binary!(Add, add, f64x2_add);
    binary!(Sub, sub, f64x2_sub);
    binary!(Mul, mul, f64x2_mul);
    binary!(Div, div, f64x2_div);

    impl Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            F64x2(f64x2_neg(self.0))
        }
    }

    impl Lanes for F64x2 {
        #[inline(always)]
        fn splat(v: f64) -> Self {
            F64x2(f64x2_splat(v))
        }
        #[inline(always)]
        fn constant(c: &'static Splat) -> Self {
            // SAFETY: a Splat is 16 aligned, readable bytes. A volatile read stays a load from memory, so the
            // compiler does not fold it back into a v128.const.
            F64x2(unsafe { core::ptr::read_volatile(c as *const Splat as *const v128) })
        }
        #[inline(always)]
        fn abs(self) -> Self {
            F64x2(f64x2_abs(self.0))
        }
        #[inline(always)]
        fn copysign(self, sign: Self) -> Self {
            let mask = F64x2::constant(&SIGN_BIT).0;
            F64x2(v128_bitselect(sign.0, self.0, mask))
        }
        #[inline(always)]
        fn select_lt(self, bound: Self, then: Self, otherwise: Self) -> Self {
            F64x2(v128_bitselect(
                then.0,
                otherwise.0,
                f64x2_lt(self.0, bound.0),
            ))
        }
        #[inline(always)]
        fn keep_nan(self, otherwise: Self) -> Self {
            F64x2(v128_bitselect(
                self.0,
                otherwise.0,
                f64x2_ne(self.0, self.0),
            ))
        }
        #[inline(always)]
        fn below(self, bound: &'static Splat) -> (bool, bool) {
            let mask = i64x2_bitmask(f64x2_lt(self.0, F64x2::constant(bound).0));
            (mask == 3, mask != 0)
        }
        #[inline(always)]
        fn exp2_parts(t: Self, table: &[[f64; 2]; 32]) -> (Self, Self) {
            // n = bits(t) − bits(1.5·2⁵²) per lane; entry j = n & 31 loaded as one (hi, lo) v128 per lane
            let n = i64x2_sub(t.0, F64x2::constant(&ROUNDER_SPLAT).0);
            let j0 = (i64x2_extract_lane::<0>(n) & 31) as usize;
            let j1 = (i64x2_extract_lane::<1>(n) & 31) as usize;
            // SAFETY: j0, j1 < 32 index the table; v128_load reads the 16 bytes of one [hi, lo] entry.
            let (e0, e1) = unsafe {
                (
                    v128_load(table.as_ptr().add(j0) as *const v128),
                    v128_load(table.as_ptr().add(j1) as *const v128),
                )
            };
            let hi = i64x2_shuffle::<0, 2>(e0, e1);
            let lo = i64x2_shuffle::<1, 3>(e0, e1);
            // 2ᵏ with k = n >> 5 (arithmetic), built in the exponent field
            let scale = i64x2_shl(
                i64x2_add(i64x2_shr(n, 5), {
                    // SAFETY: 16 aligned, readable bytes; volatile keeps it a load (see Splat)
                    unsafe {
                        core::ptr::read_volatile(&EXPONENT_BIAS as *const Bits as *const v128)
                    }
                }),
                52,
            );
            (F64x2(f64x2_mul(hi, scale)), F64x2(f64x2_mul(lo, scale)))
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use super::*;
    use core::arch::x86_64::*;

    /// Two f64 lanes in one SSE2 register (SSE2 is part of every x86-64 processor).
    #[derive(Clone, Copy, Debug)]
    pub struct F64x2(pub(crate) __m128d);

    // SAFETY (every `unsafe` below): SSE2 is enabled on every x86_64 target, so these intrinsics are available.
    impl F64x2 {
        /// The lanes (a, b).
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Self {
            F64x2(unsafe { _mm_set_pd(b, a) })
        }
        /// Lane 0.
        #[inline(always)]
        pub fn lo(self) -> f64 {
            unsafe { _mm_cvtsd_f64(self.0) }
        }
        /// Lane 1.
        #[inline(always)]
        pub fn hi(self) -> f64 {
            unsafe { _mm_cvtsd_f64(_mm_unpackhi_pd(self.0, self.0)) }
        }
        /// The lanes (`s[0]`, `s[1]`).
        #[inline(always)]
        pub fn load(s: &[f64; 2]) -> Self {
            F64x2(unsafe { _mm_loadu_pd(s.as_ptr()) })
        }
        /// Writes lane 0 to `s[0]` and lane 1 to `s[1]`.
        #[inline(always)]
        pub fn store(self, s: &mut [f64; 2]) {
            unsafe { _mm_storeu_pd(s.as_mut_ptr(), self.0) }
        }
        /// (a's lane 0, b's lane 0).
        #[inline(always)]
        pub fn lows(a: Self, b: Self) -> Self {
            F64x2(unsafe { _mm_unpacklo_pd(a.0, b.0) })
        }
        /// (a's lane 1, b's lane 1).
        #[inline(always)]
        pub fn highs(a: Self, b: Self) -> Self {
            F64x2(unsafe { _mm_unpackhi_pd(a.0, b.0) })
        }
        /// Lane 0 in both lanes.
        #[inline(always)]
        pub fn splat_lo(self) -> Self {
            F64x2(unsafe { _mm_unpacklo_pd(self.0, self.0) })
        }
        /// Lane 1 in both lanes.
        #[inline(always)]
        pub fn splat_hi(self) -> Self {
            F64x2(unsafe { _mm_unpackhi_pd(self.0, self.0) })
        }
        #[inline(always)]
        fn select(mask: __m128d, then: Self, otherwise: Self) -> Self {
            F64x2(unsafe { _mm_or_pd(_mm_and_pd(mask, then.0), _mm_andnot_pd(mask, otherwise.0)) })
        }
    }

    macro_rules! binary {
        ($trait:ident, $method:ident, $op:ident) => {
            impl $trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, other: F64x2) -> F64x2 {
                    F64x2(unsafe { $op(self.0, other.0) })
                }
            }
        };
    }
    binary!(Add, add, _mm_add_pd);
    binary!(Sub, sub, _mm_sub_pd);
    binary!(Mul, mul, _mm_mul_pd);
    binary!(Div, div, _mm_div_pd);

    impl Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            F64x2(unsafe { _mm_xor_pd(self.0, _mm_set1_pd(-0.0)) })
        }
    }

    impl Lanes for F64x2 {
        #[inline(always)]
        fn splat(v: f64) -> Self {
            F64x2(unsafe { _mm_set1_pd(v) })
        }
        #[inline(always)]
        fn constant(c: &'static Splat) -> Self {
            F64x2::splat(c.value())
        }
        #[inline(always)]
        fn abs(self) -> Self {
            F64x2(unsafe { _mm_andnot_pd(_mm_set1_pd(-0.0), self.0) })
        }
        #[inline(always)]
        fn copysign(self, sign: Self) -> Self {
            let mask = unsafe { _mm_set1_pd(-0.0) };
            F64x2::select(mask, sign, self)
        }
        #[inline(always)]
        fn select_lt(self, bound: Self, then: Self, otherwise: Self) -> Self {
            F64x2::select(unsafe { _mm_cmplt_pd(self.0, bound.0) }, then, otherwise)
        }
        #[inline(always)]
        fn keep_nan(self, otherwise: Self) -> Self {
            F64x2::select(unsafe { _mm_cmpunord_pd(self.0, self.0) }, self, otherwise)
        }
        #[inline(always)]
        fn below(self, bound: &'static Splat) -> (bool, bool) {
            let mask = unsafe { _mm_movemask_pd(_mm_cmplt_pd(self.0, _mm_set1_pd(bound.value()))) };
            (mask == 3, mask != 0)
        }
        #[inline(always)]
        fn exp2_parts(t: Self, table: &[[f64; 2]; 32]) -> (Self, Self) {
            let (h0, l0) = f64::exp2_parts(t.lo(), table);
            let (h1, l1) = f64::exp2_parts(t.hi(), table);
            (F64x2::new(h0, h1), F64x2::new(l0, l1))
        }
    }
}

#[cfg(not(any(
    target_arch = "x86_64",
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
mod simd {
    use super::*;

    /// Two f64 lanes, computed one after the other (this build has no simd128).
    #[derive(Clone, Copy, Debug)]
    pub struct F64x2(pub(crate) [f64; 2]);

    impl F64x2 {
        /// The lanes (a, b).
        #[inline(always)]
        pub fn new(a: f64, b: f64) -> Self {
            F64x2([a, b])
        }
        /// Lane 0.
        #[inline(always)]
        pub fn lo(self) -> f64 {
            self.0[0]
        }
        /// Lane 1.
        #[inline(always)]
        pub fn hi(self) -> f64 {
            self.0[1]
        }
        /// The lanes (`s[0]`, `s[1]`).
        #[inline(always)]
        pub fn load(s: &[f64; 2]) -> Self {
            F64x2(*s)
        }
        /// Writes lane 0 to `s[0]` and lane 1 to `s[1]`.
        #[inline(always)]
        pub fn store(self, s: &mut [f64; 2]) {
            *s = self.0;
        }
        /// (a's lane 0, b's lane 0).
        #[inline(always)]
        pub fn lows(a: Self, b: Self) -> Self {
            F64x2([a.0[0], b.0[0]])
        }
        /// (a's lane 1, b's lane 1).
        #[inline(always)]
        pub fn highs(a: Self, b: Self) -> Self {
            F64x2([a.0[1], b.0[1]])
        }
        /// Lane 0 in both lanes.
        #[inline(always)]
        pub fn splat_lo(self) -> Self {
            F64x2([self.0[0]; 2])
        }
        /// Lane 1 in both lanes.
        #[inline(always)]
        pub fn splat_hi(self) -> Self {
            F64x2([self.0[1]; 2])
        }
        #[inline(always)]
        fn map(self, f: impl Fn(f64) -> f64) -> Self {
            F64x2([f(self.0[0]), f(self.0[1])])
        }
        #[inline(always)]
        fn zip(self, other: Self, f: impl Fn(f64, f64) -> f64) -> Self {
            F64x2([f(self.0[0], other.0[0]), f(self.0[1], other.0[1])])
        }
    }

    macro_rules! binary {
        ($trait:ident, $method:ident, $op:tt) => {
            impl $trait for F64x2 {
                type Output = F64x2;
                #[inline(always)]
                fn $method(self, other: F64x2) -> F64x2 {
                    self.zip(other, |a, b| a $op b)
                }
            }
        };
    }
    binary!(Add, add, +);
    binary!(Sub, sub, -);
    binary!(Mul, mul, *);
    binary!(Div, div, /);

    impl Neg for F64x2 {
        type Output = F64x2;
        #[inline(always)]
        fn neg(self) -> F64x2 {
            self.map(|a| -a)
        }
    }

    impl Lanes for F64x2 {
        #[inline(always)]
        fn splat(v: f64) -> Self {
            F64x2([v, v])
        }
        #[inline(always)]
        fn constant(c: &'static Splat) -> Self {
            F64x2::splat(c.value())
        }
        #[inline(always)]
        fn abs(self) -> Self {
            self.map(Lanes::abs)
        }
        #[inline(always)]
        fn copysign(self, sign: Self) -> Self {
            self.zip(sign, Lanes::copysign)
        }
        #[inline(always)]
        fn select_lt(self, bound: Self, then: Self, otherwise: Self) -> Self {
            F64x2([
                self.0[0].select_lt(bound.0[0], then.0[0], otherwise.0[0]),
                self.0[1].select_lt(bound.0[1], then.0[1], otherwise.0[1]),
            ])
        }
        #[inline(always)]
        fn keep_nan(self, otherwise: Self) -> Self {
            self.zip(otherwise, Lanes::keep_nan)
        }
        #[inline(always)]
        fn below(self, bound: &'static Splat) -> (bool, bool) {
            let (a, b) = (self.0[0] < bound.value(), self.0[1] < bound.value());
            (a && b, a || b)
        }
        #[inline(always)]
        fn exp2_parts(t: Self, table: &[[f64; 2]; 32]) -> (Self, Self) {
            let (h0, l0) = f64::exp2_parts(t.0[0], table);
            let (h1, l1) = f64::exp2_parts(t.0[1], table);
            (F64x2([h0, h1]), F64x2([l0, l1]))
        }
    }
}

pub use simd::F64x2;

/// Whether every value is finite: 0·v is ±0 for a finite v and NaN for ±∞ or NaN, so a sum of them over two
/// lanes (two sums, to shorten the chain of additions) is 0 exactly when every value is finite.
pub fn all_finite(values: &[f64]) -> bool {
    let zero = F64x2::splat(0.0);
    let (mut s0, mut s1) = (zero, zero);
    let mut quads = values.chunks_exact(4);
    for quad in &mut quads {
        if let (Ok(a), Ok(b)) = (
            <&[f64; 2]>::try_from(&quad[..2]),
            <&[f64; 2]>::try_from(&quad[2..]),
        ) {
            let (a, b) = (F64x2::load(a), F64x2::load(b));
            s0 = s0 + zero * a;
            s1 = s1 + zero * b;
        }
    }
    let rest = quads.remainder().iter().fold(0.0, |s, &v| s + 0.0 * v);
    let sum = s0 + s1;
    sum.lo() + sum.hi() + rest == 0.0
}

impl PartialEq for F64x2 {
    /// Both lanes hold the same bits.
    fn eq(&self, other: &F64x2) -> bool {
        self.lo().to_bits() == other.lo().to_bits() && self.hi().to_bits() == other.hi().to_bits()
    }
}

#[cfg(test)]
mod tests {
    use super::all_finite;

    #[test]
    fn all_finite_finds_any_infinity_or_nan_at_any_position() {
        for len in 0..11 {
            let values: Vec<f64> = (0..len)
                .map(|k| f64::MAX * if k % 2 == 0 { 1.0 } else { -1.0 })
                .collect();
            assert!(all_finite(&values), "{len} finite values");
            for k in 0..len {
                for bad in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
                    let mut v = values.clone();
                    v[k] = bad;
                    assert!(!all_finite(&v), "{bad} at {k} of {len}");
                }
            }
        }
        assert!(all_finite(&[-0.0, 5e-324, -1e-300]));
    }
}
