import { browser } from 'wxt/browser';
import { SYNC_PROGRESS_PORT } from '../sync/protocol';
import { getStatus } from '../store/read';
import { backgroundSyncDeps } from '../sync/deps';
import { SyncRunner } from '../sync/runner';
import { getDb } from '../store/db';
import { applySchedule, moveScheduleOutOfStorage, readSchedule, saveSchedule, SYNC_ALARM } from '../sync/schedule';
import { broadcastDatasetChanged } from './cards';
import { addPage, startAddPageService } from './add-page';
import { ensureSearchIndex } from './search-index';
import { extensionOrigin, isExtensionPage, registerHandlers } from './router';

/** Chrome stops a worker idle for 30 s; an extension API call every 20 s during a sync keeps it. */
const KEEPALIVE_MS = 20_000;

/**
 * Dataset store and sync service: dataset.* messages, the progress port, ingestion of the bundled
 * corpus on install/update (or whenever the store is found empty), periodic URL sync, and the
 * clean-up after a worker that was stopped mid-sync. Listeners are added synchronously so a worker
 * woken by one of these events sees them.
 */
/** Registers the dataset handlers; the promise settles when the start-up work is done. */
export function startDatasetService(): Promise<void> {
  const runner = new SyncRunner(backgroundSyncDeps());
  startAddPageService((source) => runner.run(source));
  const origin = extensionOrigin();

  registerHandlers({
    'dataset.status': () => getStatus(),
    'dataset.sync': ({ source }) => runner.run(source),
    'dataset.cancel': () => ({ ok: runner.cancel() }),
    'library.remove': ({ ids }) => runner.removeFromLibrary(ids),
    'library.addPage': ({ tabId }) => addPage(tabId, (source) => runner.run(source)),
    'corrections.add': ({ correction }) => runner.correct({ add: [correction] }),
    // A restored backup's corrections replace the ones in the store, in one rebuild.
    'corrections.restore': ({ corrections }) => runner.correct({ replace: true, add: corrections }),
    'corrections.undo': ({ ids }) => runner.correct({ undo: ids }),
    'schedule.get': () => readSchedule(getDb()),
    'schedule.set': async ({ schedule }) => {
      await saveSchedule(getDb(), schedule);
      await applySchedule(schedule);
      return { ok: true };
    },
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SYNC_PROGRESS_PORT) return;
    if (!port.sender || !isExtensionPage(port.sender, origin)) return port.disconnect();
    port.postMessage(runner.snapshot());
    const unsubscribe = runner.subscribe((event) => port.postMessage(event));
    port.onDisconnect.addListener(unsubscribe);
  });

  let keepalive: ReturnType<typeof setInterval> | undefined;
  runner.subscribe((event) => {
    if (event.kind === 'progress' && !keepalive) keepalive = setInterval(() => void browser.runtime.getPlatformInfo(), KEEPALIVE_MS);
    if (event.kind !== 'progress' && keepalive) keepalive = void clearInterval(keepalive);
    if (event.kind === 'finished' && event.result.ok && event.result.outcome === 'ok') void broadcastDatasetChanged(event.result.status.version);
  });

  // First clean up after a stopped worker; then make sure there is a dataset at all, and that its
  // search index is complete and in this release's format (an update may have changed it).
  const checkSearchIndex = () => ensureSearchIndex().catch((error) => console.warn('[company-lens] could not derive the search index again', error));
  const started = runner.recover().then(async () => {
    if (!(await getStatus()).version) await runner.ensureBundled();
    await checkSearchIndex();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void runner.ensureBundled().then(checkSearchIndex);
    if (reason === 'update') void moveScheduleOutOfStorage(getDb()).then(syncAlarm).catch((e) => console.warn('[company-lens] could not move the sync schedule', e));
  });

  // The alarm only wakes the worker: what to fetch is read from the store, never from the alarm
  // or from storage a content script can write, and the runner requires the host permission.
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    const schedule = await readSchedule(getDb());
    if (schedule && schedule.everyHours > 0) await runner.run({ kind: 'url', url: schedule.url }, { scheduled: true });
  });
  const syncAlarm = async () => applySchedule(await readSchedule(getDb()));
  const alarmSet = syncAlarm().catch((e) => console.warn('[company-lens] could not set the sync alarm', e));
  return Promise.all([started, alarmSet]).then(() => undefined);
}
