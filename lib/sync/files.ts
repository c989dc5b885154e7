import type { ImportFile } from '../messages';
import { ARTICLE_EXTENSIONS, extensionOf, type Refused } from '../library/files';
import { SyncError, type SyncErrorCode } from './errors';

/**
 * Checks the files an extension page sends before anything is built from them: articles
 * (already decoded by lib/library/files.ts) or one dataset `.json`. An article file that is
 * binary, empty or oversized is refused by name and the others are imported.
 */

export const MAX_FILE_CHARS = 20 * 1024 * 1024;

export interface UserFile {
  name: string;
  text: string;
}

export type CheckedFiles = { kind: 'articles'; documents: ImportFile[]; refused: Refused[] } | { kind: 'dataset'; file: UserFile };

/**
 * A file read as text is binary when it holds NUL characters or many U+FFFD replacement
 * characters (what a lossy decoder puts in place of bytes that are not UTF-8). Real articles may
 * contain a stray replacement character, so a small share is tolerated.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad > Math.max(8, sample.length * 0.01);
}

type Problem = Required<Pick<Refused, 'code' | 'reason'>>;

function problemOf(file: UserFile): Problem | undefined {
  const ext = extensionOf(file.name);
  // Inside a zip the name carries the archive's path ("set.zip/a.txt"), so the last part counts.
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext)) return { code: 'unsupported-file', reason: 'is not a .txt, .md, .html, .zip or dataset .json file' };
  if (file.text.length > MAX_FILE_CHARS) return { code: 'too-large', reason: `is too large (the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB per file)` };
  if (file.text.trim() === '') return { code: 'empty-file', reason: 'is empty' };
  if (looksBinary(file.text)) return { code: 'binary-file', reason: 'is not a text file (it looks binary)' };
  return undefined;
}

export function checkFiles(files: readonly ImportFile[], refusedBefore: readonly Refused[] = []): CheckedFiles {
  if (files.length === 0 && refusedBefore.length === 0) throw new SyncError('empty-file', 'No file was chosen.');
  const json = files.filter((f) => extensionOf(f.name) === 'json');
  if (json.length > 0) {
    if (files.length > 1) throw new SyncError('mixed-files', 'Choose either one dataset .json file or articles (.txt, .md, .html, .zip), not both.');
    if (json[0].text.length > MAX_FILE_CHARS) throw new SyncError('too-large', `"${json[0].name}" is too large (the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB per file).`);
    return { kind: 'dataset', file: json[0] };
  }
  const refused = [...refusedBefore];
  const documents: ImportFile[] = [];
  for (const file of files) {
    const problem = problemOf(file);
    if (problem) refused.push({ name: file.name, ...problem });
    else documents.push(file);
  }
  // A lone file that cannot be imported (refused here or by the page that read it) is the sync's
  // error, named by its code; with several, the report names each refused file beside the others.
  if (documents.length === 0 && refused.length === 1) {
    const [only] = refused;
    throw new SyncError(only.code ?? 'unsupported-file', `"${only.name}" ${only.reason}.`);
  }
  return { kind: 'articles', documents, refused };
}
