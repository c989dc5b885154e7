import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompanyLensDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, setDbForTests } from './db';
import { storedCorrections } from './corrections';
import { libraryRows } from './library';
import { getCompany, getLinksFor, getStatus } from './read';
import { getNote, listStars } from './user';

/** The schema version the extension opens today. */
const LATEST = 5;

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('schema upgrades', () => {
  it('upgrades a database written by version 1 to the golden content', async () => {
    const name = 'upgrade-from-v1';
    // Write the database exactly as version 1 of the extension would have.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const content = fixture('v1-database.json') as Record<string, object[]>;
    await v1.transaction('rw', v1.tables, async () => {
      for (const [table, rows] of Object.entries(content)) await v1.table(table).bulkAdd(rows);
    });
    v1.close();

    const db = new CompanyLensDB(name);
    await db.open();
    const tables: Record<string, unknown[]> = {};
    for (const table of [...db.tables].sort((a, b) => (a.name < b.name ? -1 : 1))) tables[table.name] = await table.toArray();
    expect({ version: db.verno, tables }).toEqual(fixture('v5-upgraded.golden.json'));

    // And the read API works on the upgraded database.
    setDbForTests(db);
    try {
      expect(await getStatus()).toMatchObject({ companies: 1, articles: 1, version: 'abc:1', syncedAt: 2000 });
      expect((await getCompany('acme'))?.name).toBe('Acme Corp');
      expect(await listStars()).toEqual([{ companyId: 'acme', starredAt: 3000 }]);
      expect((await getNote('acme'))?.text).toBe('Check their Q3.');
    } finally {
      setDbForTests(undefined);
      db.close();
    }
  });

  it('upgrades a version 2 database to version 3 with an empty library, keeping its dataset and sync log', async () => {
    const name = 'upgrade-from-v2';
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const content = fixture('v1-database.json') as Record<string, object[]>;
    await v2.transaction('rw', v2.tables, async () => {
      for (const [table, rows] of Object.entries(content)) await v2.table(table).bulkAdd(rows);
      await v2.table('syncLog').add({ startedAt: 1, finishedAt: 2, source: 'bundled seed corpus', sourceKind: 'bundled', outcome: 'ok' });
    });
    const before: Record<string, unknown[]> = {};
    for (const table of v2.tables) before[table.name] = await table.toArray();
    v2.close();

    const db = new CompanyLensDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await libraryRows(db)).toEqual([]);
    await db.library.add({ id: 'lib-1', title: 'T', body: 'B', tags: [], origin: 'a.txt', addedAt: 5 });
    expect((await libraryRows(db)).map((r) => r.id)).toEqual(['lib-1']);
    db.close();
  });

  it('upgrades a version 3 database to version 4 with no typed relations, keeping everything else', async () => {
    const name = 'upgrade-from-v3';
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const content = fixture('v1-database.json') as Record<string, object[]>;
    await v3.transaction('rw', v3.tables, async () => {
      for (const [table, rows] of Object.entries(content)) await v3.table(table).bulkAdd(rows);
      await v3.table('library').add({ id: 'lib-1', title: 'T', body: 'B', tags: [], origin: 'a.txt', addedAt: 5 });
    });
    const before: Record<string, unknown[]> = {};
    for (const table of v3.tables) before[table.name] = await table.toArray();
    v3.close();

    const db = new CompanyLensDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await db.links.count()).toBe(0);
    setDbForTests(db);
    try {
      // The dataset written before links reads as a company with none.
      expect(await getLinksFor('acme')).toEqual([]);
    } finally {
      setDbForTests(undefined);
      db.close();
    }
  });

  it('upgrades a version 4 database to version 5 with no corrections, keeping everything else', async () => {
    const name = 'upgrade-from-v4';
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    const content = fixture('v1-database.json') as Record<string, object[]>;
    await v4.transaction('rw', v4.tables, async () => {
      for (const [table, rows] of Object.entries(content)) await v4.table(table).bulkAdd(rows);
      await v4.table('library').add({ id: 'lib-1', title: 'T', body: 'B', tags: [], origin: 'a.txt', addedAt: 5 });
    });
    const before: Record<string, unknown[]> = {};
    for (const table of v4.tables) before[table.name] = await table.toArray();
    v4.close();

    const db = new CompanyLensDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await storedCorrections(db)).toEqual([]);
    await db.corrections.add({ kind: 'not-organisation', companyId: 'acme', companyName: 'Acme Corp', createdAt: 7 });
    expect(await storedCorrections(db)).toEqual([{ id: 1, kind: 'not-organisation', companyId: 'acme', companyName: 'Acme Corp', createdAt: 7 }]);
    db.close();
  });
});
