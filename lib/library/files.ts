import { unzipSync } from 'fflate';
import { CorpusError, decodeText } from '../corpus';
import type { SyncErrorCode } from '../sync/errors';
import { extractReadable, type ReadablePage } from './readable';

/**
 * Reads the files a user brings (the options page, the CLI) into documents, with one decoder
 * (lib/corpus/decode.ts) and one reader-mode extraction (readable.ts) for both. A file that
 * cannot be read is refused by name and the others are kept; each document carries the notes
 * the import report shows for it (how it was decoded).
 */

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'] as const;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A zip may expand to at most this much, so a small archive cannot fill memory. */
export const MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024;
export const MAX_FILES = 5_000;

export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

/** What a page says about itself beyond its text (saved pages and .html files). */
export type PageMeta = Omit<ReadablePage, 'text'>;

export interface ReadDocument {
  name: string;
  /** Plain text; for a page, its paragraphs (the title is in `page`). */
  text: string;
  notes?: string[];
  page?: PageMeta;
}

export interface Refused {
  name: string;
  reason: string;
  /** What a sync of this file alone fails with. */
  code?: SyncErrorCode;
}

const CODE_OF: Record<CorpusError['code'], SyncErrorCode> = {
  empty: 'empty-file',
  binary: 'binary-file',
  encoding: 'binary-file',
  'too-large': 'too-large',
  'duplicate-name': 'mixed-files',
};

export interface ReadResult {
  documents: ReadDocument[];
  refused: Refused[];
}

/** Parses HTML into a document: DOMParser in the browser, linkedom in Node. */
export type HtmlParser = (html: string) => Document;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const isArticleName = (name: string) => (ARTICLE_EXTENSIONS as readonly string[]).includes(extensionOf(name));
/** Folders, macOS resource forks and hidden files inside archives are not articles. */
const isNoise = (name: string) => name.endsWith('/') || /(^|\/)(__MACOSX\/|\.)/.test(name);

function readOne(name: string, bytes: Uint8Array, parseHtml: HtmlParser): ReadDocument {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new CorpusError('too-large', name, `is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file`);
  const decoded = decodeText(name, bytes);
  const notes = decoded.note ? [decoded.note] : [];
  const ext = extensionOf(name);
  if (ext !== 'html' && ext !== 'htm') return { name, text: decoded.text, ...(notes.length ? { notes } : {}) };
  const page = extractReadable(parseHtml(decoded.text));
  if (!page) throw new CorpusError('empty', name, 'has no readable article (reader mode found no main text)');
  const { text, ...meta } = page;
  return { name, text, page: meta, ...(notes.length ? { notes } : {}) };
}

/** One file to decode: a top-level file or an entry of a zip. */
type Entry = { name: string; bytes: Uint8Array };

function unzip(name: string, bytes: Uint8Array, out: ReadResult): Entry[] {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (isNoise(file.name)) return false;
        if (!isArticleName(file.name)) {
          out.refused.push({ name: `${name}/${file.name}`, reason: 'is not a .txt, .md or .html file' });
          return false;
        }
        if (file.originalSize > MAX_FILE_BYTES) {
          out.refused.push({ name: `${name}/${file.name}`, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, code: 'too-large' });
          return false;
        }
        total += file.originalSize;
        return total <= MAX_ZIP_TOTAL_BYTES;
      },
    });
  } catch (error) {
    out.refused.push({ name, reason: `is not a readable zip archive (${(error as Error).message})` });
    return [];
  }
  if (total > MAX_ZIP_TOTAL_BYTES) out.refused.push({ name, reason: `expands to more than ${MAX_ZIP_TOTAL_BYTES / 1024 / 1024} MB; only the files that fit were read` });
  return Object.keys(entries)
    .sort()
    .map((entry) => ({ name: `${name}/${entry}`, bytes: entries[entry] }));
}

/** The files to decode: zips opened (one level: a zip inside a zip is refused), others checked by name. */
function entriesOf(inputs: readonly FileInput[], out: ReadResult): Entry[] {
  const entries: Entry[] = [];
  for (const input of inputs) {
    if (extensionOf(input.name) === 'zip') entries.push(...unzip(input.name, input.bytes, out));
    else if (isArticleName(input.name)) entries.push(input);
    else out.refused.push({ name: input.name, reason: 'is not a .txt, .md, .html or .zip file', code: 'unsupported-file' });
  }
  for (const extra of entries.splice(MAX_FILES)) out.refused.push({ name: extra.name, reason: `was not read: an import takes at most ${MAX_FILES} files` });
  return entries;
}

/**
 * Reads every file. With `onProgress`, the reading pauses every few files so a page can paint
 * how far it has got, and stops early when `signal` is aborted.
 */
export async function readFiles(inputs: readonly FileInput[], parseHtml: HtmlParser, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<ReadResult> {
  const out: ReadResult = { documents: [], refused: [] };
  const entries = entriesOf(inputs, out);
  for (let i = 0; i < entries.length; i++) {
    if (onProgress && i % 25 === 0) {
      onProgress(i, entries.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) throw signal.reason;
    }
    const { name, bytes } = entries[i];
    try {
      out.documents.push(readOne(name, bytes, parseHtml));
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      out.refused.push({ name, reason: reasonOf(error), code: CODE_OF[error.code] });
    }
  }
  onProgress?.(entries.length, entries.length);
  return out;
}

/** A corpus error's words without the file name it starts with (the report shows the name beside it). */
export function reasonOf(error: CorpusError): string {
  return error.message.slice(error.file.length).replace(/^:\d*:? ?/, '').trim();
}
