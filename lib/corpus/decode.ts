import { CorpusError } from './errors';

/** Documents above this size are refused: the seed corpus is 150 KB, a user's folder far less than this. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Turns raw input into checked text. Bytes are decoded as strict UTF-8 so a Latin-1 or UTF-16
 * file fails loudly instead of turning into mojibake that would never match a company name.
 */
export function decodeDocument(name: string, input: string | Uint8Array): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new CorpusError('too-large', name, `is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB per file`);
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      throw new CorpusError('encoding', name, `is not valid UTF-8 (first bad byte at offset ${at})`, lineAtByte(input, at));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkText(name, text);
  return text.replace(/\r\n?/g, '\n');
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
