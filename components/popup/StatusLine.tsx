import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { DatasetStatus } from '../../lib/store/read';
import { loadStore } from './store';

export type StoreStatus = DatasetStatus | null | 'error';

/** The dataset's status as the store has it; read again when `generation` changes. */
export function useStoreStatus(generation: number): StoreStatus {
  const [status, setStatus] = useState<StoreStatus>(null);
  useEffect(() => {
    loadStore()
      .then((store) => store.getStatus())
      .then(setStatus, () => setStatus('error'));
  }, [generation]);
  return status;
}

export function syncedAgo(at: number, now = Date.now()): string {
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return new Date(at).toLocaleDateString();
}

/** When the dataset was synced, how big it is, and the way to the options page. */
export function StatusLine({ status, building }: { status: StoreStatus; building: boolean }) {
  const text =
    status === null
      ? 'Reading the dataset…'
      : status === 'error'
        ? 'The dataset could not be read.'
        : status.syncedAt === null
          ? building
            ? 'Building your dataset…'
            : 'No dataset yet.'
          : `${status.companies} companies · synced ${syncedAgo(status.syncedAt)}`;
  return (
    <footer class="cl-status">
      <span class={status === 'error' ? 'cl-error' : 'cl-muted'} data-testid="sync-status">
        {text}
      </span>
      <button type="button" class="cl-linkish" onClick={() => browser.runtime.openOptionsPage()}>
        Options
      </button>
    </footer>
  );
}
