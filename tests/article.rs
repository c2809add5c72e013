//! The article's model against the article's own numbers, the closed form, and random inputs.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::article::{
    self, analyze, raw_step, regime, step_factor, steps_to_digits, train, ArticleConfig, Descent,
    Regime, MAX_DESCENT_LR, MAX_STEPS,
};
use backprop_lab::LabError;
use proptest::prelude::*;

const ARTICLE: ArticleConfig = ArticleConfig::ARTICLE;

#[test]
fn first_five_updates_print_as_the_articles_table() {
    let records = train(&ARTICLE, 5).unwrap();
    let printed: Vec<String> = records.iter().map(|r| format!("{}", r.w_next)).collect();
    assert_eq!(
        printed,
        ["0.59", "0.4745", "0.410975", "0.37603625", "0.3568199375"]
    );
    // Each record starts where the previous one ended.
    assert_eq!(records[0].w, 0.8);
    for pair in records.windows(2) {
        assert_eq!(pair[1].w, pair[0].w_next);
    }
}

#[test]
fn first_step_holds_every_factor_of_the_chain_rule() {
    let r = article::step(&ARTICLE).unwrap();
    // ŷ = 1.5 · 0.8 = 1.2; ŷ − y = 0.7; J = 0.49; dJ/dŷ = 1.4; dŷ/dw = 1.5; dJ/dw = 2.1; w − 0.1 · 2.1 = 0.59.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-15;
    assert!(close(r.y_hat, 1.2));
    assert!(close(r.error, 0.7));
    assert!(close(r.loss, 0.49));
    assert!(close(r.d_j_d_y_hat, 1.4));
    assert_eq!(r.d_y_hat_d_w, 1.5);
    assert!(close(r.d_j_d_w, 2.1));
    assert_eq!(r.d_j_d_w, r.d_j_d_y_hat * r.d_y_hat_d_w);
    assert_eq!(format!("{}", r.w_next), "0.59");
}

#[test]
fn simplified_form_agrees_but_prints_float_noise() {
    // The article's 4.5w − 1.5 is the same derivative; computed that way, the first update shows rounding noise.
    for r in train(&ARTICLE, 20).unwrap() {
        assert!((r.d_j_d_w - (4.5 * r.w - 1.5)).abs() < 1e-14);
    }
    assert_eq!(
        format!("{}", 0.8 - 0.1 * (4.5 * 0.8 - 1.5)),
        "0.5900000000000001"
    );
}

#[test]
fn descent_converges_to_the_optimum_where_prediction_equals_target() {
    let records = train(&ARTICLE, 200).unwrap();
    let w = records.last().unwrap().w_next;
    assert!((w - 1.0 / 3.0).abs() < 1e-15, "w = {w}");
    assert!((1.5 * w - 0.5).abs() < 1e-15);
    // The loss falls at every step, by the factor (1 − 2·lr·x²)² = 0.55² = 0.3025.
    for pair in records[..40].windows(2) {
        assert!((pair[1].loss / pair[0].loss - 0.3025).abs() < 1e-6);
    }
}

#[test]
fn the_articles_last_row_stands_for_step_25() {
    // 0.333333 is the first 6-decimal reading of w equal to that of 1/3: 25 updates, 19 of them after row 5 hidden.
    assert_eq!(steps_to_digits(&ARTICLE, 6).unwrap(), Some(25));
    let records = train(&ARTICLE, 25).unwrap();
    assert_eq!(format!("{:.6}", records[23].w_next), "0.333334");
    assert_eq!(format!("{:.6}", records[24].w_next), "0.333333");
}

#[test]
fn closed_form_facts_for_the_article() {
    let a = analyze(&ARTICLE, 5e-7).unwrap();
    assert!((a.optimum - 1.0 / 3.0).abs() < 1e-16);
    assert_eq!(a.curvature, 4.5);
    assert!((a.factor - 0.55).abs() < 1e-15);
    assert_eq!(a.regime, Regime::Monotone);
    assert!((a.lr_one_step - 2.0 / 9.0).abs() < 1e-16);
    assert_eq!(format!("{:.4}", a.lr_one_step), "0.2222");
    assert!((a.lr_limit - 4.0 / 9.0).abs() < 1e-16);
    assert_eq!(format!("{:.4}", a.lr_limit), "0.4444");
    // |w − 1/3| = 0.4667 · 0.55ⁿ ≤ 5e-7 first at n = ⌈ln(5e-7 / 0.4667) / ln 0.55⌉ = 23.
    assert_eq!(a.steps_to_within, Some(23));
}

#[test]
fn regimes_at_and_between_the_boundaries_for_x_1_5() {
    let x = 1.5;
    assert_eq!(regime(x, 0.1), Regime::Monotone);
    assert_eq!(regime(x, 2.0 / 9.0), Regime::OneStep);
    assert_eq!(regime(x, 0.3), Regime::Oscillating);
    assert_eq!(regime(x, 4.0 / 9.0), Regime::OscillatingForever);
    assert_eq!(regime(x, 0.5), Regime::Diverging);
    assert_eq!(regime(x, 0.2222222222), Regime::OneStep);
    assert_eq!(regime(x, 0.2222), Regime::Monotone);
}

#[test]
fn behaviour_of_each_regime_matches_its_name() {
    let at = |lr: f64| ArticleConfig { lr, ..ARTICLE };
    let w_star = 1.0 / 3.0;
    // One step lands on the optimum.
    let one = train(&at(2.0 / 9.0), 1).unwrap();
    assert!((one[0].w_next - w_star).abs() < 1e-15);
    assert_eq!(
        analyze(&at(2.0 / 9.0), 5e-7).unwrap().steps_to_within,
        Some(1)
    );
    // Oscillating: the sign of w − w* alternates while its size shrinks by |1 − 2·0.3·2.25| = 0.35.
    let osc = train(&at(0.3), 6).unwrap();
    for pair in osc.windows(2) {
        let (d0, d1) = (pair[0].w_next - w_star, pair[1].w_next - w_star);
        assert!(d0 * d1 < 0.0);
        assert!((d1.abs() / d0.abs() - 0.35).abs() < 1e-9);
    }
    // Oscillating forever: w alternates between two points.
    let forever = train(&at(4.0 / 9.0), 6).unwrap();
    assert!((forever[1].w_next - forever[3].w_next).abs() < 1e-12);
    assert_eq!(analyze(&at(4.0 / 9.0), 5e-7).unwrap().steps_to_within, None);
    // Diverging: |w − w*| grows by |1 − 2·0.5·2.25| = 1.25 each step.
    let div = train(&at(0.5), 6).unwrap();
    for pair in div.windows(2) {
        assert!(
            ((pair[1].w_next - w_star).abs() / (pair[0].w_next - w_star).abs() - 1.25).abs() < 1e-9
        );
    }
}

#[test]
fn divergence_to_overflow_is_an_error_naming_the_step() {
    // Factor 1 − 2·100·1000² ≈ −2e8: |w| overflows f64 within a few dozen steps.
    let wild = ArticleConfig {
        x: 1000.0,
        y: 1.0,
        w: 1.0,
        lr: 100.0,
    };
    let err = train(&wild, 100).unwrap_err();
    assert!(err.is_divergence());
    let message = err.to_string();
    assert!(message.starts_with("diverged at step "), "{message}");
    let step: usize = message["diverged at step ".len()..]
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // Every step before the reported one is finite; the reported one is not.
    let before = train(&wild, step as usize - 1).unwrap();
    assert!(before
        .iter()
        .all(|r| r.w_next.is_finite() && r.loss.is_finite()));
    let last = before.last().unwrap().w_next;
    let next = raw_step(wild.x, wild.y, last, wild.lr);
    assert!(!(next.w_next.is_finite() && next.loss.is_finite() && next.y_hat.is_finite()));
    assert!(message.contains("exceeds 1/x²"), "{message}");
    // The explanation is readable as it stands: no non-finite number is quoted in it.
    assert!(
        !message.contains("Infinity") && !message.contains("NaN"),
        "{message}"
    );
}

#[test]
fn a_descent_is_unchanged_by_a_refused_call() {
    let mut d = Descent::new(ARTICLE).unwrap();
    d.train(3).unwrap();
    let before = d.clone();
    for bad in [MAX_STEPS + 1, usize::MAX] {
        assert!(d.train(bad).is_err());
        assert_eq!(d, before);
    }
    let mut wild = Descent::new(ArticleConfig {
        x: 1000.0,
        y: 1.0,
        w: 1.0,
        lr: 100.0,
    })
    .unwrap();
    wild.train(2).unwrap();
    let before = wild.clone();
    assert!(wild.train(1000).unwrap_err().is_divergence());
    assert_eq!(wild, before);
    d.reset();
    assert_eq!(d.steps(), 0);
    assert_eq!(d.w(), 0.8);
}

#[test]
fn invalid_configs_name_the_field_and_range() {
    let cases = [
        (
            ArticleConfig { lr: 0.0, ..ARTICLE },
            "config.lr must be a finite number in (0, 100] (got 0)",
        ),
        (
            ArticleConfig {
                lr: -0.1,
                ..ARTICLE
            },
            "config.lr must be a finite number in (0, 100] (got -0.1)",
        ),
        (
            ArticleConfig {
                x: f64::NAN,
                ..ARTICLE
            },
            "config.x must be a finite number in [-1000, 1000] (got NaN)",
        ),
        (
            ArticleConfig {
                w: f64::INFINITY,
                ..ARTICLE
            },
            "config.w must be a finite number in [-1000, 1000] (got Infinity)",
        ),
        (
            ArticleConfig { y: 1e6, ..ARTICLE },
            "config.y must be a finite number in [-1000, 1000] (got 1000000)",
        ),
    ];
    for (config, message) in cases {
        assert_eq!(article::step(&config).unwrap_err().to_string(), message);
        assert!(train(&config, 1).is_err());
        assert!(Descent::new(config).is_err());
    }
    let zero_x = ArticleConfig { x: 0.0, ..ARTICLE };
    assert!(analyze(&zero_x, 1e-6)
        .unwrap_err()
        .to_string()
        .starts_with("config.x must be non-zero"));
    // With x = 0 a step is still defined: the gradient is 0 and w stays.
    assert_eq!(article::step(&zero_x).unwrap().w_next, 0.8);
    assert!(train(&ARTICLE, 10_001)
        .unwrap_err()
        .to_string()
        .contains("from 0 to 10000"));
    assert!(analyze(&ARTICLE, 0.0).is_err());
}

fn valid_config() -> impl Strategy<Value = ArticleConfig> {
    (-10.0..10.0f64, -10.0..10.0f64, -10.0..10.0f64, 1e-4..1.0f64)
        .prop_map(|(x, y, w, lr)| ArticleConfig { x, y, w, lr })
}

fn bad_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        1000.0001..1e300f64,
        -1e300..-1000.0001f64,
    ]
}

fn bad_lr() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        -1e300..0.0f64,
        MAX_DESCENT_LR + 1e-9..1e300f64
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_step_equals_the_closed_form(config in valid_config()) {
        // w_next − w* = (1 − 2·lr·x²)(w − w*), with w* = y/x.
        prop_assume!(config.x.abs() > 1e-3);
        let r = article::step(&config).unwrap();
        let w_star = config.y / config.x;
        let expected = w_star + step_factor(config.x, config.lr) * (config.w - w_star);
        let scale = 1.0 + w_star.abs() + config.w.abs() + config.lr * 2.0 * config.x * config.x * config.w.abs();
        prop_assert!((r.w_next - expected).abs() <= 1e-12 * scale, "{} vs {}", r.w_next, expected);
    }

    #[test]
    fn gradient_matches_central_differences(config in valid_config()) {
        let j = |w: f64| raw_step(config.x, config.y, w, config.lr).loss;
        let h = 1e-6 * (1.0 + config.w.abs());
        let numeric = (j(config.w + h) - j(config.w - h)) / (2.0 * h);
        let r = article::step(&config).unwrap();
        prop_assert!((r.d_j_d_w - numeric).abs() <= 1e-6 * (1.0 + r.d_j_d_w.abs()));
    }

    #[test]
    fn an_invalid_field_is_always_refused(config in valid_config(), bad in bad_number(), lr in bad_lr(), which in 0..4usize) {
        let mut broken = config;
        match which {
            0 => broken.x = bad,
            1 => broken.y = bad,
            2 => broken.w = bad,
            _ => broken.lr = lr,
        }
        let field = ["config.x", "config.y", "config.w", "config.lr"][which];
        let message = article::step(&broken).unwrap_err().to_string();
        prop_assert!(message.starts_with(field), "{}", message);
        prop_assert!(train(&broken, 3).is_err());
        prop_assert!(Descent::new(broken).is_err());
    }

    #[test]
    fn invalid_step_counts_are_refused(n in 10_001usize..usize::MAX) {
        prop_assert!(train(&ARTICLE, n).is_err());
    }
}

#[test]
fn x_zero_steps_in_place_and_an_x_whose_square_underflows_is_refused() {
    for x in [0.0, -0.0, 5e-324, 1e-300, 1e-160] {
        let config = ArticleConfig { x, ..ARTICLE };
        let e = analyze(&config, 5e-7).unwrap_err();
        assert!(
            matches!(&e, LabError::Invalid { field, .. } if field == "config.x"),
            "{e}"
        );
        assert!(steps_to_digits(&config, 6).is_err());
    }
    // x = 0 itself trains: ŷ = 0 whatever w is, so dJ/dw = 2(0 − y)·0 = 0 and w never moves (a figure shows why).
    for x in [0.0, -0.0] {
        let mut descent = Descent::new(ArticleConfig { x, ..ARTICLE }).unwrap();
        let records = descent.train(3).unwrap();
        for r in &records {
            assert_eq!((r.w, r.y_hat, r.d_j_d_w, r.w_next), (0.8, 0.0, 0.0, 0.8));
            assert_eq!(r.loss, 0.25); // J = (0 − 0.5)² = y²
        }
        assert_eq!(descent.w(), 0.8);
        assert_eq!(train(&ArticleConfig { x, ..ARTICLE }, 2).unwrap().len(), 2);
    }
    for x in [5e-324, 1e-300, 1e-160] {
        let config = ArticleConfig { x, ..ARTICLE };
        // Training cannot learn: dJ/dw = 2(ŷ − y)·x moves w by nothing.
        let e = train(&config, 3).unwrap_err();
        assert!(e.to_string().contains("cannot learn"), "{e}");
        assert!(Descent::new(config).unwrap().step().is_err());
        // One step's record is still given.
        assert!(article::step(&config).is_ok());
    }
    // The smallest x whose closed form is finite is accepted.
    assert!(analyze(
        &ArticleConfig {
            x: 1e-154,
            ..ARTICLE
        },
        5e-7
    )
    .is_ok());
}

#[test]
fn analyze_gives_the_linear_form_and_the_overflow_step() {
    let a = analyze(&ARTICLE, 5e-7).unwrap();
    // dJ/dw = 4.5w − 1.5 for the article.
    assert_eq!((a.slope, a.intercept), (4.5, -1.5));
    assert_eq!(a.overflow_step, None);
    let wild = ArticleConfig {
        x: 1000.0,
        y: 1.0,
        w: 1.0,
        lr: 100.0,
    };
    let a = analyze(&wild, 5e-7).unwrap();
    let step = a.overflow_step.expect("a diverging run overflows");
    let e = train(&wild, step as usize).unwrap_err();
    assert!(
        matches!(e, LabError::Diverged { step: s, .. } if s == step),
        "{e}"
    );
    assert!(train(&wild, step as usize - 1).is_ok());
}
