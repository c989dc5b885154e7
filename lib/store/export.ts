import Dexie from 'dexie';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../dataset/schema';
import { getDb } from './db';
import { activeGeneration } from './read';

/**
 * Rebuilds the active dataset from the store, in the dataset format and in its original order,
 * so an export can be synced back (or diffed against the build) unchanged.
 */
export async function readActiveDataset(): Promise<Dataset | null> {
  const db = getDb();
  const tables = [db.companies, db.articles, db.mentions, db.facts, db.people, db.relations];
  return db.transaction('r', [db.meta, db.generations, ...tables], async () => {
    const active = await activeGeneration(db);
    if (!active) return null;
    const all = async <T extends { n: number }>(table: Dexie.Table<T>, key: string) => {
      const rows = await table.where(key).between([active.gen, Dexie.minKey], [active.gen + 1, Dexie.minKey], true, false).toArray();
      return rows.sort((a, b) => a.n - b.n).map(({ gen: _g, n: _n, ck: _c, ...rest }: T & { gen?: number; ck?: unknown }) => rest);
    };
    const [companies, articles, mentions, facts, people, relations] = await Promise.all([
      all(db.companies, '[gen+id]'),
      all(db.articles, '[gen+id]'),
      all(db.mentions, '[gen+n]'),
      all(db.facts, '[gen+id]'),
      all(db.people, '[gen+id]'),
      all(db.relations, '[gen+a+b]'),
    ]);
    return { format: DATASET_FORMAT, version: DATASET_VERSION, meta: { ...active.meta }, companies, articles, mentions, facts, people, relations } as Dataset;
  });
}

/** The active dataset as JSON text, or null when the store is empty. */
export async function exportDataset(): Promise<string | null> {
  const dataset = await readActiveDataset();
  return dataset ? JSON.stringify(dataset) : null;
}
