import { quickEndOfBlob, quickGroupsOf, quickLayoutOf } from '../search/artifact';
import { buildSearchIndexInSteps } from '../search/build';
import { SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION } from '../search/options';
import type { Dataset } from '../dataset/schema';
import { getDb } from '../store/db';
import { datasetTables, readGeneration } from '../store/export';
import { readSearchIndexDirect, versionOf } from '../store/direct';
import { rederiveArtifact } from '../store/rederive';

/**
 * Keeps the stored search index complete and in the current format. Two cases need it: an
 * extension update that changed the index format (the popup would refuse the stored index until
 * the user synced again), and a sync, which stores only the quick part of the index at its switch
 * and leaves the full-text part to this (see lib/sync/runner.ts). Either way the index is derived
 * again from the active dataset's stored rows and written back only for that same generation.
 */

/** The full-text header is a short line; this much is always enough to hold it. */
const FULL_HEADER_MAX = 8_000;

/** Null when the stored index is complete and usable by this release; otherwise why it is not. */
export async function searchIndexStaleReason(blob: Blob | undefined): Promise<string | null> {
  if (!blob) return 'missing';
  const end = await quickEndOfBlob(blob);
  if (end === null) return 'no quick part (an older format)';
  if (end >= blob.size) return 'the full-text part is not stored yet';
  const full = await blob.slice(end, end + FULL_HEADER_MAX).text();
  try {
    const header = JSON.parse(full.slice(0, full.indexOf('\n') === -1 ? undefined : full.indexOf('\n'))) as { format?: unknown; version?: unknown };
    if (header?.format !== SEARCH_INDEX_FORMAT) return 'not a Company Lens search index';
    return header.version === SEARCH_INDEX_VERSION ? null : `version ${String(header.version)} is not ${SEARCH_INDEX_VERSION}`;
  } catch {
    return 'the full-text header is unreadable';
  }
}

export interface SearchIndexCheck {
  /** The dataset version whose index was checked, or null when the store is empty. */
  version: string | null;
  /** Why the index was derived again, or null when it was fine. */
  rederived: string | null;
  /** False when a sync switched datasets while the index was built, so it was not stored. */
  stored: boolean;
}

let running: Promise<SearchIndexCheck> | null = null;

/**
 * Checks the active dataset's search index and derives it again when it is stale. Concurrent
 * callers (start-up, install, the end of a sync) share one check: at 100k companies the build
 * takes seconds.
 */
export function ensureSearchIndex(build: Build = buildSearchIndexInSteps, known?: Known): Promise<SearchIndexCheck> {
  if (running && !known) return running;
  // A sync's own request waits for a check already running rather than joining it: that check
  // may have looked at the previous dataset.
  const mine: Promise<SearchIndexCheck> = (running ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => check(build, known))
    .finally(() => {
      if (running === mine) running = null;
    });
  running = mine;
  return mine;
}

type Build = (dataset: Dataset) => string | Promise<string>;
/** The dataset a sync has just written, still in memory: no need to read it back from the store. */
type Known = { gen: number; dataset: Dataset };

async function check(build: Build, known: Known | undefined): Promise<SearchIndexCheck> {
  const stored = await readSearchIndexDirect();
  const reason = await searchIndexStaleReason(stored?.blob);
  if (reason === null) return { version: stored!.version, rederived: null, stored: true };
  const done = await rederiveArtifact({
    db: getDb(),
    tables: datasetTables,
    read: async (db, gen) => (known?.gen === gen.gen && known.dataset.meta.contentHash === gen.meta.contentHash ? known.dataset : readGeneration(db, gen)),
    build: (dataset) => build(dataset),
    // A Blob, as the sync stores it (see lib/store/write.ts).
    row: (gen, text) => ({ gen, name: 'search', value: new Blob([text]), ...quickLayoutOf(text), ...quickGroupsOf(text) }),
  });
  if (!done) return { version: null, rederived: null, stored: false };
  if (reason !== 'the full-text part is not stored yet') console.info(`[company-lens] search index derived again from the stored dataset (${reason})`);
  return { version: versionOf(done.gen), rederived: reason, stored: done.stored };
}
