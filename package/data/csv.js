// backprop-lab/data/csv: the parser for a reader's own data, `x1,x2,label` rows (a header optional), the one the
// playground uses. Plain JavaScript, no wasm: `import { parseCsv } from 'backprop-lab/data/csv'`.
export * from '../lib/data/csv.js';
