import type { DatasetStatus } from '../store/read';
import type { SyncErrorInfo } from './errors';
import type { ImportReport } from '../library/import';

/** Port name on which the background reports sync progress to extension pages. */
export const SYNC_PROGRESS_PORT = 'sync.progress';

/**
 * What the background tells extension pages about syncs: the answer to `dataset.sync`, and the
 * events sent on the SYNC_PROGRESS_PORT port.
 */

/**
 * Stages in the order a sync enters them; sources skip the ones they do not need. Saving starts
 * before the indexes are derived and finishes after, because the two overlap.
 */
export const SYNC_STAGES = ['fetch', 'parse', 'build', 'write', 'index', 'switch'] as const;
export type SyncStage = (typeof SYNC_STAGES)[number];

export const STAGE_LABELS: Record<SyncStage, string> = {
  fetch: 'Reading the source',
  parse: 'Checking the dataset',
  build: 'Building the knowledge base',
  index: 'Preparing name matching and search',
  write: 'Saving',
  switch: 'Switching to the new dataset',
};

export type SyncResult =
  /** `report`: what each file of a library import brought (absent for other syncs). */
  | { ok: true; outcome: 'ok' | 'unchanged'; status: DatasetStatus; report?: ImportReport }
  | { ok: false; error: SyncErrorInfo; status: DatasetStatus };

export type ProgressEvent =
  | { kind: 'progress'; source: string; stage: SyncStage; done: number; total: number; startedAt: number }
  | { kind: 'finished'; result: SyncResult }
  | { kind: 'idle' };
