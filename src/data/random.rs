//! The seeded random stream behind every generator, shuffle and initialization: mulberry32, as TensorFlow
//! Playground seeds it, so the same seed gives the same points and weights here, in every browser and in the
//! benchmark workloads.

/// A mulberry32 generator: 32 bits of state, one uniform number in [0, 1) per call.
///
/// ```text
/// a ← a + 0x6D2B79F5;  t ← (a ⊕ a≫15)·(1 | a);  t ← (t + (t ⊕ t≫7)·(61 | t)) ⊕ t;  return (t ⊕ t≫14) / 2³²
/// ```
/// (all arithmetic on wrapping 32-bit integers, as JavaScript's `Math.imul` and `| 0` do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    state: u32,
}

impl Rng {
    /// A stream seeded with `seed`.
    pub fn new(seed: u32) -> Self {
        Rng { state: seed }
    }

    /// The next number, uniform in [0, 1), a multiple of 2⁻³².
    pub fn next_f64(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x6D2B_79F5);
        let a = self.state;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }

    /// U(a, b) = rnd·(b − a) + a, uniform in [a, b), in Playground's floating-point form.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        self.next_f64() * (b - a) + a
    }

    /// A normal sample with the given mean and variance, by Marsaglia's polar method (as Playground's
    /// `normalRandom`): draw v₁, v₂ uniform in (−1, 1) until s = v₁² + v₂² ≤ 1, then
    /// mean + √variance · √(−2 ln s / s) · v₁.
    pub fn normal(&mut self, mean: f64, variance: f64) -> f64 {
        loop {
            let v1 = 2.0 * self.next_f64() - 1.0;
            let v2 = 2.0 * self.next_f64() - 1.0;
            let s = v1 * v1 + v2 * v2;
            // s = 0 would give 0/0; Playground does not guard it, but it has probability 2⁻⁶⁴.
            if s <= 1.0 && s > 0.0 {
                // √ is correctly rounded by IEEE 754 (wasm's f64.sqrt too), so it needs no libm.
                let result = f64::sqrt(-2.0 * libm::log(s) / s) * v1;
                return mean + f64::sqrt(variance) * result;
            }
        }
    }

    /// A uniform index in 0..n (n ≥ 1): ⌊rnd·n⌋.
    pub fn index(&mut self, n: usize) -> usize {
        ((self.next_f64() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// Shuffles `items` in place, Fisher–Yates as Playground's `dataset.ts` writes it:
    /// `c = len; while c > 0 { k = ⌊rnd·c⌋; c −= 1; swap(items[c], items[k]) }`.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        let mut c = items.len();
        while c > 0 {
            let k = self.index(c);
            c -= 1;
            items.swap(c, k);
        }
    }

    /// Shuffles the rows of a flat buffer (`stride` numbers per row) in place, drawing as [`Rng::shuffle`] does.
    pub fn shuffle_rows(&mut self, rows: &mut [f64], stride: usize) {
        if stride == 0 {
            return;
        }
        let mut c = rows.len() / stride;
        while c > 0 {
            let k = self.index(c);
            c -= 1;
            if k != c {
                for m in 0..stride {
                    rows.swap(c * stride + m, k * stride + m);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_stream_within_zero_and_one() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        for _ in 0..1000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
        assert_ne!(Rng::new(1).next_f64(), Rng::new(2).next_f64());
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut items: Vec<usize> = (0..50).collect();
        Rng::new(7).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
