import type { Table } from 'dexie';
import type { CompanyLensDB, GenerationRow } from './db';
import { planUpdate, positionsOf, ROW_TABLES, type Written } from './delta';
import { activeGeneration } from './read';
import { abortIfCancelled, artifactRows, countsOf, writeDataset, type WriteHooks, type WriteInput } from './write';

/**
 * Storing the next dataset by changing the active generation in place, when it differs from the
 * one the worker wrote last by a few rows (a library article added or removed): the rows that
 * changed, the derived indexes and the generation's record go in one transaction, so readers see
 * the old dataset or the new one, never a mix, and the version (content hash) changes with it.
 * A larger change, or a store that moved on meanwhile, is written as a new generation instead.
 */

/** At most this share of the dataset's rows, and never more than MAX_ROWS, are changed in place. */
const MAX_SHARE = 0.1;
const MAX_ROWS = 20_000;

export interface Stored {
  row: GenerationRow;
  written: Written;
  /** 'update' when the active generation was changed in place. */
  how: 'update' | 'new generation';
}

/** Stores `input`: in place over `previous` when that pays, else as a new generation (write.ts). */
export async function storeDataset(db: CompanyLensDB, previous: Written | undefined, input: WriteInput, hooks: WriteHooks = {}): Promise<Stored> {
  const updated = previous ? await updateInPlace(db, previous, input, hooks) : null;
  if (updated) return updated;
  const row = await writeDataset(db, input, hooks);
  return { row, written: { gen: row.gen, dataset: input.dataset, positions: positionsOf(input.dataset) }, how: 'new generation' };
}

async function updateInPlace(db: CompanyLensDB, previous: Written, input: WriteInput, hooks: WriteHooks): Promise<Stored | null> {
  const plan = planUpdate(previous, input.dataset);
  const rows = Object.values(countsOf(input.dataset)).reduce((a, b) => a + b, 0);
  if (!plan || plan.size > Math.min(MAX_ROWS, rows * MAX_SHARE)) return null;
  hooks.onProgress?.(0, plan.size);
  const derived = 'derive' in input ? await input.derive() : input;
  abortIfCancelled(hooks.signal);
  await hooks.beforeSwitch?.();
  const tables: Table[] = [db.meta, db.generations, db.artifacts, ...ROW_TABLES.map((t) => db.table(t)), ...(hooks.atSwitch?.tables ?? [])];
  const row = await db.transaction('rw', tables, async () => {
    const active = await activeGeneration(db);
    // Another writer (a second worker, a restore) changed the store since `previous` was written.
    if (active?.gen !== previous.gen || active.meta.contentHash !== previous.dataset.meta.contentHash) return null;
    for (const table of ROW_TABLES) {
      const { deletes, puts } = plan.tables[table];
      if (deletes.length > 0) await db.table(table).bulkDelete(deletes);
      if (puts.length > 0) await db.table(table).bulkPut(puts);
    }
    if (!input.base) await db.artifacts.delete([active.gen, 'base']);
    await db.artifacts.bulkPut(artifactRows(active.gen, derived, input.base));
    const next: GenerationRow = { ...active, sourceKind: input.sourceKind, meta: { ...input.dataset.meta }, counts: countsOf(input.dataset), syncedAt: Date.now() };
    if (input.http) next.http = input.http;
    else delete next.http;
    await db.generations.put(next);
    await hooks.atSwitch?.run();
    return next;
  });
  if (!row) return null;
  return { row, written: { gen: row.gen, dataset: input.dataset, positions: plan.positions }, how: 'update' };
}
