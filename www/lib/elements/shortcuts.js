// Keyboard shortcuts: one table per figure, which both lists the keys (on the page and in the figure's `?` help) and
// drives the handler. A key is { key, label, shift? }: `key` is KeyboardEvent.key (letters match either case);
// `shift: true` asks for Shift; other named keys (arrows) match only without Shift, and printed characters such as
// "+" or "?" match whatever Shift does, since typing them often needs it.

/** The stepping figure's shortcuts. */
export const DESCENT_SHORTCUTS = [
  { keys: [{ key: '.', label: '.' }, { key: 'ArrowRight', label: '→' }], action: 'phase', text: 'next phase' },
  { keys: [{ key: 'n', label: 'n' }, { key: 'ArrowRight', shift: true, label: 'Shift+→' }], action: 'step', text: 'whole step' },
  { keys: [{ key: 'k', label: 'k' }], action: 'play', text: 'play / pause' },
  { keys: [{ key: 'r', label: 'r' }], action: 'reset', text: 'reset' },
  { keys: [{ key: '-', label: '-' }, { key: '_', label: '_' }], action: 'slower', text: 'slower' },
  { keys: [{ key: '+', label: '+' }, { key: '=', label: '=' }], action: 'faster', text: 'faster' },
  { keys: [{ key: 'p', label: 'p' }], action: 'predict', text: 'predict before each phase: on / off' },
  { keys: [{ key: '?', label: '?' }], action: 'help', text: 'show / hide these keys' },
];

/** The lookup a handler uses: "key|shift" → action, built once per table. */
const indexes = new WeakMap();
function index(table) {
  let map = indexes.get(table);
  if (map) return map;
  map = new Map();
  for (const s of table) {
    for (const k of s.keys) {
      const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
      if (k.key.length > 1) map.set(`${key}|${Boolean(k.shift)}`, s.action);
      else if (k.shift) map.set(`${key}|true`, s.action);
      else {
        map.set(`${key}|false`, s.action);
        if (!map.has(`${key}|true`)) map.set(`${key}|true`, s.action);
      }
    }
  }
  indexes.set(table, map);
  return map;
}

/** The action `table` gives a key event, or null (modified keys other than Shift are never taken). */
export function shortcutAction(event, table = DESCENT_SHORTCUTS) {
  if (event.ctrlKey || event.metaKey || event.altKey || typeof event.key !== 'string') return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return index(table).get(`${key}|${Boolean(event.shiftKey)}`) ?? null;
}

/** True when a key event comes from a place that types (a field, a select), where shortcuts must not act. */
export function typingTarget(event) {
  const t = event.composedPath()[0];
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || t?.isContentEditable === true;
}
