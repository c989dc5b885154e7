import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SYNC_PROGRESS_PORT, type ProgressEvent } from '../../lib/sync/protocol';

export type BuildProgress = Extract<ProgressEvent, { kind: 'progress' }>;

export interface DatasetBuild {
  /** The running sync's latest report, null before the first one arrives. */
  progress: BuildProgress | null;
  /** The build ended without a dataset: the page shows its ordinary empty state again. */
  failed: boolean;
  /** Counts finished builds: a page reloads what it shows when this changes. */
  finished: number;
}

/**
 * Follows the dataset's build for a page that found the store empty. The background builds the
 * bundled corpus whenever the store is empty (on install, on start), so "empty" means "being
 * built" unless a build is reported to have failed. Connects only while `empty`, so a page with
 * a dataset never wakes the worker for this.
 */
export function useDatasetBuild(empty: boolean): DatasetBuild {
  const [state, setState] = useState<DatasetBuild>({ progress: null, failed: false, finished: 0 });
  useEffect(() => {
    if (!empty) return;
    let closed = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const connect = () => {
      port = browser.runtime.connect({ name: SYNC_PROGRESS_PORT });
      port.onMessage.addListener((event: ProgressEvent) => {
        if (event.kind === 'progress') setState((s) => ({ ...s, progress: event, failed: false }));
        if (event.kind === 'finished') {
          const built = event.result.ok && event.result.status.version !== '';
          setState((s) => ({ progress: null, failed: !built, finished: s.finished + (built ? 1 : 0) }));
        }
      });
      // A worker stopped and restarted closes the port; its new start builds again.
      port.onDisconnect.addListener(() => !closed && setTimeout(() => !closed && connect(), 500));
    };
    connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [empty]);
  return state;
}
