import Dexie, { type Table, type Transaction } from 'dexie';
import type { Article, Company, Fact, Link, Mention, Person, Relation } from '../dataset/schema';
import type { LexiconPayload } from '../detect/lexicon';
import { getDb, type CompanyLensDB, type GenerationRow } from './db';
import { versionOf } from './direct';

/**
 * Read API over the active dataset. Every function reads the active generation pointer and the
 * rows in ONE read transaction, so a sync switching generations at the same moment is seen
 * either entirely before or entirely after: never old companies with new facts.
 */

export interface DatasetStatus {
  companies: number;
  articles: number;
  facts: number;
  people: number;
  /** Where the dataset came from, in words ("bundled seed corpus", a URL, "your files"). */
  source: string;
  /** When the active dataset was switched in (ms since epoch), or null when the store is empty. */
  syncedAt: number | null;
  /** Identifies the active dataset: `${contentHash}:${generation}`, or '' when empty. */
  version: string;
}

export const EMPTY_STATUS: DatasetStatus = { companies: 0, articles: 0, facts: 0, people: 0, source: '', syncedAt: null, version: '' };

type Db = CompanyLensDB;

/** The active generation row, read inside the caller's transaction. */
export async function activeGeneration(db: Db): Promise<GenerationRow | undefined> {
  const pointer = await db.meta.get('active');
  if (pointer?.key !== 'active') return undefined;
  const gen = await db.generations.get(pointer.gen);
  return gen?.state === 'ready' ? gen : undefined;
}

export { versionOf };

/** Runs `read` in one read-only transaction over the pointer, the generations and `tables`. */
function inActive<T>(tables: (db: Db) => Table[], read: (gen: number, db: Db, tx: Transaction) => Promise<T>, empty: T): Promise<T> {
  const db = getDb();
  return db.transaction('r', [db.meta, db.generations, ...tables(db)], async (tx) => {
    const active = await activeGeneration(db);
    return active ? read(active.gen, db, tx) : empty;
  });
}

/**
 * Runs several reads of the read API as one snapshot. Each read is atomic on its own, but a card
 * or a profile makes several; without one transaction around them, a sync switching datasets in
 * between could pair the old description with the new facts (e2e/faults.e2e.ts). The nested
 * reads join this transaction because Dexie reuses the ambient one for the same tables.
 */
export function readSnapshot<T>(reads: () => Promise<T>): Promise<T> {
  const db = getDb();
  return db.transaction('r', [db.meta, db.generations, db.companies, db.facts, db.people, db.relations, db.links, db.articles, db.mentions], reads);
}

/** Removes the storage-only fields from a row. */
function strip<T>(row: (T & { gen: number; n: number; ck?: unknown }) | undefined): T | undefined {
  if (!row) return undefined;
  const { gen: _gen, n: _n, ck: _ck, ...rest } = row;
  return rest as unknown as T;
}

const byPosition = (a: { n: number }, b: { n: number }) => a.n - b.n;
/** Every key that starts with `gen`, whatever follows (ids are strings, positions numbers). */
const range = (gen: number) => [[gen, Dexie.minKey], [gen + 1, Dexie.minKey]] as const;

export async function getStatus(): Promise<DatasetStatus> {
  const db = getDb();
  return db.transaction('r', [db.meta, db.generations], async () => {
    const active = await activeGeneration(db);
    if (!active) return { ...EMPTY_STATUS };
    const { companies, articles, facts, people } = active.counts;
    return { companies, articles, facts, people, source: active.meta.source, syncedAt: active.syncedAt ?? null, version: versionOf(active) };
  });
}

export function getCompany(id: string): Promise<Company | null> {
  return inActive((db) => [db.companies], async (gen, db) => strip<Company>(await db.companies.get([gen, id])) ?? null, null);
}

/** Companies in the order of `ids`; unknown ids are skipped. */
export function getCompanies(ids: readonly string[]): Promise<Company[]> {
  return inActive(
    (db) => [db.companies],
    async (gen, db) => {
      const rows = await db.companies.bulkGet(ids.map((id) => [gen, id] as [number, string]));
      return rows.flatMap((row) => (row ? [strip<Company>(row)!] : []));
    },
    [],
  );
}

/** Every company, in dataset order. */
export function getAllCompanies(): Promise<Company[]> {
  return inActive(
    (db) => [db.companies],
    async (gen, db) => {
      const rows = await db.companies.where('[gen+id]').between(...range(gen), true, false).toArray();
      return rows.sort(byPosition).map((row) => strip<Company>(row)!);
    },
    [],
  );
}

export function getFactsFor(companyId: string): Promise<Fact[]> {
  return inActive(
    (db) => [db.facts],
    async (gen, db) => (await db.facts.where('[gen+companyId]').equals([gen, companyId]).toArray()).sort(byPosition).map((r) => strip<Fact>(r)!),
    [],
  );
}

export function getPeopleFor(companyId: string): Promise<Person[]> {
  return inActive(
    (db) => [db.people],
    async (gen, db) => (await db.people.where('ck').equals(`${gen}:${companyId}`).toArray()).sort(byPosition).map((r) => strip<Person>(r)!),
    [],
  );
}

/** Relations where the company is either side, heaviest first. */
export function getRelationsFor(companyId: string): Promise<Relation[]> {
  return inActive(
    (db) => [db.relations],
    async (gen, db) => {
      const [as, bs] = await Promise.all([
        db.relations.where('[gen+a]').equals([gen, companyId]).toArray(),
        db.relations.where('[gen+b]').equals([gen, companyId]).toArray(),
      ]);
      return [...as, ...bs].sort((x, y) => y.weight - x.weight || x.n - y.n).map((r) => strip<Relation>(r)!);
    },
    [],
  );
}

/** Facts in the order of `ids`; unknown ids are skipped (a typed relation's fact may be on either company). */
export function getFacts(ids: readonly string[]): Promise<Fact[]> {
  return inActive(
    (db) => [db.facts],
    async (gen, db) => {
      const rows = await db.facts.bulkGet(ids.map((id) => [gen, id] as [number, string]));
      return rows.flatMap((row) => (row ? [strip<Fact>(row)!] : []));
    },
    [],
  );
}

/** Typed relations from or to the company, in dataset order (a link to itself once). */
export function getLinksFor(companyId: string): Promise<Link[]> {
  return inActive(
    (db) => [db.links],
    async (gen, db) => {
      const [from, to] = await Promise.all([
        db.links.where('[gen+from]').equals([gen, companyId]).toArray(),
        db.links.where('[gen+to]').equals([gen, companyId]).toArray(),
      ]);
      const rows = new Map([...from, ...to].map((r) => [r.n, r]));
      return [...rows.values()].sort(byPosition).map((r) => strip<Link>(r)!);
    },
    [],
  );
}

export function getMentionsFor(companyId: string): Promise<Mention[]> {
  return inActive(
    (db) => [db.mentions],
    async (gen, db) => (await db.mentions.where('[gen+companyId]').equals([gen, companyId]).toArray()).sort(byPosition).map((r) => strip<Mention>(r)!),
    [],
  );
}

/** Articles in the order of `ids`; unknown ids are skipped. */
export function getArticles(ids: readonly string[]): Promise<Article[]> {
  return inActive(
    (db) => [db.articles],
    async (gen, db) => {
      const rows = await db.articles.bulkGet(ids.map((id) => [gen, id] as [number, string]));
      return rows.flatMap((row) => (row ? [strip<Article>(row)!] : []));
    },
    [],
  );
}

/** The matcher payload derived from the active dataset, with the dataset version it belongs to. */
export function getLexiconPayload(): Promise<{ version: string; payload: LexiconPayload } | null> {
  return inActive(
    (db) => [db.artifacts],
    async (gen, db) => {
      const row = await db.artifacts.get([gen, 'lexicon']);
      const active = (await activeGeneration(db))!;
      return row?.name === 'lexicon' ? { version: versionOf(active), payload: row.value } : null;
    },
    null,
  );
}
