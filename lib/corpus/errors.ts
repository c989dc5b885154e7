/**
 * Every problem with a corpus document is reported as a CorpusError naming the file (and the line
 * when one line is to blame), so the CLI and the options page can tell the user exactly what to fix.
 */
export type CorpusErrorCode = 'empty' | 'binary' | 'encoding' | 'too-large' | 'duplicate-name';

export class CorpusError extends Error {
  readonly name = 'CorpusError';
  constructor(
    readonly code: CorpusErrorCode,
    readonly file: string,
    detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
  }
}
