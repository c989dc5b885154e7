import type { SyncSource } from '../messages';
import type { LexiconPayload } from '../detect/lexicon';
import type { Company, Dataset } from '../dataset/schema';
import type { CompanyLensDB, GenerationRow, LibraryRow, SyncLogRow } from '../store/db';
import { activeGeneration, getStatus } from '../store/read';
import { baseOf, discardUnfinished } from '../store/write';
import { storeDataset } from '../store/update';
import type { Written } from '../store/delta';
import { letMessagesIn } from '../util/yield';
import { SyncError, toSyncError } from './errors';
import type { ProgressEvent, SyncResult, SyncStage } from './protocol';
import { describeSource, resolveSource, type KnowledgeBase, type SyncJob } from './sources';
import { applyLibraryChange, commitLibraryChange, discardStaged, libraryRows, stageLibraryChange, type LibraryChange } from '../store/library';
import { reportImport, type ImportReport } from '../library/import';
import Dexie from 'dexie';
import { applyCorrections } from '../corrections/apply';
import { commitCorrectionChange, correctionsAfter, storedCorrections, type CorrectionChange } from '../store/corrections';

/**
 * Runs syncs one at a time. Each sync is logged before it starts (so a worker stopped mid-sync
 * leaves a 'running' entry that the next start turns into 'interrupted'), reports progress to
 * listeners, and can be cancelled. Nothing here touches the user-data tables.
 */

export interface SyncDeps extends KnowledgeBase {
  db(): CompanyLensDB;
  buildLexicon(companies: Company[]): LexiconPayload;
  /**
   * When given, a sync stores only the quick (names) part of the search index at its switch, and
   * `completeSearchIndex` derives the full-text part right after, for the same generation. The
   * full-text build takes seconds at 100k companies and competes with IndexedDB for the CPU;
   * the popup answers names from the quick part meanwhile.
   */
  buildQuickSearchIndex?(dataset: Dataset): string;
  completeSearchIndex?(gen: number, dataset: Dataset): Promise<unknown>;
  fetchImpl?: typeof fetch;
  hasHostPermission?(url: URL): Promise<boolean>;
  /** Observes every progress report; tests throw from it to fail a sync at a chosen stage. */
  onStage?(stage: SyncStage, done: number, total: number): void;
}

export interface RunOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** A sync the schedule started: it runs only while the host permission is held. */
  scheduled?: boolean;
}

const LOG_KEEP = 20;

/** Progress within a stage is reported at most this often; a new stage and a stage's end always are. */
const PROGRESS_EVERY_MS = 100;

export const INTERRUPTED_MESSAGE = 'The sync was stopped before it finished (the browser stopped the extension in the middle). The previous dataset was kept.';

export class SyncRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private controller?: AbortController;
  private last: ProgressEvent = { kind: 'idle' };
  private bundledChecked = false;
  private readonly listeners = new Set<(event: ProgressEvent) => void>();
  /** The dataset this runner stored last: the next one may be stored as the rows that differ. */
  private written?: Written;
  /**
   * The library as this runner committed it with the dataset it stored last. The library changes
   * only in the transaction that switches datasets, so while that dataset is the active one the
   * library is still this, and a change need not read a thousand articles back from the store.
   */
  private library?: { gen: number; contentHash: string; rows: LibraryRow[] };

  constructor(private readonly deps: SyncDeps) {}

  /** Subscribes to progress events; returns the unsubscribe function. */
  subscribe(listener: (event: ProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest event: what a page that just connected should show. */
  snapshot(): ProgressEvent {
    return this.last;
  }

  get running(): boolean {
    return this.controller !== undefined;
  }

  /** Cancels the running sync; true when there was one. */
  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort(new SyncError('cancelled', 'The sync was cancelled. The previous dataset was kept.'));
    return true;
  }

  /** Queues a sync; it starts when the previous one has finished. */
  run(source: SyncSource, options: RunOptions = {}): Promise<SyncResult> {
    return this.enqueue(() => this.runNow(source, options));
  }

  /**
   * Queues a change to the user's corrections: the dataset is built again with the changed list,
   * and the list is stored in the same transaction that switches to that dataset.
   */
  correct(change: CorrectionChange): Promise<SyncResult> {
    return this.enqueue(() => this.runNow({ kind: 'corrections', ...change }, {}));
  }

  /** Queues the removal of library articles: the knowledge is rebuilt without them, then they go. */
  removeFromLibrary(ids: string[]): Promise<SyncResult> {
    return this.enqueue(() => this.runNow({ kind: 'library', remove: ids }, {}));
  }

  /**
   * Cleans up after a worker that was stopped mid-sync: deletes unfinished generations and marks
   * their log entries 'interrupted'. Queued like a sync so it never races one.
   */
  recover(): Promise<number> {
    return this.enqueue(async () => {
      const db = this.deps.db();
      const discarded = await discardUnfinished(db);
      await discardStaged(db);
      const stale = await db.syncLog.filter((row) => row.outcome === 'running').toArray();
      for (const row of stale) {
        await db.syncLog.update(row.id!, { outcome: 'interrupted', finishedAt: Date.now(), error: { code: 'interrupted', message: INTERRUPTED_MESSAGE } });
      }
      return discarded + stale.length;
    });
  }

  /**
   * Runs a bundled sync when the store has no dataset, or when the bundled corpus changed (the
   * build is compared by content hash). Once per worker: install and start-up both ask for it.
   */
  ensureBundled(): Promise<SyncResult | null> {
    return this.enqueue(async () => {
      if (this.bundledChecked) return null;
      this.bundledChecked = true;
      const active = await activeGeneration(this.deps.db());
      if (active && active.sourceKind !== 'bundled') return null;
      return this.runNow({ kind: 'bundled' }, {});
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private emit(event: ProgressEvent): void {
    this.last = event;
    for (const listener of this.listeners) listener(event);
  }

  private async runNow(source: SyncJob, options: RunOptions): Promise<SyncResult> {
    const db = this.deps.db();
    const label = describeSource(source);
    const startedAt = Date.now();
    const controller = new AbortController();
    this.controller = controller;
    const log: SyncLogRow = { startedAt, source: label, sourceKind: source.kind === 'library' || source.kind === 'corrections' ? 'files' : source.kind, outcome: 'running' };
    log.id = await db.syncLog.add(log);
    const stageMs: Partial<Record<SyncStage, number>> = {};
    let stage: SyncStage | undefined;
    let stageStart = performance.now();
    let emittedAt = -Infinity;
    const progress = (next: SyncStage, done: number, total: number) => {
      this.deps.onStage?.(next, done, total);
      const now = performance.now();
      const changed = next !== stage;
      if (changed) {
        if (stage) stageMs[stage] = (stageMs[stage] ?? 0) + Math.round(now - stageStart);
        stage = next;
        stageStart = now;
      }
      // Every report is a message to each open page, which draws it: a page sent one per step of
      // a short sync falls behind drawing them, and answers its own request only after.
      if (!changed && done < total && now - emittedAt < PROGRESS_EVERY_MS) return;
      emittedAt = now;
      this.emit({ kind: 'progress', source: label, stage: next, done, total, startedAt });
    };
    let result: SyncResult;
    let completeIndex: (() => unknown) | undefined;
    let staged: LibraryChange | undefined;
    try {
      const active = await activeGeneration(db);
      const library = this.libraryOf(active) ?? (await libraryRows(db));
      const correctionChange = source.kind === 'corrections' ? source : undefined;
      const corrections = correctionsAfter(await storedCorrections(db), correctionChange);
      const readBase = async () => (active ? (await baseOf(db, active.gen))?.text() : undefined);
      const resolved = await resolveSource(source, { ...this.deps, kb: this.deps, signal: controller.signal, progress, active, library, readBase, timeoutMs: (source.kind === 'url' ? source.timeoutMs : undefined) ?? options.timeoutMs, maxBytes: options.maxBytes, requirePermission: options.scheduled, corrections });
      if (controller.signal.aborted) throw controller.signal.reason;
      if (resolved.unchanged) {
        const report = resolved.prepared && { files: resolved.prepared.files.map((f) => ({ name: f.name, articles: 0, skipped: f.skipped, known: [], discovered: [], facts: 0, notes: f.notes })), refused: resolved.prepared.refused };
        result = { ok: true, outcome: 'unchanged', status: await getStatus(), ...(report ? { report } : {}) };
      } else {
        let report: ImportReport | undefined;
        if (resolved.prepared) report = reportImport(resolved.prepared, resolved.dataset, await this.companyIds(db, active));
        const change = resolved.prepared?.change ?? (resolved.remove ? { importId: startedAt, add: [], remove: resolved.remove } : undefined);
        if (change) {
          staged = change;
          await stageLibraryChange(db, change);
        }
        // The one place corrections meet a dataset: whatever the source, before anything derives from it.
        const dataset = applyCorrections(resolved.dataset, corrections);
        const derive = async () => {
          progress('index', 0, 2);
          const lexicon = this.deps.buildLexicon(dataset.companies);
          progress('index', 1, 2);
          // Both builds hold the worker for a while on large datasets: let a cancel in between.
          await letMessagesIn();
          if (controller.signal.aborted) throw controller.signal.reason;
          const searchIndex = (this.deps.buildQuickSearchIndex ?? this.deps.buildSearchIndex)(dataset);
          progress('index', 2, 2);
          return { lexicon, searchIndex };
        };
        const previous = this.written;
        this.written = undefined;
        this.library = undefined;
        const stored = await storeDataset(
          db,
          previous,
          { dataset, sourceKind: resolved.sourceKind, derive, http: resolved.http, base: resolved.base },
          {
            signal: controller.signal,
            onProgress: (done, total) => progress('write', done, total),
            beforeSwitch: () => progress('switch', 0, 1),
            deferCleanup: true,
            atSwitch: {
              tables: [db.library, db.corrections],
              run: async () => {
                if (change) await commitLibraryChange(db, change);
                if (correctionChange) await commitCorrectionChange(db, correctionChange, Date.now());
              },
            },
          },
        );
        staged = undefined;
        this.written = stored.written;
        this.library = { gen: stored.row.gen, contentHash: stored.row.meta.contentHash, rows: change ? applyLibraryChange(library, change) : library };
        progress('switch', 1, 1);
        result = { ok: true, outcome: 'ok', status: await getStatus(), ...(report ? { report } : {}) };
        if (this.deps.buildQuickSearchIndex) completeIndex = () => this.deps.completeSearchIndex?.(stored.row.gen, dataset);
      }
    } catch (error) {
      if (staged) await discardStaged(db, staged.importId).catch((cleanup) => console.warn('[company-lens] could not discard a failed import', cleanup));
      const info = toSyncError(controller.signal.aborted ? controller.signal.reason : error).toInfo();
      result = { ok: false, error: info, status: await getStatus() };
    } finally {
      this.controller = undefined;
    }
    if (stage) stageMs[stage] = (stageMs[stage] ?? 0) + Math.round(performance.now() - stageStart);
    // The log is a convenience: failing to write it (a full disk) must not hide the result.
    await this.finishLog({ ...log, stageMs }, result).catch((error) => console.warn('[company-lens] could not log the sync', error));
    this.emit({ kind: 'finished', result });
    // After the answer has gone out: the sync is done for its caller once the switch is made. The
    // previous dataset's rows are deleted in the queue, so no later sync can start meanwhile.
    // A database closed meanwhile (the worker shutting down) leaves them to the next start.
    if (result.ok && result.outcome === 'ok') {
      void this.enqueue(() => discardUnfinished(db)).catch((error) => (error as Error)?.name === 'DatabaseClosedError' || console.warn('[company-lens] could not delete the previous dataset', error));
    }
    if (completeIndex) setTimeout(completeIndex, 0);
    return result;
  }

  private libraryOf(active: GenerationRow | undefined): LibraryRow[] | undefined {
    const kept = this.library;
    return active && kept?.gen === active.gen && kept.contentHash === active.meta.contentHash ? kept.rows : undefined;
  }

  /** Ids of the companies of the active generation: what the extension knew before an import. */
  private async companyIds(db: CompanyLensDB, active: GenerationRow | undefined): Promise<Set<string>> {
    if (!active) return new Set();
    // The dataset this runner wrote last, when it is still the active one, saves reading the store.
    const written = this.written;
    if (written?.gen === active.gen && written.dataset.meta.contentHash === active.meta.contentHash) return new Set(written.dataset.companies.map((c) => c.id));
    const keys = await db.companies.where('[gen+id]').between([active.gen, Dexie.minKey], [active.gen, Dexie.maxKey]).primaryKeys();
    return new Set(keys.map((key) => key[1]));
  }

  private async finishLog(log: SyncLogRow, result: SyncResult): Promise<void> {
    const db = this.deps.db();
    const outcome = result.ok ? result.outcome : result.error.code === 'cancelled' ? 'cancelled' : 'error';
    const counts = result.ok ? (await activeGeneration(db))?.counts : undefined;
    await db.syncLog.put({ ...log, finishedAt: Date.now(), outcome, ...(result.ok ? {} : { error: result.error }), ...(counts ? { counts } : {}) });
    const excess = (await db.syncLog.count()) - LOG_KEEP;
    if (excess > 0) await db.syncLog.bulkDelete(await db.syncLog.orderBy('id').limit(excess).primaryKeys());
  }
}
