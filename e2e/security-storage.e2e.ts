/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForDataset } from './fixtures/datasets/helpers';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { contentWorld } from './security-helpers';
import { startServer } from './server';

/**
 * Privileged state out of a content script's reach, in Chromium: the content script's own world
 * writes a sync schedule (and look-alikes) into every storage area it can reach, the sync alarm
 * fires, and the worker fetches nothing. The server lets any origin read its datasets, so only
 * the extension's own checks stand between a planted value and a replaced dataset.
 */

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
const served: string[] = [];

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req, res) => {
      served.push(req.url ?? '');
      if (!req.url?.endsWith('.json')) return false;
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end('{}');
      return true;
    },
  ]);
  ext = await launchExtension();
  await waitForDataset(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Creates the sync alarm due now and resolves once the browser has fired it. */
async function fireSyncAlarm(): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const listener = (alarm: chrome.alarms.Alarm) => {
          if (alarm.name !== 'dataset-sync') return;
          chrome.alarms.onAlarm.removeListener(listener);
          resolve();
        };
        chrome.alarms.onAlarm.addListener(listener);
        void chrome.alarms.create('dataset-sync', { when: Date.now() });
      }),
  );
}

async function syncLog(): Promise<{ outcome: string; code?: string; source: string }[]> {
  const page = await ext.extensionPage('company.html');
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('company-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise<{ outcome: string; error?: { code: string }; source: string }[]>((ok) => {
      const r = db.transaction('syncLog').objectStore('syncLog').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all.map((row) => ({ outcome: row.outcome, code: row.error?.code, source: row.source }));
  });
  await page.close();
  return rows;
}

describe('storage a content script can write, in Chromium', () => {
  it('holds nothing that makes the worker fetch: planted schedules are ignored when the alarm fires', async () => {
    const hostile = `${server.url}/planted/dataset.json`;
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/hostile/quiet.html`);
    const world = await contentWorld(ext, page);
    const planted = { syncSchedule: { url: hostile, everyHours: 6 }, schedule: { url: hostile, everyHours: 6 }, source: { kind: 'url', url: hostile } };
    const written = await world.evaluate<Record<string, string>>(`(async () => {
      const planted = ${JSON.stringify(planted)};
      const out = {};
      for (const area of ['local', 'sync', 'session']) {
        try { await chrome.storage[area].set(planted); out[area] = 'written'; } catch (e) { out[area] = 'refused'; }
      }
      // The content script's IndexedDB is the page's: a database of the same name changes nothing.
      await new Promise((ok) => {
        const r = indexedDB.open('company-lens');
        r.onupgradeneeded = () => r.result.createObjectStore('meta', { keyPath: 'key' });
        r.onsuccess = () => { const tx = r.result.transaction('meta', 'readwrite'); tx.objectStore('meta').put({ key: 'syncSchedule', url: planted.source.url, everyHours: 6 }); tx.oncomplete = ok; };
      });
      return out;
    })()`);
    // storage.session is closed to content scripts by default; local and sync are open to them.
    expect(written).toEqual({ local: 'written', sync: 'written', session: 'refused' });
    const logBefore = await syncLog();

    await fireSyncAlarm();
    // The alarm handler has run for the planted values above; now a schedule the user set through
    // the options page's privileged message: the same alarm acts on it (which shows the handler
    // is live), and since the user never allowed the host, it records a refusal instead of fetching.
    const chosen = `${server.url}/chosen/dataset.json`;
    expect(await ext.send({ type: 'schedule.set', schedule: { url: chosen, everyHours: 6 } })).toEqual({ ok: true });
    await fireSyncAlarm();
    await expect.poll(async () => (await syncLog()).length, { timeout: 20_000 }).toBe(logBefore.length + 1);
    expect((await syncLog()).at(-1)).toEqual({ outcome: 'error', code: 'permission', source: chosen });
    expect(served.filter((url) => url.endsWith('.json'))).toEqual([]);

    expect(await ext.send({ type: 'schedule.set', schedule: null })).toEqual({ ok: true });
    await page.close();
  });
});
