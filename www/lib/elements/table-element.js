// <backprop-table>: the weights step by step, growing row by row, with the article's rows marked and its last row
// (0.333333) placed at the step it really stands for.
import { frame as makeFrame } from '../dom.js';
import { FigureElement } from './figure-element.js';
import { createTableFigure, KEPT_ROWS } from '../figures/table.js';
import { ARTICLE_DECIMALS, ARTICLE_ROWS } from '../descent-model.js';
import { explainLastRow } from '../explain.js';
import { formatFixed } from '../format.js';

export class TableElement extends FigureElement {
  static label = 'Table of the weight after each step';
  #figure = null;

  build(root) {
    const frame = makeFrame();
    this.#figure = createTableFigure(frame);
    root.append(frame);
  }

  render(model) {
    if (!this.#figure || !model.descent) return;
    const trail = model.trail();
    const records = model.records;
    const n = trail.length;
    const digitsStep = model.facts?.digitsStep ?? null;
    const target = model.facts?.analysis ? formatFixed(model.facts.analysis.optimum, ARTICLE_DECIMALS) : null;
    const row = (i) => {
      const loss = i < records.length ? records[i].loss : model.currentLoss(); // null: not shown yet (predict mode)
      let mark = null;
      if (model.isArticle && i < ARTICLE_ROWS.length) mark = 'article';
      if (i === digitsStep && target !== null) mark = model.isArticle ? `article’s last row: ${target}` : `reads ${target}`;
      return { n: i, w: trail[i], loss, mark, current: i === n - 1 };
    };
    const [head, tail] = KEPT_ROWS;
    const rows = [];
    if (n <= head + tail + 1) for (let i = 0; i < n; i++) rows.push(row(i));
    else {
      for (let i = 0; i < head; i++) rows.push(row(i));
      rows.push({ folded: n - head - tail });
      for (let i = n - tail; i < n; i++) rows.push(row(i));
    }
    this.#figure.update({ rows, note: explainLastRow(model.config, model.facts, model.isArticle) });
  }
}
