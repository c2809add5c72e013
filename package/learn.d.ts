// Types for backprop-lab/learn: the derivation checker.

/** One point: the values of the quantities on screen (x, y, w, ŷ or yHat, J, z, a, b, δ, η or lr). */
export type Quantities = Record<string, number>;

/** One factor of the chain rule, as the engine computed it at a point. */
export interface ExpectedFactor {
  /** Its name in the article's notation, e.g. "dŷ/dw". */
  name: string;
  /** Its formula, e.g. "x". */
  text: string;
  /** Its value at the point. */
  value: number;
}

/** The engine's value at a point, with the chain rule's factors whose product it is. */
export type Expected = number | { value: number; factors?: ExpectedFactor[] };

/** Why an expression was not accepted. */
export type CheckKind =
  | 'syntax'
  | 'unknownName'
  | 'tooLong'
  | 'tooDeep'
  | 'wrongFactor'
  | 'wrongSign'
  | 'extraFactor'
  | 'wrongValue'
  | 'accident'
  | 'notFinite'
  | 'internal';

/** The answer: ok, the expression's value at the first point, and a sentence for the reader. */
export interface CheckResult {
  ok: boolean;
  /** The expression's value at the first point (NaN when it could not be read). */
  value: number;
  message: string;
  /** Present when ok is false. */
  kind?: CheckKind;
  /** 0-based position in the text, for syntax errors and unknown names. */
  position?: number;
  /** The unknown name, for kind "unknownName". */
  name?: string;
  /** The chain rule's factor named in the message, for "wrongFactor" and "wrongSign". */
  factor?: string;
}

/**
 * Checks `text` at each point of `variables` (one point, or a list with the current step first) against `expected`
 * (one value or { value, factors }, or a list aligned with the points). Never throws.
 */
export declare function checkExpression(text: string, variables: Quantities | Quantities[], expected: Expected | Expected[]): CheckResult;

/** The relative tolerance two values are compared with. */
export declare const TOLERANCE: number;
/** The longest expression read, in characters. */
export declare const MAX_LENGTH: number;
/** The deepest nesting read. */
export declare const MAX_DEPTH: number;
