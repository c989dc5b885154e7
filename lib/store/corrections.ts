import { Correction, type StoredCorrection } from '../corrections/schema';
import type { CompanyLensDB } from './db';
import * as z from 'zod/mini';

/**
 * The user's corrections in the store. Like a library import, a change to them is made visible
 * in the same small transaction that switches to the dataset built with it (lib/store/write.ts):
 * a rebuild that fails or is cancelled leaves both the corrections and the dataset as they were.
 */

/** A change to the list: corrections removed (undone), corrections added after the rest. */
export interface CorrectionChange {
  add?: Correction[];
  undo?: number[];
  /** Every stored correction goes first (a backup's corrections replace them). */
  replace?: boolean;
}

/**
 * Every stored correction in the order they are applied. A row that no longer parses (written
 * by hand, or by a later version) is left out with a warning rather than failing every build.
 */
export async function storedCorrections(db: CompanyLensDB): Promise<StoredCorrection[]> {
  const rows = await db.corrections.orderBy('id').toArray();
  return rows.filter((row) => {
    const { id: _, createdAt: __, ...rest } = row;
    const ok = z.safeParse(Correction, rest).success && Number.isInteger(row.id);
    if (!ok) console.warn('[company-lens] a stored correction is not readable and is left out', row.id);
    return ok;
  });
}

/** The corrections without their row fields, as the build applies them. */
export const withoutRowFields = (rows: readonly StoredCorrection[]): Correction[] => rows.map(({ id: _, createdAt: __, ...c }) => c);

/** The list after `change`, as the build sees it. */
export function correctionsAfter(rows: readonly StoredCorrection[], change: CorrectionChange | undefined): Correction[] {
  const undone = new Set(change?.undo ?? []);
  const kept = change?.replace ? [] : withoutRowFields(rows.filter((r) => !undone.has(r.id)));
  return [...kept, ...(change?.add ?? [])];
}

/** Runs inside the switch transaction. */
export async function commitCorrectionChange(db: CompanyLensDB, change: CorrectionChange, now: number): Promise<void> {
  if (change.replace) await db.corrections.clear();
  else if (change.undo?.length) await db.corrections.bulkDelete(change.undo);
  if (change.add?.length) await db.corrections.bulkAdd(change.add.map((c) => ({ ...c, createdAt: now })));
}
