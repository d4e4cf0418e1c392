/**
 * Lookups in a sorted vocabulary (JavaScript string order): the terms starting with a prefix, and
 * the terms within a few edits of a word. A sorted array is a flattened trie, so the edit-distance
 * search walks it like one: rows of the Levenshtein matrix are shared by terms with a common prefix,
 * and a prefix that is already too far away skips every term starting with it.
 */

/** The range `[start, end)` of terms starting with `prefix`. */
export function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(terms, prefix, 0);
  return [start, endOfPrefix(terms, prefix, start)];
}

function lowerBound(terms: readonly string[], value: string, from: number): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index from `from` on whose term does not start with `prefix` (those that do are contiguous). */
function endOfPrefix(terms: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** For each term, how many leading characters it shares with the one before it (at most 255). */
export function sharedPrefixes(terms: readonly string[]): Uint8Array {
  const shared = new Uint8Array(terms.length);
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1]!;
    const b = terms[i]!;
    const most = Math.min(a.length, b.length, 255);
    let k = 0;
    while (k < most && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    shared[i] = k;
  }
  return shared;
}

/**
 * Terms within `maxDistance` Levenshtein edits of `word` (itself included, at distance 0).
 * `shared` is sharedPrefixes(terms).
 */
export function fuzzyTerms(terms: readonly string[], shared: Uint8Array, word: string, maxDistance: number): Array<{ id: number; distance: number }> {
  const out: Array<{ id: number; distance: number }> = [];
  const cols = word.length + 1;
  const maxLength = word.length + maxDistance;
  // rows[d * cols + j]: distance between the current term's first d characters and word's first j.
  // Only a band of maxDistance cells either side of the diagonal can stay within maxDistance; cells
  // outside it keep the "too far" value they start with.
  const tooFar = maxDistance + 1;
  const rows = new Uint16Array((maxLength + 1) * cols).fill(tooFar);
  for (let j = 0; j < cols; j++) rows[j] = j;
  // Rows up to `valid` belong to the previous term; a term reuses those of the prefix it shares with it.
  let valid = 0;
  let i = 0;
  while (i < terms.length) {
    const term = terms[i]!;
    const depth = Math.min(valid, shared[i]!);
    let prunedAt = 0;
    for (let d = depth + 1; d <= term.length; d++) {
      if (d > maxLength) {
        prunedAt = d;
        break;
      }
      const code = term.charCodeAt(d - 1);
      const row = d * cols;
      const above = row - cols;
      const from = Math.max(1, d - maxDistance);
      const to = Math.min(cols - 1, d + maxDistance);
      if (from === 1) rows[row] = Math.min(d, tooFar);
      let least = from === 1 ? rows[row]! : tooFar;
      for (let j = from; j <= to; j++) {
        const cost = rows[above + j - 1]! + (word.charCodeAt(j - 1) === code ? 0 : 1);
        const value = Math.min(cost, rows[above + j]! + 1, rows[row + j - 1]! + 1, tooFar);
        rows[row + j] = value;
        if (value < least) least = value;
      }
      if (least > maxDistance) {
        prunedAt = d;
        break;
      }
    }
    if (prunedAt > 0) {
      // Every following term sharing the first prunedAt characters is as far away: skip them.
      valid = prunedAt - 1;
      i++;
      while (i < terms.length && shared[i]! >= prunedAt) i++;
      continue;
    }
    valid = term.length;
    const distance = rows[term.length * cols + cols - 1]!;
    if (distance <= maxDistance) out.push({ id: i, distance });
    i++;
  }
  return out;
}
