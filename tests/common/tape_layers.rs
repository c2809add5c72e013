//! The layers of a network written on a tape from the definitions, an independent reference for the network's
//! passes: z = b + Σ w·o, o = f(z). Shared by `tests/network.rs` and `tests/softmax.rs` (each includes this file
//! with `#[path]`).

use backprop_lab::network::{Activation, NetworkConfig};
use backprop_lab::tape::{Tape, Var};

/// Point `x`'s pass through every layer of `config` on `tape`, with the weight leaves `w` and bias leaves `b`;
/// returns the last layer's outputs (a softmax layer's z: the caller writes its normalization).
pub fn layers_on_tape(
    tape: &mut Tape,
    config: &NetworkConfig,
    w: &[Var],
    b: &[Var],
    x: &[f64],
) -> Vec<Var> {
    let mut prev: Vec<Var> = x.iter().map(|&v| tape.constant(v)).collect();
    let (mut wi, mut bi) = (0, 0);
    for (&size, &f) in config.layers[1..].iter().zip(&config.activations) {
        let mut current = Vec::new();
        for _ in 0..size {
            let mut terms = vec![b[bi]];
            bi += 1;
            for &o in &prev {
                terms.push(tape.mul(w[wi], o));
                wi += 1;
            }
            let z = tape.sum(&terms);
            current.push(match f {
                Activation::Identity | Activation::Softmax => z,
                Activation::Relu => tape.relu(z),
                Activation::Tanh => tape.tanh(z),
                Activation::Sigmoid => tape.sigmoid(z),
            });
        }
        prev = current;
    }
    prev
}
