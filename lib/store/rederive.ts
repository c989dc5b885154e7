import type { Table } from 'dexie';
import type { ArtifactRow, CompanyLensDB, GenerationRow } from './db';
import { activeGeneration } from './read';

/**
 * Deriving an artifact (the lexicon, the search index) again from the active dataset's stored
 * rows. Artifacts are derived data: when an update changes their format, or a worker stopped
 * before it stored one, they can be rebuilt from the rows instead of waiting for the user to sync.
 * The source rows are read in one transaction with the active pointer, and the result is written
 * back only if that generation is still the active one, unchanged: a sync that switched datasets meanwhile
 * stored its own artifacts, which must not be overwritten with ones of the old dataset.
 */

export interface Rederivation<S, V> {
  db: CompanyLensDB;
  /** The tables `read` looks at, besides the pointer and the generations. */
  tables: (db: CompanyLensDB) => Table[];
  /** Reads the source rows of `gen`, inside the read transaction. */
  read(db: CompanyLensDB, gen: GenerationRow): Promise<S>;
  build(source: S, gen: GenerationRow): V | Promise<V>;
  /** The artifact row to store for `value`. */
  row(gen: number, value: V): ArtifactRow;
}

export interface Rederived<V> {
  gen: GenerationRow;
  value: V;
  /** False when another dataset became active while `build` ran, so nothing was stored. */
  stored: boolean;
}

/** Null when the store has no active dataset. */
export async function rederiveArtifact<S, V>(job: Rederivation<S, V>): Promise<Rederived<V> | null> {
  const { db } = job;
  const source = await db.transaction('r', [db.meta, db.generations, ...job.tables(db)], async () => {
    const active = await activeGeneration(db);
    return active ? { gen: active, data: await job.read(db, active) } : null;
  });
  if (!source) return null;
  const value = await job.build(source.data, source.gen);
  const stored = await db.transaction('rw', [db.meta, db.generations, db.artifacts], async () => {
    const active = await activeGeneration(db);
    // A library change updates the active generation in place: its content hash tells.
    if (active?.gen !== source.gen.gen || active.meta.contentHash !== source.gen.meta.contentHash) return false;
    await db.artifacts.put(job.row(source.gen.gen, value));
    return true;
  });
  return { gen: source.gen, value, stored };
}
