//! The TypeScript declarations of the network's exports: its configuration, data specification, trace and
//! limits, as `backprop_lab.d.ts` shows them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/**
 * A neuron's activation o = f(z); "softmax" (output layer only, with "crossEntropy", 2 or more outputs) makes the
 * outputs probabilities p = e^z / Σ e^z over the whole layer.
 */
export type ActivationName = "identity" | "relu" | "tanh" | "sigmoid" | "softmax";
/**
 * The loss of an output ŷ against its target t: (ŷ − t)², ½(ŷ − t)², or cross-entropy: binary on a sigmoid
 * output, categorical (−Σ t·ln p, each target row a probability vector such as one-hot) on a softmax.
 */
export type LossName = "squared" | "halfSquared" | "crossEntropy";
/** The update rule. */
export type OptimizerName = "sgd" | "momentum" | "adam";
/** A built-in dataset. */
export type DatasetName = "article" | "line" | "xor" | "circle" | "gaussians" | "spiral" | "plane" | "multigaussian"
  | "blobs3" | "spiral3";
/** An input feature computed from a raw point (x1, x2), as TensorFlow Playground's first column. */
export type FeatureName = "x1" | "x2" | "x1^2" | "x2^2" | "x1*x2" | "sin(x1)" | "sin(x2)";
/** The penalty on the weights: none, L1 (|w|) or L2 (½w²). */
export type RegularizationName = "none" | "l1" | "l2";

/** A network's shape and training settings; every field but `layers` has a default. */
export interface NetworkConfig {
  /** Neurons per layer, input first: 2 to 10 layers of 1 to 64 neurons, e.g. [2, 4, 2, 1]. */
  layers: number[];
  /** The hidden layers' activation (default "tanh"). */
  activation?: ActivationName;
  /** The output layer's activation (default "tanh"; "crossEntropy" needs "sigmoid" or "softmax"). */
  outputActivation?: ActivationName;
  /** One activation per non-input layer, instead of `activation` and `outputActivation`. */
  activations?: ActivationName[];
  /** Default "halfSquared". */
  loss?: LossName;
  /** Default "sgd". */
  optimizer?: OptimizerName;
  /** Momentum's μ in [0, 1) (default 0.9); only with optimizer "momentum". */
  momentum?: number;
  /** Adam's β₁ in [0, 1) (default 0.9); only with optimizer "adam". */
  beta1?: number;
  /** Adam's β₂ in [0, 1) (default 0.999); only with optimizer "adam". */
  beta2?: number;
  /** Adam's ε in (0, 1] (default 1e-8); only with optimizer "adam". */
  epsilon?: number;
  /** The learning rate, in (0, 10] (default 0.03). */
  lr?: number;
  /** Points per update, 1 to 10000 (default 10). */
  batchSize?: number;
  /** Shuffle the training points before each epoch (default false). */
  shuffle?: boolean;
  /** Seed of the initial weights and the shuffles, a whole number from 0 to 4294967295 (default 0). */
  seed?: number;
  /** Give every neuron a bias (default true); without, biases stay 0. */
  bias?: boolean;
  /**
   * The inputs computed from each raw point (x1, x2): a non-empty list in this order of names; `layers[0]` must
   * equal its length. Absent: the inputs are the data's own `layers[0]` columns (for 2, the same as ["x1", "x2"]).
   * With features, data rows, predictions and grids take raw points (x1, x2).
   */
  features?: FeatureName[];
  /** Default "none"; applied after each update as TensorFlow Playground applies it (weights only). */
  regularization?: RegularizationName;
  /** λ in [0, 10] (default 0); Playground offers 0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10. */
  regularizationRate?: number;
}

/**
 * Points drawn by a built-in generator, shuffled with the same seed and split into training and test points.
 * "blobs3" and "spiral3" have three classes: each point's targets are a one-hot row of 3, for 3 outputs.
 */
export interface DataSpec {
  dataset: DatasetName;
  /** How many points in all, 1 to 10000 (default 500; "article" always gives its one point). */
  points?: number;
  /** Noise in [0, 1] (default 0); Playground's slider shows 100 × noise, 0 to 50. */
  noise?: number;
  /** A whole number from 0 to 4294967295 (default 0). */
  seed?: number;
  /** The share of training points, in (0, 1] (default 0.5). */
  trainFraction?: number;
}

/** A node of a traced computation graph. */
export interface TraceNode {
  id: number;
  /**
   * "x1", "w1[2,1]" (layer 1, neuron 2, from neuron 1), "b1[2]", "z1[2]", "a1[2]", "ŷ" (or "ŷ1", "ŷ2", …), "y",
   * "J", a softmax's shift "max z" and sum "Σe", or the operation.
   */
  label: string;
  op: "input" | "const" | "add" | "mul" | "neg" | "powi" | "powf" | "exp" | "ln" | "tanh" | "sigmoid" | "relu";
  /** The value in the forward pass. */
  value: number;
  /** ∂J/∂node from the backward pass. */
  grad: number;
}

/** An edge operand → result, with the local derivative ∂to/∂from. */
export interface TraceEdge {
  from: number;
  to: number;
  local: number;
}

/**
 * One training point's forward and backward pass as a graph; `loss` is the id of the node J. Nodes are in tape
 * order: a node's `id` is its index in `nodes`, and every edge runs from a smaller id to a larger one, so the ids
 * are a topological order (the backward pass visits them from `loss` down). An unnamed node's `label` is its `op`.
 */
export interface Trace {
  nodes: TraceNode[];
  edges: TraceEdge[];
  loss: number;
}

/** A network's configuration as it reads back, every default filled in; `new Network(settings)` accepts it. */
export interface NetworkSettings {
  layers: number[];
  /** One per non-input layer. */
  activations: ActivationName[];
  loss: LossName;
  optimizer: OptimizerName;
  /** Present for "momentum". */
  momentum?: number;
  /** Present for "adam". */
  beta1?: number;
  /** Present for "adam". */
  beta2?: number;
  /** Present for "adam". */
  epsilon?: number;
  lr: number;
  batchSize: number;
  shuffle: boolean;
  seed: number;
  bias: boolean;
  /** Present with features, or for 2 inputs (["x1", "x2"]). */
  features?: FeatureName[];
  regularization: RegularizationName;
  regularizationRate: number;
}

/** One point's pass, every neuron inputs first (numbered across layers). */
export interface PointPass {
  /** The training point's index; null for a point given to `pointPassAt`. */
  index: number | null;
  /** z = b + Σ w·a (an input: the input itself). */
  z: number[];
  /** a = f(z). */
  a: number[];
  /** f′(z) (1 for the inputs); for a softmax output the Jacobian's diagonal ∂pₖ/∂zₖ = pₖ(1 − pₖ). */
  fPrime: number[];
  /** δ = ∂J/∂z (0 for the inputs); for a softmax output δₖ = pₖ − tₖ, the whole layer's chain, not fPrime·dA. */
  delta: number[];
  /** ∂J/∂a: Σₖ w(to→k)·δ(k) for a hidden neuron, ∂J/∂ŷ for an output (0 for the inputs). */
  dA: number[];
  /** ∂J/∂ŷ per output (−tₖ/pₖ for a softmax). */
  dOutput: number[];
  /** The point's loss J. */
  loss: number;
}

/**
 * What the network scores at its current parameters, from one forward pass over each set. A classifier (a softmax,
 * or one output whose targets are all −1/1, classified by the sign of ŷ, or all 0/1, by ŷ ≥ ½) has the accuracies,
 * `labels` and `confusion`; a regression has `r2`. A figure of an empty set is NaN.
 */
export interface Metrics {
  /** The mean loss over the training points. */
  trainLoss: number;
  /** The mean loss over the test points. */
  testLoss: number;
  /** The share of training points classified right. */
  trainAccuracy?: number;
  /** The share of test points classified right. */
  testAccuracy?: number;
  /** Each class's target value, in the matrix's order: 0, 1, … (a softmax's output index), [−1, 1] or [0, 1]. */
  labels?: number[];
  /**
   * Test points counted by class, classes × classes row by row (classes = labels.length):
   * confusion[trueClass * classes + predictedClass]; its sum is the number of test points.
   */
  confusion?: number[];
  /** 1 − Σ(ŷ − t)²/Σ(t − t̄)² over the test points (every output, t̄ per output). */
  r2?: number;
}

/** A parameter's gradient by backpropagation beside the central difference on the same training points. */
export interface GradientCheck {
  index: number;
  value: number;
  backprop: number;
  /** (J(p + h) − J(p − h)) / 2h. */
  numeric: number;
  lossPlus: number;
  lossMinus: number;
  h: number;
  /** |backprop − numeric| / max(|backprop|, |numeric|). */
  relative: number;
}

/** The network's limits and defaults, in `limits().network`. */
export interface NetworkLimits {
  maxLayers: number;
  maxWidth: number;
  maxPoints: number;
  maxLr: number;
  maxNoise: number;
  maxStepsPerCall: number;
  maxEpochsPerCall: number;
  maxGridSide: number;
  maxGridValues: number;
  maxTraceParameters: number;
  /**
   * Training stops as diverged (kind "diverged", with `loss` and `bound`) when the mean loss on a batch grows past
   * bound = divergenceFactor · max(J₀, 1), J₀ the mean training loss when training began (the parameters or
   * data last set, reset or edited); the network keeps its parameters from before that step.
   */
  divergenceFactor: number;
  defaultLr: number;
  defaultBatchSize: number;
  defaultPoints: number;
  defaultTrainFraction: number;
  /** Every feature name, in order. */
  features: FeatureName[];
  regularizations: RegularizationName[];
  /** Playground's regularization rates, the choices a page offers. */
  regularizationRates: number[];
  maxRegularizationRate: number;
  datasets: DatasetName[];
}
"#;
