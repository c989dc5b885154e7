import { CompanyIds, ID_SEPARATOR, checkPayload } from './lexicon-data';
import type { LexiconPayload } from './lexicon';

/**
 * The lexicon as the background sends it to a content script. Extension messages are structured
 * clones (the manifest opts Chrome in with `message_serialization`; Firefox always did), so the
 * typed arrays travel as they are, with no text encoding to build or decode on either side. Every
 * tab waits for this message before its first marks, and its cost grows with its size (about
 * 9 ms a megabyte in Chromium), so it carries only what scanning needs, with each entry's company
 * and flags packed into three bytes. Company ids, a third of the whole at 100k companies, are
 * needed only by cards and reports: they follow in a second message (`matcher.ids`), as one
 * joined string (one string to copy and keep instead of 100k).
 */

export const WIRE_FORMAT = 'company-lens-lexicon/3';

type Tables = Pick<LexiconPayload, 'matcher' | 'contextEntry' | 'contextStart' | 'contextList'>;

export interface WireLexicon extends Tables {
  wire: typeof WIRE_FORMAT;
  format: LexiconPayload['format'];
  version: LexiconPayload['version'];
  /** How many companies the entries name; their ids follow (`encodeIds`). */
  companies: number;
  /** Company and flags of every entry, packed (below 2M companies) or as they are. */
  entries: Uint8Array | { company: Int32Array; flags: Uint8Array };
}

/** Builds the message form of a lexicon; a stored payload of an older release is refused by name. */
export function encodeLexicon(p: LexiconPayload): WireLexicon {
  checkPayload(p);
  const packable = p.company.length > 0 && p.company.every((c) => c < PACKED_LIMIT);
  return {
    wire: WIRE_FORMAT,
    format: p.format,
    version: p.version,
    matcher: p.matcher,
    contextEntry: p.contextEntry,
    contextStart: p.contextStart,
    contextList: p.contextList,
    companies: new CompanyIds(p).length,
    entries: packable ? packEntries(p.company, p.flags) : { company: p.company, flags: p.flags },
  };
}

/**
 * Reads a lexicon received in a message. The tables' types and sizes are checked where the
 * lexicon is built from the payload (`LexiconCore.fromPayload`); this checks what only the
 * message form has, and throws a clear error naming what was wrong.
 */
export function decodeLexicon(w: WireLexicon): LexiconPayload {
  if (!w || typeof w !== 'object' || typeof w.wire !== 'string') throw new Error('Not a Company Lens lexicon message');
  if (w.wire !== WIRE_FORMAT) throw new Error(`Lexicon message format "${w.wire}" is not the supported "${WIRE_FORMAT}" (extension updated: reload the page)`);
  const { entries } = w;
  let perEntry: { company: Int32Array; flags: Uint8Array };
  if (entries instanceof Uint8Array) perEntry = unpackEntries(entries);
  else if (entries && entries.company instanceof Int32Array && entries.flags instanceof Uint8Array) perEntry = entries;
  else throw new Error('Lexicon field "entries" is neither packed bytes nor company and flag tables');
  if (!Number.isInteger(w.companies) || w.companies < 0) throw new Error('Lexicon field "companies" is not a count');
  const { format, version, matcher, contextEntry, contextStart, contextList } = w;
  return { format, version, matcher, contextEntry, contextStart, contextList, ...perEntry, companyIds: [], companyCount: w.companies };
}

/** A lexicon's company ids for messaging: joined by "\n", or the list itself when an id contains a line break. */
export function encodeIds(p: LexiconPayload): string | string[] {
  if (p.companyIds.length === 0 && p.idText !== undefined) return p.idText;
  return p.companyIds.some((id) => id.includes(ID_SEPARATOR)) ? p.companyIds : p.companyIds.join(ID_SEPARATOR);
}

/** Checks the ids received in a message; throws naming what was wrong. */
export function decodeIds(ids: unknown): string | string[] {
  if (typeof ids === 'string' || (Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) return ids as string | string[];
  throw new Error('Lexicon ids are neither a string nor a list of strings');
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
