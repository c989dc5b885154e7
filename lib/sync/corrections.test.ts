import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Correction } from '../corrections/schema';
import { storedCorrections } from '../store/corrections';
import type { CompanyLensDB } from '../store/db';
import { getAllCompanies } from '../store/read';
import { makeDataset } from '../store/testing';
import { useFreshDb } from '../store/test-db';
import { SyncRunner } from './runner';
import { fakeDeps, fakeFetch } from './testing';

let db: CompanyLensDB;
useFreshDb('corrections-sync-test', (fresh) => (db = fresh));

const ids = async () => (await getAllCompanies()).map((c) => c.id).sort();
const notOrg: Correction = { kind: 'not-organisation', companyId: 'bundled-co-1', companyName: 'Bundled Company 1' };

describe('corrections in syncs', () => {
  it('are applied when made, stored at the switch, and last through a re-sync and a new worker', async () => {
    const runner = new SyncRunner(fakeDeps());
    await runner.run({ kind: 'bundled' });
    expect(await ids()).toContain('bundled-co-1');
    expect(await runner.correct({ add: [notOrg] })).toMatchObject({ ok: true, outcome: 'ok' });
    expect(await ids()).not.toContain('bundled-co-1');
    expect((await storedCorrections(db)).map((c) => c.kind)).toEqual(['not-organisation']);
    // The bundled corpus again: the same inputs and corrections, so nothing to write.
    expect(await runner.run({ kind: 'bundled' })).toMatchObject({ ok: true, outcome: 'unchanged' });
    const restarted = new SyncRunner(fakeDeps());
    await restarted.ensureBundled();
    expect(await ids()).not.toContain('bundled-co-1');
  });

  it('are undone: the company comes back and the correction is gone', async () => {
    const runner = new SyncRunner(fakeDeps());
    await runner.run({ kind: 'bundled' });
    await runner.correct({ add: [notOrg] });
    const [stored] = await storedCorrections(db);
    expect(await runner.correct({ undo: [stored.id] })).toMatchObject({ ok: true, outcome: 'ok' });
    expect(await ids()).toContain('bundled-co-1');
    expect(await storedCorrections(db)).toEqual([]);
  });

  it('are not stored when the rebuild fails, and the dataset stays as it was', async () => {
    let fail = false;
    const runner = new SyncRunner(fakeDeps({ onStage: (stage) => { if (fail && stage === 'switch') throw new Error('disk full'); } }));
    await runner.run({ kind: 'bundled' });
    fail = true;
    expect(await runner.correct({ add: [notOrg] })).toMatchObject({ ok: false });
    expect(await ids()).toContain('bundled-co-1');
    expect(await storedCorrections(db)).toEqual([]);
  });

  it('apply to a dataset synced from a URL, again when it is synced again', async () => {
    const served = JSON.stringify(makeDataset('web', 4));
    const runner = new SyncRunner(fakeDeps({ fetchImpl: fakeFetch(() => new Response(served)) }));
    await runner.run({ kind: 'url', url: 'https://data.example.org/d.json' });
    const merge: Correction = { kind: 'merge', companyId: 'web-co-1', companyName: 'Web Company 1', intoId: 'web-co-0', intoName: 'Web Company 0' };
    expect(await runner.correct({ add: [merge] })).toMatchObject({ ok: true });
    const merged = async () => (await getAllCompanies()).find((c) => c.id === 'web-co-0')?.aliases.map((a) => a.text);
    expect(await ids()).not.toContain('web-co-1');
    expect(await merged()).toContain('Web Company 1');
    await runner.run({ kind: 'url', url: 'https://data.example.org/d.json' });
    expect(await ids()).not.toContain('web-co-1');
    expect(await merged()).toContain('Web Company 1');
  });

  it('are given to the knowledge build too, so the names they add are read in the articles', async () => {
    const seen: unknown[] = [];
    const deps = fakeDeps();
    const runner = new SyncRunner({ ...deps, buildDataset: (input) => (seen.push(input.corrections), deps.buildDataset(input)) });
    await runner.run({ kind: 'bundled' });
    const alias: Correction = { kind: 'alias', companyId: 'bundled-co-0', companyName: 'Bundled Company 0', alias: 'BCZ' };
    await runner.correct({ add: [alias] });
    expect(seen).toEqual([[], [alias]]);
  });
});
