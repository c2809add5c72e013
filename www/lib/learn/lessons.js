// The path's lessons: from the article's one weight to a hidden layer. Each lesson is a few sentences, a figure and
// one or more tasks; every task is checked against numbers the engine computes for the reader's own problem (x, y,
// w₀, lr), never against an answer written here, so changing the problem changes what is right.
//
// Text is a list of paragraphs; a paragraph is a list of strings and { term, text } links into the glossary.
// `shows` names the quantities on screen while a task asks for another (the figure would give the answer away).
// A task is { id, kind, prompt, label, … }:
//   expression: the reader types a formula; `quantities(ctx)` gives the points to evaluate it at (the current step
//               first) with the engine's values there, `expected(ctx)` the engine's value (and chain-rule factors).
//   rate:       the reader gives a learning rate (a number or a formula such as 1/x²); `accepts(ctx, lr)` asks the
//               engine whether it does what the task asks, and says why not.
//   choice:     the reader picks one of `options`; `accepts(ctx, value)` asks the engine.

import { formatNumber } from '../format.js';

/** The deep chain of the last lesson: its input, target, layers, weights and biases (not the reader's problem). */
export const CHAIN = Object.freeze({ x: 0.5, y: 1, hidden: 5, weight: 1, bias: 0 });
/** The share of the output's gradient that must reach the first layer in the last lesson. */
const CHAIN_SHARE = 0.01;
/** Fewer steps than this to a loss of LOSS_GOAL, in the steps lesson. */
const STEP_GOAL = 10;
const LOSS_GOAL = 1e-6;

// The weights and biases of the network lessons, chosen once so the numbers are neither 0 nor 1.
const NEURON = Object.freeze({ b: 0.3 });
const HIDDEN = Object.freeze({ w1: 0.8, b1: 0.1, w2: -1.2, b2: 0.3 });

/** Other points a formula is checked at, besides the reader's: w moved, then x and y moved too. */
function otherProblems({ x, y, w, lr }) {
  const x2 = x === 0 ? 1.25 : -0.75 * x + 0.5 * Math.sign(x);
  const away = (d) => (w + d > 900 || w + d < -900 ? w - d : w + d); // stays inside the core's bounds
  return [
    { x, y, w: away(0.37), lr },
    { x: x2, y: y * 0.6 - 0.4, w: away(-0.55), lr },
  ];
}

/** The article's step at each point: the core's own record (ŷ, J, dJ/dŷ, dŷ/dw, dJ/dw, w after). */
function articleSteps(ctx) {
  const problems = [ctx.problem, ...otherProblems(ctx.problem)];
  return problems.map((p) => ({ problem: p, record: ctx.core.step(p) }));
}

/** The quantities on screen for one article step. */
const articleQuantities = ({ problem, record }, names) => {
  const all = { x: problem.x, y: problem.y, w: problem.w, ŷ: record.yHat, J: record.loss, η: problem.lr };
  return Object.fromEntries(names.map((n) => [n, all[n]]));
};

/**
 * A network of `layers` with the given parameters and one training point, passed forward and backward by the
 * core: { pass (pointPass), gradients, weights, biases }. The handle is freed before returning.
 */
function networkPass(ctx, { layers, activation = 'identity', outputActivation = 'identity', weights, biases, x, y }) {
  const net = new ctx.network.Network({ layers, activation, outputActivation, loss: 'squared', lr: 0.1, batchSize: 1, bias: true });
  try {
    net.setParameters(weights, biases);
    net.setData([x, y], []);
    return { pass: net.pointPass(0), gradients: Array.from(net.gradients()), weights, biases };
  } finally {
    net.free();
  }
}

/** The neuron of the bias and activation lessons at the reader's problem, and at the other points. */
function neuronPasses(ctx, outputActivation) {
  return [ctx.problem, ...otherProblems(ctx.problem)].map((p) => ({
    problem: p,
    ...networkPass(ctx, { layers: [1, 1], outputActivation, weights: [p.w], biases: [NEURON.b + (p.w - ctx.problem.w) * 0.5], x: p.x, y: p.y }),
  }));
}

/** The one-hidden-neuron network of the δ lesson, at the reader's problem and at other points. */
function hiddenPasses(ctx) {
  return [ctx.problem, ...otherProblems(ctx.problem)].map((p, i) => ({
    problem: p,
    ...networkPass(ctx, { layers: [1, 1, 1], activation: 'tanh', weights: [HIDDEN.w1, HIDDEN.w2 + 0.6 * i], biases: [HIDDEN.b1, HIDDEN.b2], x: p.x, y: p.y }),
  }));
}

/** The deep chain of the last lesson with hidden activation `activation`: δ of each neuron, input excluded. */
export function chainDeltas(ctx, activation) {
  const n = CHAIN.hidden + 2;
  const { pass, gradients } = networkPass(ctx, {
    layers: Array(n).fill(1),
    activation,
    weights: Array(n - 1).fill(CHAIN.weight),
    biases: Array(n - 1).fill(CHAIN.bias),
    x: CHAIN.x,
    y: CHAIN.y,
  });
  return { deltas: pass.delta.slice(1), weightGradients: gradients.slice(0, n - 1), pass };
}

const term = (id, text) => ({ term: id, text });

/** The lessons, in order. */
export const LESSONS = Object.freeze([
  {
    id: 'forward',
    title: 'The forward pass',
    figure: 'descent',
    shows: ['x', 'y', 'w'],
    text: [
      ['The smallest network there is has one input ', term('input', 'x'), ', one ', term('weight', 'weight'), ' w and one output, the ', term('prediction', 'prediction'), ' ŷ. The ', term('forward-pass', 'forward pass'), ' computes ŷ from x with the weight as it is now.'],
      ['The table gives the engine’s numbers at this step; the live figure, which would show the answer, appears once you have answered.'],
    ],
    tasks: [
      {
        id: 'yhat',
        kind: 'expression',
        prompt: 'Write ŷ in terms of the symbols on screen.',
        label: 'ŷ =',
        hint: 'The input travels along the connection and is multiplied by its weight.',
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.yHat),
      },
    ],
  },
  {
    id: 'error',
    title: 'How wrong is it? The loss',
    figure: 'descent',
    shows: ['x', 'y', 'w', 'ŷ'],
    text: [
      ['To improve the weight we need one number that says how far the prediction ŷ is from the target ', term('target', 'y'), ': the ', term('loss', 'loss'), ' J. Squaring the difference keeps it positive and punishes large misses more than small ones.'],
    ],
    tasks: [
      {
        id: 'loss',
        kind: 'expression',
        prompt: 'Write the loss J: the squared difference between prediction and target.',
        label: 'J =',
        hint: 'Difference first, then square it: (… − …)².',
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w', 'ŷ'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.loss),
      },
    ],
  },
  {
    id: 'chain',
    title: 'The chain rule’s two factors',
    figure: 'descent',
    shows: ['x', 'y', 'w', 'ŷ', 'J'],
    text: [
      ['J does not depend on w directly: it depends on ŷ, which depends on w. The ', term('chain-rule', 'chain rule'), ' multiplies the two links: how fast J changes with ŷ, times how fast ŷ changes with w. Their product is the ', term('gradient', 'gradient'), ' dJ/dw.'],
      ['dJ/dw = dJ/dŷ · dŷ/dw'],
    ],
    tasks: [
      {
        id: 'gradient',
        kind: 'expression',
        prompt: 'Write dJ/dw at this step, both factors multiplied out, in the symbols on screen.',
        label: 'dJ/dw =',
        hint: 'dJ/dŷ is the derivative of (ŷ − y)² with respect to ŷ; dŷ/dw of x·w with respect to w.',
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w', 'ŷ', 'J'])),
        expected: (ctx) =>
          articleSteps(ctx).map(({ record }) => ({
            value: record.dJdW,
            factors: [
              { name: 'dJ/dŷ', text: '2(ŷ − y)', value: record.dJdYHat },
              { name: 'dŷ/dw', text: 'x', value: record.dYHatdW },
            ],
          })),
      },
    ],
  },
  {
    id: 'update',
    title: 'One update',
    figure: 'descent',
    shows: ['x', 'y', 'w', 'ŷ', 'η'],
    text: [
      ['The gradient points uphill, so the ', term('update', 'update'), ' moves the weight the other way, by a fraction of the gradient: the ', term('learning-rate', 'learning rate'), ' η (lr on the screens).'],
    ],
    tasks: [
      {
        id: 'next-w',
        kind: 'expression',
        prompt: 'Write the weight after this step’s update, with the gradient written out in the symbols on screen.',
        label: 'new w =',
        hint: 'w − η · (the gradient of the last lesson).',
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w', 'ŷ', 'η'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.wNext),
      },
    ],
  },
  {
    id: 'regimes',
    title: 'Too small, just right, too large',
    figure: 'descent',
    text: [
      ['Each update multiplies the distance to the ', term('optimum', 'optimum'), ' w* by the same factor. Small rates creep towards w*; larger ones overshoot and zig-zag; too large and every jump is longer than the last.'],
      ['Find the two rates that divide the possibilities. You may type a number or a formula in the symbols x and y.'],
    ],
    tasks: [
      {
        id: 'one-step',
        kind: 'rate',
        prompt: 'Find the learning rate that lands exactly on w* in one step.',
        label: 'lr =',
        hint: 'Watch the figure: below this rate the first step falls short of w*, above it the step overshoots.',
        accepts: (ctx, lr) => regimeIs(ctx, lr, 'oneStep'),
      },
      {
        id: 'forever',
        kind: 'rate',
        prompt: 'Find a learning rate at which w never settles: it jumps between the same two values forever.',
        label: 'lr =',
        hint: 'Watch the zig-zags: as the rate grows they shrink more slowly, until they stop shrinking at all.',
        accepts: (ctx, lr) => regimeIs(ctx, lr, 'oscillatingForever'),
      },
    ],
  },
  {
    id: 'steps',
    title: 'How many steps?',
    figure: 'descent',
    text: [
      ['The article’s rate, 0.1, takes dozens of steps to six digits. The right rate is much faster.'],
    ],
    tasks: [
      {
        id: 'fast',
        kind: 'rate',
        prompt: `Choose a learning rate that brings the loss J below 10⁻⁶ in fewer than ${STEP_GOAL} steps.`,
        label: 'lr =',
        hint: 'A rate near the one that lands in one step.',
        accepts: (ctx, lr) => fewSteps(ctx, lr),
      },
    ],
  },
  {
    id: 'bias',
    title: 'A bias',
    figure: 'neuron',
    network: (ctx) => neuronPasses(ctx, 'identity'),
    shows: ['x', 'w', 'b', 'ŷ', 'y', 'J'],
    text: [
      ['A real neuron adds a ', term('bias', 'bias'), ' b to its weighted sum, so its line need not pass through zero: ŷ = x·w + b. The bias is learned like a weight, with its own gradient.'],
    ],
    tasks: [
      {
        id: 'dJdb',
        kind: 'expression',
        prompt: 'Write ∂J/∂b, the bias’s gradient, in the symbols on screen.',
        label: '∂J/∂b =',
        hint: 'The chain rule again: ∂J/∂ŷ · ∂ŷ/∂b, and ŷ grows one for one with b.',
        points: (ctx) => neuronPasses(ctx, 'identity').map(({ problem, pass }) => ({ x: problem.x, y: problem.y, w: problem.w, b: pass.z[1] - problem.x * problem.w, ŷ: pass.a[1], J: pass.loss })),
        expected: (ctx) =>
          neuronPasses(ctx, 'identity').map(({ gradients, pass }) => ({
            value: gradients[1],
            factors: [
              { name: '∂J/∂ŷ', text: '2(ŷ − y)', value: pass.dOutput[0] },
              { name: '∂ŷ/∂b', text: '1', value: 1 },
            ],
          })),
      },
    ],
  },
  {
    id: 'activation',
    title: 'A bend: the activation and its slope',
    figure: 'neuron',
    network: (ctx) => neuronPasses(ctx, 'sigmoid'),
    shows: ['x', 'w', 'b', 'z', 'a', 'y'],
    text: [
      ['An ', term('activation', 'activation'), ' bends the neuron’s ', term('weighted-sum', 'weighted sum'), ' z = x·w + b: here the ', term('sigmoid', 'sigmoid'), ' a = σ(z). The backward pass must cross it, so it multiplies by its ', term('slope', 'slope'), ' f′(z) = da/dz.'],
    ],
    tasks: [
      {
        id: 'slope',
        kind: 'expression',
        prompt: 'Write the sigmoid’s slope da/dz at this z, in the symbols on screen.',
        label: 'f′(z) =',
        hint: 'The sigmoid’s slope can be written with its own output: σ(z)·(1 − σ(z)).',
        points: (ctx) => neuronPasses(ctx, 'sigmoid').map(({ problem, pass }) => ({ x: problem.x, y: problem.y, w: problem.w, b: pass.z[1] - problem.x * problem.w, z: pass.z[1], a: pass.a[1] })),
        expected: (ctx) => neuronPasses(ctx, 'sigmoid').map(({ pass }) => pass.fPrime[1]),
      },
    ],
  },
  {
    id: 'hidden',
    title: 'δ through a hidden layer',
    figure: 'neuron',
    network: (ctx) => hiddenPasses(ctx),
    shows: ['x', 'w₁', 'b₁', 'z₁', 'a₁', 'w₂', 'b₂', 'ŷ', 'y', 'δ₂'],
    text: [
      ['Put a ', term('hidden-layer', 'hidden'), ' tanh neuron between input and output. Each neuron’s ', term('delta', 'δ'), ' = ∂J/∂z is its share of the blame; the output’s is δ₂ = ∂J/∂ŷ (its activation is the identity). The hidden neuron gets its δ from the output’s, through the weight that connects them and its own slope.'],
      ['δ₁ = f′(z₁) · w₂ · δ₂, and then ∂J/∂w₁ = δ₁ · x: the same chain rule, one link longer.'],
    ],
    tasks: [
      {
        id: 'delta1',
        kind: 'expression',
        prompt: 'Write δ₁, the hidden neuron’s δ, in the symbols on screen (tanh′(z) = 1 − tanh(z)²).',
        label: 'δ₁ =',
        hint: 'Three factors: the slope of tanh at z₁, the weight to the output, and the output’s δ.',
        points: (ctx) => hiddenPasses(ctx).map(({ problem, pass, weights, biases }) => hiddenQuantities(problem, pass, weights, biases)),
        expected: (ctx) =>
          hiddenPasses(ctx).map(({ pass, weights }) => ({
            value: pass.delta[1],
            factors: [
              { name: 'f′(z₁)', text: '1 − a₁²', value: pass.fPrime[1] },
              { name: 'w₂', text: 'w₂', value: weights[1] },
              { name: 'δ₂', text: 'δ₂', value: pass.delta[2] },
            ],
          })),
      },
    ],
  },
  {
    id: 'vanishing',
    title: 'Vanishing gradients',
    figure: 'chain',
    text: [
      [`A chain of ${CHAIN.hidden} hidden neurons, each with weight ${CHAIN.weight}: every layer the backward pass crosses multiplies δ by that neuron’s slope f′(z). The sigmoid’s slope is at most ¼, so the gradient reaching the first layer can be tiny: a `, term('vanishing-gradient', 'vanishing gradient'), '.'],
    ],
    tasks: [
      {
        id: 'keep',
        kind: 'choice',
        prompt: `Choose the hidden activation for which at least 1/${Math.round(1 / CHAIN_SHARE)} of the last weight’s gradient reaches the first weight.`,
        label: 'activation',
        options: [
          ['sigmoid', 'sigmoid'],
          ['tanh', 'tanh'],
          ['relu', 'ReLU'],
        ],
        hint: 'Compare the δ column for each choice: where is f′ close to 1?',
        accepts: (ctx, activation) => chainKeeps(ctx, activation),
      },
    ],
  },
]);

/** The quantities on screen in the δ lesson. */
function hiddenQuantities(problem, pass, weights, biases) {
  return { x: problem.x, y: problem.y, 'w₁': weights[0], 'b₁': biases[0], 'z₁': pass.z[1], 'a₁': pass.a[1], 'w₂': weights[1], 'b₂': biases[1], ŷ: pass.a[2], 'δ₂': pass.delta[2] };
}

/** The quantities a neuron lesson shows, from its pass at the reader's problem. */
export function neuronQuantities(lesson, ctx) {
  const [{ problem, pass, weights, biases }] = lesson.network(ctx);
  if (lesson.id === 'hidden') return hiddenQuantities(problem, pass, weights, biases);
  const all = { x: problem.x, y: problem.y, w: weights[0], b: biases[0], z: pass.z[1], a: pass.a[1], ŷ: pass.a[1], J: pass.loss };
  return Object.fromEntries(lesson.shows.map((n) => [n, all[n]]));
}

function regimeIs(ctx, lr, wanted) {
  if (ctx.problem.x === 0) return { ok: false, message: 'With x = 0 the prediction is 0 whatever w is, so no rate moves the weight: choose another x under “Your numbers”.' };
  const { regime, lrOneStep, lrLimit } = ctx.core.analyze({ ...ctx.problem, lr });
  if (regime === wanted) return { ok: true, message: `Yes: at lr = ${fmt(lr)} the engine finds the descent ${REGIME_TEXT[regime]}.` };
  const near = wanted === 'oneStep' ? lrOneStep : lrLimit;
  const side = lr < near ? 'larger' : 'smaller';
  return { ok: false, message: `At lr = ${fmt(lr)} the descent ${REGIME_TEXT[regime]}. Try a ${side} rate.` };
}

const REGIME_TEXT = {
  monotone: 'creeps towards w* from one side',
  oneStep: 'lands on w* in one step',
  oscillating: 'zig-zags in towards w*',
  oscillatingForever: 'jumps between two values forever',
  diverging: 'jumps further out at every step',
};

function fewSteps(ctx, lr) {
  const descent = new ctx.core.Descent({ ...ctx.problem, lr });
  try {
    for (let n = 0; n <= STEP_GOAL; n += 1) {
      if (descent.loss < LOSS_GOAL) {
        return n < STEP_GOAL
          ? { ok: true, message: `Yes: after ${n} step${n === 1 ? '' : 's'} the loss is ${fmt(descent.loss)}, below 10⁻⁶.` }
          : { ok: false, message: `The loss gets below 10⁻⁶ only after ${n} steps. Try another rate.` };
      }
      descent.step();
    }
    return { ok: false, message: `After ${STEP_GOAL} steps at lr = ${fmt(lr)} the loss is still ${fmt(descent.loss)}.` };
  } catch (e) {
    return { ok: false, message: e?.kind === 'diverged' ? `At lr = ${fmt(lr)} the descent diverges.` : `The engine refused that rate: ${e?.message ?? e}` };
  } finally {
    descent.free();
  }
}

function chainKeeps(ctx, activation) {
  const { weightGradients } = chainDeltas(ctx, activation);
  const first = Math.abs(weightGradients[0]);
  const last = Math.abs(weightGradients[weightGradients.length - 1]);
  const share = last === 0 ? 0 : first / last;
  const text = `With ${activation}, |∂J/∂w₁| / |∂J/∂w${toSubscript(weightGradients.length)}| = ${fmt(share)}`;
  return share >= CHAIN_SHARE ? { ok: true, message: `${text}: the gradient reaches the first layer.` } : { ok: false, message: `${text}: it has all but vanished on the way.` };
}

/** A whole number in subscript digits: 6 → ₆. */
const toSubscript = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);

const fmt = (v) => formatNumber(v, 6);
