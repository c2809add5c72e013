//! Two points at a time: the forward and backward passes with one f64x2 lane per point, for a block of pairs.
//!
//! Each lane performs exactly the operations of the one-point passes in [`Dense`] in the same order (sums in
//! source order starting from the bias, the same activation bits, the same products), so a batch trained two
//! points at a time ends with the same bits as one trained point by point. Gradients are still added to the
//! accumulators point by point: lane 0's product, then lane 1's. In the wasm build with simd128 every lane
//! operation is one f64x2 instruction, natively on x86-64 one SSE2 instruction; elsewhere (the scalar wasm build,
//! other processors) the lanes run one after the other (see `src/math/lanes.rs`).
//!
//! A batch's pairs go through each layer together (up to [`BLOCK_PAIRS`] of them, each in its own slice of the
//! pair buffers), so a layer's loops are set up once per block rather than once per pair; the points' passes are
//! independent and each accumulator still receives the points' terms in the batch's order. W1's small layers
//! gain most from this.
//!
//! The per-pair loops index their slices (each cut to its length first, so that the bounds checks fold away)
//! rather than zip them: at opt-level "s" the compiler leaves each `Zip::new` a call, which cost W1 a tenth of its
//! time. The gradient sums' inner loop over a row still zips: measured, indexing it was slower.

use super::{softmax, Activation, Dense, MAX_WIDTH};
use crate::data::Dataset;
use crate::math::{F64x2, Lanes};

impl Activation {
    /// o = f(z) for every neuron of a layer, two points per lane.
    #[inline]
    pub fn apply_pairs(self, z: &[F64x2], o: &mut [F64x2]) {
        match self {
            Activation::Identity => o.copy_from_slice(z),
            Activation::Tanh => {
                let o = &mut o[..z.len()];
                for k in 0..z.len() {
                    o[k] = crate::math::tanh_lanes(z[k]);
                }
            }
            _ => {
                let o = &mut o[..z.len()];
                for k in 0..z.len() {
                    o[k] = F64x2::new(self.output(z[k].lo()), self.output(z[k].hi()));
                }
            }
        }
    }

    /// f′(z) from z and o = f(z), lane by lane (as [`Activation::derivative`]).
    #[inline(always)]
    pub fn derivative_pair(self, z: F64x2, o: F64x2) -> F64x2 {
        match self {
            Activation::Tanh => F64x2::splat(1.0) - o * o,
            Activation::Sigmoid | Activation::Softmax => o * (F64x2::splat(1.0) - o),
            _ => F64x2::new(
                self.derivative(z.lo(), o.lo()),
                self.derivative(z.hi(), o.hi()),
            ),
        }
    }
}

/// What [`Dense::visit_points`] calls for each point: (its loss, its outputs, its targets).
pub type PointVisitor<'a> = dyn FnMut(f64, &[f64], &[f64]) + 'a;

/// Pairs of points computed together, layer by layer: a batch of up to 16 points is 8 pairs, and each layer's
/// loops are set up once for all of them.
pub const BLOCK_PAIRS: usize = 8;

impl Dense {
    /// Puts points `a` and `b` into the input neurons of pair `p` of the block.
    #[inline(always)]
    fn load_pair(&mut self, p: usize, a: &[f64], b: &[f64]) {
        let (n_in, base) = (self.layers[0], p * self.neurons());
        let (a, b) = (&a[..n_in], &b[..n_in]);
        let (z, o) = (&mut self.z2[base..][..n_in], &mut self.o2[base..][..n_in]);
        for k in 0..n_in {
            z[k] = F64x2::new(a[k], b[k]);
            o[k] = z[k];
        }
    }

    /// The forward pass of two points at once, into the pair buffers: lane 0 is `a`, lane 1 is `b`.
    pub fn forward_pair(&mut self, a: &[f64], b: &[f64]) {
        self.load_pair(0, a, b);
        self.forward_block(1);
    }

    /// The forward pass of the first `pairs` pairs of the block, layer by layer.
    #[cfg_attr(feature = "profile", inline(never))]
    fn forward_block(&mut self, pairs: usize) {
        let (n_in, nodes) = (self.layers[0], self.neurons());
        for l in 1..self.layers.len() {
            let (start, end) = (self.node_start[l], self.node_start[l + 1]);
            let (src_start, fan_in, n) = (self.node_start[l - 1], self.layers[l - 1], end - start);
            let weights = &self.weights[self.weight_start[l]..][..n * fan_in];
            let biases = &self.biases[start - n_in..end - n_in];
            let f = self.activations[l - 1];
            for p in 0..pairs {
                let base = p * nodes;
                let (done, rest) = self.o2[base..base + nodes].split_at_mut(start);
                let sources = &done[src_start..][..fan_in];
                let z = &mut self.z2[base + start..base + end];
                // zᵢ = bᵢ + Σⱼ wᵢⱼ·oⱼ, in j order from the bias
                rows_times(weights, sources, |i| biases[i], z);
                if f == Activation::Softmax {
                    self.sums2[p] = softmax::normalize_pair(z, &mut rest[..n]);
                } else {
                    f.apply_pairs(z, &mut rest[..n]);
                }
            }
        }
    }

    /// The backward pass of the last [`Dense::forward_pair`] against targets `ta` and `tb`, adding lane 0's
    /// gradients to the accumulators, then lane 1's (as [`Dense::backward`] for a, then for b).
    pub fn backward_pair(&mut self, ta: &[f64], tb: &[f64]) {
        self.output_deltas(0, ta, tb);
        self.backward_block(1);
    }

    /// dL/dz of pair `p`'s output neurons against targets `ta` and `tb`.
    #[inline(always)]
    fn output_deltas(&mut self, p: usize, ta: &[f64], tb: &[f64]) {
        let last = self.layers.len() - 1;
        let f_out = self.activations[last - 1];
        let base = p * self.neurons();
        for (k, i) in (self.node_start[last]..self.node_start[last + 1]).enumerate() {
            let (z, o) = (self.z2[base + i], self.o2[base + i]);
            let slope = f_out.derivative_pair(z, o);
            self.dz2[base + i] = F64x2::new(
                self.loss.output_delta(o.lo(), ta[k], slope.lo()),
                self.loss.output_delta(o.hi(), tb[k], slope.hi()),
            );
        }
    }

    /// The backward pass of the first `pairs` pairs of the block (their output deltas set), layer by layer; each
    /// accumulator adds pair 0's lane 0, lane 1, then pair 1's, and so on, as the points one at a time.
    #[cfg_attr(feature = "profile", inline(never))]
    fn backward_block(&mut self, pairs: usize) {
        let (n_in, nodes, last) = (self.layers[0], self.neurons(), self.layers.len() - 1);
        for l in (1..=last).rev() {
            let (start, end) = (self.node_start[l], self.node_start[l + 1]);
            let (src_start, fan_in, n) = (self.node_start[l - 1], self.layers[l - 1], end - start);
            let w_range = self.weight_start[l]..self.weight_start[l] + n * fan_in;
            let half = fan_in / 2;
            let acc_b = &mut self.acc_b[start - n_in..end - n_in];
            let acc_w = &mut self.acc_w[w_range.clone()];
            for p in 0..pairs {
                let base = p * nodes;
                let sources = &self.o2[base + src_start..base + start][..fan_in];
                let deltas = &self.dz2[base + start..base + end];
                // accB_i += dL/dz_i; accW_ij += dL/dz_i · o_j: lane 0, then lane 1. Two accumulators per lane
                // (neighbouring biases, or neighbouring weights of a row), each still adding point a's term,
                // then b's.
                add_pairs(acc_b, deltas);
                let (src_a, src_b) = (&mut self.src_a[..half], &mut self.src_b[..half]);
                for k in 0..half {
                    let (o0, o1) = (sources[2 * k], sources[2 * k + 1]);
                    src_a[k] = F64x2::lows(o0, o1); // (a's o_j, a's o_j+1)
                    src_b[k] = F64x2::highs(o0, o1); // (b's o_j, b's o_j+1)
                }
                for (i, &d) in deltas.iter().enumerate() {
                    let row = &mut acc_w[i * fan_in..][..fan_in];
                    let (da, db) = (d.splat_lo(), d.splat_hi());
                    for (acc, (&oa, &ob)) in
                        row.chunks_exact_mut(2).zip(src_a.iter().zip(src_b.iter()))
                    {
                        if let Ok(acc) = <&mut [f64; 2]>::try_from(acc) {
                            let sum = F64x2::load(acc) + da * oa;
                            (sum + db * ob).store(acc);
                        }
                    }
                    if fan_in % 2 == 1 {
                        let p = d * sources[fan_in - 1];
                        let acc = &mut row[fan_in - 1];
                        *acc += p.lo();
                        *acc += p.hi();
                    }
                }
            }
            if l == 1 {
                continue;
            }
            // the layer's weights by column, wᵀ[j][i] = w[i][j], so that each source's weights lie in a row
            let weights = &self.weights[w_range];
            let columns = &mut self.columns[..n * fan_in];
            for i in 0..n {
                let row = &weights[i * fan_in..][..fan_in];
                for j in 0..fan_in {
                    columns[j * n + i] = row[j];
                }
            }
            let columns = &self.columns[..n * fan_in];
            let f = self.activations[l - 2];
            for p in 0..pairs {
                let base = p * nodes;
                // dL/do_j = Σᵢ w_ij · dL/dz_i over i in order; dL/dz_j = dL/do_j · f′(z_j)
                let (before, after) = self.dz2[base..base + nodes].split_at_mut(start);
                let (dz_src, deltas) = (&mut before[src_start..][..fan_in], &after[..n]);
                let d_out = &mut self.d_out2[src_start..start]; // scratch, used right below
                rows_times(columns, deltas, |_| 0.0, d_out); // wᵀ's rows from 0
                let z = &self.z2[base + src_start..base + start][..fan_in];
                let o = &self.o2[base + src_start..base + start][..fan_in];
                for j in 0..fan_in {
                    dz_src[j] = d_out[j] * f.derivative_pair(z[j], o[j]);
                }
            }
        }
    }

    /// The loss of the last [`Dense::forward_pair`]: (point a's, point b's), as [`Dense::point_loss`].
    pub fn pair_loss(&self, ta: &[f64], tb: &[f64]) -> (f64, f64) {
        self.block_loss(0, ta, tb)
    }

    /// The losses of pair `p` of the block against targets `ta` and `tb`.
    #[inline]
    fn block_loss(&self, p: usize, ta: &[f64], tb: &[f64]) -> (f64, f64) {
        let last = self.layers.len() - 1;
        let base = p * self.neurons();
        if self.softmax {
            let z = &self.z2[base + self.node_start[last]..base + self.node_start[last + 1]];
            return softmax::cross_entropy_pair(z, ta, tb, self.sums2[p]);
        }
        let (mut sa, mut sb) = (0.0, 0.0);
        for (k, i) in (self.node_start[last]..self.node_start[last + 1]).enumerate() {
            let (z, o) = (self.z2[base + i], self.o2[base + i]);
            sa += self.loss.value(o.lo(), z.lo(), ta[k]);
            sb += self.loss.value(o.hi(), z.hi(), tb[k]);
        }
        (sa, sb)
    }

    /// The accumulated gradients: Σ ∂L/∂w per weight and Σ ∂L/∂b per bias since [`Dense::zero_gradients`].
    pub fn accumulated(&self) -> (&[f64], &[f64]) {
        (&self.acc_w, &self.acc_b)
    }

    /// Every neuron's outputs of the last [`Dense::forward_pair`], inputs first.
    pub fn pair_outputs(&self) -> &[F64x2] {
        &self.o2[..self.neurons()]
    }

    /// Forward and backward passes over the points `order` of `data`, two at a time in blocks of up to
    /// [`BLOCK_PAIRS`] pairs (the last point alone when their number is odd), adding their gradients to the
    /// accumulators in the order of `order`; returns Σ of their losses, in that order, when `with_loss`.
    pub fn accumulate(&mut self, data: &Dataset, order: &[usize], with_loss: bool) -> f64 {
        let mut loss = 0.0;
        let mut blocks = order.chunks(2 * BLOCK_PAIRS);
        for block in &mut blocks {
            let pairs = block.len() / 2;
            for p in 0..pairs {
                let (xa, xb) = (data.point(block[2 * p]).0, data.point(block[2 * p + 1]).0);
                self.load_pair(p, xa, xb);
            }
            self.forward_block(pairs);
            for p in 0..pairs {
                let (ta, tb) = (data.point(block[2 * p]).1, data.point(block[2 * p + 1]).1);
                if with_loss {
                    let (la, lb) = self.block_loss(p, ta, tb);
                    loss += la;
                    loss += lb;
                }
                self.output_deltas(p, ta, tb);
            }
            self.backward_block(pairs);
            if let [k] = *block.chunks_exact(2).remainder() {
                let (x, t) = data.point(k);
                self.forward(x);
                if with_loss {
                    loss += self.point_loss(t);
                }
                self.backward(t);
            }
        }
        loss
    }

    /// Σ over the points of `data` of each point's loss, in order, two points at a time in blocks.
    pub fn loss_sum(&mut self, data: &Dataset) -> f64 {
        let mut sum = 0.0;
        self.visit_points(data, &mut |loss, _, _| sum += loss);
        sum
    }

    /// The forward pass of every point of `data`, two points at a time in blocks (the last alone when their number
    /// is odd), calling `visit(loss, outputs, targets)` for each point in order. (One function for every caller,
    /// through `dyn`: a call per point costs nothing beside its pass, and the module holds one copy.)
    pub fn visit_points(&mut self, data: &Dataset, visit: &mut PointVisitor) {
        let (n, outputs) = (data.len(), self.layers[self.layers.len() - 1]);
        let first = self.neurons() - outputs;
        let (mut ya, mut yb) = ([0.0; MAX_WIDTH], [0.0; MAX_WIDTH]);
        let mut k = 0;
        while k + 1 < n {
            let pairs = ((n - k) / 2).min(BLOCK_PAIRS);
            for p in 0..pairs {
                let (xa, xb) = (data.point(k + 2 * p).0, data.point(k + 2 * p + 1).0);
                self.load_pair(p, xa, xb);
            }
            self.forward_block(pairs);
            for p in 0..pairs {
                let (ta, tb) = (data.point(k + 2 * p).1, data.point(k + 2 * p + 1).1);
                let (la, lb) = self.block_loss(p, ta, tb);
                let base = p * self.neurons() + first;
                for (j, o) in self.o2[base..base + outputs].iter().enumerate() {
                    (ya[j], yb[j]) = (o.lo(), o.hi());
                }
                visit(la, &ya[..outputs], ta);
                visit(lb, &yb[..outputs], tb);
            }
            k += 2 * pairs;
        }
        if k < n {
            let (x, t) = data.point(k);
            self.forward(x);
            visit(self.point_loss(t), self.outputs(), t);
        }
    }
}

/// outᵣ = start(r) + Σₖ m[r][k]·vₖ for every row r of the row-major matrix `m` (`out.len()` rows of `v.len()`
/// columns), each sum in k order from start(r), every product a weight times a pair; four rows, then two, then one
/// at a time, so that independent chains of additions are interleaved. The forward pass (weights by rows, the
/// sources) and dL/do (weights by columns, the deltas) both are this.
#[inline(always)]
fn rows_times(m: &[f64], v: &[F64x2], start: impl Fn(usize) -> f64, out: &mut [F64x2]) {
    let (rows, cols) = (out.len(), v.len());
    let row = |r: usize| &m[r * cols..][..cols];
    let mut r = 0;
    while r + 3 < rows {
        let (m0, m1, m2, m3) = (row(r), row(r + 1), row(r + 2), row(r + 3));
        let (mut sum0, mut sum1) = (F64x2::splat(start(r)), F64x2::splat(start(r + 1)));
        let (mut sum2, mut sum3) = (F64x2::splat(start(r + 2)), F64x2::splat(start(r + 3)));
        for k in 0..cols {
            let x = v[k];
            sum0 = sum0 + F64x2::splat(m0[k]) * x;
            sum1 = sum1 + F64x2::splat(m1[k]) * x;
            sum2 = sum2 + F64x2::splat(m2[k]) * x;
            sum3 = sum3 + F64x2::splat(m3[k]) * x;
        }
        (out[r], out[r + 1], out[r + 2], out[r + 3]) = (sum0, sum1, sum2, sum3);
        r += 4;
    }
    while r + 1 < rows {
        let (m0, m1) = (row(r), row(r + 1));
        let (mut sum0, mut sum1) = (F64x2::splat(start(r)), F64x2::splat(start(r + 1)));
        for k in 0..cols {
            sum0 = sum0 + F64x2::splat(m0[k]) * v[k];
            sum1 = sum1 + F64x2::splat(m1[k]) * v[k];
        }
        (out[r], out[r + 1]) = (sum0, sum1);
        r += 2;
    }
    if r < rows {
        let m0 = row(r);
        let mut sum = F64x2::splat(start(r));
        for k in 0..cols {
            sum = sum + F64x2::splat(m0[k]) * v[k];
        }
        out[r] = sum;
    }
}

/// acc_i += d_i's lane 0, then acc_i += d_i's lane 1, for every i: two neighbouring accumulators per f64x2.
#[inline(always)]
fn add_pairs(acc: &mut [f64], d: &[F64x2]) {
    let d = &d[..acc.len()];
    for k in 0..acc.len() / 2 {
        if let Ok(acc) = <&mut [f64; 2]>::try_from(&mut acc[2 * k..2 * k + 2]) {
            let sum = F64x2::load(acc) + F64x2::lows(d[2 * k], d[2 * k + 1]);
            (sum + F64x2::highs(d[2 * k], d[2 * k + 1])).store(acc);
        }
    }
    let last = acc.len().wrapping_sub(1);
    if acc.len() % 2 == 1 {
        let (acc, d) = (&mut acc[last], d[last]);
        *acc += d.lo();
        *acc += d.hi();
    }
}
