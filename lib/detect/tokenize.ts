import { charClass, foldChar, mix, separatorChar, CJK, IGNORED, SEED_A, SEED_B, SEED_SEP_A, SEED_SEP_B, WORD } from './tokens';

/**
 * Token stream of one text: offsets, and two independent 32-bit hash lanes per token and per
 * separator (the separator before token k is stored at k). Buffers are reused between calls
 * because the scanner tokenizes many small blocks and allocation would dominate.
 */
export class TokenBuffer {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  hashA = new Int32Array(256);
  hashB = new Int32Array(256);
  sepA = new Int32Array(256);
  sepB = new Int32Array(256);

  private grow(): void {
    const size = this.start.length * 2;
    const copy = (a: Int32Array) => {
      const next = new Int32Array(size);
      next.set(a);
      return next;
    };
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.hashA = copy(this.hashA);
    this.hashB = copy(this.hashB);
    this.sepA = copy(this.sepA);
    this.sepB = copy(this.sepB);
  }

  push(start: number, end: number, a: number, b: number, sa: number, sb: number): void {
    if (this.count === this.start.length) this.grow();
    const k = this.count++;
    this.start[k] = start;
    this.end[k] = end;
    this.hashA[k] = a;
    this.hashB[k] = b;
    this.sepA[k] = sa;
    this.sepB[k] = sb;
  }
}

/**
 * Splits `text` into tokens. With `exactCase` the hashes use the original code units instead of
 * folded ones (used to check case-sensitive aliases).
 */
export function tokenize(text: string, out: TokenBuffer, exactCase = false, from = 0, to = text.length): TokenBuffer {
  out.count = 0;
  let sepA = SEED_SEP_A;
  let sepB = SEED_SEP_B;
  let lastSep = -1;
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === WORD) {
      const start = i;
      let a = SEED_A;
      let b = SEED_B;
      let end = i;
      while (i < to) {
        const c = text.charCodeAt(i);
        const k = charClass(c);
        if (k === WORD) {
          const f = exactCase ? c : foldChar(c);
          a = mix(a, f);
          b = mix(b, f ^ 0x5555);
          i++;
          end = i;
        } else if (k === IGNORED) {
          i++;
        } else break;
      }
      out.push(start, end, a, b, sepA, sepB);
      sepA = SEED_SEP_A;
      sepB = SEED_SEP_B;
      lastSep = -1;
    } else if (cls === CJK) {
      out.push(i, i + 1, mix(SEED_A, code), mix(SEED_B, code ^ 0x5555), sepA, sepB);
      i++;
      sepA = SEED_SEP_A;
      sepB = SEED_SEP_B;
      lastSep = -1;
    } else if (cls === IGNORED) {
      i++;
    } else {
      const s = separatorChar(code);
      // Runs of white space count once, so "Alibaba\n  Group" equals "Alibaba Group".
      if (!(s === 0x20 && lastSep === 0x20)) {
        sepA = mix(sepA, s);
        sepB = mix(sepB, s ^ 0x5555);
      }
      lastSep = s;
      i++;
    }
  }
  return out;
}

/** Hash lanes of a whole span of tokens [first, last], combined the same way on both sides. */
export function spanHash(tokens: TokenBuffer, first: number, last: number): [number, number] {
  let a = tokens.hashA[first];
  let b = tokens.hashB[first];
  for (let k = first + 1; k <= last; k++) {
    a = mix(mix(a, tokens.sepA[k]), tokens.hashA[k]);
    b = mix(mix(b, tokens.sepB[k]), tokens.hashB[k]);
  }
  return [a, b];
}
