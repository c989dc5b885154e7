import { letMessagesIn } from '../util/yield';
import Dexie, { type Table } from 'dexie';
import type { Dataset } from '../dataset/schema';
import type { LexiconPayload } from '../detect/lexicon';
import { DATASET_TABLES, type ArtifactRow, type CompanyLensDB, type DatasetCounts, type GenerationRow, type SourceKind } from './db';
import { listOf, ROW_TABLES, storedRow, type RowTable } from './delta';
import { activeGeneration } from './read';
import { quickLayoutOf } from '../search/artifact';

/**
 * Writing a dataset: rows go into a fresh generation in batches (one transaction each, so the
 * worker never holds a huge transaction and progress can be reported), then one small
 * transaction moves the `active` pointer, then the old generation is deleted. A worker stopped
 * at any point leaves either an unfinished generation nobody reads (deleted on the next start by
 * `discardUnfinished`) or an old generation already switched away from (deleted the same way).
 */

export const BATCH_SIZE = 1_000;
/** Write transactions queued at once, until the last rows (see DERIVE_COVER). */
const IN_FLIGHT = 8;
/**
 * The share of rows queued all at once at the end, just before the indexes are derived: deriving
 * holds the worker (1.4 s at 100k companies), and these rows keep IndexedDB busy meanwhile.
 * Deriving takes time in proportion to the dataset, so the cover is a share of it.
 */
const DERIVE_COVER = 0.25;

export interface Derived {
  lexicon: LexiconPayload;
  searchIndex: string;
}

/**
 * A dataset to write, with its derived indexes either ready (`lexicon`, `searchIndex`) or as a
 * `derive` function. The sync passes the function: it is called after the row writes are queued,
 * so its CPU work overlaps with IndexedDB committing them.
 */
export type WriteInput = {
  dataset: Dataset;
  sourceKind: SourceKind;
  http?: GenerationRow['http'];
  /** The synced dataset's text before the library was joined in (see ArtifactRow 'base'). */
  base?: Blob;
} & ({ derive(): Derived | Promise<Derived> } | Derived);

export interface WriteHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Called just before the switch; tests use it to fail at that exact point. */
  beforeSwitch?: () => void | Promise<void>;
  /**
   * Leaves the previous generation for the caller to delete (`discardUnfinished`) after it has
   * answered: at 100k companies the deletion takes about a second, and nobody reads the old rows
   * once the switch is made. A worker stopped before that deletes them on its next start.
   */
  deferCleanup?: boolean;
  /**
   * Work done inside the switch transaction, on `tables` besides the pointer: the library's
   * staged articles become the library's in the same commit that makes the dataset built
   * with them active, so neither is ever seen without the other.
   */
  atSwitch?: { tables: Table[]; run(): Promise<void> };
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

function rowsFor(table: RowTable, gen: number, input: WriteInput): object[] {
  return listOf(input.dataset, table).map((row, n) => storedRow(table, gen, row, n));
}

/** The derived rows of a generation: the lexicon, the search index and the synced dataset's text. */
export function artifactRows(gen: number, { lexicon, searchIndex }: Derived, base: Blob | undefined): ArtifactRow[] {
  // The search index is kept as a Blob: reading a Blob row costs the popup nothing until it
  // reads slices of it (its small quick part first), where a string row of tens of MB is
  // decoded all at once on the page's main thread.
  return [
    { gen, name: 'lexicon', value: lexicon },
    { gen, name: 'search', value: new Blob([searchIndex]), ...quickLayoutOf(searchIndex) },
    ...(base ? [{ gen, name: 'base' as const, value: base }] : []),
  ];
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

/**
 * Adds rows with the bare IndexedDB API: per-row work in Dexie's bulkAdd (key extraction for
 * change tracking) made large syncs much slower than IndexedDB itself, and nothing observes
 * these rows until the switch. Relaxed durability is safe here for the same reason: a batch lost
 * in a crash belongs to an unfinished generation, which the next start deletes.
 */
function addRows(idb: IDBDatabase, chunk: Part[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(chunk.map((part) => part.name), 'readwrite', { durability: 'relaxed' });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted', 'AbortError'));
    for (const part of chunk) {
      const store = tx.objectStore(part.name);
      for (const row of part.rows) store.add(row);
    }
    // Committing now, rather than when this worker next gets to its event loop, lets IndexedDB
    // work through the queued batches while the worker is busy deriving the indexes.
    tx.commit();
  });
}


export function abortIfCancelled(signal: AbortSignal | undefined): void {
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
  // Batches are queued and committed as soon as they are built (see addRows), at most IN_FLIGHT at
  // a time; completions are counted as they come.
  const inflight: Promise<void>[] = [];
  try {
    const tables = ROW_TABLES.map((name) => ({ name, rows: rowsFor(name, row.gen, input) }));
    const total = tables.reduce((sum, t) => sum + t.rows.length, 0) + 2;
    let done = 0;
    const queue = (chunk: Part[]) => {
      const size = chunk.reduce((sum, part) => sum + part.rows.length, 0);
      const write = addRows(db.backendDB(), chunk).then(() => hooks.onProgress?.((done += size), total));
      // Marked handled now; the loop below still sees the failure when it reaches this batch.
      write.catch(() => undefined);
      inflight.push(write);
    };
    hooks.onProgress?.(0, total);
    let queued = 0;
    for (const chunk of chunks(tables)) {
      abortIfCancelled(hooks.signal);
      queue(chunk);
      queued += chunk.reduce((sum, part) => sum + part.rows.length, 0);
      // A few batches in flight keep IndexedDB busy; all 140 of a 100k-company dataset at once
      // held their serialised rows in memory and wrote about 10% slower (npm run bench, sync).
      if (inflight.length > IN_FLIGHT && queued < total * (1 - DERIVE_COVER)) await inflight[inflight.length - IN_FLIGHT];
    }
    const derived = 'derive' in input ? await input.derive() : input;
    abortIfCancelled(hooks.signal);
    queue([{ name: 'artifacts', rows: artifactRows(row.gen, derived, input.base) }]);
    // Awaited in order, so the first failure is the one reported.
    for (const write of inflight) {
      await write;
      abortIfCancelled(hooks.signal);
    }
    // The batches may all have finished while the indexes were derived: without this pause a
    // cancel sent meanwhile would only arrive after the switch.
    await letMessagesIn();
    abortIfCancelled(hooks.signal);
    await hooks.beforeSwitch?.();
    await db.transaction('rw', [db.meta, db.generations, ...(hooks.atSwitch?.tables ?? [])], async () => {
      row.state = 'ready';
      row.syncedAt = Date.now();
      await db.generations.put(row);
      await db.meta.put({ key: 'active', gen: row.gen });
      await hooks.atSwitch?.run();
    });
  } catch (error) {
    await Promise.allSettled(inflight);
    await deleteGeneration(db, row.gen).catch((cleanup) => console.warn('[company-lens] could not discard a failed generation', cleanup));
    throw error;
  }
  if (!hooks.deferCleanup) await discardUnfinished(db);
  return row;
}

/** The synced dataset under a generation, when it was built over one (not the bundled corpus). */
export async function baseOf(db: CompanyLensDB, gen: number): Promise<Blob | undefined> {
  const row = await db.artifacts.get([gen, 'base']);
  return row?.name === 'base' ? row.value : undefined;
}

/** Deletes every row of one generation, table by table, then its registration. */
export async function deleteGeneration(db: CompanyLensDB, gen: number): Promise<void> {
  for (const name of DATASET_TABLES) {
    const index = name === 'relations' ? '[gen+a+b]' : name === 'mentions' || name === 'links' ? '[gen+n]' : name === 'artifacts' ? '[gen+name]' : '[gen+id]';
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
