import { SpanHasher } from './tokenize';
import { LANE_A, LANE_B } from './tokens';

/**
 * Builds the matcher's tables (see matcher.ts for how a scan reads them).
 *
 * - Every name is one entry, identified by a 64-bit fingerprint: lane A and lane B of its span.
 *   Entries are sorted by lane A and cut into 2^k buckets by A's top k bits; an entry stores the
 *   low 8 bits of A (`low`) and all of B (`keyB`), and its position in this order is its number.
 *   The bucket and `low` hold 8 + k bits of A (k is about log2(names) - 3), so the fingerprint
 *   keeps 54 bits at 100k names in 5.5 bytes a name, where an open-addressing table of four
 *   32-bit lanes took 40. The 8 bits of A also spare most look-ups the second hash: only a
 *   bucket entry whose low byte agrees needs lane B.
 * - A blocked Bloom filter answers, from lane A alone and with one memory read per token, "might
 *   a name be exactly this span?" and "might a longer name start with this span?". A false "yes"
 *   only costs a wasted look-up, never a wrong match, because matches are confirmed in the
 *   sorted table with both lanes.
 * - Case-sensitive names keep their exact-case lane-A hash in a side table of sorted pairs
 *   (position, hash): they are few, and most lexicons have none.
 */

export interface Tables {
  maxTokens: number;
  bloom: Int32Array;
  /** Start of each bucket of the sorted table, plus its end (power of two + 1 values). */
  bucket: Int32Array;
  low: Uint8Array;
  keyB: Int32Array;
  /** Sorted positions of case-sensitive names, and their exact-case lane-A hashes. */
  exactPos: Int32Array;
  exactHash: Int32Array;
  /** Position → index of the entry in the list given to the build. */
  order: Int32Array;
}

/**
 * The names to build from, read by index. A builder with parallel arrays (the lexicon) passes
 * them without making one object per name, which at 100k names is most of the build's garbage.
 */
export interface EntrySource {
  count: number;
  text(index: number): string;
  caseSensitive(index: number): boolean;
}

/** An entry left out of the table; a duplicate names the earlier entry it repeats (`of`). */
export type Skipped = { index: number; reason: 'empty' } | { index: number; reason: 'duplicate'; of: number };

/** Word of the Bloom filter that holds lane-A hash `a`. */
export const bloomWord = (a: number, shift: number): number => Math.imul(a, 0x9e3779b1) >>> shift;
/** Bits set in that word for a whole name, and for a proper prefix of a name. */
export const fullBits = (a: number): number => (1 << a) | (1 << (a >>> 5));
export const prefixBits = (a: number): number => (1 << (a >>> 10)) | (1 << (a >>> 20));
/** Bucket of lane-A hash `a` when there are 2^(32 - shift) buckets. */
export const bucketOf = (a: number, shift: number): number => a >>> shift;

const log2 = (n: number) => 31 - Math.clz32(n);

export function buildTables(entries: EntrySource, skipped: Skipped[]): Tables {
  const n = entries.count;
  const hasher = new SpanHasher();
  let running = new Int32Array(64);
  const fullA = new Int32Array(n);
  const fullB = new Int32Array(n);
  const exact = new Int32Array(n);
  const kept = new Int32Array(n);
  let keptCount = 0;
  let prefixes = new Int32Array(1024);
  let prefixCount = 0;
  let maxTokens = 1;
  for (let e = 0; e < n; e++) {
    const text = entries.text(e);
    const caseSensitive = entries.caseSensitive(e);
    if (running.length < text.length) running = new Int32Array(text.length * 2);
    const count = hasher.run(text, 0, text.length, LANE_A, false, running);
    if (count === 0) {
      skipped.push({ index: e, reason: 'empty' });
      continue;
    }
    maxTokens = Math.max(maxTokens, count);
    if (prefixes.length < prefixCount + count) {
      const grown = new Int32Array((prefixCount + count) * 2);
      grown.set(prefixes.subarray(0, prefixCount));
      prefixes = grown;
    }
    for (let k = 0; k < count - 1; k++) prefixes[prefixCount++] = running[k];
    fullA[e] = running[count - 1];
    fullB[e] = (hasher.run(text, 0, text.length, LANE_B, false), hasher.hash);
    if (caseSensitive) exact[e] = (hasher.run(text, 0, text.length, LANE_A, true), hasher.hash);
    kept[keptCount++] = e;
  }
  const sorted = sortByLaneA(kept.subarray(0, keptCount), fullA, n);
  // Equal fingerprints are the same name spelled differently (only in ways the tokenizer
  // normalises away): the earlier entry wins. Equal lane A alone is rare, so runs are short.
  const order: number[] = [];
  for (let s = 0; s < sorted.length; s++) {
    const e = sorted[s];
    let of = -1;
    for (let r = order.length - 1; r >= 0 && fullA[order[r]] === fullA[e]; r--) {
      if (fullB[order[r]] === fullB[e]) of = order[r];
    }
    if (of >= 0) skipped.push({ index: e, reason: 'duplicate', of });
    else order.push(e);
  }
  skipped.sort((x, y) => x.index - y.index);

  const size = order.length;
  // About eight names a bucket: a look-up compares a few adjacent 16-bit values, and the bucket
  // starts cost half a byte a name.
  const k = Math.max(1, log2(Math.max(size, 4)) - 3);
  const bucketShift = 32 - k;
  const bucket = new Int32Array((1 << k) + 1);
  const low = new Uint8Array(size);
  const keyB = new Int32Array(size);
  const exactPos: number[] = [];
  const exactHash: number[] = [];
  for (let p = 0; p < size; p++) {
    const e = order[p];
    bucket[bucketOf(fullA[e], bucketShift) + 1]++;
    low[p] = fullA[e] & 0xff;
    keyB[p] = fullB[e];
    if (entries.caseSensitive(e)) {
      exactPos.push(p);
      exactHash.push(exact[e]);
    }
  }
  for (let b = 1; b < bucket.length; b++) bucket[b] += bucket[b - 1];

  // About 5–10 filter bits per inserted hash, two of them set per hash: 5–15 % false "yes"
  // answers (each costs one more hash step or look-up), for about a byte per name. Larger
  // filters were measured no faster at 100k names: the filter then no longer fits in cache.
  const insertions = size + prefixCount;
  let words = 16;
  while (words * 32 < insertions * 5) words *= 2;
  const bloom = new Int32Array(words);
  const shift = 32 - log2(words);
  for (const e of order) bloom[bloomWord(fullA[e], shift)] |= fullBits(fullA[e]);
  for (let i = 0; i < prefixCount; i++) bloom[bloomWord(prefixes[i], shift)] |= prefixBits(prefixes[i]);
  return {
    maxTokens,
    bloom,
    bucket,
    low,
    keyB,
    exactPos: Int32Array.from(exactPos),
    exactHash: Int32Array.from(exactHash),
    order: Int32Array.from(order),
  };
}

/** Entry indices sorted by unsigned lane A, ties by index (so the earlier entry comes first). */
function sortByLaneA(kept: Int32Array, fullA: Int32Array, n: number): ArrayLike<number> {
  const SPAN = 2 ** 21;
  if (n <= SPAN) {
    // A single Float64Array sort of (A · 2^21 + index) is exact below 2^53 and far faster than
    // sorting indices with a comparator.
    const keys = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) keys[i] = (fullA[kept[i]] >>> 0) * SPAN + kept[i];
    keys.sort();
    const out = new Int32Array(kept.length);
    for (let i = 0; i < keys.length; i++) out[i] = keys[i] % SPAN;
    return out;
  }
  return Array.from(kept).sort((x, y) => (fullA[x] >>> 0) - (fullA[y] >>> 0) || x - y);
}
