import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanyLensDB } from '../store/db';
import { useFreshDb } from '../store/test-db';
import { applySchedule, moveScheduleOutOfStorage, readSchedule, saveSchedule, SYNC_ALARM, SyncSchedule } from './schedule';

/** The periodic URL sync: what may be stored, where, and the one alarm that follows it. */

let db: CompanyLensDB;
useFreshDb('schedule-test', (fresh) => (db = fresh));
beforeEach(() => fakeBrowser.reset());

const URL_OK = 'https://data.example/companies.json';

describe('SyncSchedule', () => {
  it.each([
    [URL_OK, 24, true],
    ['http://127.0.0.1:8080/d.json', 6, true],
    ['http://data.example/d.json', 24, false],
    ['https://data.example/a b.json', 24, false],
    [' https://data.example/d.json', 24, false],
    ['not a url', 24, false],
    [URL_OK, 0, true],
    [URL_OK, 168, true],
    [URL_OK, 12, false],
  ])('%s every %d hours is valid: %s', (url, everyHours, valid) => {
    expect(SyncSchedule.safeParse({ url, everyHours }).success).toBe(valid);
  });

  it('says what is wrong with a refused value', () => {
    const result = SyncSchedule.safeParse({ url: 'http://data.example/d.json', everyHours: 5 });
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('is not an https:// address (or http:// on this machine) in its normal form');
    expect(messages).toContain('is not one of 0, 6, 24, 168');
  });
});

describe('saving and reading', () => {
  it('keeps a schedule in the database and forgets it on null', async () => {
    expect(await readSchedule(db)).toBeNull();
    await saveSchedule(db, { url: URL_OK, everyHours: 6 });
    expect(await readSchedule(db)).toEqual({ url: URL_OK, everyHours: 6 });
    await saveSchedule(db, null);
    expect(await readSchedule(db)).toBeNull();
  });

  it('refuses to save an invalid schedule and keeps the previous one', async () => {
    await saveSchedule(db, { url: URL_OK, everyHours: 24 });
    await expect(saveSchedule(db, { url: 'ftp://data.example/d', everyHours: 24 })).rejects.toThrow();
    expect(await readSchedule(db)).toEqual({ url: URL_OK, everyHours: 24 });
  });

  it('ignores a damaged row rather than fetching from it', async () => {
    await db.meta.put({ key: 'syncSchedule', url: 'http://evil.example/x', everyHours: 6 } as never);
    expect(await readSchedule(db)).toBeNull();
  });
});

describe('moving the schedule out of storage.local', () => {
  it('moves a valid schedule into the database and deletes the old keys', async () => {
    await fakeBrowser.storage.local.set({ syncSchedule: { url: URL_OK, everyHours: 24 }, syncSchedule$: { v: 1 }, other: 1 });
    await moveScheduleOutOfStorage(db);
    expect(await readSchedule(db)).toEqual({ url: URL_OK, everyHours: 24 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ other: 1 });
  });

  it('never replaces a schedule already in the database, and drops an invalid one', async () => {
    await saveSchedule(db, { url: URL_OK, everyHours: 6 });
    await fakeBrowser.storage.local.set({ syncSchedule: { url: 'https://other.example/d.json', everyHours: 24 } });
    await moveScheduleOutOfStorage(db);
    expect(await readSchedule(db)).toEqual({ url: URL_OK, everyHours: 6 });
    await saveSchedule(db, null);
    await fakeBrowser.storage.local.set({ syncSchedule: { url: 'javascript:alert(1)', everyHours: 24 } });
    await moveScheduleOutOfStorage(db);
    expect(await readSchedule(db)).toBeNull();
    expect(await fakeBrowser.storage.local.get('syncSchedule')).toEqual({});
  });
});

describe('applySchedule', () => {
  it('creates one alarm with the period in minutes, first firing after one period', async () => {
    await applySchedule({ url: URL_OK, everyHours: 6 });
    const alarm = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(360);
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + 359 * 60_000);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('changes the period when the schedule changes, and leaves a matching alarm alone', async () => {
    await applySchedule({ url: URL_OK, everyHours: 6 });
    const first = await fakeBrowser.alarms.get(SYNC_ALARM);
    await applySchedule({ url: URL_OK, everyHours: 6 });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.scheduledTime).toBe(first!.scheduledTime);
    await applySchedule({ url: URL_OK, everyHours: 168 });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(168 * 60);
  });

  it('clears the alarm for "only when I sync" and for no schedule', async () => {
    await applySchedule({ url: URL_OK, everyHours: 24 });
    await applySchedule({ url: URL_OK, everyHours: 0 });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    await applySchedule({ url: URL_OK, everyHours: 24 });
    await applySchedule(null);
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
    await applySchedule(null);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
