import { foldCode, foldPunctuation, isCjk, isDiacritic } from '../text/normalize';

/**
 * Character classes and folding shared by the matcher's build and scan sides. Both must agree
 * exactly, so they live in one place; the folding itself is the project's one text fold
 * (lib/text/normalize.ts), so the matcher, search and the registry agree on what is one name.
 *
 * Text is seen as a sequence of tokens: runs of letters/digits (Latin, Cyrillic, ...) and single
 * CJK characters, which carry no word boundaries. Letters compare folded (case, width, accents),
 * unless an alias asks for its exact case. Whatever lies between two tokens is a separator,
 * compared in folded form: any run of white space (including no-break spaces and line breaks) is
 * one space, curly quotes are straight quotes, Unicode hyphens are '-'. Zero-width characters,
 * soft hyphens and combining accents are ignored entirely, so "Nestle\u0301" is "Nestlé".
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

function classify(code: number): number {
  if (code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff || isDiacritic(code)) {
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
  foldTable[code] = foldCode(code);
  classKnown[code] = 1;
}

// ASCII is by far the most common input: learn it eagerly so the hot loop never branches out.
for (let c = 0; c < 128; c++) learn(c);

export function charClass(code: number): number {
  if (classKnown[code] === 0) learn(code);
  return classTable[code];
}

/** Folded code unit: lower case, width and accents folded, one code unit for one. */
export function foldChar(code: number): number {
  if (classKnown[code] === 0) learn(code);
  return foldTable[code];
}

/** Normalised separator code: white space → space, quotes and hyphens to their ASCII form. */
export const separatorChar = foldPunctuation;

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
