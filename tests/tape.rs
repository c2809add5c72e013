//! The tape against derivatives worked out by hand, for a dozen expressions, shared subexpressions included; the
//! graph it exposes for drawing; and backward passes that do not accumulate.

use backprop_lab::tape::{Edge, Tape, Var};

/// Equal to 1e-14 relative (closed forms and the tape round differently in the last bits).
fn assert_close(got: f64, expected: f64, what: &str) {
    assert!(
        (got - expected).abs() <= 1e-14 * expected.abs().max(1e-300),
        "{what}: tape {got:?}, by hand {expected:?}"
    );
}

/// Records f on a fresh tape from leaves with the given values, runs backward, and checks f and ∂f/∂leaf.
fn check(values: &[f64], f: impl Fn(&mut Tape, &[Var]) -> Var, value: f64, gradient: &[f64]) {
    let mut tape = Tape::new();
    let leaves: Vec<Var> = values.iter().map(|&v| tape.input(v)).collect();
    let out = f(&mut tape, &leaves);
    tape.backward(out);
    assert_close(tape.value(out), value, "value");
    for (k, (&leaf, &expected)) in leaves.iter().zip(gradient).enumerate() {
        assert_close(tape.grad(leaf), expected, &format!("∂f/∂leaf{k}"));
    }
}

#[test]
fn product_gives_each_factor_the_other() {
    // f = x·y: ∂f/∂x = y, ∂f/∂y = x
    check(&[3.0, -2.0], |t, v| t.mul(v[0], v[1]), -6.0, &[-2.0, 3.0]);
}

#[test]
fn a_value_used_twice_gets_the_sum_of_both_paths() {
    // f = x + x·x: ∂f/∂x = 1 + 2x
    let x = 1.7;
    check(
        &[x],
        |t, v| {
            let sq = t.mul(v[0], v[0]);
            t.add(v[0], sq)
        },
        x + x * x,
        &[1.0 + 2.0 * x],
    );
}

#[test]
fn difference_of_squares() {
    // f = (x + y)(x − y) = x² − y²: ∂f/∂x = 2x, ∂f/∂y = −2y
    let (x, y) = (1.25, 0.5);
    check(
        &[x, y],
        |t, v| {
            let s = t.add(v[0], v[1]);
            let d = t.sub(v[0], v[1]);
            t.mul(s, d)
        },
        (x + y) * (x - y),
        &[2.0 * x, -2.0 * y],
    );
}

#[test]
fn quotient() {
    // f = x/y: ∂f/∂x = 1/y, ∂f/∂y = −x/y²
    let (x, y) = (3.0, 4.0);
    check(
        &[x, y],
        |t, v| t.div(v[0], v[1]),
        0.75,
        &[0.25, -x / (y * y)],
    );
}

#[test]
fn exponential_times_logarithm() {
    // f = eˣ·ln y: ∂f/∂x = eˣ ln y, ∂f/∂y = eˣ/y
    let (x, y) = (0.3, 2.5);
    let (ex, ly) = (libm::exp(x), libm::log(y));
    check(
        &[x, y],
        |t, v| {
            let e = t.exp(v[0]);
            let l = t.ln(v[1]);
            t.mul(e, l)
        },
        ex * ly,
        &[ex * ly, ex / y],
    );
}

#[test]
fn one_tanh_neuron() {
    // f = tanh(w·x + b): ∂f/∂w = (1 − f²)x, ∂f/∂x = (1 − f²)w, ∂f/∂b = 1 − f²
    let (w, x, b) = (0.4, -1.5, 0.1);
    let f = libm::tanh(w * x + b);
    let s = 1.0 - f * f;
    check(
        &[w, x, b],
        |t, v| {
            let p = t.mul(v[0], v[1]);
            let z = t.add(p, v[2]);
            t.tanh(z)
        },
        f,
        &[s * x, s * w, s],
    );
}

#[test]
fn a_shared_sigmoid_squared() {
    // s = σ(x), f = s·s: ∂f/∂x = 2s·s(1 − s)
    let x = 0.8;
    let s = 1.0 / (1.0 + libm::exp(-x));
    check(
        &[x],
        |t, v| {
            let s = t.sigmoid(v[0]);
            t.mul(s, s)
        },
        s * s,
        &[2.0 * s * s * (1.0 - s)],
    );
}

#[test]
fn relu_passes_positive_inputs_and_blocks_negative_ones() {
    // f = relu(x)·y: ∂f/∂x = y if x > 0 else 0, ∂f/∂y = relu(x)
    check(
        &[2.0, 3.0],
        |t, v| {
            let r = t.relu(v[0]);
            t.mul(r, v[1])
        },
        6.0,
        &[3.0, 2.0],
    );
    check(
        &[-2.0, 3.0],
        |t, v| {
            let r = t.relu(v[0]);
            t.mul(r, v[1])
        },
        0.0,
        &[0.0, 0.0],
    );
}

#[test]
fn real_and_integer_powers() {
    // f = x^2.5: f′ = 2.5·x^1.5; g = x⁻³: g′ = −3x⁻⁴
    let x: f64 = 1.44;
    check(
        &[x],
        |t, v| t.powf(v[0], 2.5),
        libm::pow(x, 2.5),
        &[2.5 * libm::pow(x, 1.5)],
    );
    check(&[2.0], |t, v| t.powi(v[0], -3), 0.125, &[-3.0 / 16.0]);
}

#[test]
fn square_of_a_shared_sum() {
    // u = x·y + y, f = u²: ∂f/∂x = 2u·y, ∂f/∂y = 2u·(x + 1)
    let (x, y) = (0.5, -3.0);
    let u = x * y + y;
    check(
        &[x, y],
        |t, v| {
            let p = t.mul(v[0], v[1]);
            let u = t.add(p, v[1]);
            t.powi(u, 2)
        },
        u * u,
        &[2.0 * u * y, 2.0 * u * (x + 1.0)],
    );
}

#[test]
fn negation_and_logarithm_of_a_square() {
    // f = −x + ln(x²): f′ = −1 + 2/x
    let x = 0.25;
    check(
        &[x],
        |t, v| {
            let n = t.neg(v[0]);
            let sq = t.powi(v[0], 2);
            let l = t.ln(sq);
            t.add(n, l)
        },
        -x + libm::log(x * x),
        &[-1.0 + 2.0 / x],
    );
}

#[test]
fn a_diamond_where_one_node_feeds_two() {
    // a = 2x, b = eᵃ, f = b + a·b = e²ˣ(1 + 2x): f′ = e²ˣ(4 + 4x)
    let x = 0.35;
    let e = libm::exp(2.0 * x);
    check(
        &[x],
        |t, v| {
            let two = t.constant(2.0);
            let a = t.mul(two, v[0]);
            let b = t.exp(a);
            let ab = t.mul(a, b);
            t.add(b, ab)
        },
        e + 2.0 * x * e,
        &[e * (4.0 + 4.0 * x)],
    );
}

#[test]
fn the_articles_chain_rule() {
    // J = (x·w − y)², dJ/dw = 2(ŷ − y)·x = 4.5w − 1.5 = 2.1 at w = 0.8; dJ/dx = 2(ŷ − y)·w
    check(
        &[1.5, 0.8],
        |t, v| {
            let y = t.constant(0.5);
            let y_hat = t.mul(v[0], v[1]);
            let e = t.sub(y_hat, y);
            t.powi(e, 2)
        },
        0.7 * 0.7,
        &[2.0 * 0.7 * 0.8, 2.0 * 0.7 * 1.5],
    );
}

#[test]
fn backward_twice_gives_the_same_gradients() {
    let mut tape = Tape::new();
    let x = tape.input(0.6);
    let sq = tape.mul(x, x);
    let f = tape.tanh(sq);
    tape.backward(f);
    let first = tape.nodes();
    tape.backward(f);
    assert_eq!(tape.nodes(), first);
    // Backward from an intermediate node: nodes after it get 0.
    tape.backward(sq);
    assert_eq!(tape.grad(x), 1.2);
    assert_eq!(tape.grad(f), 0.0);
}

#[test]
fn the_graph_lists_every_node_and_edge_with_local_derivatives() {
    // f = (w·x + b)², drawn as it is recorded.
    let mut tape = Tape::new();
    let w = tape.input(2.0);
    tape.label(w, "w");
    let x = tape.constant(3.0);
    let b = tape.input(1.0);
    let p = tape.mul(w, x);
    let z = tape.add(p, b);
    let f = tape.powi(z, 2);
    tape.label(f, "J");
    tape.backward(f);
    let nodes = tape.nodes();
    let summary: Vec<(&str, &str, f64, f64)> = nodes
        .iter()
        .map(|n| (n.label.as_str(), n.op, n.value, n.grad))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("w", "input", 2.0, 42.0),
            ("const", "const", 3.0, 28.0),
            ("input", "input", 1.0, 14.0),
            ("mul", "mul", 6.0, 14.0),
            ("add", "add", 7.0, 14.0),
            ("J", "powi", 49.0, 1.0),
        ]
    );
    assert_eq!(
        tape.edges(),
        vec![
            Edge {
                from: 0,
                to: 3,
                local: 3.0
            },
            Edge {
                from: 1,
                to: 3,
                local: 2.0
            },
            Edge {
                from: 3,
                to: 4,
                local: 1.0
            },
            Edge {
                from: 2,
                to: 4,
                local: 1.0
            },
            Edge {
                from: 4,
                to: 5,
                local: 14.0
            },
        ]
    );
    // Each gradient is the sum over outgoing edges of (local derivative × the user's gradient).
    for node in &nodes {
        let through: f64 = tape
            .edges()
            .iter()
            .filter(|e| e.from == node.id)
            .map(|e| e.local * nodes[e.to].grad)
            .sum();
        if node.id != f.0 {
            assert_eq!(node.grad, through, "node {}", node.id);
        }
    }
}

#[test]
#[should_panic(expected = "a Var of another tape")]
fn a_var_of_another_longer_tape_panics_as_documented() {
    let mut long = backprop_lab::tape::Tape::new();
    let a = long.input(1.0);
    let b = long.input(2.0);
    let c = long.mul(a, b);
    let mut short = backprop_lab::tape::Tape::new();
    let x = short.input(3.0);
    short.add(x, c);
}
