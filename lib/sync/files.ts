import { SyncError } from './errors';

/**
 * Checks the files a user dropped or picked before anything is built from them: articles are
 * `.txt`/`.md` text, a dataset is one `.json` file. Binary, empty and oversized files are refused
 * by name, so the user knows which file to remove.
 */

export const MAX_FILE_CHARS = 20 * 1024 * 1024;
const TEXT_EXTENSIONS = new Set(['txt', 'md', 'markdown']);

export interface UserFile {
  name: string;
  text: string;
}

export type CheckedFiles = { kind: 'articles'; documents: UserFile[] } | { kind: 'dataset'; file: UserFile };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * A file read as text is binary when it holds NUL characters or many U+FFFD replacement
 * characters (what the decoder puts in place of bytes that are not UTF-8). Real articles may
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

export function checkFiles(files: readonly UserFile[]): CheckedFiles {
  if (files.length === 0) throw new SyncError('empty-file', 'No file was chosen.');
  for (const file of files) {
    const ext = extensionOf(file.name);
    if (!TEXT_EXTENSIONS.has(ext) && ext !== 'json') {
      throw new SyncError('unsupported-file', `"${file.name}" is not a .txt, .md or dataset .json file.`);
    }
    if (file.text.length > MAX_FILE_CHARS) {
      throw new SyncError('too-large', `"${file.name}" is too large (the limit is ${MAX_FILE_CHARS / 1024 / 1024} MB per file).`);
    }
    if (file.text.trim() === '') throw new SyncError('empty-file', `"${file.name}" is empty.`);
    if (looksBinary(file.text)) throw new SyncError('binary-file', `"${file.name}" is not a text file (it looks binary).`);
  }
  const json = files.filter((f) => extensionOf(f.name) === 'json');
  if (json.length === 0) return { kind: 'articles', documents: [...files] };
  if (files.length > 1) throw new SyncError('mixed-files', 'Choose either one dataset .json file or articles (.txt, .md), not both.');
  return { kind: 'dataset', file: json[0] };
}
