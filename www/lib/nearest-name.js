// The name an author most likely meant: the nearest by edit distance (Levenshtein: one insertion, deletion or
// substitution each), compared without case, hyphens or underscores, so `learning-rate` meets a field titled
// "learning rate" and `Control` meets `controls`.

const plain = (name) => name.toLowerCase().replace(/[-_\s]/g, '');

/** The number of single-character insertions, deletions and substitutions that turn `a` into `b`. */
export function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    // d(i, j) = min(d(i−1, j) + 1, d(i, j−1) + 1, d(i−1, j−1) + [a_i ≠ b_j])
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * The candidate nearest to `given`: `candidates` are [name, ...spellings] (a spelling such as a field's title counts
 * for its name). Null when even the nearest differs in more than half of `given`'s letters.
 */
export function nearestName(given, candidates) {
  const g = plain(given);
  let best = null;
  let bestDistance = Infinity;
  for (const [name, ...spellings] of candidates) {
    for (const spelling of [name, ...spellings]) {
      const d = editDistance(g, plain(spelling));
      if (d < bestDistance) [best, bestDistance] = [name, d];
    }
  }
  return bestDistance <= Math.ceil(g.length / 2) ? best : null;
}
