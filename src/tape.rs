//! Scalar reverse-mode automatic differentiation on a flat tape.
//!
//! Every operation appends one node to a vector: its value, the operation, and for each operand the operand's
//! index and the local derivative ∂node/∂operand, computed during the forward pass. [`Tape::backward`] then
//! walks the vector once in reverse: grad(output) = 1 and, for each node n and operand m,
//! grad(m) += grad(n) · ∂n/∂m. A value used by several nodes therefore receives the sum over its paths. The
//! gradients are recomputed from zero on every call, so running backward twice gives the same numbers.
//!
//! The primitives carry derivatives; subtraction is a + (−b) and division a · b⁻¹, as micrograd builds them.
//! [`Tape::nodes`] and [`Tape::edges`] expose the whole graph (values, gradients, local derivatives) for drawing.

/// A value recorded on a tape: its index. Copy it freely; it is only meaningful on the tape that made it.
///
/// # Panics
///
/// A tape cannot tell its own `Var`s from another tape's. An operation given a `Var` whose index is past this
/// tape's end ("a Var of another tape") panics; a reader answers for it as for a node it never made:
/// [`Tape::value`] NaN, [`Tape::grad`] 0 and [`Tape::op`] `None`; [`Tape::label`] ignores it and
/// [`Tape::backward`] from it leaves every gradient 0. A `Var` within the tape's end stands for this tape's node of that index. Either is a mistake of Rust
/// code only: no `Var` crosses the JavaScript boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Var(pub usize);

/// The operation that produced a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// A leaf whose gradient is wanted (an input or a parameter).
    Input,
    /// A leaf held constant (its gradient is computed but means nothing to the caller).
    Const,
    /// a + b: ∂/∂a = 1, ∂/∂b = 1.
    Add,
    /// a · b: ∂/∂a = b, ∂/∂b = a.
    Mul,
    /// −a: ∂/∂a = −1.
    Neg,
    /// aⁿ for an integer n: ∂/∂a = n·aⁿ⁻¹.
    Powi(i32),
    /// aᵖ for a constant real p: ∂/∂a = p·aᵖ⁻¹.
    Powf(f64),
    /// eᵃ: ∂/∂a = eᵃ.
    Exp,
    /// ln a: ∂/∂a = 1/a.
    Ln,
    /// tanh a: ∂/∂a = 1 − tanh²a.
    Tanh,
    /// σ(a) = 1/(1 + e⁻ᵃ): ∂/∂a = σ(a)(1 − σ(a)).
    Sigmoid,
    /// max(0, a): ∂/∂a = 1 if a > 0, else 0.
    Relu,
}

impl Op {
    /// A short name for drawing: `input`, `const`, `add`, `mul`, `neg`, `powi`, `powf`, `exp`, `ln`, `tanh`,
    /// `sigmoid`, `relu`.
    pub fn name(&self) -> &'static str {
        match self {
            Op::Input => "input",
            Op::Const => "const",
            Op::Add => "add",
            Op::Mul => "mul",
            Op::Neg => "neg",
            Op::Powi(_) => "powi",
            Op::Powf(_) => "powf",
            Op::Exp => "exp",
            Op::Ln => "ln",
            Op::Tanh => "tanh",
            Op::Sigmoid => "sigmoid",
            Op::Relu => "relu",
        }
    }
}

/// One recorded operation: its value and, for each of its 0 to 2 operands, the operand and ∂node/∂operand.
#[derive(Debug, Clone, PartialEq)]
struct Node {
    op: Op,
    value: f64,
    arity: usize,
    deps: [usize; 2],
    local: [f64; 2],
}

/// A node as a drawing sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeView {
    /// The node's index on the tape.
    pub id: usize,
    /// A name for people: the caller's label for leaves and named results, otherwise the operation.
    pub label: String,
    /// The operation's name (see [`Op::name`]).
    pub op: &'static str,
    /// The value computed in the forward pass.
    pub value: f64,
    /// ∂output/∂node from the last [`Tape::backward`] (0 before any).
    pub grad: f64,
}

/// An edge from an operand to the node that used it, with the local derivative ∂to/∂from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// The operand's id.
    pub from: usize,
    /// The id of the node that used it.
    pub to: usize,
    /// ∂to/∂from at the recorded values.
    pub local: f64,
}

/// A flat tape of scalar operations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tape {
    nodes: Vec<Node>,
    labels: Vec<Option<String>>,
    grads: Vec<f64>,
}

impl Tape {
    /// An empty tape.
    pub fn new() -> Self {
        Tape::default()
    }

    /// An empty tape with room for `nodes` nodes.
    pub fn with_capacity(nodes: usize) -> Self {
        Tape {
            nodes: Vec::with_capacity(nodes),
            labels: Vec::with_capacity(nodes),
            grads: Vec::new(),
        }
    }

    fn push(&mut self, op: Op, value: f64, deps: &[(Var, f64)]) -> Var {
        for &(Var(d), _) in deps {
            assert!(
                d < self.nodes.len(),
                "a Var of another tape ({d} is past this tape's {} nodes)",
                self.nodes.len()
            );
        }
        let mut node = Node {
            op,
            value,
            arity: deps.len(),
            deps: [0; 2],
            local: [0.0; 2],
        };
        for (k, &(Var(d), local)) in deps.iter().enumerate() {
            node.deps[k] = d;
            node.local[k] = local;
        }
        self.nodes.push(node);
        self.labels.push(None);
        Var(self.nodes.len() - 1)
    }

    /// A leaf whose gradient is wanted.
    pub fn input(&mut self, value: f64) -> Var {
        self.push(Op::Input, value, &[])
    }

    /// A constant leaf.
    pub fn constant(&mut self, value: f64) -> Var {
        self.push(Op::Const, value, &[])
    }

    /// Names a node for drawing (e.g. `w1[2,1]`, `ŷ`); returns it for chaining.
    pub fn label(&mut self, v: Var, label: impl Into<String>) -> Var {
        if let Some(slot) = self.labels.get_mut(v.0) {
            *slot = Some(label.into());
        }
        v
    }

    /// a + b.
    pub fn add(&mut self, a: Var, b: Var) -> Var {
        let value = self.value(a) + self.value(b);
        self.push(Op::Add, value, &[(a, 1.0), (b, 1.0)])
    }

    /// a · b.
    pub fn mul(&mut self, a: Var, b: Var) -> Var {
        let (x, y) = (self.value(a), self.value(b));
        self.push(Op::Mul, x * y, &[(a, y), (b, x)])
    }

    /// −a.
    pub fn neg(&mut self, a: Var) -> Var {
        let value = -self.value(a);
        self.push(Op::Neg, value, &[(a, -1.0)])
    }

    /// a − b, recorded as a + (−b).
    pub fn sub(&mut self, a: Var, b: Var) -> Var {
        let minus_b = self.neg(b);
        self.add(a, minus_b)
    }

    /// a / b, recorded as a · b⁻¹.
    pub fn div(&mut self, a: Var, b: Var) -> Var {
        let inverse = self.powi(b, -1);
        self.mul(a, inverse)
    }

    /// aⁿ: ∂/∂a = n·aⁿ⁻¹ (integer powers by repeated multiplication, exact for n = 2).
    pub fn powi(&mut self, a: Var, n: i32) -> Var {
        let x = self.value(a);
        let local = if n == 0 {
            0.0
        } else {
            f64::from(n) * powi(x, n - 1)
        };
        self.push(Op::Powi(n), powi(x, n), &[(a, local)])
    }

    /// aᵖ for a constant p: ∂/∂a = p·aᵖ⁻¹ (through libm's pow).
    pub fn powf(&mut self, a: Var, p: f64) -> Var {
        let x = self.value(a);
        let local = if p == 0.0 {
            0.0
        } else {
            p * libm::pow(x, p - 1.0)
        };
        self.push(Op::Powf(p), libm::pow(x, p), &[(a, local)])
    }

    /// eᵃ: ∂/∂a = eᵃ.
    pub fn exp(&mut self, a: Var) -> Var {
        let value = crate::math::exp(self.value(a));
        self.push(Op::Exp, value, &[(a, value)])
    }

    /// ln a: ∂/∂a = 1/a.
    pub fn ln(&mut self, a: Var) -> Var {
        let x = self.value(a);
        self.push(Op::Ln, crate::math::ln(x), &[(a, 1.0 / x)])
    }

    /// tanh a: ∂/∂a = 1 − tanh²a.
    pub fn tanh(&mut self, a: Var) -> Var {
        let t = crate::math::tanh(self.value(a));
        self.push(Op::Tanh, t, &[(a, 1.0 - t * t)])
    }

    /// σ(a) = 1/(1 + e⁻ᵃ): ∂/∂a = σ(1 − σ).
    pub fn sigmoid(&mut self, a: Var) -> Var {
        let s = sigmoid(self.value(a));
        self.push(Op::Sigmoid, s, &[(a, s * (1.0 - s))])
    }

    /// max(0, a): ∂/∂a = 1 if a > 0, else 0 (the derivative at the kink is taken as 0).
    pub fn relu(&mut self, a: Var) -> Var {
        let x = self.value(a);
        let (value, local) = if x > 0.0 { (x, 1.0) } else { (0.0, 0.0) };
        self.push(Op::Relu, value, &[(a, local)])
    }

    /// The sum of `terms` from left to right: ((t₀ + t₁) + t₂) + …; a constant 0 when there are none.
    pub fn sum(&mut self, terms: &[Var]) -> Var {
        match terms.split_first() {
            None => self.constant(0.0),
            Some((&first, rest)) => rest.iter().fold(first, |acc, &t| self.add(acc, t)),
        }
    }

    /// The value of `v` computed in the forward pass (NaN for a variable this tape did not make).
    pub fn value(&self, v: Var) -> f64 {
        self.nodes.get(v.0).map_or(f64::NAN, |n| n.value)
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Computes ∂output/∂n for every node n, from zero: grad(output) = 1, then in reverse order
    /// grad(operand) += grad(node) · ∂node/∂operand. Nodes recorded after `output` get 0.
    pub fn backward(&mut self, output: Var) {
        self.grads.clear();
        self.grads.resize(self.nodes.len(), 0.0);
        if output.0 >= self.nodes.len() {
            return;
        }
        self.grads[output.0] = 1.0;
        for n in (0..=output.0).rev() {
            let g = self.grads[n];
            let node = &self.nodes[n];
            for k in 0..node.arity {
                // chain rule along one edge: ∂out/∂operand += ∂out/∂node · ∂node/∂operand
                self.grads[node.deps[k]] += g * node.local[k];
            }
        }
    }

    /// ∂output/∂v from the last [`Tape::backward`] (0 before any).
    pub fn grad(&self, v: Var) -> f64 {
        self.grads.get(v.0).copied().unwrap_or(0.0)
    }

    /// The operation of `v` (`None` for a variable this tape did not make).
    pub fn op(&self, v: Var) -> Option<Op> {
        self.nodes.get(v.0).map(|n| n.op)
    }

    /// Every node in tape order, with its label, operation, value and gradient.
    pub fn nodes(&self) -> Vec<NodeView> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(id, n)| NodeView {
                id,
                label: self.labels[id]
                    .clone()
                    .unwrap_or_else(|| n.op.name().to_string()),
                op: n.op.name(),
                value: n.value,
                grad: self.grads.get(id).copied().unwrap_or(0.0),
            })
            .collect()
    }

    /// Every edge operand → node, in tape order, with its local derivative. An operand used twice by one node
    /// (a · a) gives two edges.
    pub fn edges(&self) -> Vec<Edge> {
        self.nodes
            .iter()
            .enumerate()
            .flat_map(|(to, n)| {
                (0..n.arity).map(move |k| Edge {
                    from: n.deps[k],
                    to,
                    local: n.local[k],
                })
            })
            .collect()
    }
}

/// xⁿ by repeated squaring (exact for |n| ≤ 2); n < 0 gives 1/x⁻ⁿ.
pub fn powi(x: f64, n: i32) -> f64 {
    let mut base = x;
    let mut e = n.unsigned_abs();
    let mut result = 1.0;
    while e > 0 {
        if e & 1 == 1 {
            result *= base;
        }
        e >>= 1;
        if e > 0 {
            base *= base;
        }
    }
    if n < 0 {
        1.0 / result
    } else {
        result
    }
}

/// σ(x) = 1/(1 + e⁻ˣ) (see [`crate::math::sigmoid`]).
pub fn sigmoid(x: f64) -> f64 {
    crate::math::sigmoid(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_articles_loss_has_the_articles_gradient() {
        // J = (x·w − y)², dJ/dw = 2(ŷ − y)·x = 4.5·0.8 − 1.5 = 2.1
        let mut t = Tape::new();
        let (x, y, w) = (t.constant(1.5), t.constant(0.5), t.input(0.8));
        let y_hat = t.mul(x, w);
        let e = t.sub(y_hat, y);
        let j = t.powi(e, 2);
        t.backward(j);
        assert!((t.grad(w) - 2.1).abs() < 1e-15);
        assert_eq!(t.value(j), (1.5f64 * 0.8 - 0.5) * (1.5 * 0.8 - 0.5));
    }

    #[test]
    fn readers_answer_for_a_var_of_another_tape_without_panicking() {
        let mut t = Tape::new();
        let w = t.input(2.0);
        let j = t.mul(w, w);
        let foreign = Var(7);
        assert!(t.value(foreign).is_nan());
        assert_eq!(t.op(foreign), None);
        t.label(foreign, "ignored");
        t.backward(foreign);
        assert_eq!((t.grad(w), t.grad(j), t.grad(foreign)), (0.0, 0.0, 0.0));
        t.backward(j); // dJ/dw = 2w = 4
        assert_eq!(t.grad(w), 4.0);
    }

    #[test]
    #[should_panic(expected = "a Var of another tape")]
    fn an_operation_on_a_var_of_another_tape_panics() {
        let mut t = Tape::new();
        let w = t.input(2.0);
        t.mul(w, Var(5));
    }

    #[test]
    fn powi_matches_multiplication() {
        assert_eq!(powi(3.0, 2), 9.0);
        assert_eq!(powi(2.0, -2), 0.25);
        assert_eq!(powi(7.0, 0), 1.0);
    }
}
