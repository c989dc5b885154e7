import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SYNC_PROGRESS_PORT, type SyncSource } from '../../lib/messages';
import type { SyncLogRow } from '../../lib/store/db';
import { listSyncLog } from '../../lib/store/log';
import { EMPTY_STATUS, type DatasetStatus } from '../../lib/store/read';
import type { SyncErrorInfo } from '../../lib/sync/errors';
import type { ProgressEvent, SyncResult } from '../../lib/sync/protocol';

export interface DatasetSyncState {
  status: DatasetStatus;
  /** The running sync's latest progress, or null when idle. */
  progress: Extract<ProgressEvent, { kind: 'progress' }> | null;
  /** The outcome of the latest sync seen by this page (any page may have started it). */
  last: SyncResult | null;
  history: SyncLogRow[];
  loading: boolean;
  start(source: SyncSource): Promise<SyncResult>;
  cancel(): void;
  /** Shows an error found before a sync could start (a file too large to read, say). */
  fail(error: SyncErrorInfo): void;
  /** Shows the outcome of a library change made by another panel. */
  show(result: SyncResult): void;
}

function unreachable(error: unknown): SyncResult {
  return {
    ok: false,
    status: EMPTY_STATUS,
    error: { code: 'interrupted', message: 'The background worker stopped before answering. The previous dataset was kept; try again.', detail: String(error) },
  };
}

/**
 * The options page's view of the dataset: status by message, progress and outcomes on the sync
 * port (so a sync started elsewhere, or before a reload, shows here too), history read from the
 * store. The port is reopened when the worker restarts, because a stopped worker closes it.
 */
export function useDatasetSync(): DatasetSyncState {
  const [status, setStatus] = useState<DatasetStatus>(EMPTY_STATUS);
  const [progress, setProgress] = useState<DatasetSyncState['progress']>(null);
  const [last, setLast] = useState<SyncResult | null>(null);
  const [history, setHistory] = useState<SyncLogRow[]>([]);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    const [next, log] = await Promise.all([
      browser.runtime.sendMessage({ type: 'dataset.status' }) as Promise<DatasetStatus | undefined>,
      listSyncLog(8),
    ]);
    if (next) setStatus(next);
    setHistory(log);
    setLoading(false);
  }, []);

  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let closed = false;
    const connect = () => {
      port = browser.runtime.connect({ name: SYNC_PROGRESS_PORT });
      port.onMessage.addListener((event: ProgressEvent) => {
        if (event.kind === 'progress') setProgress(event);
        else setProgress(null);
        if (event.kind === 'finished') {
          setLast(event.result);
          void refresh();
        }
      });
      port.onDisconnect.addListener(() => {
        setProgress(null);
        if (!closed) setTimeout(() => !closed && (connect(), void refresh()), 500);
      });
    };
    connect();
    void refresh().catch(() => setLoading(false));
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [refresh]);

  const start = useCallback(
    async (source: SyncSource) => {
      setLast(null);
      const result = await (browser.runtime.sendMessage({ type: 'dataset.sync', source }) as Promise<SyncResult>).catch(unreachable);
      const shown = result ?? unreachable('no answer');
      setLast(shown);
      await refresh().catch(() => undefined);
      return shown;
    },
    [refresh],
  );

  const cancel = useCallback(() => void browser.runtime.sendMessage({ type: 'dataset.cancel' }).catch(() => undefined), []);
  const fail = useCallback((error: SyncErrorInfo) => setLast({ ok: false, error, status }), [status]);

  const show = useCallback((result: SyncResult) => {
    setLast(result);
    void refresh().catch(() => undefined);
  }, [refresh]);

  return { status, progress, last, history, loading, start, cancel, fail, show };
}
