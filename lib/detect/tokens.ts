/**
 * Character classes and folding shared by the matcher's build and scan sides. Both must agree
 * exactly, so they live in one place.
 *
 * Text is seen as a sequence of tokens: runs of letters/digits (Latin, Cyrillic, ...) and single
 * CJK characters, which carry no word boundaries. Whatever lies between two tokens is a
 * separator, compared in normalised form: any run of white space (including no-break spaces and
 * line breaks) is one space, curly quotes are straight quotes, Unicode hyphens are '-'.
 * Zero-width characters and soft hyphens are ignored entirely.
 */

export const SEPARATOR = 0;
export const WORD = 1;
export const CJK = 2;
export const IGNORED = 3;

const classTable = new Uint8Array(65536);
const foldTable = new Uint16Array(65536);
const classKnown = new Uint8Array(65536);

/**
 * The raw tables, for the matcher's hot loop. Entries below 128 are always filled; any other
 * entry is valid only after `charClass` has been called for that code, which fills both.
 */
export const CLASS_TABLE: Readonly<Uint8Array> = classTable;
export const FOLD_TABLE: Readonly<Uint16Array> = foldTable;
const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;

function isCjk(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

function classify(code: number): number {
  if (code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff) {
    return IGNORED;
  }
  if (isCjk(code)) return CJK;
  // Surrogate halves belong to astral letters or emoji; keeping them inside words is harmless
  // and keeps offsets aligned with the UTF-16 string.
  if (code >= 0xd800 && code <= 0xdfff) return WORD;
  return letterOrDigit.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
}

function learn(code: number): void {
  classTable[code] = classify(code);
  const lower = String.fromCharCode(code).toLowerCase();
  foldTable[code] = lower.length === 1 ? lower.charCodeAt(0) : code;
  classKnown[code] = 1;
}

// ASCII is by far the most common input: learn it eagerly so the hot loop never branches out.
for (let c = 0; c < 128; c++) learn(c);

export function charClass(code: number): number {
  if (classKnown[code] === 0) learn(code);
  return classTable[code];
}

/** Case-folded code unit (simple one-to-one lower-casing). */
export function foldChar(code: number): number {
  if (classKnown[code] === 0) learn(code);
  return foldTable[code];
}

/** Normalised separator code: white space → space, quotes and hyphens to their ASCII form. */
export function separatorChar(code: number): number {
  switch (code) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0xa0:
    case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005:
    case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200a: case 0x2028: case 0x2029:
    case 0x202f: case 0x205f: case 0x3000:
      return 0x20;
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032: case 0xff07:
      return 0x27;
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0xff02:
      return 0x22;
    case 0x2010: case 0x2011:
      return 0x2d;
    default:
      return code;
  }
}

/** 32-bit mixing step (a multiply–xorshift); two seeds give two independent hash lanes. */
export function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return (h ^ (h >>> 15)) | 0;
}

export const SEED_A = 0x811c9dc5 | 0;
export const SEED_B = 0x9747b28c | 0;
export const SEED_SEP_A = 0x27d4eb2f | 0;
export const SEED_SEP_B = 0x165667b1 | 0;

/**
 * A hash lane: its seeds for tokens and separators, and a constant xored into every code unit.
 * Lane A is what the scan computes for every token; lane B, independent of it, is computed only
 * to confirm a candidate match, so together they act as a 64-bit fingerprint.
 */
export interface Lane {
  seed: number;
  sepSeed: number;
  xor: number;
}
export const LANE_A: Lane = { seed: SEED_A, sepSeed: SEED_SEP_A, xor: 0 };
export const LANE_B: Lane = { seed: SEED_B, sepSeed: SEED_SEP_B, xor: 0x5555 };
