import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanyLensDB } from '../store/db';
import { getStatus } from '../store/read';
import { makeDataset } from '../../test/support/datasets';
import { SyncRunner } from './runner';
import { applySchedule, SYNC_ALARM } from './schedule';
import { fakeDeps } from '../../test/support/sync';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
useFreshDb('ensure-test', (fresh) => (db = fresh));
beforeEach(() => fakeBrowser.reset());

describe('install and update ingestion', () => {
  it('fills an empty store, and does it once per worker', async () => {
    const runner = new SyncRunner(fakeDeps());
    expect(await runner.ensureBundled()).toMatchObject({ ok: true, outcome: 'ok' });
    expect(await runner.ensureBundled()).toBeNull();
    expect(await db.syncLog.count()).toBe(1);
  });

  it('rebuilds when the bundled corpus changed in an update, and not when it did not', async () => {
    await new SyncRunner(fakeDeps()).ensureBundled();
    const same = await new SyncRunner(fakeDeps()).ensureBundled();
    expect(same).toMatchObject({ ok: true, outcome: 'unchanged' });
    // An update ships one more seed document: the content hash changes, so the store is rebuilt.
    const updated = fakeDeps({ bundledDocuments: () => [{ name: 'a.txt', text: 'a' }, { name: 'b.txt', text: 'b' }] });
    expect(await new SyncRunner(updated).ensureBundled()).toMatchObject({ ok: true, outcome: 'ok', status: { companies: 5 } });
  });

  it('answers "unchanged" for the same bundled corpus from the inputs\' hash, without building', async () => {
    await new SyncRunner(fakeDeps()).ensureBundled();
    const hash = (await getStatus()).version.split(':')[1] ?? '';
    const active = await db.generations.toArray();
    let built = 0;
    const deps = fakeDeps();
    const quick = fakeDeps({ buildHash: () => active[0].meta.contentHash, buildDataset: (input) => (built++, deps.buildDataset(input)) });
    expect(await new SyncRunner(quick).run({ kind: 'bundled' })).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(built).toBe(0);
    // Another hash: the corpus changed, so it is built.
    const changed = fakeDeps({ buildHash: () => `not-${hash}`, buildDataset: (input) => (built++, deps.buildDataset(input)) });
    await new SyncRunner(changed).run({ kind: 'bundled' });
    expect(built).toBe(1);
  });

    it('leaves a dataset the user chose from elsewhere alone', async () => {
    await new SyncRunner(fakeDeps()).run({ kind: 'files', files: [{ name: 'd.json', text: JSON.stringify(makeDataset('mine', 2)) }] });
    expect(await new SyncRunner(fakeDeps()).ensureBundled()).toBeNull();
    expect((await getStatus()).source).toBe('d.json');
  });
});

describe('periodic URL sync', () => {
  it('keeps one alarm in step with the schedule', async () => {
    await applySchedule({ url: 'https://example.org/d.json', everyHours: 24 });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(1440);
    await applySchedule({ url: 'https://example.org/d.json', everyHours: 6 });
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.periodInMinutes)).toEqual([360]);
    await applySchedule({ url: 'https://example.org/d.json', everyHours: 0 });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });
});
