import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanyLensDB } from '../store/db';
import { makeDataset } from '../../test/support/datasets';
import { SYNC_ALARM } from '../sync/schedule';
import { startBackgroundOver } from '../../test/background';

/**
 * A content script can write `storage.local`, `storage.sync` and (when the extension opens it to
 * them) `storage.session`. Whatever it writes there, the worker must not fetch a URL, replace the
 * dataset or schedule anything: privileged state lives in the extension's own IndexedDB and is
 * changed only by privileged messages. Each case fires the sync alarm and the install event, the
 * moments when the worker used to act on a stored schedule, against the real background wiring.
 */

const ORIGIN = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
const pageSender = { id: fakeBrowser.runtime.id, url: `${ORIGIN}/options.html`, origin: ORIGIN };
const HOSTILE_URL = 'https://attacker.example/dataset.json';
const USER_URL = 'https://data.example.org/dataset.json';

const HOSTILE_VALUES: Record<string, unknown> = {
  syncSchedule: { url: HOSTILE_URL, everyHours: 6 },
  syncSchedule$: { v: 1 },
  schedule: { url: HOSTILE_URL, everyHours: 6 },
  sync: { source: { kind: 'url', url: HOSTILE_URL } },
  source: { kind: 'url', url: HOSTILE_URL },
  settings: { enabled: 'yes', syncUrl: HOSTILE_URL, muted: [{ id: '__proto__', name: 'x' }] },
  ['__proto__']: { polluted: true },
};

let db: CompanyLensDB;
let dbCount = 0;
let fetched: string[];
let permitted: boolean;

function stubUnimplemented(): void {
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  const listener = () => ({ addListener: vi.fn() });
  b.commands.onCommand = listener();
  b.contextMenus.onClicked = listener();
  b.omnibox.onInputChanged = listener();
  b.omnibox.onInputEntered = listener();
  b.runtime.onConnect = listener();
  b.contextMenus.removeAll = vi.fn(async () => undefined);
  b.contextMenus.create = vi.fn();
  b.action.setBadgeText = vi.fn(async () => undefined);
  b.tabs.sendMessage = vi.fn(async () => undefined);
  b.permissions.contains = vi.fn(async () => permitted);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  stubUnimplemented();
  fetched = [];
  permitted = false;
  const body = JSON.stringify(makeDataset('remote', 5));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    fetched.push(String(input));
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // A dataset from a URL: a bundled one would make the install event run a bundled sync.
  db = await startBackgroundOver(`storage-hostility-${++dbCount}`, 'url');
  await settle();
});
afterEach(async () => {
  await settle();
  db.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function state() {
  return {
    generations: (await db.generations.toArray()).map((g) => [g.gen, g.state, g.meta.contentHash]),
    meta: await db.meta.toArray(),
    syncLog: (await db.syncLog.toArray()).map((row) => row.error?.code ?? row.outcome),
    alarms: await fakeBrowser.alarms.getAll(),
  };
}

/** Start-up work and the clean-up after a sync run on their own; wait until the store is still. */
async function settle(): Promise<void> {
  const snapshot = async () => JSON.stringify([await state(), await db.artifacts.count(), await db.companies.count()]);
  let previous = await snapshot();
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const next = await snapshot();
    if (next === previous) return;
    previous = next;
  }
  throw new Error('the background never settled');
}

const fireAlarm = () => fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
const send = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, pageSender as never);

/** Writes every hostile value to one storage area, as a content script can. */
async function plant(area: 'local' | 'sync' | 'session'): Promise<void> {
  await fakeBrowser.storage[area].set(HOSTILE_VALUES);
}

describe('storage a content script can write', () => {
  for (const area of ['local', 'sync', 'session'] as const) {
    it(`holds nothing privileged: hostile values in storage.${area} start no fetch, sync or alarm`, async () => {
      const before = await state();
      await plant(area);
      permitted = true; // even with the host allowed, a planted value must not be acted on
      await fireAlarm();
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
      await fireAlarm();
      expect(fetched).toEqual([]);
      expect(await state()).toEqual(before);
    });
  }

  it('is acted on only through the privileged message, and then only while the host is allowed', async () => {
    await plant('local');
    // The check above would pass vacuously if the alarm handler never fetched at all: this shows
    // it does, from the stored schedule, once the user has set one and allowed its host.
    expect(await send({ type: 'schedule.set', schedule: { url: USER_URL, everyHours: 24 } })).toEqual([{ ok: true }]);
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.periodInMinutes])).toEqual([[SYNC_ALARM, 24 * 60]]);
    await fireAlarm();
    expect(fetched).toEqual([]);
    expect((await state()).syncLog).toEqual(['permission']);
    permitted = true;
    await fireAlarm();
    expect(fetched).toEqual([USER_URL]);
    expect((await state()).syncLog).toEqual(['permission', 'ok']);
  });

  it('refuses the schedule messages from a content script and invalid schedules from pages', async () => {
    const tab = { id: fakeBrowser.runtime.id, tab: { id: 3, index: 0 }, url: 'https://evil.example/', origin: 'https://evil.example' };
    const [refused] = await fakeBrowser.runtime.onMessage.trigger({ type: 'schedule.set', schedule: { url: HOSTILE_URL, everyHours: 6 } }, tab as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const [read] = await fakeBrowser.runtime.onMessage.trigger({ type: 'schedule.get' }, tab as never);
    expect(read).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const schedule of [{ url: 'http://attacker.example/d.json', everyHours: 6 }, { url: USER_URL, everyHours: 1 }, { url: 'javascript:alert(1)', everyHours: 6 }]) {
      const [answer] = await send({ type: 'schedule.set', schedule });
      expect(answer).toMatchObject({ ok: false });
    }
    expect((await state()).meta.filter((row) => row.key !== 'active')).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('moving a schedule an earlier build kept in storage.local', () => {
  it('happens on update only, deletes the old key, and the moved schedule still needs the host permission', async () => {
    await fakeBrowser.storage.local.set({ syncSchedule: { url: USER_URL, everyHours: 6 } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(await send({ type: 'schedule.get' })).toEqual([null]);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false } as never);
    await vi.waitFor(async () => expect(await send({ type: 'schedule.get' })).toEqual([{ url: USER_URL, everyHours: 6 }]));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual([SYNC_ALARM]));
    await fireAlarm();
    expect(fetched).toEqual([]);

    // Written again after the move (by a page): ignored, and never moved a second time.
    await fakeBrowser.storage.local.set({ syncSchedule: { url: HOSTILE_URL, everyHours: 6 } });
    permitted = true;
    await fireAlarm();
    expect(fetched).toEqual([USER_URL]);
  });

  it('drops an invalid old value without failing', async () => {
    await fakeBrowser.storage.local.set({ syncSchedule: { url: 'ftp://x', everyHours: 'often' } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({}));
    expect(await send({ type: 'schedule.get' })).toEqual([null]);
  });
});
