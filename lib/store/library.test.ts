import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CompanyLensDB, LibraryRow } from './db';
import { commitLibraryChange, discardStaged, libraryAfter, libraryIds, libraryRows, stageLibraryChange } from './library';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
useFreshDb('library-test', (fresh) => (db = fresh));

const article = (id: string, addedAt: number): LibraryRow => ({ id, title: `Title ${id}`, body: `Body ${id}`, tags: [], origin: `${id}.txt`, addedAt });
const ids = (rows: LibraryRow[]) => rows.map((r) => r.id);

describe('library rows in the store', () => {
  it('lists committed articles in the order they were added, leaving staged ones out', async () => {
    await db.library.bulkAdd([article('b', 20), article('a', 10), { ...article('staged', 5), pending: 1 }]);
    expect(ids(await libraryRows(db))).toEqual(['a', 'b']);
    expect(await libraryIds(db)).toEqual(new Set(['a', 'b']));
  });

  it('stages added rows as pending and commits them with the removals at the switch', async () => {
    await db.library.bulkAdd([article('old', 1), article('gone', 2)]);
    const change = { importId: 7, add: [article('new', 3)], remove: ['gone'] };
    expect(ids(await libraryAfter(db, change))).toEqual(['old', 'new']);
    expect(ids(await libraryAfter(db, undefined))).toEqual(['old', 'gone']);
    await stageLibraryChange(db, change);
    expect((await db.library.get('new'))?.pending).toBe(7);
    // Staged, the article is not the library's yet.
    expect(ids(await libraryRows(db))).toEqual(['old', 'gone']);
    await commitLibraryChange(db, change);
    expect(ids(await libraryRows(db))).toEqual(['old', 'new']);
    expect(await db.library.get('new')).not.toHaveProperty('pending');
  });

  it('staging nothing writes nothing, and committing no removal keeps every row', async () => {
    await db.library.add(article('kept', 1));
    const change = { importId: 3, add: [], remove: [] };
    await stageLibraryChange(db, change);
    await commitLibraryChange(db, change);
    expect(ids(await libraryRows(db))).toEqual(['kept']);
  });

  it('discards the staged rows of one import, or of every import', async () => {
    await db.library.bulkAdd([article('kept', 1), { ...article('one', 2), pending: 1 }, { ...article('two', 3), pending: 2 }, { ...article('three', 4), pending: 2 }]);
    expect(await discardStaged(db, 2)).toBe(2);
    expect((await db.library.toArray()).map((r) => r.id).sort()).toEqual(['kept', 'one']);
    await db.library.add({ ...article('four', 5), pending: 0 });
    expect(await discardStaged(db)).toBe(2);
    expect(ids(await db.library.toArray())).toEqual(['kept']);
  });
});
