import type { ArtifactRow, GenerationRow, MetaRow } from './db';
import type { QuickGroups } from '../search/quick';

/**
 * Store reads with plain IndexedDB calls, for the one read that decides how soon the popup shows
 * results: its search index. This module does not import Dexie (db.ts, read.ts): Dexie is 31 KB
 * gzip, which the popup then loads after its first results rather than before, and its first use
 * in a page (opening the database, checking every declared version) costs more than these three
 * `get`s. It reads the stores and keys of SCHEMA_V1 in db.ts, which every later version keeps.
 */

export const DB_NAME = 'company-lens';

let databaseName = DB_NAME;

/** Unit tests give the store a database of their own (db.ts `setDbForTests`); this reads it too. */
export function setDirectDatabaseName(name: string = DB_NAME): void {
  databaseName = name;
}

/** The version string of a dataset generation: what every cache of derived data is keyed by. */
export function versionOf(gen: Pick<GenerationRow, 'gen' | 'meta'>): string {
  return `${gen.meta.contentHash}:${gen.gen}`;
}

export type StoredSearchIndex = { version: string; blob: Blob; quickEnd?: number; quickGroups?: QuickGroups };

/** The active dataset's search index Blob; null when there is no active dataset (or no database yet). */
export async function readSearchIndexDirect(): Promise<StoredSearchIndex | null> {
  const db = await open(databaseName);
  if (!db) return null;
  try {
    const tx = db.transaction(['meta', 'generations', 'artifacts'], 'readonly');
    const pointer = await get<MetaRow>(tx.objectStore('meta'), 'active');
    if (pointer?.key !== 'active') return null;
    const [gen, artifact] = await Promise.all([
      get<GenerationRow>(tx.objectStore('generations'), pointer.gen),
      get<ArtifactRow>(tx.objectStore('artifacts'), [pointer.gen, 'search']),
    ]);
    // What IndexedDB returns is input too: anything but a Blob is no usable index (and is derived again).
    if (gen?.state !== 'ready' || artifact?.name !== 'search' || !(artifact.value instanceof Blob)) return null;
    const blob = artifact.value;
    // Layout fields are hints: load.ts checks them against the text before trusting them.
    const { quickEnd, quickGroups } = artifact;
    const groups = quickGroups?.value instanceof Blob && quickGroups.ranges && typeof quickGroups.ranges === 'object' ? { quickGroups } : {};
    return { version: versionOf(gen), blob, ...(Number.isInteger(quickEnd) ? { quickEnd } : {}), ...groups };
  } finally {
    db.close();
  }
}

/** Opens the existing database; a missing one is not created (Dexie creates it, with its stores). */
function open(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up an upgrade of the database by the extension.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
  });
}

function get<T>(store: IDBObjectStore, key: IDBValidKey): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const request = store.get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
}
