import { mix } from './tokens';
import { TokenBuffer, spanHash, tokenize } from './tokenize';

/**
 * The one multi-pattern matcher of Company Lens, used by the knowledge builder, the content
 * script and the benchmarks.
 *
 * Patterns are token sequences (see tokenize.ts). Every pattern and every proper prefix of a
 * pattern is stored in one open-addressing hash table keyed by two 32-bit hash lanes; a scan
 * walks the text's tokens once and, from each token, extends the span while the span is a known
 * prefix. The leftmost match wins, then the longest ("Alibaba Cloud" over "Alibaba"). Because
 * matching works on whole tokens, word boundaries come for free for Latin names, while CJK
 * characters are single tokens, so Chinese names match with no boundaries at all.
 *
 * The table is a few flat typed arrays, so it is cheap to build, to send to a content script and
 * to keep per tab.
 */

export interface MatcherEntry {
  text: string;
  /** Match only with exactly this capitalisation (separators are still normalised). */
  caseSensitive?: boolean;
}

export interface MatchHit {
  start: number;
  end: number;
  /** Index of the entry in the list the matcher was built from. */
  value: number;
}

/** Serialisable form of a built matcher (typed arrays survive structured clone). */
export interface MatcherPayload {
  format: 'company-lens-matcher';
  version: 1;
  maxTokens: number;
  keyA: Int32Array;
  keyB: Int32Array;
  /** bit 0: a longer pattern continues; bit 1: case-sensitive; bits 2+: entry index + 1. */
  info: Int32Array;
  /** Exact-case hash (lane A) for case-sensitive entries, 0 elsewhere. */
  exact: Int32Array;
}

const PREFIX = 1;
const CASE = 2;
const EMPTY_KEY = 0;
/** Hash lane values are never 0 in the table: 0 marks an empty slot. */
const nonZero = (h: number) => (h === EMPTY_KEY ? 1 : h);

const scratch = new TokenBuffer();
const exactScratch = new TokenBuffer();

export interface BuildReport {
  /** Entries that produced no tokens (only punctuation) or repeated an earlier entry. */
  skipped: { index: number; reason: 'empty' | 'duplicate' }[];
}

export class Matcher {
  private constructor(private readonly p: MatcherPayload) {}

  static build(entries: readonly MatcherEntry[], report?: BuildReport): Matcher {
    const keys: { a: number; b: number; info: number; exact: number }[] = [];
    const index = new Map<string, number>();
    const put = (a: number, b: number) => {
      const k = `${a},${b}`;
      let at = index.get(k);
      if (at === undefined) {
        at = keys.length;
        keys.push({ a: nonZero(a), b: nonZero(b), info: 0, exact: 0 });
        index.set(k, at);
      }
      return keys[at];
    };
    let maxTokens = 1;
    entries.forEach((entry, value) => {
      const tokens = tokenize(entry.text, scratch);
      if (tokens.count === 0) {
        report?.skipped.push({ index: value, reason: 'empty' });
        return;
      }
      maxTokens = Math.max(maxTokens, tokens.count);
      for (let last = 0; last < tokens.count - 1; last++) {
        const [a, b] = spanHash(tokens, 0, last);
        put(a, b).info |= PREFIX;
      }
      const [a, b] = spanHash(tokens, 0, tokens.count - 1);
      const key = put(a, b);
      if (key.info >>> 2 !== 0) {
        report?.skipped.push({ index: value, reason: 'duplicate' });
        return;
      }
      key.info |= (value + 1) << 2;
      if (entry.caseSensitive) {
        key.info |= CASE;
        const exact = tokenize(entry.text, exactScratch, true);
        key.exact = nonZero(spanHash(exact, 0, exact.count - 1)[0]);
      }
    });
    let size = 16;
    while (size < keys.length * 1.6) size *= 2;
    const p: MatcherPayload = {
      format: 'company-lens-matcher',
      version: 1,
      maxTokens,
      keyA: new Int32Array(size),
      keyB: new Int32Array(size),
      info: new Int32Array(size),
      exact: new Int32Array(size),
    };
    const mask = size - 1;
    for (const k of keys) {
      let slot = k.a & mask;
      while (p.keyA[slot] !== EMPTY_KEY) slot = (slot + 1) & mask;
      p.keyA[slot] = k.a;
      p.keyB[slot] = k.b;
      p.info[slot] = k.info;
      p.exact[slot] = k.exact;
    }
    return new Matcher(p);
  }

  static fromPayload(payload: MatcherPayload): Matcher {
    const size = payload.keyA.length;
    const ok =
      payload.format === 'company-lens-matcher' &&
      payload.version === 1 &&
      size > 0 &&
      (size & (size - 1)) === 0 &&
      payload.keyB.length === size &&
      payload.info.length === size &&
      payload.exact.length === size;
    if (!ok) throw new Error('Matcher payload is malformed or of an unknown version');
    return new Matcher(payload);
  }

  toPayload(): MatcherPayload {
    return this.p;
  }

  /** Number of slots in use; a measure of memory for reports and benchmarks. */
  get keyCount(): number {
    let n = 0;
    for (const k of this.p.keyA) if (k !== EMPTY_KEY) n++;
    return n;
  }

  private find(a: number, b: number): number {
    const { keyA, keyB } = this.p;
    const mask = keyA.length - 1;
    a = nonZero(a);
    b = nonZero(b);
    let slot = a & mask;
    for (;;) {
      const k = keyA[slot];
      if (k === EMPTY_KEY) return -1;
      if (k === a && keyB[slot] === b) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Finds leftmost-longest, non-overlapping matches in text[from, to). Offsets index the
   * original string.
   */
  scan(text: string, from = 0, to = text.length, out: MatchHit[] = []): MatchHit[] {
    const t = tokenize(text, scratch, false, from, to);
    const { info, exact } = this.p;
    const maxTokens = this.p.maxTokens;
    const n = t.count;
    for (let i = 0; i < n; i++) {
      let a = t.hashA[i];
      let b = t.hashB[i];
      let slot = this.find(a, b);
      if (slot < 0) continue;
      let best = -1;
      let bestLast = -1;
      let j = i;
      for (;;) {
        const bits = info[slot];
        const value = (bits >>> 2) - 1;
        if (value >= 0 && ((bits & CASE) === 0 || this.exactMatch(text, t, i, j, exact[slot]))) {
          best = value;
          bestLast = j;
        }
        if ((bits & PREFIX) === 0 || j + 1 >= n || j + 1 - i >= maxTokens) break;
        j++;
        a = mix(mix(a, t.sepA[j]), t.hashA[j]);
        b = mix(mix(b, t.sepB[j]), t.hashB[j]);
        slot = this.find(a, b);
        if (slot < 0) break;
      }
      if (best >= 0) {
        out.push({ start: t.start[i], end: t.end[bestLast], value: best });
        i = bestLast;
      }
    }
    return out;
  }

  private exactMatch(text: string, t: TokenBuffer, first: number, last: number, want: number): boolean {
    const exactTokens = tokenize(text, exactScratch, true, t.start[first], t.end[last]);
    return nonZero(spanHash(exactTokens, 0, exactTokens.count - 1)[0]) === want;
  }
}
