// Types for backprop-lab/data/csv: a reader's own data as CSV, rows of inputs then a label.

/** Every bound the parser checks. */
export declare const CSV_LIMITS: Readonly<{
  /** Most bytes (UTF-8) of one text. */
  maxBytes: number;
  /** Most data rows: the core's most points (limits().network.maxPoints). */
  maxRows: number;
  /** Most characters on one line. */
  maxLineLength: number;
  /** Largest size of any number, input or label. */
  maxAbsValue: number;
  /** Most distinct classes. */
  maxClasses: number;
}>;

/** What the labels were read as. */
export type LabelKind = 'binary' | 'classes' | 'regression';
/** The label kinds, as `kind` in a parse's result. */
export declare const LABEL_KINDS: readonly LabelKind[];
/** What `options.kind` may ask for. */
export declare const KIND_CHOICES: readonly ('auto' | 'classes' | 'regression')[];

/** Why a text was refused, and where: line and column count from 1 (0 when the whole text is meant). */
export interface CsvRefusal {
  kind: 'not-text' | 'bad-option' | 'too-large' | 'line-too-long' | 'control-character' | 'unterminated-quote' | 'text-after-quote' | 'stray-quote' | 'wrong-field-count' | 'too-many-rows' | 'missing-value' | 'not-a-number' | 'out-of-range' | 'too-many-classes' | 'no-rows';
  line: number;
  column: number;
  /** The field's name (its header, or x1, x2, …, label), when one field is meant. */
  field: string | null;
  /** The text refused, when there is one. */
  value?: string;
  /** What was expected there. */
  expected: string;
  /** A sentence naming the place, for people; programs read the fields above. */
  message: string;
  /** The limit broken, for too-large, too-many-rows and too-many-classes. */
  limit?: number;
}

/** A parsed text. */
export interface CsvData {
  ok: true;
  kind: LabelKind;
  /** A sentence saying what was detected, and from what. */
  why: string;
  /** The header's fields, or null when the first line was data. */
  header: string[] | null;
  /** The fields' names: the header's, or x1, x2, …, label. */
  names: string[];
  inputs: number;
  rows: number;
  /** rows × (inputs + 1): the inputs, then the target (±1 for binary, the class index for classes, the value for regression). */
  points: Float64Array;
  /** The labels as written. */
  labels: string[];
  /** binary: the two labels, negative first; classes: the names by index; regression: []. */
  classes: string[];
}

export interface CsvOptions {
  /** Numbers before the label on each row (default 2). */
  inputs?: number;
  /** 'auto' (default) detects; 'classes' reads labels as names; 'regression' as values. */
  kind?: 'auto' | 'classes' | 'regression';
}

/** Parses `text`; never throws. */
export declare function parseCsv(text: string, options?: CsvOptions): CsvData | { ok: false; error: CsvRefusal };

/** The rows a Network trains on: inputs then targets, one-hot (one per class) for classes. */
export declare function coreRows(parsed: CsvData): Float64Array;
