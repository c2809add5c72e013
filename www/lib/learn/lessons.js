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
import { FORMULAS } from './glossary.js';

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

/** The hidden activations the last lesson offers: the core's name and the name the reader sees. */
const ACTIVATIONS = Object.freeze([
  ['sigmoid', 'sigmoid'],
  ['tanh', 'tanh'],
  ['relu', 'ReLU'],
]);

const term = (id, text) => ({ term: id, text });
/** A formula inside a paragraph, kept on one line. */
const formula = (text) => ({ formula: text });
/** A formula of the glossary's table, drawn as the equations draw it (its symbols show their entries on hover). */
const known = (name) => ({ formula: FORMULAS[name], name });

/** The article step's slips the update lesson names: each the engine's values of a wrong formula, at every point. */
function updateSlips(ctx) {
  const steps = articleSteps(ctx);
  const at = (f) => steps.map(({ problem, record }) => f(problem, record));
  return [
    { values: at((p, r) => p.w - r.dJdW), message: 'That subtracts the whole gradient. The update takes only the fraction η of it: w − η·dJ/dw.' },
    { values: at((p, r) => p.w + p.lr * r.dJdW), message: 'That moves w uphill, the way the loss grows. Subtract η·dJ/dw instead of adding it.' },
    { values: at((p, r) => p.lr * r.dJdW), message: 'That is the size of the step, η·dJ/dw. The new weight is the old w minus it.' },
    { values: at((p, r) => p.w - p.lr * r.dJdYHat), message: 'Your gradient lacks its second factor, dŷ/dw = x: write dJ/dw out as in the last lesson.' },
    { values: at((p, r) => p.w - (p.lr * r.dJdW) / 2), message: 'Your gradient lacks the 2 of dJ/dŷ = 2(ŷ − y): write dJ/dw out as in the last lesson.' },
  ];
}

/** 2x² at the reader's x: the factor 1 − 2·lr·x² of the regimes lesson, written for the reader's numbers. */
const twoXSquared = (ctx) => fmt(2 * ctx.problem.x * ctx.problem.x);

/** The lessons, in order. */
export const LESSONS = Object.freeze([
  {
    id: 'forward',
    title: 'The forward pass',
    figure: 'descent',
    shows: ['x', 'y', 'w'],
    text: [
      ['The smallest network there is has one input ', term('input', 'x'), ', one ', term('weight', 'weight'), ' w and one output, the ', term('prediction', 'prediction'), ' ŷ (read “y hat”: the network’s guess at the target y). The ', term('forward-pass', 'forward pass'), ' computes ŷ from x with the weight as it is now.'],
    ],
    tasks: [
      {
        id: 'yhat',
        kind: 'expression',
        prompt: 'Write ŷ in terms of the symbols in the table.',
        label: 'ŷ =',
        hints: ['A weight multiplies what flows along its connection. y is the target, which the prediction does not use.', 'ŷ is x times w: type x*w.'],
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.yHat),
        slips: (ctx) => [{ values: articleSteps(ctx).map(({ problem }) => problem.x + problem.w), message: 'That adds the weight to the input; a weight multiplies what flows along its connection.' }],
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
        hints: ['Difference first, then square it: (… − …)².', 'The difference is ŷ − y; put it in brackets and square the brackets with ^2.'],
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w', 'ŷ'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.loss),
        slips: (ctx) => {
          const steps = articleSteps(ctx);
          return [
            { values: steps.map(({ record, problem }) => record.yHat - problem.y), message: 'That is the difference ŷ − y itself; the loss is its square.' },
            { values: steps.map(({ record, problem }) => 2 * (record.yHat - problem.y)), message: 'That doubles the difference; square it instead, with ^2.' },
            { values: steps.map(({ record, problem }) => record.yHat ** 2 - problem.y ** 2), message: 'That squares ŷ and y one by one. Square their difference: brackets first.' },
            { values: steps.map(({ record, problem }) => record.yHat - problem.y ** 2), message: 'Without brackets, ^2 squares only y. Put the difference in brackets first: (ŷ − y)^2.' },
          ];
        },
      },
    ],
  },
  {
    id: 'chain',
    title: 'The chain rule’s two factors',
    figure: 'descent',
    shows: ['x', 'y', 'w', 'ŷ', 'J'],
    text: [
      ['To lower the loss we need its slope: how fast J changes when w changes, written dJ/dw (“d” for a small change: the change in J over the change in w). It is the ', term('gradient', 'gradient'), '. J does not depend on w directly: it depends on ŷ, which depends on w. The ', term('chain-rule', 'chain rule'), ' multiplies the two links: how fast J changes with ŷ, times how fast ŷ changes with w.'],
      [known('chain')],
      ['Two slopes you need: a square u² changes at 2u per unit of u (its slope is 2u), and a line x·w changes at x per unit of w (its slope is x).'],
    ],
    tasks: [
      {
        id: 'gradient',
        kind: 'expression',
        prompt: 'Write dJ/dw at this step, the two factors multiplied together, in the symbols in the table.',
        label: 'dJ/dw =',
        hints: ['dJ/dŷ is the slope of J = (ŷ − y)² in ŷ: a square u² has slope 2u, with u = ŷ − y here.', 'dŷ/dw is the slope of ŷ = x·w in w, which is x. Multiply the two: 2(ŷ − y) times x.'],
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
      ['The gradient dJ/dw is the slope of the loss at the current w. Positive, the loss grows as w grows, so w should go down; negative, w should go up. The ', term('update', 'update'), ' moves w against the slope, by a fraction of it: the ', term('learning-rate', 'learning rate'), ' η (“eta”; the figures call it lr).'],
      [formula('new w = w − η · dJ/dw')],
    ],
    tasks: [
      {
        id: 'next-w',
        kind: 'expression',
        prompt: 'Write the weight after this step’s update, with dJ/dw written out in the symbols in the table (the gradient is not in it: you found its formula in the last lesson).',
        label: 'new w =',
        hints: ['Start from the rule above, new w = w − η · dJ/dw, and put the last lesson’s formula for dJ/dw in its place, in brackets.', 'In the last lesson dJ/dw = 2(ŷ − y)·x, so the new w is w − η·2(ŷ − y)·x, with η typed as lr.'],
        points: (ctx) => articleSteps(ctx).map((s) => articleQuantities(s, ['x', 'y', 'w', 'ŷ', 'η'])),
        expected: (ctx) => articleSteps(ctx).map((s) => s.record.wNext),
        slips: updateSlips,
      },
    ],
  },
  {
    id: 'regimes',
    title: 'Too small, just right, too large',
    figure: 'descent',
    text: [
      ['The loss is smallest, 0, at the ', term('optimum', 'optimum'), ' ', known('optimum'), ', where the prediction is exact: the bottom of the curve in the figure. Each update multiplies the distance ', formula('w − w*'), ' by the same factor, whatever w is. Small rates creep towards w*; larger ones overshoot and zig-zag; too large and every jump is longer than the last.'],
      ['Find the two rates where the behaviour changes. Check sets the figure’s lr to your rate: press Step to watch it. You may type a number or a formula in x and y.'],
    ],
    tasks: [
      {
        id: 'one-step',
        kind: 'rate',
        prompt: 'Find the learning rate that lands exactly on w* in one step.',
        label: 'lr =',
        hints: [
          'Press Step in the figure and watch where the first step lands: below the rate you want it falls short of w*, above it it jumps past.',
          'Each message gives the factor the distance to w* is multiplied by at your rate. Landing on w* in one step means the distance becomes 0: the factor is 0.',
          (ctx) => `The factor is 1 − 2·lr·x²; with your x = ${fmt(ctx.problem.x)}, 2x² = ${twoXSquared(ctx)}. Which lr makes 1 − ${twoXSquared(ctx)}·lr equal to 0? Type it as a fraction or a formula in x: a decimal rarely lands exactly.`,
        ],
        accepts: (ctx, lr) => regimeIs(ctx, lr, 'oneStep'),
      },
      {
        id: 'forever',
        kind: 'rate',
        prompt: 'Find a learning rate at which w never settles: it jumps between the same two values forever.',
        label: 'lr =',
        hints: [
          'Watch the zig-zags: as the rate grows past the one-step rate they shrink more slowly, until they stop shrinking at all.',
          'Jumping between the same two values means the distance to w* keeps its size and changes side at every step: the factor is −1, so |factor| = 1.',
          (ctx) => `The factor is 1 − 2·lr·x²; with your x = ${fmt(ctx.problem.x)}, 2x² = ${twoXSquared(ctx)}. Which lr makes 1 − ${twoXSquared(ctx)}·lr equal to −1? Type it as a fraction or a formula in x.`,
        ],
        accepts: (ctx, lr) => regimeIs(ctx, lr, 'oscillatingForever'),
      },
    ],
  },
  {
    id: 'steps',
    title: 'How many steps?',
    figure: 'descent',
    text: [
      ['The closer the factor ', formula('1 − 2·lr·x²'), ' is to 0, the faster the distance to w* shrinks, and the loss with it. At a small rate the loss takes many steps to become tiny; the right rate is much faster.'],
    ],
    tasks: [
      {
        id: 'fast',
        kind: 'rate',
        prompt: `Choose a learning rate that brings the loss J below 10⁻⁶ (0.000001) in fewer than ${STEP_GOAL} steps.`,
        label: 'lr =',
        hints: ['The closer the factor is to 0, the fewer steps: think of the last lesson.', 'A rate at or near the one that lands on w* in one step.'],
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
      ['A real neuron adds a ', term('bias', 'bias'), ' b to its weighted sum, so its line need not pass through zero: ', formula('ŷ = x·w + b'), '. The bias is learned like a weight, with its own gradient.'],
      ['With two numbers to learn, the slopes are written with ∂ (a “partial” d) instead of d: ∂J/∂b is how fast J changes when b changes and w stays as it is. The rules are the same.'],
    ],
    tasks: [
      {
        id: 'dJdb',
        kind: 'expression',
        prompt: 'Write ∂J/∂b, the bias’s gradient, in the symbols in the table.',
        label: '∂J/∂b =',
        hints: ['The chain rule again: ∂J/∂b = ∂J/∂ŷ · ∂ŷ/∂b.', '∂J/∂ŷ = 2(ŷ − y), as before. And ŷ = x·w + b grows one for one with b, so ∂ŷ/∂b = 1.'],
        points: (ctx) => neuronPasses(ctx, 'identity').map(({ problem, pass }) => ({ x: problem.x, y: problem.y, w: problem.w, b: pass.z[1] - problem.x * problem.w, ŷ: pass.a[1], J: pass.loss })),
        expected: (ctx) =>
          neuronPasses(ctx, 'identity').map(({ gradients, pass }) => ({
            value: gradients[1],
            factors: [
              { name: '∂J/∂ŷ', text: '2(ŷ − y)', value: pass.dOutput[0] },
              { name: '∂ŷ/∂b', text: '1', value: 1 },
            ],
          })),
        slips: (ctx) => [
          { values: neuronPasses(ctx, 'identity').map(({ gradients }) => gradients[0]), message: 'That is ∂J/∂w, the weight’s gradient: ŷ changes by x for each unit of w, but by 1 for each unit of b.' },
        ],
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
      ['An ', term('activation', 'activation'), ' bends the neuron’s ', term('weighted-sum', 'weighted sum'), ' ', formula('z = x·w + b'), ': here the ', term('sigmoid', 'sigmoid'), ' ', formula('a = σ(z) = 1/(1 + e⁻ᶻ)'), ', an S-shaped curve from 0 to 1. The backward pass must cross it, so it multiplies by its ', term('slope', 'slope'), ' ', formula('f′(z) = da/dz'), ' (read “f prime”).'],
      ['You need not work the sigmoid’s slope out: it has a short form written with the sigmoid’s own output, in its glossary entry (hover over or focus the word).'],
    ],
    tasks: [
      {
        id: 'slope',
        kind: 'expression',
        prompt: 'Write the sigmoid’s slope da/dz at this z, in the symbols in the table.',
        label: 'f′(z) =',
        hints: ['The glossary entry for sigmoid gives its slope: σ′(z) = σ(z)·(1 − σ(z)).', 'σ(z) is in the table under another name: the neuron’s output a.'],
        points: (ctx) => neuronPasses(ctx, 'sigmoid').map(({ problem, pass }) => ({ x: problem.x, y: problem.y, w: problem.w, b: pass.z[1] - problem.x * problem.w, z: pass.z[1], a: pass.a[1] })),
        expected: (ctx) => neuronPasses(ctx, 'sigmoid').map(({ pass }) => pass.fPrime[1]),
        slips: (ctx) => {
          const passes = neuronPasses(ctx, 'sigmoid');
          return [
            { values: passes.map(({ pass }) => pass.a[1]), message: 'That is the sigmoid’s value a = σ(z), not its slope.' },
            { values: passes.map(({ pass }) => 1 - pass.a[1]), message: 'That is one of the slope’s two factors, 1 − σ(z); it lacks the other.' },
          ];
        },
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
      ['Put a ', term('hidden-layer', 'hidden'), ' neuron between input and output, with the activation tanh: an S-shaped curve like the sigmoid, from −1 to 1. Its slope is ', formula('tanh′(z) = 1 − tanh(z)²'), '.'],
      ['Each neuron’s ', term('delta', 'δ'), ' (“delta”), ', known('delta'), ', is its share of the blame. The output neuron has no bend (ŷ = z₂), so its ', formula('δ₂ = ∂J/∂ŷ = 2(ŷ − y)'), ', in the table. The hidden neuron gets its δ from the output’s, through the weight that connects them and its own slope:'],
      [formula('δ₁ = f′(z₁) · w₂ · δ₂'), ', and then ', formula('∂J/∂w₁ = δ₁ · x'), ': the same chain rule, one link longer.'],
    ],
    tasks: [
      {
        id: 'delta1',
        kind: 'expression',
        prompt: 'Write δ₁, the hidden neuron’s δ, in the symbols in the table.',
        label: 'δ₁ =',
        hints: ['Three factors: the slope of tanh at z₁, the weight w₂ to the output, and the output’s δ₂.', 'The slope is 1 − tanh(z₁)², and tanh(z₁) is in the table as the hidden neuron’s output a₁.'],
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
      [`A chain of ${CHAIN.hidden} hidden neurons and an output, each with weight ${CHAIN.weight}: every layer the backward pass crosses multiplies δ by that neuron’s slope f′(z). The sigmoid’s slope is at most ¼, so the gradient reaching the first layer can be tiny: a `, term('vanishing-gradient', 'vanishing gradient'), ', and the first layers barely learn.'],
      ['Besides the sigmoid and tanh you may choose ReLU, ', formula('max(0, z)'), ': it keeps a positive z as it is and turns a negative one into 0. The table shows each layer’s numbers; it changes with the activation you choose below.'],
    ],
    tasks: [
      {
        id: 'keep',
        kind: 'choice',
        prompt: `Choose the hidden activation for which at least 1/${Math.round(1 / CHAIN_SHARE)} of the last weight’s gradient reaches the first weight.`,
        label: 'activation',
        options: ACTIVATIONS,
        hints: ['Choose each activation in turn and compare the ∂J/∂w column: the first row against the last.', 'Each layer multiplies by f′(z): look for the activation whose f′ column stays close to 1.'],
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

/** How close the factor must come to the wanted one for the reader to be told a decimal will not land exactly. */
const NEAR_FACTOR = 0.02;

/**
 * The engine's verdict on a rate in the regimes lesson: the regime it puts the descent in and, when it is not the
 * wanted one, what the first step does and the factor 1 − 2·lr·x² the distance to w* is multiplied by, so the
 * reader can see the factor move with the rate and solve for the one wanted.
 */
function regimeIs(ctx, lr, wanted) {
  if (ctx.problem.x === 0) return { ok: false, message: 'With x = 0 the prediction is 0 whatever w is, so no rate moves the weight: choose another x under “Your numbers”.' };
  const { regime, factor, optimum, initialDistance } = ctx.core.analyze({ ...ctx.problem, lr });
  const target = wanted === 'oneStep' ? 0 : -1;
  // The engine counts a factor within its boundary tolerance as the boundary: say so, not 1.1 × 10⁻¹⁶.
  if (regime === wanted) return { ok: true, message: `Yes: at lr = ${fmt(lr)} the factor 1 − 2·lr·x² is ${fmt(target)}, and the descent ${REGIME_TEXT[regime]}.` };
  const first = ctx.core.step({ ...ctx.problem, lr }).wNext;
  const stepText = `Each step multiplies the distance to w* by ${fmt(factor)}: the first takes w from ${fmt(ctx.problem.w)} to ${fmt(first)}, its distance to w* = ${fmt(optimum)} from ${fmt(initialDistance)} to ${fmt(first - optimum)}.`;
  const side = factor > target ? 'larger' : 'smaller';
  const near = Math.abs(factor - target) < NEAR_FACTOR
    ? ` Close: the factor is ${fmt(factor)}, it should be ${fmt(target)}. A decimal rarely lands exactly; type the rate as a fraction (such as 3/7) or a formula in x.`
    : ` Try a ${side} rate.`;
  return { ok: false, message: `At lr = ${fmt(lr)} the descent ${REGIME_TEXT[regime]}. ${stepText}${near}` };
}

const REGIME_TEXT = {
  monotone: 'creeps towards w* from one side',
  oneStep: 'lands on w* in one step',
  oscillating: 'zig-zags in towards w*',
  oscillatingForever: 'jumps between two values forever',
  diverging: 'jumps further out at every step',
};

/** Steps counted at most when telling the reader how many a rate takes. */
const STEP_COUNT_LIMIT = 1000;

/** The steps lesson's verdict: the loss after each step of the descent from w₀, counted by the engine. */
function fewSteps(ctx, lr) {
  const descent = new ctx.core.Descent({ ...ctx.problem, lr });
  try {
    let before = descent.loss; // the loss after STEP_GOAL − 1 steps, once there
    for (let n = 0; n <= STEP_COUNT_LIMIT; n += 1) {
      if (descent.loss < LOSS_GOAL) {
        if (n < STEP_GOAL) return { ok: true, message: `Yes: after ${n} step${n === 1 ? '' : 's'} the loss is ${fmt(descent.loss)}, below 10⁻⁶.` };
        return { ok: false, message: `At lr = ${fmt(lr)} the loss gets below 10⁻⁶ only after ${n} steps; after ${STEP_GOAL - 1} it is still ${fmt(before)}. Try another rate.` };
      }
      if (n === STEP_GOAL - 1) before = descent.loss;
      descent.step();
    }
    return { ok: false, message: `At lr = ${fmt(lr)} the loss is still ${fmt(descent.loss)} after ${STEP_COUNT_LIMIT} steps: the distance to w* never shrinks.` };
  } catch (e) {
    return { ok: false, message: e?.kind === 'diverged' ? `At lr = ${fmt(lr)} the descent jumps further out at every step, and the loss grows without end.` : `The engine refused that rate: ${e?.message ?? e}` };
  } finally {
    descent.free();
  }
}

function chainKeeps(ctx, activation) {
  const { weightGradients } = chainDeltas(ctx, activation);
  const first = Math.abs(weightGradients[0]);
  const last = Math.abs(weightGradients[weightGradients.length - 1]);
  const share = last === 0 ? 0 : first / last;
  const name = ACTIVATIONS.find(([value]) => value === activation)?.[1] ?? activation;
  const text = `With ${name}, |∂J/∂w₁| / |∂J/∂w${toSubscript(weightGradients.length)}| = ${fmt(share)}`;
  return share >= CHAIN_SHARE ? { ok: true, message: `${text}: the gradient reaches the first layer.` } : { ok: false, message: `${text}: it has all but vanished on the way.` };
}

/** A whole number in subscript digits: 6 → ₆. */
const toSubscript = (n) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);

const fmt = (v) => formatNumber(v, 6);
