/**
 * Typed sync errors. Every failure a user can meet ends up as one of these codes with a message
 * in plain words (shown as is in the options page) and, when useful, a technical detail shown
 * behind a disclosure.
 */

export const SYNC_ERROR_CODES = [
  'bad-url',
  'permission',
  'network',
  'http',
  'timeout',
  'too-large',
  'not-json',
  'truncated',
  'invalid-json',
  'schema',
  'version',
  'duplicate-id',
  'dangling-reference',
  'empty',
  'empty-file',
  'binary-file',
  'unsupported-file',
  'mixed-files',
  'quota',
  'no-article',
  'page-access',
  'cancelled',
  'interrupted',
  'internal',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncErrorInfo {
  code: SyncErrorCode;
  message: string;
  detail?: string;
}

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }

  toInfo(): SyncErrorInfo {
    return { code: this.code, message: this.message, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

const DATASET_MESSAGES: Record<string, string> = {
  'invalid-json': 'The dataset is not valid JSON.',
  schema: 'The dataset does not have the expected shape.',
  version: 'The dataset was made for a different version of Company Lens.',
  'duplicate-id': 'The dataset lists the same id twice.',
  'dangling-reference': 'The dataset refers to something it does not contain.',
  empty: 'The dataset contains no companies.',
};

function errorName(error: unknown): string | undefined {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  if (!e || typeof e !== 'object') return undefined;
  return typeof e.inner?.name === 'string' ? e.inner.name : typeof e.name === 'string' ? e.name : undefined;
}

/**
 * Turns anything thrown during a sync into a SyncError: the knowledge base's DatasetError keeps
 * its code (its message names the field, so it becomes the detail), a storage quota error
 * becomes 'quota', an abort becomes 'cancelled' (or whatever SyncError the abort carried).
 */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const name = errorName(error);
  const text = String((error as Error)?.message ?? error);
  if (name === 'DatasetError') {
    const code = (error as { code?: string }).code ?? 'schema';
    const known = code in DATASET_MESSAGES ? (code as SyncErrorCode) : 'schema';
    return new SyncError(known, DATASET_MESSAGES[known] ?? DATASET_MESSAGES.schema, text);
  }
  if (name === 'CorpusError' || name === 'RegistryError') {
    // Corpus and registry errors already name the file and the line, in words a user can act on.
    const code = (error as { code?: string }).code;
    const mapped: SyncErrorCode = code === 'empty' ? 'empty-file' : code === 'binary' || code === 'encoding' ? 'binary-file' : code === 'too-large' ? 'too-large' : 'schema';
    return new SyncError(mapped, text);
  }
  if (name === 'QuotaExceededError') {
    return new SyncError('quota', 'There is not enough storage space for this dataset. The previous dataset was kept.', text);
  }
  if (name === 'AbortError') return new SyncError('cancelled', 'The sync was cancelled. The previous dataset was kept.');
  return new SyncError('internal', 'Something went wrong while syncing. The previous dataset was kept.', text);
}
