import { ID_SEPARATOR, checkPayload } from './lexicon-data';
import type { LexiconPayload } from './lexicon';
import type { MatcherPayload } from './matcher';

/**
 * Chrome passes extension messages through JSON, which turns typed arrays into objects keyed by
 * index (many times larger, and no longer typed arrays). The lexicon therefore travels with each
 * typed array as base64 of its bytes, and company ids as one joined string (one string to parse
 * and keep instead of one per company). Decoding is on every tab's critical path to its first
 * marks, so it uses the browser's native base64 decoder when there is one.
 */

export const WIRE_FORMAT = 'company-lens-lexicon/2';

type Kind = 'i32' | 'u8';
type Typed = Int32Array | Uint8Array;
export interface WireArray {
  t: Kind;
  b64: string;
}

const MATCHER_ARRAYS = { bloom: 'i32', bucket: 'i32', low: 'u8', keyB: 'i32', exactPos: 'i32', exactHash: 'i32', entryOf: 'i32' } as const;
const LEXICON_ARRAYS = { contextEntry: 'i32', contextStart: 'i32', contextList: 'i32' } as const;
type MatcherArrays = keyof typeof MATCHER_ARRAYS;
type LexiconArrays = keyof typeof LEXICON_ARRAYS;

export interface WireLexicon {
  wire: typeof WIRE_FORMAT;
  format: LexiconPayload['format'];
  version: LexiconPayload['version'];
  matcher: Omit<MatcherPayload, MatcherArrays> & Record<MatcherArrays, WireArray>;
  /** Ids joined by "\n", or the list itself when an id contains a line break. */
  ids: string | string[];
  arrays: Record<LexiconArrays, WireArray> & Partial<Record<'entries' | 'company' | 'flags', WireArray>>;
}

const CHUNK = 0x8000;
const kindOf = (a: Typed): Kind => (a instanceof Int32Array ? 'i32' : 'u8');

export function encodeArray(a: Typed): WireArray {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { t: kindOf(a), b64: btoa(binary) };
}

export function decodeArray(w: WireArray, want: Kind, what: string): Typed {
  if (!w || w.t !== want || typeof w.b64 !== 'string') throw new Error(`Lexicon field "${what}" is not a ${want} array`);
  const bytes = decodeBase64(w.b64, what);
  if (want === 'u8') return bytes;
  if (bytes.length % 4 !== 0) throw new Error(`Lexicon field "${what}" has a truncated length`);
  return new Int32Array(bytes.buffer, 0, bytes.length / 4);
}

/** Encodes a lexicon for messaging; a stored payload of an older release is refused by name. */
export function encodeLexicon(p: LexiconPayload): WireLexicon {
  checkPayload(p);
  const m = p.matcher as MatcherPayload & Record<string, unknown>;
  const matcher = { format: m.format, version: m.version, maxTokens: m.maxTokens } as WireLexicon['matcher'];
  for (const key of Object.keys(MATCHER_ARRAYS) as MatcherArrays[]) matcher[key] = encodeArray(m[key]);
  const arrays = {} as WireLexicon['arrays'];
  for (const key of Object.keys(LEXICON_ARRAYS) as LexiconArrays[]) arrays[key] = encodeArray(p[key]);
  // Company and flags of an entry fit three bytes below 2M companies: a quarter of the message.
  if (p.company.length > 0 && p.company.every((c) => c < PACKED_LIMIT)) arrays.entries = encodeArray(packEntries(p.company, p.flags));
  else Object.assign(arrays, { company: encodeArray(p.company), flags: encodeArray(p.flags) });
  const ids = p.companyIds.length === 0 && p.idText !== undefined ? p.idText : p.companyIds;
  const joined = typeof ids === 'string' ? ids : ids.some((id) => id.includes(ID_SEPARATOR)) ? ids : ids.join(ID_SEPARATOR);
  return { wire: WIRE_FORMAT, format: p.format, version: p.version, matcher, ids: joined, arrays };
}

/** Decodes a lexicon received over messaging; throws a clear error naming what was wrong. */
export function decodeLexicon(w: WireLexicon): LexiconPayload {
  if (!w || typeof w !== 'object' || typeof w.wire !== 'string') throw new Error('Not a Company Lens lexicon message');
  if (w.wire !== WIRE_FORMAT) throw new Error(`Lexicon message format "${w.wire}" is not the supported "${WIRE_FORMAT}" (extension updated: reload the page)`);
  if (!w.matcher || !w.arrays) throw new Error('Lexicon message is missing its matcher or tables');
  const matcher = { format: w.matcher.format, version: w.matcher.version, maxTokens: w.matcher.maxTokens } as Record<string, unknown>;
  for (const [key, kind] of Object.entries(MATCHER_ARRAYS)) matcher[key] = decodeArray(w.matcher[key as MatcherArrays], kind, `matcher.${key}`);
  const out = { format: w.format, version: w.version, matcher } as unknown as LexiconPayload & Record<string, unknown>;
  for (const [key, kind] of Object.entries(LEXICON_ARRAYS)) out[key] = decodeArray(w.arrays[key as LexiconArrays], kind, key);
  if (w.arrays.entries) Object.assign(out, unpackEntries(decodeArray(w.arrays.entries, 'u8', 'entries') as Uint8Array));
  else Object.assign(out, { company: decodeArray(w.arrays.company!, 'i32', 'company'), flags: decodeArray(w.arrays.flags!, 'u8', 'flags') });
  if (typeof w.ids === 'string') {
    out.companyIds = [];
    out.idText = w.ids;
  } else if (Array.isArray(w.ids) && w.ids.every((id) => typeof id === 'string')) out.companyIds = w.ids;
  else throw new Error('Lexicon field "ids" is neither a string nor a list of strings');
  return out;
}

const PACKED_LIMIT = (1 << 21) - 1;

/** Three bytes an entry, little-endian: (company + 1) << 3 | flags (flags use three bits). */
function packEntries(company: Int32Array, flags: Uint8Array): Uint8Array {
  const out = new Uint8Array(company.length * 3);
  for (let k = 0, o = 0; k < company.length; k++) {
    const v = ((company[k] + 1) << 3) | (flags[k] & 7);
    out[o++] = v;
    out[o++] = v >> 8;
    out[o++] = v >> 16;
  }
  return out;
}

function unpackEntries(bytes: Uint8Array): { company: Int32Array; flags: Uint8Array } {
  if (bytes.length % 3 !== 0) throw new Error('Lexicon field "entries" has a truncated length');
  const n = bytes.length / 3;
  const company = new Int32Array(n);
  const flags = new Uint8Array(n);
  for (let k = 0, o = 0; k < n; k++, o += 3) {
    const v = bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16);
    company[k] = (v >> 3) - 1;
    flags[k] = v & 7;
  }
  return { company, flags };
}

type NativeBase64 = { fromBase64?: (s: string) => Uint8Array };

/**
 * Base64 → bytes, in a buffer of its own (so 32-bit views are aligned). Chromium's native
 * `Uint8Array.fromBase64` decodes a 100k-name lexicon in a few milliseconds; elsewhere (Node 20
 * in tests, older browsers) `atob` and a byte loop do, more slowly but in a few lines, which
 * matters in a content script bundle with a size budget.
 */
export function decodeBase64(s: string, what = 'data'): Uint8Array {
  const native = (Uint8Array as unknown as NativeBase64).fromBase64;
  try {
    if (native) return native.call(Uint8Array, s);
    if (s.length % 4 !== 0) throw new Error('length');
    const binary = atob(s);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new Error(`Lexicon field "${what}" is not valid base64`);
  }
}
