import Dexie from 'dexie';
import type { Dataset } from '../dataset/schema';
import type { LexiconPayload } from '../detect/lexicon';
import { DATASET_TABLES, type CompanyLensDB, type DatasetCounts, type GenerationRow, type SourceKind } from './db';
import { activeGeneration } from './read';

/**
 * Writing a dataset: rows go into a fresh generation in batches (one transaction each, so the
 * worker never holds a huge transaction and progress can be reported), then one small
 * transaction moves the `active` pointer, then the old generation is deleted. A worker stopped
 * at any point leaves either an unfinished generation nobody reads (deleted on the next start by
 * `discardUnfinished`) or an old generation already switched away from (deleted the same way).
 */

export const BATCH_SIZE = 1_000;

export interface WriteInput {
  dataset: Dataset;
  sourceKind: SourceKind;
  lexicon: LexiconPayload;
  searchIndex: string;
  http?: GenerationRow['http'];
}

export interface WriteHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Called just before the switch; tests use it to fail at that exact point. */
  beforeSwitch?: () => void | Promise<void>;
}

export function countsOf(dataset: Dataset): DatasetCounts {
  return {
    companies: dataset.companies.length,
    articles: dataset.articles.length,
    facts: dataset.facts.length,
    people: dataset.people.length,
    relations: dataset.relations.length,
    mentions: dataset.mentions.length,
  };
}

function rowsFor(table: (typeof DATASET_TABLES)[number], gen: number, input: WriteInput): object[] {
  const d = input.dataset;
  const tag = <T extends object>(rows: T[]) => rows.map((row, n) => ({ ...row, gen, n }));
  switch (table) {
    case 'companies': return tag(d.companies);
    case 'articles': return tag(d.articles);
    case 'facts': return tag(d.facts);
    case 'people': return tag(d.people).map((p) => ({ ...p, ck: p.companyIds.map((c) => `${gen}:${c}`) }));
    case 'relations': return tag(d.relations);
    case 'mentions': return tag(d.mentions);
    case 'artifacts':
      return [
        { gen, name: 'lexicon', value: input.lexicon },
        { gen, name: 'search', value: input.searchIndex },
      ];
  }
}

type Part = { name: string; rows: object[] };

/** Cuts the tables' rows into transactions of at most BATCH_SIZE rows, several tables to one. */
function* chunks(tables: Part[]): Generator<Part[]> {
  let chunk: Part[] = [];
  let size = 0;
  for (const { name, rows } of tables) {
    for (let i = 0; i < rows.length; ) {
      const take = Math.min(BATCH_SIZE - size, rows.length - i);
      chunk.push({ name, rows: rows.slice(i, i + take) });
      size += take;
      i += take;
      if (size === BATCH_SIZE) {
        yield chunk;
        chunk = [];
        size = 0;
      }
    }
  }
  if (size > 0) yield chunk;
}

function abortIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Cancelled', 'AbortError');
}

/** Writes `input` as a new generation and makes it active. Returns the new generation row. */
export async function writeDataset(db: CompanyLensDB, input: WriteInput, hooks: WriteHooks = {}): Promise<GenerationRow> {
  const last = await db.generations.orderBy('gen').last();
  const row: GenerationRow = {
    gen: (last?.gen ?? 0) + 1,
    state: 'writing',
    startedAt: Date.now(),
    sourceKind: input.sourceKind,
    meta: { ...input.dataset.meta },
    counts: countsOf(input.dataset),
    ...(input.http ? { http: input.http } : {}),
  };
  // The generation is registered before any row so that a stopped worker's rows can be found.
  await db.generations.add(row);
  try {
    const tables = DATASET_TABLES.map((name) => ({ name, rows: rowsFor(name, row.gen, input) }));
    const total = tables.reduce((sum, t) => sum + t.rows.length, 0);
    let done = 0;
    hooks.onProgress?.(0, total);
    for (const chunk of chunks(tables)) {
      abortIfCancelled(hooks.signal);
      // Small tables share a transaction: each commit costs more than writing a few hundred rows.
      await db.transaction('rw', chunk.map((part) => part.name), async () => {
        for (const part of chunk) await db.table(part.name).bulkAdd(part.rows);
      });
      done += chunk.reduce((sum, part) => sum + part.rows.length, 0);
      hooks.onProgress?.(done, total);
    }
    abortIfCancelled(hooks.signal);
    await hooks.beforeSwitch?.();
    await db.transaction('rw', [db.meta, db.generations], async () => {
      row.state = 'ready';
      row.syncedAt = Date.now();
      await db.generations.put(row);
      await db.meta.put({ key: 'active', gen: row.gen });
    });
  } catch (error) {
    await deleteGeneration(db, row.gen).catch((cleanup) => console.warn('[company-lens] could not discard a failed generation', cleanup));
    throw error;
  }
  await discardUnfinished(db);
  return row;
}

/** Deletes every row of one generation, table by table, then its registration. */
export async function deleteGeneration(db: CompanyLensDB, gen: number): Promise<void> {
  for (const name of DATASET_TABLES) {
    const index = name === 'relations' ? '[gen+a+b]' : name === 'mentions' ? '[gen+n]' : name === 'artifacts' ? '[gen+name]' : '[gen+id]';
    // A two-part range covers every key starting with `gen`, whatever the key's length.
    await db.table(name).where(index).between([gen, Dexie.minKey], [gen + 1, Dexie.minKey], true, false).delete();
  }
  await db.generations.delete(gen);
}

/**
 * Deletes every generation that is not the active one: unfinished writes of a stopped worker and
 * old datasets a stopped worker switched away from but did not get to delete. Returns how many
 * unfinished ('writing') generations there were, so the caller can log the interruption.
 */
export async function discardUnfinished(db: CompanyLensDB): Promise<number> {
  const { active, all } = await db.transaction('r', [db.meta, db.generations], async () => ({
    active: await activeGeneration(db),
    all: await db.generations.toArray(),
  }));
  let unfinished = 0;
  for (const gen of all) {
    if (gen.gen === active?.gen) continue;
    if (gen.state === 'writing') unfinished++;
    await deleteGeneration(db, gen.gen);
  }
  return unfinished;
}
