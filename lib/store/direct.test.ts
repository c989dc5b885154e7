import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../detect/lexicon';
import { CompanyLensDB, setDbForTests } from './db';
import { readSearchIndexDirect } from './direct';
import { makeDataset } from '../../test/support/datasets';
import { useFreshDb } from '../../test/support/fresh-db';
import { writeDataset } from './write';

let db: CompanyLensDB;
useFreshDb('direct-read-test', (fresh) => (db = fresh));

const store = (tag: string, searchIndex: string) => {
  const dataset = makeDataset(tag);
  return writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex }) });
};

describe('reading the search index without Dexie', () => {
  it("reads the active dataset's index and its version, never an older one", async () => {
    await store('first', 'index of the first dataset');
    const second = await store('second', 'index of the second');
    const stored = await readSearchIndexDirect();
    expect(stored?.version).toBe(`${second.meta.contentHash}:${second.gen}`);
    expect(await stored?.blob.text()).toBe('index of the second');
  });

  it('treats a stored value that is not a Blob as no index', async () => {
    const gen = await store('third', 'index');
    await db.table('artifacts').put({ gen: gen.gen, name: 'search', value: 'a string' });
    expect(await readSearchIndexDirect()).toBeNull();
  });

  it('is null without a dataset, and does not create a missing database', async () => {
    expect(await readSearchIndexDirect()).toBeNull();
    const missing = new CompanyLensDB(`never-created-${Date.now()}`);
    setDbForTests(missing);
    expect(await readSearchIndexDirect()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(missing.name);
    setDbForTests(db);
  });
});
