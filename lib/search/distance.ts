/** Levenshtein distance of a and b, or Infinity once it must exceed `max` (cheap early exit). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** True when the query word is a prefix of the indexed word or a small typo of it. */
export function wordMatches(query: string, term: string): boolean {
  return term.startsWith(query) || (query.length >= 4 && editDistance(query, term, query.length >= 9 ? 2 : 1) < Infinity);
}
