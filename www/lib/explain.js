// What the descent does, said in the numbers of the current problem. Every number here was computed by the core
// (the analysis, the step counts, the records); this module only puts them into sentences.
import { formatCount, formatFixed, formatNumber, LARGEST_FINITE } from './format.js';
import { ARTICLE_DECIMALS, ARTICLE_ROWS } from './descent-model.js';
import { LIMITS } from '../pkg-article/limits.js';

const f = formatNumber;

/** Why w stands still when x = 0 (null for any other x): what a figure at x = 0 says beside its steps. */
export function explainStill(config) {
  if (config.x !== 0) return null;
  return `With x = 0 the prediction ŷ = x·w is 0 whatever w is: J = y² at every w, the slope dJ/dw = 2(ŷ − y)·x is 0, and each step leaves w at ${f(config.w)}. Move x away from 0 and w learns again.`;
}

/** One or two sentences on how the descent behaves for this learning rate. */
export function explainRegime(config, facts) {
  if (!facts) return '';
  if (!facts.analysis) {
    return 'With x = 0 the prediction ŷ = x·w is 0 whatever w is: the gradient is 0, w never moves, and no w reaches y.';
  }
  const a = facts.analysis;
  const factor = `1 − 2·lr·x² = ${f(a.factor)}`;
  const to = `the distance to the optimum w* = y/x = ${f(a.optimum)}`;
  const within = a.stepsToWithin === null ? '' : ` It is within ${f(a.tolerance)} of w* after ${formatCount(a.stepsToWithin)} step${a.stepsToWithin === 1 ? '' : 's'}.`;
  if (a.factor === 1) {
    return `lr = ${f(config.lr)} and x = ${f(config.x)} are so small that 2·lr·x² vanishes next to 1: the factor 1 − 2·lr·x² rounds to exactly 1, and w does not move.`;
  }
  switch (a.regime) {
    case 'monotone':
      return `lr = ${f(config.lr)} is below 1/(2x²) = ${f(a.lrOneStep)}: each step multiplies ${to} by ${factor}, so w slides towards w* from one side.${within}`;
    case 'oneStep':
      return `lr = ${f(config.lr)} is 1/(2x²) = ${f(a.lrOneStep)}: each step multiplies ${to} by ${factor}, so the very first step lands on w*.${within}`;
    case 'oscillating':
      return `lr = ${f(config.lr)} is between 1/(2x²) = ${f(a.lrOneStep)} and 1/x² = ${f(a.lrLimit)}: each step multiplies ${to} by ${factor}, so w jumps across w* every step, each time a little closer.${within}`;
    case 'oscillatingForever':
      return `lr = ${f(config.lr)} is 1/x² = ${f(a.lrLimit)}: each step multiplies ${to} by ${factor}, so w jumps between two points on either side of w* forever.`;
    default: {
      const growth = Math.abs(a.factor);
      const overflow = facts.overflowStep
        ? ` In this run the numbers pass the largest finite number (${LARGEST_FINITE}) at step ${formatCount(facts.overflowStep)}, and the descent stops there.`
        : '';
      return `lr = ${f(config.lr)} exceeds 1/x² = ${f(a.lrLimit)}: each step multiplies ${to} by ${factor}, so every jump overshoots ${f(growth)} times further than the last and w runs away.${overflow}`;
    }
  }
}

/** Why the descent stopped before step `stop.step`, in the numbers of the current problem. */
export function explainStop(config, facts, stop) {
  if (!stop.diverged) return `Stopped after ${formatCount(stop.step - 1)} steps, as many as a figure keeps: press Reset to start again.`;
  return explainDivergence({ kind: 'diverged', step: stop.step, w: stop.w, lr: config.lr, analysis: facts?.analysis });
}

/**
 * The article's last row, honestly: how many updates its jump from w₅ to 0.333333 hides. For another problem, the
 * step at which w first reads as w* does to six places.
 */
export function explainLastRow(config, facts, isArticle) {
  const n = facts?.digitsStep;
  const a = facts?.analysis;
  if (!a) return null;
  const target = formatFixed(a.optimum, ARTICLE_DECIMALS);
  if (n === null || n === undefined) {
    return `w never reads ${target} (w* = y/x to six places) in ${formatCount(LIMITS.descent.maxCountedSteps)} steps with this learning rate.`;
  }
  if (isArticle) {
    const shown = ARTICLE_ROWS.length - 1;
    return `The article’s table jumps from step ${shown} (w = ${ARTICLE_ROWS[shown]}) straight to ${target}. That row is step ${formatCount(n)}: the “…” hides ${formatCount(n - shown - 1)} rows, ${formatCount(n - shown)} more updates.`;
  }
  return `w first reads ${target} (w* = y/x to six places) at step ${formatCount(n)}.`;
}

// ---- Divergence, for every figure ----

/**
 * Why training stopped, from a `diverged` error's fields and what the figure knows, for the article's descent and
 * for the playground alike: `step` (the update that would have left the finite numbers, or grown the loss past its
 * bound), `epoch` (a network's), `w` (the article's weight before that step), `loss` and `bound` (when the core
 * stopped on the loss's growth), `lr`, `output` (a network's output activation), and `analysis` (the article's
 * closed form: factor, optimum, lrLimit, lrOneStep). A network keeps its parameters from before that step.
 */
export function explainDivergence(d) {
  const a = d.analysis;
  let what;
  if (Number.isFinite(d.loss) && Number.isFinite(d.bound)) what = `the loss would reach ${f(d.loss)}, past ${f(d.bound)}`;
  else if (Number.isFinite(d.w)) what = `from w = ${f(d.w)} the update would give numbers beyond the largest finite number (${LARGEST_FINITE})`;
  else what = `an update would give numbers beyond the largest finite number (${LARGEST_FINITE})`;
  const head = d.epoch
    ? `Training stopped in epoch ${formatCount(d.epoch)} (update ${formatCount(d.step)}): ${what}.`
    : `Stopped before step ${formatCount(d.step)}: ${what}.`;
  if (a) {
    return `${head} Each step multiplies the distance to the optimum w* = ${f(a.optimum)} by 1 − 2·lr·x² = ${f(a.factor)}, larger than 1 in size because lr = ${f(d.lr)} exceeds 1/x² = ${f(a.lrLimit)}. A learning rate below ${f(a.lrLimit)} converges; ${f(a.lrOneStep)} lands on w* in one step.`;
  }
  if (!d.epoch) return head;
  const output = d.output === 'identity' ? ' With an identity output nothing caps the answers, so nothing caps the gradients either.' : '';
  return `${head} The learning rate lr = ${f(d.lr)} is too large for this network: an update overshoots, the error it lands on is larger, its gradient larger still, and the weights run away.${output} The network keeps its parameters from before that update: choose a smaller learning rate and press Play to train on from them, or press Reset to start again.`;
}

// ---- The playground's sentences ----

/** The playground's status line, beside Play: the epoch and the updates made. */
export function playgroundStatus({ epochs, steps }) {
  return `Epoch ${formatCount(epochs)} · ${formatCount(steps)} updates`;
}

/**
 * The losses over the output, as Playground shows them: [label, value] for the training and the test loss, each
 * with its accuracy for a classifier (a fraction, or null).
 */
export function playgroundLosses({ train, test, trainAccuracy = null, testAccuracy = null }) {
  const right = (a) => (a === null ? '' : ` · ${(a * 100).toFixed(1)}% right`);
  return [['Training loss', `${f(train, 4)}${right(trainAccuracy)}`], ['Test loss', `${f(test, 4)}${right(testAccuracy)}`]];
}

/** What a listener hears after Step, or when training pauses: the epoch and both losses, once. */
export function playgroundAnnouncement({ epochs, train, test, accuracy = null }) {
  const right = accuracy === null ? '' : `, ${(accuracy * 100).toFixed(1)}% of the test points right`;
  return `Epoch ${formatCount(epochs)}: training loss ${f(train, 3)}, test loss ${f(test, 3)}${right}.`;
}

/** The loss chart's caption (the chart's own title gives its length and last value), and a softmax's. */
export const PLAYGROUND_LOSS_CAPTION = 'J = ½(ŷ − y)² per epoch: training solid, test dashed.';
export const PLAYGROUND_CE_CAPTION = 'J = −Σ t·ln p (the cross-entropy of the softmax) per epoch: training solid, test dashed.';

/** What the heatmap shows (the output, or the map of the neuron named `neuron`) and how its points are drawn. */
export function playgroundLegend({ neuron, regression, test, user, classes = 0 }) {
  if (classes > 0 && neuron === null) {
    return `The network’s ${classes} softmax outputs: each place takes the colour of its most probable class, stronger the surer it is. Filled marks train${test ? ', outlined ones test' : ''}; each class has its colour and shape.`;
  }
  const what = neuron === null ? 'The network’s output' : `The map of ${neuron}`;
  const continuous = regression ? ' (continuous labels: a dot’s colour is its value)' : '';
  return `${what}${continuous}. Filled dots train${test ? ', rings test' : ''}${user ? ', diamonds are yours' : ''}.`;
}

/** Why a playground could not be built (the core's refusal), and why its last feature stays on. */
export const playgroundRefusal = (refusal) => `This network cannot be built: ${refusal}`;
export const PLAYGROUND_NEEDS_A_FEATURE = 'The network needs at least one input feature.';

/** What the playground trains on from a reader's CSV (playground-data.js's customData), and what a link keeps. */
export function playgroundCustomNote({ kind, count, classes, inputScale, targetScale }) {
  const what = { binary: `two classes (${classes.join(' and ')}), a tanh output`, classes: `${classes.length} classes (${classes.join(', ')}), a softmax output per class`, regression: 'values to fit, an identity output' }[kind];
  const scaled = [
    inputScale !== 1 ? `x₁ and x₂ are multiplied by ${f(inputScale, 3)} to fit the plane’s −6 to 6` : '',
    targetScale !== 1 ? `the values by ${f(targetScale, 3)} to fit −1 to 1` : '',
  ].filter(Boolean).join('; ');
  return `Your data: ${formatCount(count)} rows, ${what}.${scaled ? ` ${scaled[0].toUpperCase()}${scaled.slice(1)}.` : ''} A link cannot carry your own data (its address only says data=custom): save it as a file to load it again.`;
}

/** What a link to a reader's own data shows: the data is not in it. */
export const PLAYGROUND_CUSTOM_MISSING = 'This link was made with a reader’s own data, which a link does not carry: the playground shows the circle instead. Load the CSV again with “Your own data (CSV)…”.';
