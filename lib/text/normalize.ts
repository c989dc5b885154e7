/**
 * The one text fold for comparing names. The matcher (lib/detect/tokens.ts), the search terms
 * (lib/search/terms.ts) and the registry's alias keys (lib/registry/load.ts) all use it, so a
 * spelling that one of them treats as the same name, the others do too: "Nestle" finds and marks
 * "Nestlé", "ＡＢＣ" is "abc", "O’Reilly" is "O'Reilly".
 *
 * What folds:
 * - case: simple lower-casing;
 * - width and compatibility forms: NFKD (full-width letters, no-break and ideographic spaces);
 * - accents: the combining diacritical marks NFKD separates from Latin, Greek and Cyrillic
 *   letters. Marks that are part of other scripts' spelling (Devanagari vowel signs, the kana
 *   voicing mark) are kept, and kana and Hangul are composed again (NFC) after the fold;
 * - apostrophes, quotes and hyphens: their typographic forms become ' " and -.
 *
 * `foldText` keeps the length of almost every text (it changes only for compatibility characters
 * that stand for several letters, such as the ligature "ﬁ"), which lets callers map positions
 * back to the original. `foldCode` is the same fold one UTF-16 code unit at a time, for the
 * matcher's tables; where the fold of a character is several code units it keeps the character,
 * lower-cased.
 */

/** Combining diacritical marks: the accents NFKD separates from their letters. */
const DIACRITIC_RANGES: readonly (readonly [number, number])[] = [
  [0x300, 0x36f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const DIACRITICS = new RegExp(`[${DIACRITIC_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`, 'g');
const NON_ASCII = /[^\u0000-\u007f]/;

export function isDiacritic(code: number): boolean {
  return DIACRITIC_RANGES.some(([from, to]) => code >= from && code <= to);
}

/**
 * The ASCII form of a typographic apostrophe, quote, hyphen or white space; the code itself for
 * anything else. These are what separate words in a name, so the matcher compares separators in
 * this form too.
 */
export function foldPunctuation(code: number): number {
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

const PUNCTUATION = /[\u2010\u2011\u2018-\u201f\u2032\u2033\uff02\uff07]/g;
const foldMatch = (c: string) => String.fromCharCode(foldPunctuation(c.charCodeAt(0)));

/** Lower case, compatibility width, accents dropped, typographic punctuation made plain. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(DIACRITICS, '').normalize('NFC').replace(PUNCTUATION, foldMatch).toLowerCase();
}

/** The folded text with white space runs made one space and trimmed: the key of a name. */
export function nameKey(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

/** `foldText` of one UTF-16 code unit, when that is one code unit; else the unit lower-cased. */
export function foldCode(code: number): number {
  // Surrogate halves only mean something in pairs; the matcher keeps them as they are.
  if (code >= 0xd800 && code <= 0xdfff) return code;
  const char = String.fromCharCode(code);
  const folded = foldText(char);
  if (folded.length === 1) return folded.charCodeAt(0);
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Han, kana and Hangul: scripts written without spaces between words, so each character is a token. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}
