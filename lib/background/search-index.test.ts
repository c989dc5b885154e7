import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../dataset/schema';
import { Lexicon } from '../detect/lexicon';
import { buildQuickSearchIndex, buildSearchIndex } from '../search/build';
import { SEARCH_INDEX_VERSION } from '../search/options';
import { loadSearchIndex, SearchIndexError } from '../search/query';
import type { CompanyLensDB } from '../store/db';
import { activeGeneration } from '../store/read';
import { getSearchIndex } from '../../test/support/datasets';
import { makeDataset } from '../../test/support/datasets';
import { writeDataset } from '../store/write';
import { openSearchIndex } from '../search/load';
import { QuickIndex } from '../search/quick';
import { readSearchIndexDirect } from '../store/direct';
import type { SearchIndex } from '../search/query';
import { ensureSearchIndex, searchIndexStaleReason } from './search-index';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;
useFreshDb('search-index-test', (fresh) => (db = fresh));

async function store(prefix: string, searchIndex: (dataset: Dataset) => string) {
  const dataset = makeDataset(prefix);
  await writeDataset(db, { dataset, sourceKind: 'bundled', lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: searchIndex(dataset) });
  return dataset;
}

/** The index an older release wrote: same layout, an older version in the full-text header. */
const olderRelease = (dataset: Dataset) => buildSearchIndex(dataset).replace(`"version":${SEARCH_INDEX_VERSION},`, `"version":${SEARCH_INDEX_VERSION - 1},`);

const storedIndex = async () => loadSearchIndex((await getSearchIndex())!.json);

describe('keeping the stored search index current', () => {
  it('leaves a complete index of the current format alone', async () => {
    await store('acme', buildSearchIndex);
    const build = vi.fn();
    expect(await ensureSearchIndex(build)).toMatchObject({ rederived: null });
    expect(build).not.toHaveBeenCalled();
  });

  it('derives an index of an older format again from the stored dataset, and stores it', async () => {
    await store('acme', olderRelease);
    await expect(storedIndex()).rejects.toBeInstanceOf(SearchIndexError);
    const check = await ensureSearchIndex();
    expect(check.rederived).toMatch(/version/);
    expect(check.stored).toBe(true);
    const index = await storedIndex();
    expect(index.complete).toBe(true);
    expect(index.search('Acme Company 2').companies[0]?.id).toBe('acme-co-2');
    expect(await searchIndexStaleReason(new Blob([(await getSearchIndex())!.json]))).toBeNull();
  });

  it('adds the full-text part to an index stored with its quick part only', async () => {
    await store('acme', buildQuickSearchIndex);
    expect(await searchIndexStaleReason(new Blob([(await getSearchIndex())!.json]))).toMatch(/full-text/);
    // The sync stores no key line groups: they are derived here, with the full text.
    expect((await readSearchIndexDirect())?.quickGroups).toBeUndefined();
    const [a, b] = await Promise.all([ensureSearchIndex(), ensureSearchIndex()]);
    expect(a).toBe(b);
    expect((await storedIndex()).complete).toBe(true);
    const { quickGroups } = (await readSearchIndexDirect())!;
    const [start, end] = quickGroups!.ranges.a;
    const group = QuickIndex.parse(await quickGroups!.value.slice(start, end).text());
    expect(group.group).toBe('a');
    expect(group.match('acme company 2').map((m) => group.doc(m.doc)?.id)).toEqual(['acme-co-2']);
  });

  it('does not store its result over a dataset that was switched in meanwhile', async () => {
    await store('acme', olderRelease);
    const check = await ensureSearchIndex(async (dataset) => {
      // A sync completes while the old generation's index is being built.
      await store('bolt', buildSearchIndex);
      return buildSearchIndex(dataset);
    });
    expect(check.stored).toBe(false);
    expect((await db.transaction('r', [db.meta, db.generations], () => activeGeneration(db)))?.meta.contentHash).toBe('hash-bolt-3');
    const index = await storedIndex();
    expect(index.search('Bolt Company 1').companies[0]?.id).toBe('bolt-co-1');
    expect(index.search('Acme Company 1').companies.some((h) => h.id.includes('acme'))).toBe(false);
  });

  it('lets a page answer names from the quick part, then complete when the full text is stored', async () => {
    await store('acme', buildQuickSearchIndex);
    const seen: SearchIndex[] = [];
    const opened = openSearchIndex((index) => seen.push(index));
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 30_000 });
    expect(seen[0].complete).toBe(false);
    expect(seen[0].search('Acme Company 1').companies[0]?.id).toBe('acme-co-1');
    await ensureSearchIndex();
    const complete = await opened;
    expect(complete?.complete).toBe(true);
    expect(complete?.search('dataset acme').companies.length).toBeGreaterThan(0);
  });

  it('does nothing when the store is empty', async () => {
    expect(await ensureSearchIndex()).toEqual({ version: null, rederived: null, stored: false });
  });
});
