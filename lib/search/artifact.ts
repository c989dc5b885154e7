import type MiniSearch from 'minisearch';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION } from './options';
import { QUICK_FORMAT, QuickIndex, unpack, type QuickGroups } from './quick';

/** The quick header is well under this many characters. */
export const HEADER_MAX = 2_000;

/**
 * The serialised search index is two texts written back to back: the quick index (see quick.ts)
 * and the full-text index. The store keeps the whole as one Blob and the popup reads the quick
 * part's slice first (see load.ts). The full-text index is MiniSearch's JSON cut into lines of a
 * few thousand entries, so that a page can parse it one line per task and keep answering
 * keystrokes while it loads; a single 25 MB JSON.parse would freeze it for a second. All of it
 * is ASCII, so character offsets are Blob byte offsets.
 */

export class SearchIndexError extends Error {
  constructor(
    readonly code: 'malformed' | 'version',
    message: string,
  ) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

/** Entries per line: small enough that parsing one line takes a few milliseconds. */
const CHUNK = 4_000;
const SECTIONS = ['documentIds', 'fieldLength', 'storedFields'] as const;
type AsPlainObject = Record<string, unknown> & { index: [string, unknown][] };

/**
 * JSON with every character outside ASCII written as a \\u escape. JSON.parse reads it back the
 * same; the text stays one byte per character in V8 (a single Chinese word would otherwise
 * double the size of the whole string) and its character offsets are byte offsets in a Blob.
 */
function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return !/[^\u0000-\u007f]/.test(json) ? json : json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines of a serialised MiniSearch index: a header line, then chunk lines. */
function* linesOf(index: MiniSearch<never>, stamp: string): Generator<string> {
  const js = index.toJSON() as unknown as AsPlainObject;
  const { index: terms, ...rest } = js;
  const meta = Object.fromEntries(Object.entries(rest).filter(([k]) => !(SECTIONS as readonly string[]).includes(k)));
  yield asciiJson({ format: SEARCH_INDEX_FORMAT, version: SEARCH_INDEX_VERSION, stamp, meta });
  for (const section of SECTIONS) {
    const entries = Object.entries(js[section] as object);
    for (let i = 0; i < entries.length; i += CHUNK) yield asciiJson([section, Object.fromEntries(entries.slice(i, i + CHUNK))]);
  }
  for (let i = 0; i < terms.length; i += CHUNK) yield asciiJson(['index', terms.slice(i, i + CHUNK)]);
}

/** Writes a MiniSearch index as header line + chunk lines. */
export function serialiseFull(index: MiniSearch<never>, stamp: string): string {
  return [...linesOf(index, stamp)].join('\n');
}

/** The same text as `serialiseFull`, calling `breathe` between lines every ~20 ms of work. */
export async function serialiseFullInSteps(index: MiniSearch<never>, stamp: string, breathe: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  let since = performance.now();
  for (const line of linesOf(index, stamp)) {
    lines.push(line);
    if (performance.now() - since > 20) {
      await breathe();
      since = performance.now();
    }
  }
  return lines.join('\n');
}

/**
 * The length of the quick part, from the first line of a serialised index (the quick header),
 * or null when it does not start with one. Everything is ASCII, so this is also a byte length.
 */
function quickLength(firstLine: string): number | null {
  if (!firstLine.startsWith(`{"format":"${QUICK_FORMAT}"`)) return null;
  try {
    const { length } = JSON.parse(unpack(firstLine)) as { length?: unknown };
    return typeof length === 'number' && Number.isInteger(length) && length >= 0 ? firstLine.length + 1 + length : null;
  } catch {
    return null;
  }
}

/**
 * Where the quick part ends, read from the start of a serialised index (its first line, the quick
 * header); null when it does not start with one.
 */
export function quickEndOf(text: string): number | null {
  const nl = text.indexOf('\n');
  // The quick header is short; a first line of megabytes is a full index of another format.
  return nl === -1 || nl > HEADER_MAX ? null : quickLength(text.slice(0, nl));
}

/** `quickEndOf` a stored index, from its first HEADER_MAX bytes. */
export async function quickEndOfBlob(blob: Blob): Promise<number | null> {
  return quickEndOf(await blob.slice(0, HEADER_MAX).text());
}

/**
 * Where a serialised index's quick part ends, for the store to keep beside it (see `ArtifactRow`
 * in lib/store/db.ts), so that a reader takes it in one read. Empty when it has no quick part.
 */
export function quickLayoutOf(serialised: string): { quickEnd?: number } {
  const quickEnd = quickEndOf(serialised);
  return quickEnd === null ? {} : { quickEnd };
}

/**
 * The quick part's key line groups as texts of their own (QuickIndex.groupTexts), for the store
 * to keep beside the index, so that a query typed while the popup reads the names is answered
 * from its first letter's group alone. Empty when the index has no quick part. Built in the
 * background after a sync (lib/background/search-index.ts), not during it: at 100k companies it
 * takes about 0.2 s (180-234 ms in Node) and makes 12.2 MB.
 */
export function quickGroupsOf(serialised: string): { quickGroups?: QuickGroups } {
  const quickEnd = quickEndOf(serialised);
  if (quickEnd === null) return {};
  let texts: Map<string, string>;
  try {
    texts = QuickIndex.parse(serialised.slice(0, quickEnd)).groupTexts();
  } catch {
    return {};
  }
  const ranges: QuickGroups['ranges'] = {};
  let at = 0;
  // The texts are one byte per character (see `pack` in quick.ts): lengths are Blob offsets.
  for (const [group, text] of texts) ranges[group] = [at, (at += text.length)];
  return { quickGroups: { value: new Blob([...texts.values()]), ranges } };
}

/** Splits a serialised search index into its quick part and its full-text part. */
export function splitSearchIndex(serialised: string): { quick: string | null; full: string } {
  const end = quickEndOf(serialised);
  return end === null || end > serialised.length ? { quick: null, full: serialised } : { quick: serialised.slice(0, end), full: serialised.slice(end) };
}

function malformed(message: string): SearchIndexError {
  return new SearchIndexError('malformed', message);
}

/** The header of a full-text index; throws SearchIndexError for anything else. */
function readHeader(line: string): { stamp: string; meta: Record<string, unknown> } {
  let header: { format?: unknown; version?: unknown; stamp?: unknown; meta?: unknown } | null;
  try {
    header = JSON.parse(line);
  } catch (error) {
    throw malformed(`The search index is not valid JSON: ${(error as Error).message}`);
  }
  if (!header || typeof header !== 'object' || header.format !== SEARCH_INDEX_FORMAT) throw malformed('The stored search index is not a Company Lens search index');
  if (header.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexError('version', `Search index version ${String(header.version)} is not ${SEARCH_INDEX_VERSION}; it must be rebuilt by syncing again`);
  }
  if (typeof header.stamp !== 'string' || !header.meta || typeof header.meta !== 'object') throw malformed('The search index header is incomplete');
  return { stamp: header.stamp, meta: header.meta as Record<string, unknown> };
}

/** Adds one chunk line to the object being rebuilt for MiniSearch.loadJS. */
function addLine(js: AsPlainObject, line: string): void {
  let section: unknown;
  let payload: unknown;
  try {
    [section, payload] = JSON.parse(line) as [unknown, unknown];
  } catch (error) {
    throw malformed(`A line of the search index is not valid JSON: ${(error as Error).message}`);
  }
  if (section === 'index' && Array.isArray(payload)) for (const entry of payload) js.index.push(entry);
  else if ((SECTIONS as readonly unknown[]).includes(section) && payload && typeof payload === 'object') Object.assign(js[section as string] as object, payload);
  else throw malformed(`The search index has an unknown section ${String(JSON.stringify(section)).slice(0, 40)}`);
}

/** The header and the chunk lines of a full-text part, lines read lazily. */
function* fullLines(full: string): Generator<string, void, undefined> {
  let at = full.indexOf('\n');
  while (at !== -1) {
    const end = full.indexOf('\n', at + 1);
    yield full.slice(at + 1, end === -1 ? undefined : end);
    at = end;
  }
}

function start(full: string): { stamp: string; js: AsPlainObject } {
  const nl = full.indexOf('\n');
  const { stamp, meta } = readHeader(nl === -1 ? full : full.slice(0, nl));
  return { stamp, js: { ...meta, documentIds: {}, fieldLength: {}, storedFields: {}, index: [] } };
}

/**
 * Parses the full-text part back into the object MiniSearch.loadJS takes, calling `pause`
 * after every line so that a page can let input events through between lines.
 */
export async function parseFull(full: string, pause: () => Promise<void>): Promise<{ stamp: string; js: AsPlainObject }> {
  const parsed = start(full);
  for (const line of fullLines(full)) {
    addLine(parsed.js, line);
    await pause();
  }
  return parsed;
}

/** parseFull in one go, for Node, tests and the background's first look-up. */
export function parseFullSync(full: string): { stamp: string; js: AsPlainObject } {
  const parsed = start(full);
  for (const line of fullLines(full)) addLine(parsed.js, line);
  return parsed;
}
