import { bloomWord, bucketOf, fullBits, prefixBits, type Skipped, type Tables } from './fingerprint';
import { SpanHasher, TokenRing } from './tokenize';
import { LANE_A, LANE_B } from './tokens';

export type { EntrySource } from './fingerprint';

/**
 * The one multi-pattern matcher of Company Lens, used by the knowledge builder, the content
 * script and the benchmarks.
 *
 * Patterns are token sequences (see tokenize.ts). A scan reads the text's tokens once and, from
 * each token, extends the span while the span might be a proper prefix of a name. The leftmost
 * match wins, then the longest ("Alibaba Cloud" over "Alibaba"). Because matching works on whole
 * tokens, word boundaries come for free for Latin names, while CJK characters are single tokens,
 * so Chinese names match with no boundaries at all.
 *
 * Per token the scan computes one 32-bit hash and reads one word of a Bloom filter; only a span
 * the filter does not rule out is looked up in the sorted fingerprint table, and only then is
 * the span's second hash computed (fingerprint.ts describes the tables). The tables are a few
 * flat typed arrays, so they are cheap to build, to send to a content script and to keep per tab.
 * Building lives in matcher.ts (`Matcher.build`), so a content script's bundle leaves it out.
 */

export interface MatcherEntry {
  text: string;
  /** Match only with exactly this capitalisation (separators are still normalised). */
  caseSensitive?: boolean;
}

export interface MatchHit {
  start: number;
  end: number;
  /** Index of the entry in the list the matcher was built from (see `buildDense` for the other numbering). */
  value: number;
}

/**
 * Changes whenever the tables' layout, the hashing or the text fold changes: a stored matcher of
 * another version would hash names differently from the scan, so it is derived again instead.
 */
export const MATCHER_VERSION = 3;

/**
 * Serialisable form of a built matcher (typed arrays survive structured clone): the tables of
 * fingerprint.ts, with `entryOf` (position → entry index) in place of the build's `order`, empty
 * when hits report positions (`buildDense`).
 */
export interface MatcherPayload extends Omit<Tables, 'order'> {
  format: 'company-lens-matcher';
  version: typeof MATCHER_VERSION;
  entryOf: Int32Array;
}

export interface BuildReport {
  /** Entries that produced no tokens (only punctuation) or repeated an earlier entry. */
  skipped: Skipped[];
}

export class MatcherCore {
  private readonly ring: TokenRing;
  private readonly hasher = new SpanHasher();
  private readonly bloomShift: number;
  private readonly bucketShift: number;

  protected constructor(protected readonly p: MatcherPayload) {
    this.ring = new TokenRing(p.maxTokens + 1);
    this.bloomShift = 32 - Math.log2(p.bloom.length);
    this.bucketShift = 32 - Math.log2(p.bucket.length - 1);
  }

  static fromPayload(payload: MatcherPayload): MatcherCore {
    checkPayload(payload);
    return new MatcherCore(payload);
  }

  toPayload(): MatcherPayload {
    return this.p;
  }

  /** Number of names in the table; a measure of memory for reports and benchmarks. */
  get keyCount(): number {
    return this.p.low.length;
  }

  /**
   * Finds leftmost-longest, non-overlapping matches in text[from, to). Offsets index the
   * original string.
   */
  scan(text: string, from = 0, to = text.length, out: MatchHit[] = []): MatchHit[] {
    const { bloom, entryOf, maxTokens } = this.p;
    const ring = this.ring;
    const { start, end, hash, sep, mask } = ring;
    const shift = this.bloomShift;
    ring.reset(text, from, to);
    let i = 0;
    for (;;) {
      if (i === ring.count && !ring.next()) break;
      let a = hash[i & mask];
      let best = -1;
      let bestLast = -1;
      let j = i;
      for (;;) {
        const word = bloom[bloomWord(a, shift)];
        const full = fullBits(a);
        if ((word & full) === full) {
          const p = this.confirm(text, start[i & mask], end[j & mask], a);
          if (p >= 0) {
            best = p;
            bestLast = j;
          }
        }
        const prefix = prefixBits(a);
        if ((word & prefix) !== prefix || j + 1 - i >= maxTokens) break;
        if (j + 1 === ring.count && !ring.next()) break;
        j++;
        a = Math.imul(a ^ sep[j & mask], 0x5bd1e995);
        a ^= a >>> 15;
        a = Math.imul(a ^ hash[j & mask], 0x5bd1e995);
        a ^= a >>> 15;
      }
      if (best >= 0) {
        out.push({ start: start[i & mask], end: end[bestLast & mask], value: entryOf.length > 0 ? entryOf[best] : best });
        i = bestLast + 1;
      } else i++;
    }
    return out;
  }

  /** Position of the name spelled by text[s, e) whose lane-A hash is `a`, or -1. */
  private confirm(text: string, s: number, e: number, a: number): number {
    const { bucket, low, keyB } = this.p;
    const top = bucketOf(a, this.bucketShift);
    const lo = a & 0xff;
    let b = 0;
    let haveB = false;
    for (let p = bucket[top], last = bucket[top + 1]; p < last; p++) {
      if (low[p] !== lo) continue;
      if (!haveB) {
        this.hasher.run(text, s, e, LANE_B, false);
        b = this.hasher.hash;
        haveB = true;
      }
      if (keyB[p] === b) return this.caseAllows(p, text, s, e) ? p : -1;
    }
    return -1;
  }

  private caseAllows(p: number, text: string, s: number, e: number): boolean {
    const at = indexOfSorted(this.p.exactPos, p);
    if (at !== -1) {
      this.hasher.run(text, s, e, LANE_A, true);
      return this.hasher.hash === this.p.exactHash[at];
    }
    return true;
  }
}

/** Refuses a payload from another release or a damaged one, naming what is wrong. */
export function checkPayload(p: MatcherPayload): void {
  const fail = (what: string) => {
    throw new Error(`Matcher payload is unusable: ${what}`);
  };
  if (!p || p.format !== 'company-lens-matcher') fail('not a Company Lens matcher');
  if (p.version !== MATCHER_VERSION) {
    fail(`version ${String(p.version)} is not the supported version ${MATCHER_VERSION} (rebuild it from the dataset)`);
  }
  const pow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;
  const typed = [p.bloom, p.bucket, p.keyB, p.exactPos, p.exactHash, p.entryOf].every((a) => a instanceof Int32Array) && p.low instanceof Uint8Array;
  if (!typed) fail('a table is missing or of the wrong type');
  if (!Number.isInteger(p.maxTokens) || p.maxTokens < 1 || p.maxTokens > 1 << 20) fail('maxTokens is out of range');
  if (!pow2(p.bloom.length) || p.bloom.length < 16) fail('the filter size is not a power of two');
  const size = p.low.length;
  if (p.keyB.length !== size || (p.entryOf.length !== 0 && p.entryOf.length !== size)) fail('table lengths disagree');
  const buckets = p.bucket.length - 1;
  if (!pow2(buckets) || buckets < 2 || p.bucket[0] !== 0 || p.bucket[buckets] !== size) fail('bucket starts are malformed');
  for (let b = 1; b <= buckets; b++) if (p.bucket[b] < p.bucket[b - 1]) fail('bucket starts are not sorted');
  if (p.exactPos.length !== p.exactHash.length) fail('case-sensitive table lengths disagree');
  for (let k = 0; k < p.exactPos.length; k++) {
    if (p.exactPos[k] < 0 || p.exactPos[k] >= size || (k > 0 && p.exactPos[k] <= p.exactPos[k - 1])) fail('case-sensitive positions are malformed');
  }
}

/** Index of `value` in an ascending array, or -1. */
export function indexOfSorted(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else if (sorted[mid] > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}
