// backprop-lab/elements: registers every custom element (the article's figures at once, the network figures when a
// page uses one). One script tag from a CDN, or `import 'backprop-lab/elements'` in a bundled app:
//
//   <script type="module" src="https://cdn.jsdelivr.net/npm/backprop-lab@0.1.0/elements.js"></script>
//   <backprop-descent x="1.5" y="0.5" w="0.8" lr="0.1" controls equations></backprop-descent>
//
// The wasm modules and the figures' stylesheet are found relative to these files, wherever they are served from.
export * from './backprop-lab.js';
