import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Correction, StoredCorrection } from '../corrections/schema';
import type { CompanyLensDB } from './db';
import { commitCorrectionChange, correctionsAfter, storedCorrections, withoutRowFields } from './corrections';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
useFreshDb('corrections-store-test', (fresh) => (db = fresh));
afterEach(() => vi.restoreAllMocks());

const notOrg = (companyId: string): Correction => ({ kind: 'not-organisation', companyId, companyName: `Name of ${companyId}` });
const stored = (id: number, companyId: string): StoredCorrection => ({ ...notOrg(companyId), id, createdAt: 100 + id });

describe('corrections in the store', () => {
  it('reads the stored corrections in the order they were made, leaving unreadable rows out with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.corrections.bulkAdd([
      { ...notOrg('a'), createdAt: 1 },
      { kind: 'no-such-kind', companyId: 'x', createdAt: 2 } as unknown as StoredCorrection,
      { ...notOrg('b'), createdAt: 3 },
    ]);
    expect((await storedCorrections(db)).map((c) => [c.id, c.companyId])).toEqual([[1, 'a'], [3, 'b']]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toContain(2);
  });

  it('leaves out a row whose id is not a whole number', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await db.corrections.put({ ...stored(0, 'a'), id: 1.5 });
    await db.corrections.put(stored(2, 'b'));
    expect((await storedCorrections(db)).map((c) => c.id)).toEqual([2]);
  });

  it('computes the list a change leads to: undone ones out, added ones last, or all replaced', () => {
    const rows = [stored(1, 'a'), stored(2, 'b'), stored(3, 'c')];
    expect(withoutRowFields(rows)).toEqual([notOrg('a'), notOrg('b'), notOrg('c')]);
    expect(correctionsAfter(rows, undefined)).toEqual([notOrg('a'), notOrg('b'), notOrg('c')]);
    expect(correctionsAfter(rows, { undo: [2], add: [notOrg('d')] })).toEqual([notOrg('a'), notOrg('c'), notOrg('d')]);
    expect(correctionsAfter(rows, { replace: true, add: [notOrg('e')] })).toEqual([notOrg('e')]);
  });

  it('commits a change: undone rows deleted, added rows stamped, or everything replaced', async () => {
    await db.corrections.bulkAdd([{ ...notOrg('a'), createdAt: 1 }, { ...notOrg('b'), createdAt: 2 }]);
    await commitCorrectionChange(db, { undo: [1], add: [notOrg('c')] }, 50);
    expect((await db.corrections.toArray()).map((c) => [c.companyId, c.createdAt])).toEqual([['b', 2], ['c', 50]]);
    await commitCorrectionChange(db, {}, 60);
    expect(await db.corrections.count()).toBe(2);
    await commitCorrectionChange(db, { replace: true, undo: [2], add: [notOrg('d')] }, 70);
    expect((await db.corrections.toArray()).map((c) => [c.companyId, c.createdAt])).toEqual([['d', 70]]);
    await commitCorrectionChange(db, { replace: true }, 80);
    expect(await db.corrections.count()).toBe(0);
  });
});
