import type { LexiconPayload } from './lexicon';
import type { MatcherPayload } from './matcher';

/**
 * Chrome passes extension messages through JSON, which turns typed arrays into objects keyed by
 * index (many times larger, and no longer typed arrays). The lexicon therefore travels with each
 * typed array as base64 of its bytes, and is turned back into typed arrays on arrival.
 */

type Typed = Int32Array | Uint8Array;
export interface WireArray {
  t: 'i32' | 'u8';
  b64: string;
}
export interface WireLexicon {
  wire: 'company-lens-lexicon/1';
  matcher: Omit<MatcherPayload, 'keyA' | 'keyB' | 'info' | 'exact'> & { keyA: WireArray; keyB: WireArray; info: WireArray; exact: WireArray };
  companyIds: string[];
  company: WireArray;
  flags: WireArray;
  contextStart: WireArray;
  contextList: WireArray;
}

const CHUNK = 0x8000;

export function encodeArray(a: Typed): WireArray {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return { t: a instanceof Int32Array ? 'i32' : 'u8', b64: btoa(binary) };
}

export function decodeArray(w: WireArray, want: 'i32' | 'u8', what: string): Typed {
  if (!w || w.t !== want || typeof w.b64 !== 'string') throw new Error(`Lexicon field "${what}" is not a ${want} array`);
  const binary = atob(w.b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (want === 'u8') return bytes;
  if (bytes.length % 4 !== 0) throw new Error(`Lexicon field "${what}" has a truncated length`);
  return new Int32Array(bytes.buffer);
}

export function encodeLexicon(p: LexiconPayload): WireLexicon {
  const m = p.matcher;
  return {
    wire: 'company-lens-lexicon/1',
    matcher: { ...m, keyA: encodeArray(m.keyA), keyB: encodeArray(m.keyB), info: encodeArray(m.info), exact: encodeArray(m.exact) },
    companyIds: p.companyIds,
    company: encodeArray(p.company),
    flags: encodeArray(p.flags),
    contextStart: encodeArray(p.contextStart),
    contextList: encodeArray(p.contextList),
  };
}

/** Decodes a lexicon received over messaging; throws a clear error naming what was wrong. */
export function decodeLexicon(w: WireLexicon): LexiconPayload {
  if (!w || w.wire !== 'company-lens-lexicon/1' || !w.matcher) throw new Error('Not a Company Lens lexicon message');
  const i32 = (a: WireArray, what: string) => decodeArray(a, 'i32', what) as Int32Array;
  return {
    matcher: {
      format: w.matcher.format,
      version: w.matcher.version,
      maxTokens: w.matcher.maxTokens,
      keyA: i32(w.matcher.keyA, 'matcher.keyA'),
      keyB: i32(w.matcher.keyB, 'matcher.keyB'),
      info: i32(w.matcher.info, 'matcher.info'),
      exact: i32(w.matcher.exact, 'matcher.exact'),
    },
    companyIds: w.companyIds,
    company: i32(w.company, 'company'),
    flags: decodeArray(w.flags, 'u8', 'flags') as Uint8Array,
    contextStart: i32(w.contextStart, 'contextStart'),
    contextList: i32(w.contextList, 'contextList'),
  };
}
