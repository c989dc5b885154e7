import Dexie from 'dexie';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../dataset/schema';
import { getDb, type CompanyLensDB, type GenerationRow } from './db';
import { activeGeneration } from './read';

/** The tables a whole dataset is read from, for callers that open their own transaction. */
export const datasetTables = (db: CompanyLensDB) => [db.companies, db.articles, db.mentions, db.facts, db.people, db.relations, db.links];

/**
 * Rebuilds one stored generation in the dataset format and in its original order. Runs inside
 * the caller's transaction over `datasetTables`, so the rows all belong to one snapshot.
 */
export async function readGeneration(db: CompanyLensDB, gen: GenerationRow): Promise<Dataset> {
  const all = async <T extends { n: number }>(table: Dexie.Table<T>, key: string) => {
    const rows = await table.where(key).between([gen.gen, Dexie.minKey], [gen.gen + 1, Dexie.minKey], true, false).toArray();
    return rows.sort((a, b) => a.n - b.n).map(({ gen: _g, n: _n, ck: _c, ...rest }: T & { gen?: number; ck?: unknown }) => rest);
  };
  const [companies, articles, mentions, facts, people, relations, links] = await Promise.all([
    all(db.companies, '[gen+id]'),
    all(db.articles, '[gen+id]'),
    all(db.mentions, '[gen+n]'),
    all(db.facts, '[gen+id]'),
    all(db.people, '[gen+id]'),
    all(db.relations, '[gen+a+b]'),
    all(db.links, '[gen+n]'),
  ]);
  // Datasets written before typed relations had none; they export as they came.
  return { format: DATASET_FORMAT, version: DATASET_VERSION, meta: { ...gen.meta }, companies, articles, mentions, facts, people, relations, ...(links.length ? { links } : {}) } as Dataset;
}

/**
 * Rebuilds the active dataset from the store, in the dataset format and in its original order,
 * so an export can be synced back (or diffed against the build) unchanged.
 */
export async function readActiveDataset(): Promise<Dataset | null> {
  const db = getDb();
  return db.transaction('r', [db.meta, db.generations, ...datasetTables(db)], async () => {
    const active = await activeGeneration(db);
    return active ? readGeneration(db, active) : null;
  });
}

/** The active dataset as JSON text, or null when the store is empty. */
export async function exportDataset(): Promise<string | null> {
  const dataset = await readActiveDataset();
  return dataset ? JSON.stringify(dataset) : null;
}
