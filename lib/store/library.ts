import type { CompanyLensDB, LibraryRow } from './db';

/**
 * The user's library in the store. An import or removal is staged first and made visible in
 * the same small transaction that switches to the dataset built with it (lib/store/write.ts), so
 * a cancelled or failed import leaves the library exactly as it was.
 */

/** A staged change: rows added (marked pending) and ids removed, applied together at the switch. */
export interface LibraryChange {
  importId: number;
  add: LibraryRow[];
  remove: string[];
}

const isCommitted = (row: LibraryRow) => row.pending === undefined;

/** IndexedDB's order of the library's `addedAt` index: by time added, then by id. */
export const byStoreOrder = (a: LibraryRow, b: LibraryRow) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The library after a change committed, in the order the store reads it back. */
export function applyLibraryChange(rows: readonly LibraryRow[], change: LibraryChange): LibraryRow[] {
  const removed = new Set(change.remove);
  return [...rows.filter((r) => !removed.has(r.id)), ...change.add].sort(byStoreOrder);
}

/** Every article of the library as it stands (staged rows excluded). */
export async function libraryRows(db: CompanyLensDB): Promise<LibraryRow[]> {
  return (await db.library.orderBy('addedAt').toArray()).filter(isCommitted);
}

/** Ids of the library's articles, to skip one already there. */
export async function libraryIds(db: CompanyLensDB): Promise<Set<string>> {
  const rows = await libraryRows(db);
  return new Set(rows.map((r) => r.id));
}

/** The library after `change`, as the build sees it. */
export async function libraryAfter(db: CompanyLensDB, change: LibraryChange | undefined): Promise<LibraryRow[]> {
  const rows = await libraryRows(db);
  if (!change) return rows;
  const removed = new Set(change.remove);
  return [...rows.filter((r) => !removed.has(r.id)), ...change.add];
}

export async function stageLibraryChange(db: CompanyLensDB, change: LibraryChange): Promise<void> {
  if (change.add.length > 0) await db.library.bulkAdd(change.add.map((row) => ({ ...row, pending: change.importId })));
}

/** Runs inside the switch transaction: the staged rows become the library's. */
export async function commitLibraryChange(db: CompanyLensDB, change: LibraryChange): Promise<void> {
  await db.library.where('pending').equals(change.importId).modify((row) => void delete row.pending);
  if (change.remove.length > 0) await db.library.bulkDelete(change.remove);
}

/** Deletes staged rows: of one import that failed, or (no id) of imports a stopped worker left. */
export async function discardStaged(db: CompanyLensDB, importId?: number): Promise<number> {
  const staged = importId === undefined ? db.library.where('pending').above(-Infinity) : db.library.where('pending').equals(importId);
  return staged.delete();
}
