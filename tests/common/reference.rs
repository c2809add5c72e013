//! Slow double-double (about 104-bit) versions of the elementary functions: the reference `examples/ulp.rs`
//! sweeps 10⁷ points against. Independent of `src/math` (its own reduction and series, many more terms); checked
//! against mpmath's correctly rounded values in `tests/math.rs`. Shared by both with `#[path]`.
#![allow(dead_code)]

use std::ops::{Add, Div, Mul, Neg, Sub};

/// hi + lo with |lo| ≤ ulp(hi)/2.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DD(pub f64, pub f64);

fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a;
    let hi = c - (c - a);
    (hi, a - hi)
}

fn two_product(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

impl DD {
    pub fn from(x: f64) -> DD {
        DD(x, 0.0)
    }
    fn norm(hi: f64, lo: f64) -> DD {
        let s = hi + lo;
        DD(s, lo - (s - hi))
    }
    /// The value rounded to a double and the remainder: (hi, lo) as in the reference file.
    pub fn parts(self) -> (f64, f64) {
        (self.0, self.1)
    }
    /// self·2ᵏ, in steps that stay in range.
    pub fn scale(self, k: i32) -> DD {
        let step = k.clamp(-1000, 1000);
        let f = 2f64.powi(step);
        let d = DD(self.0 * f, self.1 * f);
        if step == k {
            d
        } else {
            d.scale(k - step)
        }
    }
}

impl Add for DD {
    type Output = DD;
    fn add(self, o: DD) -> DD {
        let (s, e) = two_sum(self.0, o.0);
        let (t, f) = two_sum(self.1, o.1);
        let (s, e) = {
            let e = e + t;
            (s + e, e - ((s + e) - s))
        };
        DD::norm(s, e + f)
    }
}

impl Neg for DD {
    type Output = DD;
    fn neg(self) -> DD {
        DD(-self.0, -self.1)
    }
}

impl Sub for DD {
    type Output = DD;
    fn sub(self, o: DD) -> DD {
        self + -o
    }
}

impl Mul for DD {
    type Output = DD;
    fn mul(self, o: DD) -> DD {
        let (p, e) = two_product(self.0, o.0);
        DD::norm(p, e + (self.0 * o.1 + self.1 * o.0))
    }
}

impl Div for DD {
    type Output = DD;
    fn div(self, o: DD) -> DD {
        let q1 = self.0 / o.0;
        let r = self - o * DD::from(q1);
        let q2 = r.0 / o.0;
        let r = r - o * DD::from(q2);
        let q3 = r.0 / o.0;
        DD::norm(q1, q2) + DD::from(q3)
    }
}

/// ln 2 and π/2 to about 160 bits, as three doubles each.
const LN2: [f64; 3] = [
    std::f64::consts::LN_2,
    2.3190468138462996e-17,
    5.707708438416212e-34,
];
const PIO2: [f64; 3] = [
    std::f64::consts::FRAC_PI_2,
    6.123233995736766e-17,
    -1.4973849048591698e-33,
];

/// 1/n! for n = 0..36, as double-doubles (computed once).
fn inverse_factorials() -> &'static [DD; 36] {
    static TABLE: std::sync::OnceLock<[DD; 36]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [DD::from(1.0); 36];
        for n in 1..36 {
            t[n] = t[n - 1] / DD::from(n as f64);
        }
        t
    })
}

/// eʸ − 1 for |y| ≤ 1/32 by its Taylor series to y¹⁶/16! (the next term is below 2⁻¹¹⁰ of the sum).
fn expm1_small(y: DD) -> DD {
    let inv = inverse_factorials();
    let mut power = y;
    let mut sum = y;
    for f in &inv[2..17] {
        power = power * y;
        sum = sum + power * *f;
    }
    sum
}

/// (eʳ, k) with eˣ = eʳ·2ᵏ: x = k·ln2 + r, eʳ = (1 + expm1(r/16))¹⁶.
fn exp_reduced(x: f64) -> (DD, i32) {
    let k = (x / LN2[0]).round();
    let r = DD::from(x)
        - DD::from(k) * DD::from(LN2[0])
        - DD::from(k) * DD::from(LN2[1])
        - DD::from(k * LN2[2]);
    let mut e = expm1_small(r.scale(-4));
    for _ in 0..4 {
        e = e * (e + DD::from(2.0)); // (1 + e)² − 1 = e·(e + 2)
    }
    (e + DD::from(1.0), k as i32)
}

/// eˣ as a double-double, for x in [−745, 709.8] (scaled by 2ᵏ in two steps: k can be −1075..1024).
pub fn exp_dd(x: f64) -> DD {
    let (e, k) = exp_reduced(x);
    e.scale(k / 2).scale(k - k / 2)
}

/// eˣ·2¹⁰⁷⁴ (eˣ in units of the smallest subnormal) for x below −708, where eˣ itself is subnormal and a
/// double-double of it would lose its low part.
pub fn exp_units(x: f64) -> DD {
    let (e, k) = exp_reduced(x);
    e.scale(k + 1074)
}

/// eʸ − 1 as a double-double, accurate relative to itself.
pub fn expm1_dd(y: f64) -> DD {
    if y.abs() <= 0.5 {
        let mut e = expm1_small(DD::from(y).scale(-4));
        for _ in 0..4 {
            e = e * (e + DD::from(2.0));
        }
        e
    } else {
        exp_dd(y) - DD::from(1.0)
    }
}

pub fn tanh_ref(x: f64) -> DD {
    if x.is_nan() {
        return DD::from(x);
    }
    let a = x.abs().min(30.0);
    let em = expm1_dd(-2.0 * a);
    let t = -em / (em + DD::from(2.0));
    if x < 0.0 {
        -t
    } else {
        t
    }
}

pub fn exp_ref(x: f64) -> DD {
    if x.is_nan() || x > 709.8 {
        return DD::from(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x < -746.0 {
        return DD::from(0.0);
    }
    exp_dd(x)
}

pub fn sigmoid_ref(x: f64) -> DD {
    if x.is_nan() {
        return DD::from(x);
    }
    if x >= 0.0 {
        DD::from(1.0) / (DD::from(1.0) + exp_dd(-x.min(700.0)))
    } else if x > -700.0 {
        let e = exp_dd(x);
        e / (DD::from(1.0) + e)
    } else {
        exp_ref(x) // σ = eˣ(1 − eˣ + …), the rest far below an ulp
    }
}

/// ln of a double-double y near a double guess g: g + (y·e^−g − 1), one Newton step from g.
fn ln_newton(y: DD, g: f64) -> DD {
    let t = y * exp_dd(-g) - DD::from(1.0);
    // ln(1 + t) = t − t²/2 + t³/3 for the small t left
    DD::from(g) + (t - t * t * DD::from(0.5) + t * t * t / DD::from(3.0))
}

pub fn ln_ref(x: f64) -> DD {
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return DD::from(backprop_lab::math::ln(x));
    }
    // x = 2ᵏ·m so that e^−g stays in range
    let k = x.log2().floor() as i32;
    let m = DD::from(x).scale(-k);
    let g = m.0.ln();
    ln_newton(m, g) + DD::from(k as f64) * DD::from(LN2[0]) + DD::from(k as f64 * LN2[1])
}

pub fn log1p_ref(x: f64) -> DD {
    if x.is_nan() || x <= -1.0 || x.is_infinite() {
        return DD::from(backprop_lab::math::log1p(x));
    }
    if x.abs() < 1e-3 {
        // x − x²/2 + x³/3 − …
        let mut sum = DD::from(0.0);
        let mut power = DD::from(x);
        for n in 1..20 {
            let term = power / DD::from(n as f64);
            sum = if n % 2 == 1 { sum + term } else { sum - term };
            power = power * DD::from(x);
        }
        return sum;
    }
    if x > 1e30 {
        return ln_ref(x) + DD::from(1.0 / x);
    }
    let (s, e) = two_sum(1.0, x);
    let y = DD::norm(s, e);
    let k = y.0.log2().floor() as i32;
    let m = y.scale(-k);
    ln_newton(m, m.0.ln()) + DD::from(k as f64) * DD::from(LN2[0]) + DD::from(k as f64 * LN2[1])
}

pub fn softplus_ref(x: f64) -> DD {
    if x.is_nan() {
        return DD::from(x);
    }
    if x < -700.0 {
        return exp_ref(x);
    }
    let e = exp_dd(-x.abs().min(740.0));
    let l = if e.0 < 1e-3 {
        let mut sum = DD::from(0.0);
        let mut power = e;
        for n in 1..25 {
            let term = power / DD::from(n as f64);
            sum = if n % 2 == 1 { sum + term } else { sum - term };
            power = power * e;
        }
        sum
    } else {
        let y = DD::from(1.0) + e;
        ln_newton(y, y.0.ln())
    };
    if x > 0.0 {
        DD::from(x) + l
    } else {
        l
    }
}

/// x = n·π/2 + r with r a double-double, for |x| < 2²⁵.
fn reduce_pio2(x: f64) -> (i64, DD) {
    let n = (x / PIO2[0]).round();
    let mut r = DD::from(x);
    for p in PIO2 {
        let (h, l) = two_product(n, p);
        r = r - DD(h, 0.0) - DD(l, 0.0);
    }
    (n as i64, r)
}

fn sin_cos_series(r: DD, start: u32) -> DD {
    // Σ (−1)ⁱ r^(2i + start)/(2i + start)!
    let mut term = if start == 1 { r } else { DD::from(1.0) };
    let mut sum = term;
    let r2 = r * r;
    let mut n = start;
    for i in 1..30 {
        term = term * r2 / DD::from(((n + 1) * (n + 2)) as f64);
        n += 2;
        sum = if i % 2 == 1 { sum - term } else { sum + term };
    }
    sum
}

pub fn sin_ref(x: f64) -> DD {
    if !x.is_finite() {
        return DD::from(f64::NAN);
    }
    let (n, r) = reduce_pio2(x);
    match n.rem_euclid(4) {
        0 => sin_cos_series(r, 1),
        1 => sin_cos_series(r, 0),
        2 => -sin_cos_series(r, 1),
        _ => -sin_cos_series(r, 0),
    }
}

pub fn cos_ref(x: f64) -> DD {
    if !x.is_finite() {
        return DD::from(f64::NAN);
    }
    let (n, r) = reduce_pio2(x);
    match n.rem_euclid(4) {
        0 => sin_cos_series(r, 0),
        1 => -sin_cos_series(r, 1),
        2 => -sin_cos_series(r, 0),
        _ => sin_cos_series(r, 1),
    }
}

/// The reference of a function by name.
pub fn reference(name: &str) -> fn(f64) -> DD {
    match name {
        "exp" => exp_ref,
        "tanh" => tanh_ref,
        "sigmoid" => sigmoid_ref,
        "ln" => ln_ref,
        "log1p" => log1p_ref,
        "softplus" => softplus_ref,
        "sin" => sin_ref,
        "cos" => cos_ref,
        _ => panic!("no reference for {name}"),
    }
}
