import { CorpusError } from './errors';

/** Documents above this size are refused: the seed corpus is 150 KB, a user's folder far less than this. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Said to the user in the import report: how the bytes were read when it was not plain UTF-8. */
  note?: string;
}

/**
 * The one way bytes become text, in the CLI, the options page and the background alike: a byte
 * order mark decides when there is one; otherwise strict UTF-8; otherwise Windows-1252 (what
 * older Western news exports and Windows editors write), with a note for the import report.
 * Nothing is ever decoded into U+FFFD replacement characters: "£75m" either survives or the
 * file is refused by name.
 */
export function decodeText(name: string, input: string | Uint8Array): DecodedText {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CorpusError('too-large', name, `is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB per file`);
  }
  const decoded: DecodedText = typeof input === 'string' ? { text: input, encoding: 'utf-8' } : decodeBytes(name, input);
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkText(name, text);
  return { ...decoded, text: text.replace(/\r\n?/g, '\n') };
}

/** `decodeText` for callers that need only the text. */
export function decodeDocument(name: string, input: string | Uint8Array): string {
  return decodeText(name, input).text;
}

function strict(encoding: TextEncodingName, bytes: Uint8Array): string {
  // ignoreBOM: the mark was already looked at and is stripped with the rest of the text checks.
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

function decodeBytes(name: string, bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictOrFail(name, 'utf-8', bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictOrFail(name, 'utf-16le', bytes.subarray(2)), encoding: 'utf-16le', note: 'read as UTF-16 (little-endian), as its byte order mark says' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictOrFail(name, 'utf-16be', bytes.subarray(2)), encoding: 'utf-16be', note: 'read as UTF-16 (big-endian), as its byte order mark says' };
  try {
    return { text: strict('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Five byte values have no character in Windows-1252; a file using them is in some other
    // encoding, and guessing further would give wrong text without saying so.
    const undefinedIn1252 = bytes.findIndex((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d);
    if (undefinedIn1252 >= 0) {
      throw new CorpusError('encoding', name, `is neither UTF-8 (bad byte at offset ${at}) nor Windows-1252 (byte 0x${bytes[undefinedIn1252].toString(16)} at offset ${undefinedIn1252}); save it as UTF-8`, lineAtByte(bytes, at));
    }
    const text = decodeWindows1252(bytes);
    return { text, encoding: 'windows-1252', note: `not UTF-8 (first non-UTF-8 byte at line ${lineAtByte(bytes, at)}), read as Windows-1252` };
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80-0x9F, where it has printable characters (€, curly
 * quotes, dashes). Decoded here from its table rather than by TextDecoder: Node 20's decoder
 * reads this label as Latin-1 and would turn curly quotes into invisible control characters,
 * which the CLI and the browser must not disagree about.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

function strictOrFail(name: string, encoding: TextEncodingName, bytes: Uint8Array): string {
  try {
    return strict(encoding, bytes);
  } catch {
    throw new CorpusError('encoding', name, `starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`);
  }
}

/** Control characters other than tab, newline, carriage return and form feed mean the file is not text. */
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000e-\u001f\u007f]/;

function checkText(name: string, text: string): void {
  if (text.trim() === '') throw new CorpusError('empty', name, 'is empty');
  const bad = BINARY.exec(text);
  if (bad) {
    const line = lineAt(text, bad.index);
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
    throw new CorpusError('binary', name, `looks binary: control character U+${code.toUpperCase()}`, line);
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8. Decoding a prefix in streaming mode fails only on a
 * bad byte, never on a character cut at the end, so "prefix decodes" is monotone and a binary
 * search finds the first failure in O(n log n) bytes decoded.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return Math.min(lo, Math.max(0, bytes.length - 1));
}
