import { LANE_A } from './tokens';
import { SpanHasher, TokenRing } from './tokenize';

/**
 * Which texts two lexicons may read differently, as the hashes of the first tokens that could
 * start a name whose reading changed: a text with none of those tokens has the same mentions
 * under both. The dataset build uses it to scan again only the articles a change can reach.
 *
 * A text's mentions depend only on the entries that match somewhere in it (the matcher keeps the
 * leftmost-longest match of the names present; the resolver reads each hit's company, flags and
 * context roles). Entries are grouped by their case-folded token hash, which every spelling the
 * matcher could take for the same name shares, and a group is compared by everything the lexicon
 * made of its entries, in build order. A group that differs in any way counts as changed, so
 * hash collisions only ever make the answer larger.
 */

/** One text the lexicon was built from: the company it names (or confirms, for a context word) and its role. */
export interface LexiconEntry {
  text: string;
  companyId: string;
  /** The entry's flags and case rule as the lexicon keeps them, or "context". */
  role: string;
}

export interface EntryGroups {
  signatures: Map<number, string>;
  /** First-token hashes of each group's texts. */
  firstTokens: Map<number, number[]>;
}

const hasher = new SpanHasher();

export function entryGroups(entries: readonly LexiconEntry[]): EntryGroups {
  const signatures = new Map<number, string>();
  const firstTokens = new Map<number, number[]>();
  let prefixes = new Int32Array(64);
  for (const e of entries) {
    if (prefixes.length <= e.text.length) prefixes = new Int32Array(e.text.length + 1);
    if (hasher.run(e.text, 0, e.text.length, LANE_A, false, prefixes) === 0) continue;
    const group = hasher.hash;
    const signature = `${e.companyId}\u0001${e.role}\u0001${e.text}`;
    const before = signatures.get(group);
    signatures.set(group, before === undefined ? signature : `${before}\u0002${signature}`);
    const first = firstTokens.get(group);
    if (!first) firstTokens.set(group, [prefixes[0]]);
    else if (!first.includes(prefixes[0])) first.push(prefixes[0]);
  }
  return { signatures, firstTokens };
}

/** First-token hashes of the groups that differ between two lexicons (in either). */
export function changedFirstTokens(before: EntryGroups, after: EntryGroups): Set<number> {
  const out = new Set<number>();
  const mark = (groups: EntryGroups, group: number) => {
    for (const t of groups.firstTokens.get(group) ?? []) out.add(t);
  };
  for (const [group, signature] of after.signatures) {
    if (before.signatures.get(group) !== signature) {
      mark(after, group);
      mark(before, group);
    }
  }
  for (const group of before.signatures.keys()) if (!after.signatures.has(group)) mark(before, group);
  return out;
}

/** The case-folded hash of every token of a text, as the matcher's scan reads them: sorted, each once. */
export function tokenHashes(text: string): Int32Array {
  const ring = new TokenRing(1);
  const all: number[] = [];
  ring.reset(text, 0, text.length);
  while (ring.next()) all.push(ring.hash[(ring.count - 1) & ring.mask]);
  const sorted = Int32Array.from(all).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

/** Whether a text with these token hashes (from tokenHashes) has any of `tokens`. */
export function hasAnyToken(hashes: Int32Array, tokens: ReadonlySet<number>): boolean {
  for (const t of tokens) {
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < hashes.length && hashes[lo] === t) return true;
  }
  return false;
}
