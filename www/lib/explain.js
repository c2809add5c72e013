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
  const a = facts?.analysis;
  if (!stop.diverged) return `Stopped after ${formatCount(stop.step - 1)} steps, as many as a figure keeps: press Reset to start again.`;
  const start = `Stopped before step ${formatCount(stop.step)}: from w = ${f(stop.w)} the update would give numbers beyond the largest finite number (${LARGEST_FINITE}).`;
  if (!a) return start;
  return `${start} Each step multiplies the distance to the optimum w* = ${f(a.optimum)} by 1 − 2·lr·x² = ${f(a.factor)}, larger than 1 in size because lr = ${f(config.lr)} exceeds 1/x² = ${f(a.lrLimit)}. A learning rate below ${f(a.lrLimit)} converges; ${f(a.lrOneStep)} lands on w* in one step.`;
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
