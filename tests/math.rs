//! The elementary functions of `backprop_lab::math` against correctly rounded values from mpmath
//! (`tests/data/math-reference.txt`, written by `scripts/math-reference.py` at 200 bits): edge cases (0, −0,
//! subnormals, the largest double, overflow and underflow thresholds, ±∞, NaN) and random points; every value within
//! 1 ulp (softplus, a composition, within 2). The two-lane tanh gives the scalar's bits.

use backprop_lab::math::{self, F64x2};

#[path = "common/reference.rs"]
mod reference;
#[path = "common/ulp.rs"]
mod ulp;

use ulp::ulp_error;

/// (function, x, exact rounded, remainder) for every line of the reference file.
fn reference() -> Vec<(String, f64, f64, f64)> {
    let bits = |s: &str| f64::from_bits(u64::from_str_radix(s, 16).expect("16 hex digits"));
    include_str!("data/math-reference.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].to_string(), bits(f[1]), bits(f[2]), bits(f[3]))
        })
        .collect()
}

fn ours(name: &str) -> fn(f64) -> f64 {
    match name {
        "exp" => math::exp,
        "tanh" => math::tanh,
        "sigmoid" => math::sigmoid,
        "ln" => math::ln,
        "log1p" => math::log1p,
        "softplus" => math::softplus,
        "sin" => math::sin,
        "cos" => math::cos,
        _ => panic!("no function {name}"),
    }
}

#[test]
fn every_function_is_within_one_ulp_of_mpmath() {
    let table = reference();
    assert!(table.len() > 6000, "{} reference values", table.len());
    let mut worst: Vec<(String, f64, f64)> = Vec::new();
    for (name, x, hi, lo) in &table {
        let got = ours(name)(*x);
        let error = ulp_error(got, *hi, *lo);
        let bound = if name == "softplus" { 2.0 } else { 1.0 };
        assert!(
            error < bound,
            "{name}({x:e}) = {got:e}, correctly rounded {hi:e}: {error} ulp"
        );
        match worst.iter_mut().find(|(n, _, _)| n == name) {
            Some(w) if error > w.1 => *w = (name.clone(), error, *x),
            Some(_) => {}
            None => worst.push((name.clone(), error, *x)),
        }
    }
    for (name, error, x) in worst {
        println!("{name}: largest error {error:.3} ulp at x = {x:e}");
    }
}

/// The double-double references that `make ulp` sweeps against agree with mpmath to a thousandth of an ulp.
#[test]
fn the_sweep_reference_agrees_with_mpmath() {
    for (name, x, hi, lo) in reference() {
        if !hi.is_finite()
            || hi == 0.0
            || hi.abs() < 1e-300
            || (name == "sin" || name == "cos") && x.abs() > 3e7
        {
            continue;
        }
        let r = reference::reference(&name)(x);
        let error = ulp_error(r.0, hi, lo);
        let exact = ((r.0 - hi) + (r.1 - lo)) / ulp::ulp_at(hi, lo);
        assert!(
            error <= 0.5 && exact.abs() < 1e-3,
            "{name}({x:e}): reference {:e} + {:e}, mpmath {hi:e} + {lo:e} ({exact} ulp)",
            r.0,
            r.1
        );
    }
}

#[test]
fn the_edge_cases_are_exact() {
    for f in [math::tanh, math::sin] {
        assert_eq!(f(0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(f(-0.0).to_bits(), (-0.0f64).to_bits());
        assert_eq!(f(5e-324), 5e-324);
        assert_eq!(f(-5e-324), -5e-324);
    }
    assert_eq!(math::tanh(f64::INFINITY), 1.0);
    assert_eq!(math::tanh(f64::NEG_INFINITY), -1.0);
    assert_eq!(math::tanh(19.1), 1.0);
    assert!(math::tanh(19.0) < 1.0);
    assert_eq!(math::exp(0.0), 1.0);
    assert_eq!(math::exp(-0.0), 1.0);
    assert_eq!(math::exp(f64::NEG_INFINITY), 0.0);
    assert_eq!(math::exp(f64::INFINITY), f64::INFINITY);
    assert_eq!(math::exp(709.782712893384), 1.7976931348622732e308);
    assert_eq!(math::exp(709.7827128933841), f64::INFINITY);
    assert_eq!(math::exp(-745.1332191019411), 5e-324);
    assert_eq!(math::exp(-745.1332191019412), 0.0);
    assert_eq!(math::sigmoid(0.0), 0.5);
    assert_eq!(math::sigmoid(f64::INFINITY), 1.0);
    assert_eq!(math::sigmoid(f64::NEG_INFINITY), 0.0);
    assert_eq!(math::ln(1.0), 0.0);
    assert_eq!(math::ln(0.0), f64::NEG_INFINITY);
    assert_eq!(math::ln(f64::INFINITY), f64::INFINITY);
    assert!(math::ln(-1.0).is_nan());
    assert_eq!(math::log1p(-1.0), f64::NEG_INFINITY);
    assert_eq!(math::log1p(-0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(math::cos(0.0), 1.0);
    for f in [
        math::exp,
        math::tanh,
        math::sigmoid,
        math::ln,
        math::log1p,
        math::softplus,
        math::sin,
        math::cos,
    ] {
        assert!(f(f64::NAN).is_nan());
    }
    assert!(math::sin(f64::INFINITY).is_nan() && math::cos(f64::NEG_INFINITY).is_nan());
}

#[test]
fn tanh_is_odd_and_its_two_lane_form_gives_the_same_bits() {
    let mut x = 1e-12f64;
    while x < 25.0 {
        for v in [x, x * 1.000123, 3.0 * x / 7.0] {
            assert_eq!(
                math::tanh(-v).to_bits(),
                (-math::tanh(v)).to_bits(),
                "odd at {v}"
            );
            let pair = math::tanh_lanes(F64x2::new(v, -v * 0.75));
            assert_eq!(
                pair.lo().to_bits(),
                math::tanh(v).to_bits(),
                "lane 0 at {v}"
            );
            assert_eq!(
                pair.hi().to_bits(),
                math::tanh(-v * 0.75).to_bits(),
                "lane 1 at {v}"
            );
        }
        x *= 1.07;
    }
    let pair = math::tanh_lanes(F64x2::new(f64::NAN, -0.0));
    assert!(pair.lo().is_nan());
    assert_eq!(pair.hi().to_bits(), (-0.0f64).to_bits());
}
