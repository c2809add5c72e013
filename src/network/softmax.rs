//! Softmax over the output layer, and its categorical cross-entropy.
//!
//! p = softmax(z) turns the output layer's total inputs into a probability vector: pₖ = e^zₖ / Σⱼ e^zⱼ. Computed
//! stably: shifted by the largest total input m (softmax is unchanged by a shift, and every e^(zₖ − m) is in (0, 1],
//! so none overflows), with our own `exp` and `ln` (`src/math`), so the same bits everywhere. The loss against a
//! probability vector t (a one-hot row for a class) is J = −Σₖ tₖ·ln pₖ = Σₖ tₖ·((m − zₖ) + ln S), S = Σⱼ e^(zⱼ − m),
//! which stays finite even when a pₖ rounds to 0; and ∂J/∂zₖ = pₖ − tₖ (as Σ t = 1), the same δ as a sigmoid
//! output with binary cross-entropy, so the backward pass needs nothing new.

use crate::error::{show, LabError, Result};
use crate::math::{exp, ln, F64x2};
use crate::tape::{Tape, Var};

use super::MAX_WIDTH;

/// How far a target row's sum may be from 1: rows written with decimals (0.1, 0.2, 0.7) are accepted, rows that
/// are not probability vectors are not.
pub const SUM_TOLERANCE: f64 = 1e-9;

/// The largest of `z` (NaN if the first is NaN: a NaN passes into every probability and the loss).
#[inline]
fn largest(z: &[f64]) -> f64 {
    let mut m = z[0];
    for &v in &z[1..] {
        if v > m {
            m = v;
        }
    }
    m
}

/// p = softmax(z): m = max z, eₖ = e^(zₖ − m), S = Σₖ eₖ (in k order), pₖ = eₖ·(1/S). Returns S, which the loss
/// needs. The same operations in the same order as [`record`], so the tape's ŷ are these bits.
pub fn normalize(z: &[f64], p: &mut [f64]) -> f64 {
    let p = &mut p[..z.len()];
    let m = largest(z);
    let mut sum = 0.0;
    for (pk, &zk) in p.iter_mut().zip(z) {
        let e = exp(zk - m); // eₖ = e^(zₖ − m), in (0, 1]
        *pk = e;
        sum += e; // S = Σ eₖ
    }
    let inverse = 1.0 / sum;
    for pk in p.iter_mut() {
        *pk *= inverse; // pₖ = eₖ · S⁻¹
    }
    sum
}

/// J = −Σₖ tₖ·ln pₖ = Σₖ tₖ·((m − zₖ) + ln S) for the total inputs `z`, targets `t` and S = Σ e^(zₖ − m) from
/// [`normalize`].
pub fn cross_entropy(z: &[f64], t: &[f64], sum: f64) -> f64 {
    let m = largest(z);
    let ln_sum = ln(sum);
    let mut j = 0.0;
    for (&zk, &tk) in z.iter().zip(t) {
        j += tk * ((m - zk) + ln_sum); // −tₖ·ln pₖ, ln pₖ = (zₖ − m) − ln S
    }
    j
}

/// ∂J/∂pₖ = −tₖ/pₖ, what the output neuron's ∂J/∂ŷ shows (δₖ = pₖ − tₖ sums it over the whole layer's Jacobian
/// ∂pⱼ/∂zₖ = pⱼ(1[j = k] − pₖ)).
#[inline]
pub fn d_loss_d_p(p: f64, t: f64) -> f64 {
    -t / p
}

/// Lane `lane` of `pairs` as plain numbers, into `out` (at least as long).
#[inline]
fn lane(pairs: &[F64x2], lane: usize, out: &mut [f64; MAX_WIDTH]) {
    for (o, v) in out.iter_mut().zip(pairs) {
        *o = if lane == 0 { v.lo() } else { v.hi() };
    }
}

/// [`normalize`] of two points at once, one per lane, each lane exactly as the one-point function; returns the
/// two sums S.
pub fn normalize_pair(z: &[F64x2], o: &mut [F64x2]) -> F64x2 {
    let n = z.len();
    let (mut za, mut zb) = ([0.0; MAX_WIDTH], [0.0; MAX_WIDTH]);
    let (mut pa, mut pb) = ([0.0; MAX_WIDTH], [0.0; MAX_WIDTH]);
    lane(z, 0, &mut za);
    lane(z, 1, &mut zb);
    let sa = normalize(&za[..n], &mut pa);
    let sb = normalize(&zb[..n], &mut pb);
    for (k, ok) in o[..n].iter_mut().enumerate() {
        *ok = F64x2::new(pa[k], pb[k]);
    }
    F64x2::new(sa, sb)
}

/// [`cross_entropy`] of two points at once: (point a's, point b's).
pub fn cross_entropy_pair(z: &[F64x2], ta: &[f64], tb: &[f64], sums: F64x2) -> (f64, f64) {
    let n = z.len();
    let (mut za, mut zb) = ([0.0; MAX_WIDTH], [0.0; MAX_WIDTH]);
    lane(z, 0, &mut za);
    lane(z, 1, &mut zb);
    (
        cross_entropy(&za[..n], ta, sums.lo()),
        cross_entropy(&zb[..n], tb, sums.hi()),
    )
}

/// Records p = softmax(z) on a tape as [`normalize`] computes it, replacing each zₖ of `vars` by its pₖ: the shift m
/// as a constant (softmax does not depend on it, so no gradient flows through it), sₖ = zₖ − m, eₖ = exp sₖ,
/// S = Σ eₖ, pₖ = eₖ·S⁻¹.
pub fn record(tape: &mut Tape, vars: &mut [Var]) {
    let mut m = tape.value(vars[0]);
    for &v in &vars[1..] {
        if tape.value(v) > m {
            m = tape.value(v);
        }
    }
    let m = tape.constant(m);
    let m = tape.label(m, "max z");
    for v in vars.iter_mut() {
        let s = tape.sub(*v, m);
        *v = tape.exp(s);
    }
    let sum = tape.sum(vars);
    let sum = tape.label(sum, "Σe");
    let inverse = tape.powi(sum, -1);
    for v in vars.iter_mut() {
        *v = tape.mul(*v, inverse);
    }
}

/// Records J = −Σₖ tₖ·ln pₖ on a tape, the textbook form, so that ∂J/∂ŷₖ = −tₖ/pₖ is drawn on each output; a term
/// whose target is 0 adds 0 and is left out (so a pₖ that rounds to 0 cannot make it 0·∞). `targets` are the
/// target leaves, `t` their values.
pub fn record_loss(tape: &mut Tape, p: &[Var], targets: &[Var], t: &[f64]) -> Var {
    let mut terms = Vec::with_capacity(p.len());
    for ((&pk, &tk), &value) in p.iter().zip(targets).zip(t) {
        if value != 0.0 {
            let ln_p = tape.ln(pk);
            terms.push(tape.mul(tk, ln_p));
        }
    }
    let sum = tape.sum(&terms);
    tape.neg(sum)
}

/// Checks that every row of `rows` (`stride` numbers, the targets in columns `inputs..`) has targets that sum to 1
/// within [`SUM_TOLERANCE`] (each is already known to be in [0, 1]); refuses the first that does not, naming
/// `field`, the point and its first target's index.
pub fn check_rows(field: &str, rows: &[f64], inputs: usize, stride: usize) -> Result<()> {
    for (point, row) in rows.chunks_exact(stride).enumerate() {
        let sum: f64 = row[inputs..].iter().sum();
        if (sum - 1.0).abs() > SUM_TOLERANCE || sum.is_nan() {
            return Err(LabError::invalid(
                format!("{field}[{}]", point * stride + inputs),
                format!(
                    "a probability vector for \"softmax\" (point {point}: its targets, columns {inputs} to {}, \
                     must sum to 1, e.g. a one-hot row for a class)",
                    stride - 1
                ),
                format!("targets summing to {}", show(sum)),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn softmax_is_a_probability_vector_with_the_closed_form() {
        let z = [1.0, 2.0, 3.0];
        let mut p = [0.0; 3];
        let sum = normalize(&z, &mut p);
        // S = e⁻² + e⁻¹ + 1 after the shift by 3
        let s = (-2.0f64).exp() + (-1.0f64).exp() + 1.0;
        assert!((sum - s).abs() < 1e-15);
        for (k, &pk) in p.iter().enumerate() {
            assert!((pk - (z[k] - 3.0f64).exp() / s).abs() < 1e-16, "{k}");
        }
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-15);
    }

    #[test]
    fn huge_inputs_neither_overflow_nor_lose_the_loss() {
        let z = [1000.0, 0.0, -1000.0];
        let mut p = [0.0; 3];
        let sum = normalize(&z, &mut p);
        assert_eq!(p, [1.0, 0.0, 0.0]);
        // J for class 3 = lse − z₃ = 1000 + ln(1 + e⁻¹⁰⁰⁰ + e⁻²⁰⁰⁰) + 1000 = 2000, though p₃ rounds to 0
        assert_eq!(cross_entropy(&z, &[0.0, 0.0, 1.0], sum), 2000.0);
        assert_eq!(cross_entropy(&z, &[1.0, 0.0, 0.0], sum), 0.0);
    }

    #[test]
    fn rows_that_are_not_probability_vectors_are_refused_by_point() {
        assert!(check_rows("train", &[0.5, 0.0, 1.0, 0.2, 0.3, 0.7], 1, 3).is_ok());
        let e = check_rows("train", &[0.5, 0.0, 1.0, 0.2, 0.3, 0.3], 1, 3).unwrap_err();
        assert_eq!(e.field(), Some("train[4]"));
        assert!(e.to_string().contains("(point 1:"), "{e}");
        assert!(e.to_string().contains("summing to 0.6"), "{e}");
    }
}
