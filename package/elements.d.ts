// Types for backprop-lab/elements: importing it registers every custom element. The article's figures are defined at
// once; the network figures (<backprop-neuron>, <backprop-graph>, <backprop-playground>) when a page uses one.
import type { Analysis, DescentConfig, StepRecord } from './index.js';

/** What every figure shares: lazy loading (the `loading` attribute), refused attributes, readiness. */
declare class BaseElement extends HTMLElement {
  /** True once the figure has loaded what it needs (the wasm core) and drawn. */
  readonly ready: boolean;
  /** Attribute names that were present but not acceptable (the figure fell back to its defaults). */
  readonly refusedAttributes: string[];
  /** Loads now, whatever `loading` says; resolves when the figure shows its first render. */
  load(): Promise<void>;
}

/** The article's figures: a descent of their own, or another figure's (the `for` attribute). */
declare class FigureElement extends BaseElement {
  /** True when this figure owns its descent (it is not linked to another figure with `for`). */
  readonly ownsModel: boolean;
}

/** `<backprop-descent>`: the stepping figure with controls, equations and keyboard shortcuts. */
export declare class DescentElement extends FigureElement {
  readonly w: number;
  readonly steps: number;
  readonly loss: number;
  /** The phase last shown: null, "forward", "error", "backward" or "update". */
  readonly phase: string | null;
  readonly records: StepRecord[];
  readonly diverged: boolean;
  readonly config: DescentConfig;
  readonly analysis: Analysis | null;
  readonly playing: boolean;
  nextPhase(): void;
  nextStep(): void;
  play(): void;
  pause(): void;
  reset(): void;
  /** The steps taken, as CSV: step,w,yHat,error,loss,dJdYHat,dYHatdW,dJdW,wNext. */
  exportCSV(): string;
  /** The configuration and the steps taken, as JSON text. */
  exportJSON(): string;
}

/** `<backprop-loss>`: the loss per step. */
export declare class LossElement extends FigureElement {}
/** `<backprop-table>`: the table of weights, the article's rows marked. */
export declare class TableElement extends FigureElement {}
/** `<backprop-regimes>`: the learning-rate regimes of the closed form. */
export declare class RegimesElement extends FigureElement {}
/** `<backprop-equation name="forward|error|chain|derivative|update|result">`: one equation with the current numbers. */
export declare class EquationElement extends FigureElement {}
/** `<backprop-timeline for="id">`: a slider that scrubs the linked descent to any step, and that step's record. */
export declare class TimelineElement extends FigureElement {}
/** `<backprop-compare for="id" compare-lr="0.45">`: the descent's rate and a second one, side by side on J(w). */
export declare class CompareElement extends FigureElement {}

/** What every network figure shares (the full wasm core, loaded when one is on the page). */
declare class NetworkFigureElement extends BaseElement {}

/** `<backprop-neuron>`: one neuron ŷ = σ(w·x + b), its three-factor chain rule with the current numbers. */
declare class NeuronElement extends NetworkFigureElement {
  readonly records: unknown[];
  readonly current: unknown;
  readonly steps: number;
  readonly playing: boolean;
  step(): void;
  play(): void;
  pause(): void;
  reset(): void;
}

/** `<backprop-graph>`: one training point's computation graph, stepped backward node by node. */
declare class GraphElement extends NetworkFigureElement {
  readonly trace: { nodes: unknown[]; edges: unknown[]; loss: number } | null;
  readonly state: Record<string, unknown>;
  readonly revealed: number;
  backwardStep(): void;
  showAll(): void;
  hideGradients(): void;
  nextPoint(): void;
  train(n: number): void;
}

/** `<backprop-playground>`: a small network learning to separate 2-D points. */
declare class PlaygroundElement extends NetworkFigureElement {
  readonly state: Record<string, unknown>;
  readonly epochs: number;
  readonly steps: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /**
   * The loss history, bounded without stopping: one point every `stride` epochs (doubled, and every other point
   * dropped, when 1,000 are kept) and the newest epoch; `epochs[k]` is the epoch of `train[k]` and `test[k]`.
   */
  readonly history: { stride: number; epochs: number[]; train: number[]; test: number[] };
  readonly diverged: boolean;
  readonly playing: boolean;
  /**
   * The epoch whose network the heatmap shows: the current one when paused, stepped or edited; while training
   * plays, a frame or two behind (the grid comes from a worker); -1 while it shows a hovered neuron's map.
   */
  readonly heatmapEpoch: number;
  /** The weight or bias selected for the gradient check and the chain, or null. */
  readonly selected: { kind: 'weight' | 'bias'; index: number } | null;
  /** The training points added by hand: [x, y, label (1 or -1)] each. */
  readonly userPoints: number[][];
  /** The core's `Network` handle behind the figure (read it; changing it bypasses the figure). */
  readonly network: unknown;
  /** The playground's model (www/lib/playground-model.js): its state and rules, without the DOM. */
  readonly model: unknown;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Selects a weight or a bias (an index out of range is ignored). */
  select(target: { kind: 'weight' | 'bias'; index: number }): void;
  /** Adds a training point in the plane (x and y within ±6, label 1 or -1; anything else, or a point past the 200th, is ignored). */
  addPoint(x: number, y: number, label: 1 | -1): void;
  /** Removes the points added by hand. */
  clearPoints(): void;
}

// The network figures' classes are not exported as values: they are loaded on demand (see NETWORK_ELEMENTS).
export type { BaseElement, FigureElement, NetworkFigureElement, NeuronElement, GraphElement, PlaygroundElement };

/** The article's figures, by tag (registered when this module is imported). */
export declare const ELEMENTS: {
  'backprop-descent': typeof DescentElement;
  'backprop-loss': typeof LossElement;
  'backprop-table': typeof TableElement;
  'backprop-regimes': typeof RegimesElement;
  'backprop-equation': typeof EquationElement;
  'backprop-timeline': typeof TimelineElement;
  'backprop-compare': typeof CompareElement;
};

/** The network figures, by tag: each loads its code (and the full wasm core) only when a page uses it. */
export declare const NETWORK_ELEMENTS: {
  'backprop-neuron': () => Promise<typeof NeuronElement>;
  'backprop-graph': () => Promise<typeof GraphElement>;
  'backprop-playground': () => Promise<typeof PlaygroundElement>;
};

/** Defines the network figure `name` now (importing its code); resolves when it is defined. */
export declare function defineNetworkElement(name: keyof typeof NETWORK_ELEMENTS): Promise<CustomElementConstructor>;

declare global {
  interface HTMLElementTagNameMap {
    'backprop-descent': DescentElement;
    'backprop-loss': LossElement;
    'backprop-table': TableElement;
    'backprop-regimes': RegimesElement;
    'backprop-equation': EquationElement;
    'backprop-timeline': TimelineElement;
    'backprop-compare': CompareElement;
    'backprop-neuron': NeuronElement;
    'backprop-graph': GraphElement;
    'backprop-playground': PlaygroundElement;
  }
}
