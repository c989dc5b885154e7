import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompanyLensDB, SCHEMA_V1, setDbForTests } from './db';
import { getCompany, getStatus } from './read';
import { getNote, listStars } from './user';

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
    expect({ version: db.verno, tables }).toEqual(fixture('v2-upgraded.golden.json'));

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
});
