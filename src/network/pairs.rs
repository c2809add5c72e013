//! Two points at a time: the forward and backward passes with one f64x2 lane per point.
//!
//! Each lane performs exactly the operations of the one-point passes in [`Dense`] in the same order (sums in
//! source order starting from the bias, the same activation bits, the same products), so a batch trained two
//! points at a time ends with the same bits as one trained point by point. Gradients are still added to the
//! accumulators point by point: lane 0's product, then lane 1's. In the wasm build with simd128 every lane
//! operation is one f64x2 instruction; elsewhere the lanes run one after the other.

use super::{Activation, Dense};
use crate::data::Dataset;
use crate::math::{F64x2, Lanes};

impl Activation {
    /// o = f(z) for every neuron of a layer, two points per lane.
    #[inline]
    pub fn apply_pairs(self, z: &[F64x2], o: &mut [F64x2]) {
        match self {
            Activation::Identity => o.copy_from_slice(z),
            Activation::Tanh => {
                for (o, &z) in o.iter_mut().zip(z) {
                    *o = crate::math::tanh_lanes(z);
                }
            }
            _ => {
                for (o, &z) in o.iter_mut().zip(z) {
                    *o = F64x2::new(self.output(z.lo()), self.output(z.hi()));
                }
            }
        }
    }

    /// f′(z) from z and o = f(z), lane by lane (as [`Activation::derivative`]).
    #[inline(always)]
    pub fn derivative_pair(self, z: F64x2, o: F64x2) -> F64x2 {
        match self {
            Activation::Tanh => F64x2::splat(1.0) - o * o,
            Activation::Sigmoid => o * (F64x2::splat(1.0) - o),
            _ => F64x2::new(
                self.derivative(z.lo(), o.lo()),
                self.derivative(z.hi(), o.hi()),
            ),
        }
    }
}

impl Dense {
    /// The forward pass of two points at once, into the pair buffers: lane 0 is `a`, lane 1 is `b`.
    pub fn forward_pair(&mut self, a: &[f64], b: &[f64]) {
        let n_in = self.layers[0];
        for (k, (&xa, &xb)) in a[..n_in].iter().zip(&b[..n_in]).enumerate() {
            self.z2[k] = F64x2::new(xa, xb);
            self.o2[k] = self.z2[k];
        }
        for l in 1..self.layers.len() {
            let (start, end) = (self.node_start[l], self.node_start[l + 1]);
            let fan_in = self.layers[l - 1];
            let weights =
                &self.weights[self.weight_start[l]..self.weight_start[l] + (end - start) * fan_in];
            let biases = &self.biases[start - n_in..end - n_in];
            let (done, rest) = self.o2.split_at_mut(start);
            let sources = &done[self.node_start[l - 1]..];
            let z = &mut self.z2[start..end];
            // zᵢ = bᵢ + Σⱼ wᵢⱼ·oⱼ, in j order from the bias; two rows at a time, so that two independent
            // chains of additions are interleaved
            let mut rows = weights.chunks_exact(2 * fan_in);
            let mut zs = z.chunks_exact_mut(2);
            for ((rows, bias), zi) in (&mut rows).zip(biases.chunks_exact(2)).zip(&mut zs) {
                let (row0, row1) = rows.split_at(fan_in);
                let (mut sum0, mut sum1) = (F64x2::splat(bias[0]), F64x2::splat(bias[1]));
                for ((&w0, &w1), &o) in row0.iter().zip(row1).zip(sources) {
                    sum0 = sum0 + F64x2::splat(w0) * o;
                    sum1 = sum1 + F64x2::splat(w1) * o;
                }
                (zi[0], zi[1]) = (sum0, sum1);
            }
            if let ([zi], Some(&bias)) = (zs.into_remainder(), biases.last()) {
                let mut sum = F64x2::splat(bias);
                for (&w, &o) in rows.remainder().iter().zip(sources) {
                    sum = sum + F64x2::splat(w) * o;
                }
                *zi = sum;
            }
            self.activations[l - 1].apply_pairs(z, &mut rest[..end - start]);
        }
    }

    /// The backward pass of the last [`Dense::forward_pair`] against targets `ta` and `tb`, adding lane 0's
    /// gradients to the accumulators, then lane 1's (as [`Dense::backward`] for a, then for b).
    pub fn backward_pair(&mut self, ta: &[f64], tb: &[f64]) {
        let n_in = self.layers[0];
        let last = self.layers.len() - 1;
        let f_out = self.activations[last - 1];
        for (k, i) in (self.node_start[last]..self.node_start[last + 1]).enumerate() {
            let (z, o) = (self.z2[i], self.o2[i]);
            let slope = f_out.derivative_pair(z, o);
            self.dz2[i] = F64x2::new(
                self.loss.output_delta(o.lo(), ta[k], slope.lo()),
                self.loss.output_delta(o.hi(), tb[k], slope.hi()),
            );
        }
        for l in (1..=last).rev() {
            let (start, end) = (self.node_start[l], self.node_start[l + 1]);
            let (src_start, fan_in) = (self.node_start[l - 1], self.layers[l - 1]);
            let w_range = self.weight_start[l]..self.weight_start[l] + (end - start) * fan_in;
            let sources = &self.o2[src_start..start];
            let deltas = &self.dz2[start..end];
            // accB_i += dL/dz_i; accW_ij += dL/dz_i · o_j: lane 0, then lane 1. Two accumulators per lane
            // (neighbouring biases, or neighbouring weights of a row), each still adding point a's term, then b's.
            let acc_b = &mut self.acc_b[start - n_in..end - n_in];
            add_pairs(acc_b, deltas);
            let (src_a, src_b) = (&mut self.src_a, &mut self.src_b);
            for (k, o) in sources.chunks_exact(2).enumerate() {
                src_a[k] = F64x2::lows(o[0], o[1]); // (a's o_j, a's o_j+1)
                src_b[k] = F64x2::highs(o[0], o[1]); // (b's o_j, b's o_j+1)
            }
            let (src_a, src_b) = (&src_a[..fan_in / 2], &src_b[..fan_in / 2]);
            let acc_w = &mut self.acc_w[w_range.clone()];
            for (row, &d) in acc_w.chunks_exact_mut(fan_in).zip(deltas) {
                let (da, db) = (d.splat_lo(), d.splat_hi());
                for (acc, (&oa, &ob)) in row.chunks_exact_mut(2).zip(src_a.iter().zip(src_b)) {
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
            if l == 1 {
                continue;
            }
            // dL/do_j = Σᵢ w_ij · dL/dz_i over i in order; dL/dz_j = dL/do_j · f′(z_j)
            let (before, after) = self.dz2.split_at_mut(start);
            let (dz_src, deltas) = (&mut before[src_start..], &after[..end - start]);
            let d_out = &mut self.d_out2[src_start..start];
            let weights = &self.weights[w_range];
            let f = self.activations[l - 2];
            // two sources j, j + 1 at a time: their weights in a row are neighbours, loaded together
            let mut j = 0;
            while j + 1 < fan_in {
                let (mut sum0, mut sum1) = (F64x2::splat(0.0), F64x2::splat(0.0));
                for (i, &d) in deltas.iter().enumerate() {
                    if let Ok(w) =
                        <&[f64; 2]>::try_from(&weights[i * fan_in + j..i * fan_in + j + 2])
                    {
                        let w = F64x2::load(w);
                        sum0 = sum0 + w.splat_lo() * d;
                        sum1 = sum1 + w.splat_hi() * d;
                    }
                }
                (d_out[j], d_out[j + 1]) = (sum0, sum1);
                j += 2;
            }
            if j < fan_in {
                let mut sum = F64x2::splat(0.0);
                for (i, &d) in deltas.iter().enumerate() {
                    sum = sum + F64x2::splat(weights[i * fan_in + j]) * d;
                }
                d_out[j] = sum;
            }
            for (((dz, &dj), &z), &o) in dz_src
                .iter_mut()
                .zip(d_out.iter())
                .zip(&self.z2[src_start..start])
                .zip(sources)
            {
                *dz = dj * f.derivative_pair(z, o);
            }
        }
    }

    /// The loss of the last [`Dense::forward_pair`]: (point a's, point b's), as [`Dense::point_loss`].
    pub fn pair_loss(&self, ta: &[f64], tb: &[f64]) -> (f64, f64) {
        let last = self.layers.len() - 1;
        let (mut sa, mut sb) = (0.0, 0.0);
        for (k, i) in (self.node_start[last]..self.node_start[last + 1]).enumerate() {
            let (z, o) = (self.z2[i], self.o2[i]);
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
        &self.o2
    }

    /// Forward and backward passes over the points `order` of `data`, two at a time (the last alone when their
    /// number is odd), adding their gradients to the accumulators; returns Σ of their losses when `with_loss`.
    pub fn accumulate(&mut self, data: &Dataset, order: &[usize], with_loss: bool) -> f64 {
        let mut loss = 0.0;
        let mut pairs = order.chunks_exact(2);
        for pair in &mut pairs {
            let ((xa, ta), (xb, tb)) = (data.point(pair[0]), data.point(pair[1]));
            self.forward_pair(xa, xb);
            if with_loss {
                let (la, lb) = self.pair_loss(ta, tb);
                loss += la;
                loss += lb;
            }
            self.backward_pair(ta, tb);
        }
        if let [k] = *pairs.remainder() {
            let (x, t) = data.point(k);
            self.forward(x);
            if with_loss {
                loss += self.point_loss(t);
            }
            self.backward(t);
        }
        loss
    }

    /// Σ over the points of `data` of each point's loss, in order, two points at a time.
    pub fn loss_sum(&mut self, data: &Dataset) -> f64 {
        let n = data.len();
        let mut sum = 0.0;
        let mut k = 0;
        while k + 1 < n {
            let ((xa, ta), (xb, tb)) = (data.point(k), data.point(k + 1));
            self.forward_pair(xa, xb);
            let (la, lb) = self.pair_loss(ta, tb);
            sum += la;
            sum += lb;
            k += 2;
        }
        if k < n {
            let (x, t) = data.point(k);
            self.forward(x);
            sum += self.point_loss(t);
        }
        sum
    }
}

/// acc_i += d_i's lane 0, then acc_i += d_i's lane 1, for every i: two neighbouring accumulators per f64x2.
#[inline(always)]
fn add_pairs(acc: &mut [f64], d: &[F64x2]) {
    for (acc, d) in acc.chunks_exact_mut(2).zip(d.chunks_exact(2)) {
        if let Ok(acc) = <&mut [f64; 2]>::try_from(acc) {
            let sum = F64x2::load(acc) + F64x2::lows(d[0], d[1]);
            (sum + F64x2::highs(d[0], d[1])).store(acc);
        }
    }
    let last = acc.len().wrapping_sub(1);
    if acc.len() % 2 == 1 {
        let (acc, d) = (&mut acc[last], d[last]);
        *acc += d.lo();
        *acc += d.hi();
    }
}
