// Predict, then reveal: before a phase is shown, the reader commits a guess for what it will compute; then the
// core's value is shown next to the guess, with one sentence on why. This module holds the questions and how each
// guess is judged; every true value comes from a record the core computed (the step already taken ahead).
import { decimal } from './fields.js';
import { formatNumber } from './format.js';

const f = formatNumber;

/** A guess typed as a number (a typographic minus is read as "-"). */
export const parseGuess = (text) => decimal({ min: -1e15, max: 1e15 })(String(text ?? '').replace(/−/g, '-').replace(/\s+/g, ''));

/** Within 1% of the true value, or 0.005 of it when it is small: close enough for mental arithmetic. */
const closeEnough = (guess, truth) => Math.abs(guess - truth) <= Math.max(0.01 * Math.abs(truth), 0.005);

const sign = (v) => (v > 0 ? 1 : v < 0 ? -1 : 0);

/**
 * The question asked before `phase` of the step whose record is `r` (with x, y, lr of the problem).
 * Returns { phase, prompt, kind: 'number' | 'choice', options?: [value, text][], judge(guess) → { right, truth, why } }.
 */
export function descentQuestion(phase, r, { x, y, lr }) {
  switch (phase) {
    case 'forward':
      return {
        phase,
        prompt: `Forward: what will ŷ = x·w be, for x = ${f(x)} and w = ${f(r.w)}?`,
        kind: 'number',
        judge: (g) => ({ right: closeEnough(g, r.yHat), truth: f(r.yHat), why: `ŷ = x·w = ${f(x)} · ${f(r.w)} = ${f(r.yHat)}.` }),
      };
    case 'error':
      return {
        phase,
        prompt: `Error: is the prediction ŷ = ${f(r.yHat)} above or below the target y = ${f(y)}?`,
        kind: 'choice',
        options: [['1', 'above: ŷ − y is positive'], ['-1', 'below: ŷ − y is negative'], ['0', 'exactly on it']],
        judge: (g) => {
          const s = sign(r.error);
          const word = s > 0 ? 'positive' : s < 0 ? 'negative' : 'zero';
          return { right: Number(g) === s, truth: `ŷ − y = ${f(r.error)}`, why: `ŷ − y = ${f(r.yHat)} − ${f(y)} = ${f(r.error)}, ${word}; squared, J = ${f(r.loss)}.` };
        },
      };
    case 'backward':
      return {
        phase,
        prompt: `Backward: what will the slope dJ/dw = 2(ŷ − y)·x be, with ŷ − y = ${f(r.error)}?`,
        kind: 'number',
        judge: (g) => ({ right: closeEnough(g, r.dJdW), truth: f(r.dJdW), why: `dJ/dw = 2 · ${f(r.error)} · ${f(x)} = ${f(r.dJdW)}.` }),
      };
    default: {
      const s = sign(r.wNext - r.w);
      const moved = s > 0 ? 'up' : s < 0 ? 'down' : 'nowhere';
      return {
        phase: 'update',
        prompt: `Update: with dJ/dw = ${f(r.dJdW)} and lr = ${f(lr)}, will w = ${f(r.w)} go up or down?`,
        kind: 'choice',
        options: [['1', 'up'], ['-1', 'down'], ['0', 'it stays']],
        judge: (g) => ({
          right: Number(g) === s,
          truth: `w goes ${moved}, to ${f(r.wNext)}`,
          why: `w moves against the slope: dJ/dw = ${f(r.dJdW)} is ${r.dJdW > 0 ? 'positive, so w goes down' : r.dJdW < 0 ? 'negative, so w goes up' : '0, so w stays'}: w ← ${f(r.w)} − ${f(lr)} · ${f(r.dJdW)} = ${f(r.wNext)}.`,
        }),
      };
    }
  }
}

/** The neuron's question before a step: will w and will b go up or down? (`r`: the coming step's numbers.) */
export function neuronQuestion(r) {
  const dir = (d) => (d > 0 ? 'down' : d < 0 ? 'up' : 'stays');
  return {
    phase: 'step',
    prompt: `Before the update: will w = ${f(r.w, 6)} and b = ${f(r.b, 6)} go up or down?`,
    kind: 'pair',
    options: [['up', 'up'], ['down', 'down'], ['stays', 'stays']],
    names: ['w', 'b'],
    judge: ([gw, gb]) => {
      const w = dir(r.dJdW);
      const b = dir(r.dJdB);
      return {
        right: gw === w && gb === b,
        points: (gw === w) + (gb === b),
        truth: `w goes ${w}, b goes ${b}`,
        why: `Each moves against its slope: dJ/dw = ${f(r.dJdW, 4)}, so w goes ${w}; dJ/db = ${f(r.dJdB, 4)}, so b goes ${b}.`,
      };
    },
  };
}
