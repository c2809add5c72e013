//! The article's exports as JavaScript sees them, in a real browser (`wasm-pack test --headless --chrome/--firefox`).
#![cfg(target_arch = "wasm32")]

use backprop_lab::wasm::{analyze, step, steps_to_digits, train, Descent};
use js_sys::{Array, Number, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A plain JavaScript object from (key, value) pairs.
fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn config(x: f64, y: f64, w: f64, lr: f64) -> JsValue {
    object(&[
        ("x", x.into()),
        ("y", y.into()),
        ("w", w.into()),
        ("lr", lr.into()),
    ])
}

fn article() -> JsValue {
    config(1.5, 0.5, 0.8, 0.1)
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn number(value: &JsValue, key: &str) -> f64 {
    field(value, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

/// How JavaScript's String() prints a number.
fn js_string(v: f64) -> String {
    Number::from(v).to_string_with_radix(10).unwrap().into()
}

/// The message of a thrown error.
fn message(error: JsValue) -> String {
    error.dyn_into::<js_sys::Error>().unwrap().message().into()
}

const TABLE: [&str; 5] = ["0.59", "0.4745", "0.410975", "0.37603625", "0.3568199375"];

#[wasm_bindgen_test]
fn runs_in_a_real_browser() {
    let agent = web_sys::window().unwrap().navigator().user_agent().unwrap();
    assert!(
        agent.contains("Chrome") || agent.contains("Firefox") || agent.contains("AppleWebKit"),
        "{agent}"
    );
}

#[wasm_bindgen_test]
fn train_gives_the_articles_table() {
    let records: Array = train(&article(), &JsValue::from(5.0))
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(records.length(), 5);
    let printed: Vec<String> = records
        .iter()
        .map(|r| js_string(number(&r, "wNext")))
        .collect();
    assert_eq!(printed, TABLE);
}

#[wasm_bindgen_test]
fn step_returns_every_factor_of_the_chain_rule() {
    let r = step(&article()).unwrap();
    let keys: Vec<String> = Object::keys(r.unchecked_ref::<Object>())
        .iter()
        .map(|k| k.as_string().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["w", "yHat", "error", "loss", "dJdYHat", "dYHatdW", "dJdW", "wNext"]
    );
    assert_eq!(number(&r, "w"), 0.8);
    assert!((number(&r, "yHat") - 1.2).abs() < 1e-15);
    assert!((number(&r, "error") - 0.7).abs() < 1e-15);
    assert!((number(&r, "loss") - 0.49).abs() < 1e-15);
    assert!((number(&r, "dJdYHat") - 1.4).abs() < 1e-15);
    assert_eq!(number(&r, "dYHatdW"), 1.5);
    assert!((number(&r, "dJdW") - 2.1).abs() < 1e-15);
    assert_eq!(js_string(number(&r, "wNext")), "0.59");
}

#[wasm_bindgen_test]
fn analyze_gives_the_closed_form() {
    let a = analyze(&article(), &JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&a, "regime").as_string().unwrap(), "monotone");
    assert!((number(&a, "optimum") - 1.0 / 3.0).abs() < 1e-16);
    assert!((number(&a, "lrOneStep") - 2.0 / 9.0).abs() < 1e-16);
    assert!((number(&a, "lrLimit") - 4.0 / 9.0).abs() < 1e-16);
    assert_eq!(number(&a, "stepsToWithin"), 23.0);
    let never = analyze(&config(1.5, 0.5, 0.8, 0.5), &JsValue::UNDEFINED).unwrap();
    assert_eq!(field(&never, "regime").as_string().unwrap(), "diverging");
    assert!(field(&never, "stepsToWithin").is_null());
    assert_eq!(
        steps_to_digits(&article(), &JsValue::from(6.0))
            .unwrap()
            .as_f64(),
        Some(25.0)
    );
    assert!(
        steps_to_digits(&config(1.5, 0.5, 0.8, 0.5), &JsValue::from(6.0))
            .unwrap()
            .is_null()
    );
}

#[wasm_bindgen_test]
fn a_descent_steps_through_the_table() {
    let mut d = Descent::new(&article()).unwrap();
    for expected in TABLE {
        let r = d.step().unwrap();
        assert_eq!(js_string(number(&r, "wNext")), expected);
    }
    assert_eq!(d.steps(), 5);
    assert_eq!(js_string(d.w()), "0.3568199375");
    let trail: Vec<String> = d
        .trail()
        .unwrap()
        .to_vec()
        .into_iter()
        .map(js_string)
        .collect();
    assert_eq!(
        trail,
        ["0.8", TABLE[0], TABLE[1], TABLE[2], TABLE[3], TABLE[4]]
    );
    assert_eq!(Array::from(&d.history().unwrap()).length(), 5);
    assert_eq!(d.losses().unwrap().length(), 5);
    d.reset();
    assert_eq!((d.steps(), d.w()), (0, 0.8));
}

#[wasm_bindgen_test]
fn bad_configs_give_messages_that_name_the_field() {
    let cases: Vec<(JsValue, &str)> = vec![
        (
            config(1.5, 0.5, 0.8, 0.0),
            "config.lr must be a finite number in (0, 100] (got 0)",
        ),
        (
            config(1.5, 0.5, 0.8, -1.0),
            "config.lr must be a finite number in (0, 100] (got -1)",
        ),
        (
            config(f64::NAN, 0.5, 0.8, 0.1),
            "config.x must be a finite number in [-1000, 1000] (got NaN)",
        ),
        (
            config(1.5, f64::INFINITY, 0.8, 0.1),
            "config.y must be a finite number in [-1000, 1000] (got Infinity)",
        ),
        (
            object(&[("x", 1.5.into()), ("y", 0.5.into()), ("w", 0.8.into())]),
            "config.lr is missing: give a finite number in (0, 100]",
        ),
        (
            object(&[
                ("x", "1.5".into()),
                ("y", 0.5.into()),
                ("w", 0.8.into()),
                ("lr", 0.1.into()),
            ]),
            "config.x must be a number (got the string \"1.5\")",
        ),
        (
            object(&[
                ("x", 1.5.into()),
                ("y", 0.5.into()),
                ("w", 0.8.into()),
                ("rate", 0.1.into()),
            ]),
            "config has an unknown field \"rate\"; its fields are x, y, w, lr",
        ),
        (
            JsValue::NULL,
            "config must be an object with the fields x, y, w, lr (got null)",
        ),
        (
            Array::new().into(),
            "config must be an object with the fields x, y, w, lr (got an array)",
        ),
    ];
    for (bad, expected) in cases {
        assert_eq!(message(step(&bad).unwrap_err()), expected);
        assert_eq!(
            message(train(&bad, &JsValue::from(1.0)).unwrap_err()),
            expected
        );
        assert_eq!(message(Descent::new(&bad).err().unwrap()), expected);
    }
    assert_eq!(
        message(train(&article(), &JsValue::from(10_001.0)).unwrap_err()),
        "steps must be a whole number from 0 to 10000 (got 10001)"
    );
    assert!(
        message(analyze(&config(0.0, 0.5, 0.8, 0.1), &JsValue::UNDEFINED).unwrap_err())
            .starts_with("config.x must be non-zero")
    );
    let long = "9".repeat(10_000);
    let hostile = object(&[
        ("x", long.as_str().into()),
        ("y", 0.5.into()),
        ("w", 0.8.into()),
        ("lr", 0.1.into()),
    ]);
    assert!(message(step(&hostile).unwrap_err()).len() < 200);
}

#[wasm_bindgen_test]
fn a_refused_call_leaves_a_descent_as_it_was() {
    let mut d = Descent::new(&article()).unwrap();
    d.train(&JsValue::from(3.0)).unwrap();
    let before = d.core().clone();
    for bad in [-1.0, 0.5, f64::NAN, f64::INFINITY, 1e9] {
        assert!(message(d.train(&JsValue::from(bad)).err().unwrap())
            .starts_with("steps must be a whole number"));
        assert_eq!(d.core(), &before);
    }
    let mut wild = Descent::new(&config(1000.0, 1.0, 1.0, 100.0)).unwrap();
    wild.train(&JsValue::from(2.0)).unwrap();
    let before = wild.core().clone();
    let error = message(wild.train(&JsValue::from(1000.0)).err().unwrap());
    assert!(error.starts_with("diverged at step "), "{error}");
    assert_eq!(wild.core(), &before);
    let error =
        message(train(&config(1000.0, 1.0, 1.0, 100.0), &JsValue::from(1000.0)).unwrap_err());
    assert!(error.contains("exceeds 1/x²"), "{error}");
}
