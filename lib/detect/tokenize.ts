import { charClass, separatorChar, CJK, CLASS_TABLE, FOLD_TABLE, IGNORED, LANE_A, SEPARATOR, WORD, type Lane } from './tokens';
import { isDiacritic } from '../text/normalize';

/**
 * Two views of the same tokenizer (see tokens.ts for what a token and a separator are).
 *
 * `SpanHasher` hashes a whole span in any lane, optionally with the original capitalisation: the
 * matcher's build uses it for every name, and the scan uses it only to confirm a candidate.
 *
 * `TokenRing` is the scan's hot path: it reads one token at a time in lane A only, into a small
 * ring of the most recent tokens, so a scan never materialises the tokens of the whole text.
 * Lane A xors nothing into code units (LANE_A.xor is 0), which the ring relies on.
 *
 * Both must hash a span identically: the token hash folds every code unit of the token into the
 * lane's seed; a span is its first token's hash, then for each further token
 * `mix(mix(h, separatorHash), tokenHash)`. The matcher's property tests check that they agree.
 */

const M = 0x5bd1e995;

/** Hashes the tokens of text[from, to) in one lane. */
export class SpanHasher {
  /** Tokens seen by the last `run`. */
  count = 0;
  /** Span hash after the last token of the last `run` (meaningless when count is 0). */
  hash = 0;

  /**
   * With `prefixes`, the span hash after each token k is written to prefixes[k]; the caller makes
   * it at least as long as the span has tokens (never more than its length in code units).
   */
  run(text: string, from: number, to: number, lane: Lane, exactCase: boolean, prefixes?: Int32Array): number {
    const x = lane.xor;
    let count = 0;
    let h = 0;
    let sep = lane.sepSeed;
    let lastSpace = false;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      const k = charClass(c);
      if (k === WORD || k === CJK) {
        let t = lane.seed;
        if (k === CJK) {
          t = Math.imul(t ^ (c ^ x), M);
          t ^= t >>> 15;
          i++;
        } else {
          while (i < to) {
            const d = text.charCodeAt(i);
            const kk = charClass(d);
            if (kk === WORD) {
              t = Math.imul(t ^ ((exactCase ? d : FOLD_TABLE[d]) ^ x), M);
              t ^= t >>> 15;
              i++;
            } else if (kk === IGNORED) i++;
            else break;
          }
        }
        if (count === 0) h = t;
        else {
          h = Math.imul(h ^ sep, M);
          h ^= h >>> 15;
          h = Math.imul(h ^ t, M);
          h ^= h >>> 15;
        }
        if (prefixes) prefixes[count] = h;
        count++;
        sep = lane.sepSeed;
        lastSpace = false;
      } else if (k === IGNORED) {
        i++;
      } else {
        const s = separatorChar(c);
        // Runs of white space count once, so "Alibaba\n  Group" equals "Alibaba Group".
        if (!(s === 0x20 && lastSpace)) {
          sep = Math.imul(sep ^ (s ^ x), M);
          sep ^= sep >>> 15;
        }
        lastSpace = s === 0x20;
        i++;
      }
    }
    this.count = count;
    this.hash = h;
    return count;
  }
}

/**
 * The most recent tokens of a text being scanned, read on demand. Token k (counting from the
 * start of the scan) lives in slot k & mask; the ring is sized by the matcher so that a candidate
 * span never outgrows it.
 */
export class TokenRing {
  mask: number;
  start: Int32Array;
  end: Int32Array;
  /** Lane-A hash of each token, and of the separator before it. */
  hash: Int32Array;
  sep: Int32Array;
  /** Tokens read so far. */
  count = 0;
  private text = '';
  private pos = 0;
  private to = 0;

  constructor(minSize: number) {
    let size = 16;
    while (size < minSize) size *= 2;
    this.mask = size - 1;
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.hash = new Int32Array(size);
    this.sep = new Int32Array(size);
  }

  reset(text: string, from: number, to: number): void {
    this.text = text;
    this.pos = from;
    this.to = to;
    this.count = 0;
  }

  /** Reads the next token into the ring; false at the end of the range. */
  next(): boolean {
    const text = this.text;
    const to = this.to;
    let i = this.pos;
    let sep = LANE_A.sepSeed;
    let lastSpace = false;
    while (i < to) {
      const c = text.charCodeAt(i);
      // ASCII classes are filled eagerly, so the common case is one table read and no call.
      const k = c < 128 ? CLASS_TABLE[c] : charClass(c);
      if (k === WORD) {
        const start = i;
        let end = i;
        let t = LANE_A.seed;
        while (i < to) {
          const d = text.charCodeAt(i);
          const kk = d < 128 ? CLASS_TABLE[d] : charClass(d);
          if (kk === WORD) {
            t = Math.imul(t ^ FOLD_TABLE[d], M);
            t ^= t >>> 15;
            end = ++i;
          } else if (kk === IGNORED) {
            // A combining accent belongs to the letter before it: a mark ends after it.
            if (isDiacritic(d)) end = i + 1;
            i++;
          } else break;
        }
        const slot = this.count++ & this.mask;
        this.start[slot] = start;
        this.end[slot] = end;
        this.hash[slot] = t;
        this.sep[slot] = sep;
        this.pos = i;
        return true;
      }
      if (k === CJK) {
        let t = Math.imul(LANE_A.seed ^ c, M);
        t ^= t >>> 15;
        const slot = this.count++ & this.mask;
        this.start[slot] = i;
        this.end[slot] = i + 1;
        this.hash[slot] = t;
        this.sep[slot] = sep;
        this.pos = i + 1;
        return true;
      }
      if (k === SEPARATOR) {
        const s = c === 0x20 ? 0x20 : separatorChar(c);
        if (!(s === 0x20 && lastSpace)) {
          sep = Math.imul(sep ^ s, M);
          sep ^= sep >>> 15;
        }
        lastSpace = s === 0x20;
      }
      i++;
    }
    this.pos = i;
    return false;
  }
}
