// The step trace as CSV and JSON: every record of the run, with the f64 values printed exactly (shortest
// round-trip), so a spreadsheet or a script reads back the very numbers the core computed.

/** The record fields, in the order the article derives them. */
const COLUMNS = ['w', 'yHat', 'error', 'loss', 'dJdYHat', 'dYHatdW', 'dJdW', 'wNext'];

/** CSV with a header row; one row per step, numbered from 1. */
export function traceToCSV(records) {
  const lines = [['step', ...COLUMNS].join(',')];
  records.forEach((r, i) => lines.push([i + 1, ...COLUMNS.map((c) => String(r[c]))].join(',')));
  return `${lines.join('\n')}\n`;
}

/** JSON with the configuration and the records. */
export function traceToJSON(config, records) {
  const steps = records.map((r, i) => ({ step: i + 1, ...Object.fromEntries(COLUMNS.map((c) => [c, r[c]])) }));
  return `${JSON.stringify({ config: { x: config.x, y: config.y, w: config.w, lr: config.lr }, steps }, null, 2)}\n`;
}

/** Offers `text` as a file download (a blob URL, revoked afterwards). */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
