// The reader's progress through the path, kept in the browser (localStorage) so a reload or a later visit resumes
// where they were. Where storage is refused (a private window, a blocked origin) progress lives for the visit only.

/** The storage key; its suffix is the layout version of what is stored. */
const PROGRESS_KEY = 'backprop-lab:path:v1';

/** Reads the set of finished lesson ids (only ids of `known` lessons are kept). */
export function loadProgress(known, storage = globalThis.localStorage) {
  try {
    const saved = JSON.parse(storage?.getItem(PROGRESS_KEY) ?? 'null');
    const done = Array.isArray(saved?.done) ? saved.done.filter((id) => typeof id === 'string' && known.includes(id)) : [];
    return new Set(done);
  } catch {
    return new Set();
  }
}

/** Saves the finished lessons; false when the browser refused. */
export function saveProgress(done, storage = globalThis.localStorage) {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify({ done: [...done] }));
    return true;
  } catch {
    return false;
  }
}

/** A lesson is open when every lesson before it is finished. */
export function isOpen(order, done, id) {
  const at = order.indexOf(id);
  return at >= 0 && order.slice(0, at).every((before) => done.has(before));
}
