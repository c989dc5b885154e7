import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Article, Company, Fact, Link, Mention, Person, Relation } from '../dataset/schema';
import type { LexiconPayload } from '../detect/lexicon';
import type { StoredCorrection } from '../corrections/schema';
import type { QuickGroups } from '../search/quick';
import { DB_NAME, setDirectDatabaseName } from './direct';

/**
 * The extension's IndexedDB database. Dataset rows carry the generation (`gen`) they belong to,
 * so a sync can write a whole new dataset next to the one in use and then switch to it in one
 * small transaction (see write.ts). `n` is the row's position in the dataset's array, kept so an
 * export gives back the arrays in their original order. User data (stars, notes, recent views)
 * lives in tables a sync never opens.
 */


export type Row<T> = T & { gen: number; n: number };
/** People rows add `ck`: `${gen}:${companyId}` keys, because IndexedDB has no multi-entry compound index. */
export type PersonRow = Row<Person> & { ck: string[] };
export type ArtifactRow =
  | { gen: number; name: 'lexicon'; value: LexiconPayload }
  /**
   * The serialised search index (lib/search/artifact.ts). `quickEnd`: where the quick part ends
   * in the Blob, so a reader takes it in one read (a reader without it finds it in the quick
   * part's header); `quickGroups`: the quick part's key line groups as texts of their own, so
   * that a reader can take a typed first letter's alone (lib/search/load.ts), added once the
   * full text has been derived. Both are hints that readers check against the text.
   */
  | { gen: number; name: 'search'; value: Blob; quickEnd?: number; quickGroups?: QuickGroups }
  /**
   * The synced dataset as it came (URL or dataset file), before the library was joined in: a
   * library change is built over it again without downloading it again.
   */
  | { gen: number; name: 'base'; value: Blob };

export type GenerationState = 'writing' | 'ready';

/** One dataset written to the store, complete ('ready') or being written ('writing'). */
export interface GenerationRow {
  gen: number;
  state: GenerationState;
  startedAt: number;
  /** When the switch to this generation happened (ready only). */
  syncedAt?: number;
  /** What the user chose: 'bundled', 'url', 'files'. */
  sourceKind: SourceKind;
  /** The dataset's own meta. */
  meta: { source: string; contentHash: string; generator: string };
  counts: DatasetCounts;
  /** For URL sources: what the server said, so an unchanged dataset is not downloaded again. */
  http?: { url: string; etag?: string; lastModified?: string };
}

export type SourceKind = 'bundled' | 'url' | 'files';

export interface DatasetCounts {
  companies: number;
  articles: number;
  facts: number;
  people: number;
  relations: number;
  mentions: number;
}

/** The pointer to the active generation. */
export interface ActiveRow {
  key: 'active';
  gen: number;
}

/**
 * The periodic URL sync the user chose. It lives here rather than in `storage.local` because a
 * content script can write `storage.local`, and this row makes the worker fetch and replace the
 * dataset; a content script opening IndexedDB opens the page's database, never this one.
 */
export interface ScheduleRow {
  key: 'syncSchedule';
  url: string;
  /** Hours between syncs; a row is only stored while this is positive. */
  everyHours: number;
}

export type MetaRow = ActiveRow | ScheduleRow;

export type SyncOutcome = 'running' | 'ok' | 'unchanged' | 'error' | 'cancelled' | 'interrupted';

export interface SyncLogRow {
  id?: number;
  startedAt: number;
  finishedAt?: number;
  /** Human-readable source: "bundled seed corpus", the URL, "3 files". */
  source: string;
  sourceKind: SourceKind;
  outcome: SyncOutcome;
  error?: { code: string; message: string; detail?: string };
  counts?: DatasetCounts;
  /** Milliseconds spent in each stage, to see where a slow sync spends its time. */
  stageMs?: Partial<Record<string, number>>;
}

export interface StarRow {
  companyId: string;
  starredAt: number;
}
export interface NoteRow {
  companyId: string;
  text: string;
  updatedAt: number;
}
export interface RecentRow {
  companyId: string;
  viewedAt: number;
}

/**
 * One article of the user's library: what they imported or saved, kept apart from every dataset
 * generation so no sync can drop it. The id is derived from the text (lib/library/articles.ts),
 * so the same article imported twice is one row.
 */
export interface LibraryRow {
  id: string;
  title: string;
  body: string;
  tags: string[];
  /** The file (with its path inside a zip) or page address it came from. */
  origin: string;
  url?: string;
  publisher?: string;
  byline?: string;
  published?: string;
  addedAt: number;
  /**
   * The import that added it, while that import has not switched in: such rows belong to no
   * library yet, and a cancelled, failed or interrupted import deletes them.
   */
  pending?: number;
}

export const DATASET_TABLES = ['companies', 'articles', 'facts', 'people', 'relations', 'links', 'mentions', 'artifacts'] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];

/** Version 1's stores, kept verbatim: Dexie needs every version to upgrade old databases. */
export const SCHEMA_V1 = {
  companies: '[gen+id]',
  articles: '[gen+id]',
  facts: '[gen+id], [gen+companyId]',
  people: '[gen+id], *ck',
  relations: '[gen+a+b], [gen+a], [gen+b]',
  mentions: '[gen+n], [gen+companyId]',
  artifacts: '[gen+name]',
  generations: 'gen, state',
  meta: 'key',
  stars: 'companyId, starredAt',
  notes: 'companyId, updatedAt',
  recent: 'companyId, viewedAt',
};

/**
 * Version 2 replaces v1's single "last sync" meta record with a sync log, because the options
 * page shows the last several syncs and their outcomes, and an interrupted sync must be
 * recorded even when the worker that started it never finished.
 */
export const SCHEMA_V2 = { syncLog: '++id, startedAt' };

/** Version 3 adds the user's library (lib/store/library.ts); nothing earlier moves. */
export const SCHEMA_V3 = { library: 'id, addedAt, pending' };

/**
 * Version 4 adds the typed relations (`links`) of each generation, written and switched with the
 * other dataset tables; indexed by either end so a company's links read in both directions.
 */
export const SCHEMA_V4 = { links: '[gen+n], [gen+from], [gen+to]' };

/**
 * Version 5 adds the user's corrections to the knowledge (lib/store/corrections.ts), applied to
 * every dataset in the order of their auto-incremented ids; nothing earlier moves.
 */
export const SCHEMA_V5 = { corrections: '++id, createdAt' };

export class CompanyLensDB extends Dexie {
  companies!: Table<Row<Company>, [number, string]>;
  articles!: Table<Row<Article>, [number, string]>;
  facts!: Table<Row<Fact>, [number, string]>;
  people!: Table<PersonRow, [number, string]>;
  relations!: Table<Row<Relation>, [number, string, string]>;
  links!: Table<Row<Link>, [number, number]>;
  mentions!: Table<Row<Mention>, [number, number]>;
  artifacts!: Table<ArtifactRow, [number, string]>;
  generations!: EntityTable<GenerationRow, 'gen'>;
  meta!: Table<MetaRow, string>;
  syncLog!: EntityTable<SyncLogRow, 'id'>;
  stars!: EntityTable<StarRow, 'companyId'>;
  notes!: EntityTable<NoteRow, 'companyId'>;
  recent!: EntityTable<RecentRow, 'companyId'>;
  library!: EntityTable<LibraryRow, 'id'>;
  corrections!: EntityTable<StoredCorrection, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const last = (await tx.table('meta').get('lastSync')) as { value?: Partial<SyncLogRow> } | undefined;
        if (last?.value?.startedAt) {
          await tx.table('syncLog').add({
            startedAt: last.value.startedAt,
            finishedAt: last.value.finishedAt,
            source: last.value.source ?? 'unknown',
            sourceKind: last.value.sourceKind ?? 'bundled',
            outcome: last.value.outcome ?? 'ok',
            ...(last.value.error ? { error: last.value.error } : {}),
          });
        }
        await tx.table('meta').delete('lastSync');
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

let shared: CompanyLensDB | undefined;

/** The one database instance of this JavaScript context (worker or extension page). */
export function getDb(): CompanyLensDB {
  shared ??= new CompanyLensDB();
  return shared;
}

/** Tests use a fresh database per case. */
export function setDbForTests(db: CompanyLensDB | undefined): void {
  shared = db;
  setDirectDatabaseName(db?.name);
}
