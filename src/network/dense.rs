//! The layers themselves: parameters and per-neuron buffers on flat vectors, the forward pass, the backward
//! pass that accumulates a batch's gradients, and the same computation recorded on a tape for drawing.
//!
//! Layout (the workloads' order): weights per layer l = 1..L, per destination neuron i, per source neuron j;
//! biases per non-input neuron, layer by layer. Neurons are numbered across layers, inputs first.

use super::pairs::BLOCK_PAIRS;
use super::{softmax, Activation, Loss, NetworkConfig};
use crate::data::Rng;
use crate::math::{F64x2, Lanes};
use crate::tape::{Tape, Var};

/// Dense layers with their parameters, the gradients accumulated over a batch, and one point's pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Dense {
    pub(super) layers: Vec<usize>,
    pub(super) activations: Vec<Activation>,
    pub(super) loss: Loss,
    /// Whether the output layer is a softmax (its loss is then the categorical cross-entropy of the whole layer).
    pub(super) softmax: bool,
    /// node_start[l]: the index of layer l's first neuron; node_start[L + 1] = the number of neurons.
    pub(super) node_start: Vec<usize>,
    /// weight_start[l]: the index of layer l's first weight (l ≥ 1; weight_start[0] = 0).
    pub(super) weight_start: Vec<usize>,
    /// w[l][i][j], flat.
    pub(super) weights: Vec<f64>,
    /// b per non-input neuron, flat.
    pub(super) biases: Vec<f64>,
    /// Σ over the batch of ∂L/∂w (Playground's accErrorDer).
    pub(super) acc_w: Vec<f64>,
    /// Σ over the batch of ∂L/∂b = Σ dL/dz (Playground's accInputDer).
    pub(super) acc_b: Vec<f64>,
    /// Each neuron's total input z = b + Σⱼ wᵢⱼ·oⱼ (inputs: the input itself).
    z: Vec<f64>,
    /// Each neuron's output o = f(z) (inputs: the input itself).
    o: Vec<f64>,
    /// Error derivative with respect to each neuron's total input, dL/dz.
    dz: Vec<f64>,
    /// Error derivative with respect to each neuron's output, dL/do.
    d_out: Vec<f64>,
    /// With a softmax output, S = Σₖ e^(zₖ − max z) of the last forward pass (its loss needs ln S).
    sum: f64,
    /// S of each pair of the block, one per lane.
    pub(super) sums2: Vec<F64x2>,
    /// z of two points at once, one per lane, for each pair of a block: pair p's neuron k at p·neurons + k (see
    /// `pairs.rs`).
    pub(super) z2: Vec<F64x2>,
    /// o of two points at once.
    pub(super) o2: Vec<F64x2>,
    /// dL/dz of two points at once.
    pub(super) dz2: Vec<F64x2>,
    /// dL/do of two points at once, for the pair being computed (scratch of the backward pass).
    pub(super) d_out2: Vec<F64x2>,
    /// A layer's outputs for point a, two neurons per lane: (o_j, o_j+1) for even j (see `pairs.rs`).
    pub(super) src_a: Vec<F64x2>,
    /// The same for point b.
    pub(super) src_b: Vec<F64x2>,
    /// One layer's weights by column, for the backward pass (see `pairs.rs`).
    pub(super) columns: Vec<f64>,
}

impl Dense {
    /// Zero parameters and buffers for a validated configuration (all allocation happens here).
    pub fn new(config: &NetworkConfig) -> Self {
        let layers = config.layers.clone();
        let mut node_start = Vec::with_capacity(layers.len() + 1);
        let mut weight_start = Vec::with_capacity(layers.len());
        let (mut nodes, mut weights) = (0, 0);
        for (l, &size) in layers.iter().enumerate() {
            node_start.push(nodes);
            weight_start.push(weights);
            nodes += size;
            if l > 0 {
                weights += size * layers[l - 1];
            }
        }
        node_start.push(nodes);
        let biases = nodes - layers[0];
        let half_widest = layers.iter().max().map_or(0, |&n| n / 2);
        let largest_layer = layers.windows(2).map(|w| w[0] * w[1]).max().unwrap_or(0);
        Dense {
            softmax: config.activations.last() == Some(&Activation::Softmax),
            activations: config.activations.clone(),
            loss: config.loss,
            layers,
            node_start,
            weight_start,
            weights: vec![0.0; weights],
            biases: vec![0.0; biases],
            acc_w: vec![0.0; weights],
            acc_b: vec![0.0; biases],
            z: vec![0.0; nodes],
            o: vec![0.0; nodes],
            dz: vec![0.0; nodes],
            d_out: vec![0.0; nodes],
            sum: 1.0,
            sums2: vec![F64x2::splat(1.0); BLOCK_PAIRS],
            z2: vec![F64x2::splat(0.0); nodes * BLOCK_PAIRS],
            o2: vec![F64x2::splat(0.0); nodes * BLOCK_PAIRS],
            dz2: vec![F64x2::splat(0.0); nodes * BLOCK_PAIRS],
            d_out2: vec![F64x2::splat(0.0); nodes],
            src_a: vec![F64x2::splat(0.0); half_widest],
            src_b: vec![F64x2::splat(0.0); half_widest],
            columns: vec![0.0; largest_layer],
        }
    }

    /// Playground's initialization: every bias `bias` (0.1, or 0 without biases), every weight rnd − 0.5 drawn
    /// layer by layer, neuron by neuron, source by source.
    pub fn initialize(&mut self, rng: &mut Rng, bias: f64) {
        self.biases.fill(bias);
        for w in &mut self.weights {
            *w = rng.next_f64() - 0.5;
        }
    }

    /// Neurons per layer, input first.
    pub fn layers(&self) -> &[usize] {
        &self.layers
    }

    /// The number of neurons in all layers.
    pub fn neurons(&self) -> usize {
        self.o.len()
    }

    /// The neuron range of layer l.
    fn layer_nodes(&self, l: usize) -> std::ops::Range<usize> {
        self.node_start[l]..self.node_start[l + 1]
    }

    /// Forward pass for one point: o₀ = x, then for each layer zᵢ = bᵢ + Σⱼ wᵢⱼ·oⱼ (summed in j order,
    /// starting from the bias) and oᵢ = f(zᵢ). `x` has one number per input.
    pub fn forward(&mut self, x: &[f64]) {
        let n_in = self.layers[0];
        self.o[..n_in].copy_from_slice(&x[..n_in]);
        self.z[..n_in].copy_from_slice(&x[..n_in]);
        for l in 1..self.layers.len() {
            let f = self.activations[l - 1];
            let sources = self.layer_nodes(l - 1);
            let fan_in = sources.len();
            let mut w = self.weight_start[l];
            for i in self.layer_nodes(l) {
                let row = &self.weights[w..w + fan_in];
                let mut z = self.biases[i - n_in];
                for (wij, oj) in row.iter().zip(&self.o[sources.clone()]) {
                    z += wij * oj;
                }
                self.z[i] = z;
                self.o[i] = f.output(z);
                w += fan_in;
            }
            if f == Activation::Softmax {
                let nodes = self.layer_nodes(l);
                self.sum = softmax::normalize(&self.z[nodes.clone()], &mut self.o[nodes]);
            }
        }
    }

    /// The outputs ŷ of the last forward pass.
    pub fn outputs(&self) -> &[f64] {
        &self.o[self.node_start[self.layers.len() - 1]..]
    }

    /// Every neuron's total input z of the last forward pass, inputs first.
    pub fn totals(&self) -> &[f64] {
        &self.z
    }

    /// Every neuron's output o of the last forward pass, inputs first.
    pub fn neuron_outputs(&self) -> &[f64] {
        &self.o
    }

    /// Every neuron's δ = dL/dz from the last backward pass, inputs first (the inputs' entries are not set).
    pub fn deltas(&self) -> &[f64] {
        &self.dz
    }

    /// Every neuron's dL/do from the last backward pass, inputs first (the inputs' entries are not set).
    pub fn output_gradients(&self) -> &[f64] {
        &self.d_out
    }

    /// dL/dŷ of each output from the last backward pass.
    pub fn output_derivatives(&self) -> &[f64] {
        &self.d_out[self.node_start[self.layers.len() - 1]..]
    }

    /// The loss of the last forward pass against `t`: Σₖ L(ŷₖ, tₖ), or with a softmax output
    /// J = −Σₖ tₖ·ln pₖ (see [`softmax::cross_entropy`]).
    pub fn point_loss(&self, t: &[f64]) -> f64 {
        let out = self.layer_nodes(self.layers.len() - 1);
        if self.softmax {
            return softmax::cross_entropy(&self.z[out], t, self.sum);
        }
        let mut sum = 0.0;
        for (k, i) in out.enumerate() {
            sum += self.loss.value(self.o[i], self.z[i], t[k]);
        }
        sum
    }

    /// Zeroes the accumulated gradients.
    pub fn zero_gradients(&mut self) {
        self.acc_w.fill(0.0);
        self.acc_b.fill(0.0);
    }

    /// Backward pass for the last forward pass against targets `t`, adding this point's gradients to the
    /// accumulators. Output neurons: dL/dz = dL/dŷ · f′(z) (with cross-entropy on a sigmoid or a softmax,
    /// ŷ − t). Then per layer l = L..1:
    /// accB_i += dL/dz_i (as ∂z_i/∂b_i = 1); accW_ij += dL/dz_i · o_j (as ∂z_i/∂w_ij = o_j); and if l > 1,
    /// dL/do_j = Σᵢ w_ij · dL/dz_i (weights before the update) and dL/dz_j = dL/do_j · f′(z_j).
    pub fn backward(&mut self, t: &[f64]) {
        let n_in = self.layers[0];
        let last = self.layers.len() - 1;
        let f_out = self.activations[last - 1];
        for (k, i) in self.layer_nodes(last).enumerate() {
            let (z, o) = (self.z[i], self.o[i]);
            self.d_out[i] = if self.softmax {
                softmax::d_loss_d_p(o, t[k])
            } else {
                self.loss.derivative(o, t[k])
            };
            self.dz[i] = self.loss.output_delta(o, t[k], f_out.derivative(z, o));
        }
        for l in (1..=last).rev() {
            let sources = self.layer_nodes(l - 1);
            let fan_in = sources.len();
            let mut w = self.weight_start[l];
            for i in self.layer_nodes(l) {
                let d = self.dz[i];
                self.acc_b[i - n_in] += d;
                for (acc, oj) in self.acc_w[w..w + fan_in]
                    .iter_mut()
                    .zip(&self.o[sources.clone()])
                {
                    *acc += d * oj;
                }
                w += fan_in;
            }
            if l == 1 {
                continue;
            }
            // dL/do_j = Σᵢ w_ij · dL/dz_i, summed over i in order, row by row.
            self.d_out[sources.clone()].fill(0.0);
            let mut w = self.weight_start[l];
            for i in self.layer_nodes(l) {
                let d = self.dz[i];
                for (dj, wij) in self.d_out[sources.clone()]
                    .iter_mut()
                    .zip(&self.weights[w..w + fan_in])
                {
                    *dj += wij * d;
                }
                w += fan_in;
            }
            let f = self.activations[l - 2];
            for j in sources {
                self.dz[j] = self.d_out[j] * f.derivative(self.z[j], self.o[j]);
            }
        }
    }

    /// The name of weight `index`, `w{l}[{i},{j}]` with 1-based neuron numbers within layers.
    pub fn weight_name(&self, index: usize) -> String {
        let l = (1..self.layers.len())
            .rev()
            .find(|&l| self.weight_start[l] <= index)
            .unwrap_or(1);
        let fan_in = self.layers[l - 1];
        let k = index - self.weight_start[l];
        format!("w{l}[{},{}]", k / fan_in + 1, k % fan_in + 1)
    }

    /// The name of bias `index`, `b{l}[{i}]`.
    pub fn bias_name(&self, index: usize) -> String {
        let node = index + self.layers[0];
        let l = (1..self.layers.len())
            .rev()
            .find(|&l| self.node_start[l] <= node)
            .unwrap_or(1);
        format!("b{l}[{}]", node - self.node_start[l] + 1)
    }

    /// Records one point's forward pass and loss on a new tape, in the order [`Dense::forward`] computes it, so
    /// the neurons' values agree to the bit, a softmax's probabilities too (and so does the loss for the squared
    /// losses; cross-entropy's, built on the tape from ln and products, may differ in the last bit or two, about
    /// 4e-16 relative, and a softmax's −Σ t·ln p by up to an ulp of 1 where J is small); then runs the
    /// tape backward. Leaves: the inputs x (constants, named by
    /// `input_names` or else `x1`, `x2`, …), the parameters (inputs), the targets (constants). Returns the tape
    /// and the loss node.
    pub fn record(&self, x: &[f64], t: &[f64], bias: bool, input_names: &[&str]) -> (Tape, Var) {
        let n_in = self.layers[0];
        let mut tape =
            Tape::with_capacity(4 * (self.weights.len() + self.biases.len()) + 8 * self.neurons());
        let mut prev: Vec<Var> = Vec::with_capacity(n_in);
        for (k, &xk) in x.iter().take(n_in).enumerate() {
            let v = tape.constant(xk);
            let name = match input_names.get(k) {
                Some(name) => (*name).to_string(),
                None => format!("x{}", k + 1),
            };
            prev.push(tape.label(v, name));
        }
        let last = self.layers.len() - 1;
        for l in 1..=last {
            let f = self.activations[l - 1];
            let fan_in = self.layers[l - 1];
            let mut current = Vec::with_capacity(self.layers[l]);
            for (i, node) in self.layer_nodes(l).enumerate() {
                let mut sum = if bias {
                    let b = tape.input(self.biases[node - n_in]);
                    Some(tape.label(b, format!("b{l}[{}]", i + 1)))
                } else {
                    None
                };
                for (j, &oj) in prev.iter().enumerate() {
                    let w = tape.input(self.weights[self.weight_start[l] + i * fan_in + j]);
                    let w = tape.label(w, format!("w{l}[{},{}]", i + 1, j + 1));
                    let product = tape.mul(w, oj);
                    sum = Some(match sum {
                        Some(s) => tape.add(s, product),
                        None => product,
                    });
                }
                let z = sum.unwrap_or_else(|| tape.constant(0.0));
                let output = if l == last {
                    "ŷ".to_string()
                } else {
                    format!("a{l}[{}]", i + 1)
                };
                let o = if f == Activation::Softmax {
                    tape.label(z, format!("z{l}[{}]", i + 1)) // normalized with the whole layer below
                } else if f == Activation::Identity {
                    tape.label(z, output)
                } else {
                    tape.label(z, format!("z{l}[{}]", i + 1));
                    let o = f.record(&mut tape, z);
                    tape.label(o, output)
                };
                current.push(o);
            }
            if f == Activation::Softmax {
                softmax::record(&mut tape, &mut current);
            }
            prev = current;
        }
        let outputs = prev.len();
        let mut terms = Vec::with_capacity(outputs);
        let mut targets = Vec::with_capacity(outputs);
        for (k, &y_hat) in prev.iter().enumerate() {
            if outputs > 1 {
                tape.label(y_hat, format!("ŷ{}", k + 1));
            }
            let target = tape.constant(t[k]);
            let name = if outputs > 1 {
                format!("y{}", k + 1)
            } else {
                "y".to_string()
            };
            let target = tape.label(target, name);
            targets.push(target);
            if !self.softmax {
                terms.push(self.loss.record(&mut tape, y_hat, target));
            }
        }
        if self.softmax {
            terms.push(softmax::record_loss(&mut tape, &prev, &targets, t));
        }
        let j = tape.sum(&terms);
        let j = tape.label(j, "J");
        tape.backward(j);
        (tape, j)
    }
}
