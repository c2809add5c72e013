// backprop-lab: the article's figures as custom elements. One script tag loads them all:
//
//   <script type="module" src="/path/to/backprop-lab.js"></script>
//   <backprop-descent x="1.5" y="0.5" w="0.8" lr="0.1" controls equations></backprop-descent>
//
// The wasm core is fetched once, relative to this file, when the first figure nears the viewport.
//
// The network figures (<backprop-neuron>, <backprop-graph>, <backprop-playground>) are defined only once a page
// uses one: their code, and the full wasm core they need, are imported on demand, so the article's figures stay light.
import { DescentElement } from './lib/elements/descent-element.js';
import { EquationElement } from './lib/elements/equation-element.js';
import { LossElement } from './lib/elements/loss-element.js';
import { RegimesElement } from './lib/elements/regimes-element.js';
import { TableElement } from './lib/elements/table-element.js';
import { TimelineElement } from './lib/elements/timeline-element.js';
import { CompareElement } from './lib/elements/compare-element.js';

export const ELEMENTS = {
  'backprop-descent': DescentElement,
  'backprop-loss': LossElement,
  'backprop-table': TableElement,
  'backprop-regimes': RegimesElement,
  'backprop-equation': EquationElement,
  'backprop-timeline': TimelineElement,
  'backprop-compare': CompareElement,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) customElements.define(name, element);
}

export { CompareElement, DescentElement, EquationElement, LossElement, RegimesElement, TableElement, TimelineElement };
export { NETWORK_ELEMENTS, defineNetworkElement } from './lib/network-elements.js';
