import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncSource } from '../../lib/messages';
import { ProgressPost } from '../../lib/protocol/answers';
import { checkAnswer, MessageError, sendMessage } from '../../lib/protocol/send';
import type { SyncLogRow } from '../../lib/store/db';
import { listSyncLog } from '../../lib/store/log';
import { EMPTY_STATUS, type DatasetStatus } from '../../lib/store/read';
import type { SyncErrorInfo } from '../../lib/sync/errors';
import { SYNC_PROGRESS_PORT, type ProgressEvent, type SyncResult } from '../../lib/sync/protocol';

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

/** The result shown when the background refused the request or never answered it. */
function unreachable(error: unknown): SyncResult {
  if (error instanceof MessageError && (error.code === 'forbidden' || error.code === 'internal')) {
    return { ok: false, status: EMPTY_STATUS, error: { code: 'internal', message: 'The sync could not start. The previous dataset was kept; try again.', detail: error.message } };
  }
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
    const [next, log] = await Promise.all([sendMessage({ type: 'dataset.status' }).catch(() => null), listSyncLog(8)]);
    if (next) setStatus(next);
    setHistory(log);
    setLoading(false);
  }, []);

  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let closed = false;
    const connect = () => {
      port = browser.runtime.connect({ name: SYNC_PROGRESS_PORT });
      port.onMessage.addListener((raw: unknown) => {
        let event: ProgressEvent;
        try {
          event = checkAnswer(SYNC_PROGRESS_PORT, ProgressPost, raw);
        } catch (error) {
          return console.warn('[company-lens] ignored a sync progress report', error);
        }
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
      const shown = await sendMessage({ type: 'dataset.sync', source }).catch(unreachable);
      setLast(shown);
      await refresh().catch(() => undefined);
      return shown;
    },
    [refresh],
  );

  const cancel = useCallback(() => void sendMessage({ type: 'dataset.cancel' }).catch(() => undefined), []);
  const fail = useCallback((error: SyncErrorInfo) => setLast({ ok: false, error, status }), [status]);

  const show = useCallback((result: SyncResult) => {
    setLast(result);
    void refresh().catch(() => undefined);
  }, [refresh]);

  return { status, progress, last, history, loading, start, cancel, fail, show };
}
