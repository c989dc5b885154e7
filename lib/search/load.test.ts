import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon } from '../detect/lexicon';
import type { CompanyLensDB } from '../store/db';
import { readSearchIndexDirect } from '../store/direct';
import { writeDataset } from '../store/write';
import type { Dataset } from '../dataset/schema';
import { buildSearchIndex } from './build';
import { HEADER_MAX, quickLayoutOf } from './artifact';
import { openSearchIndex, wantKeysFor } from './load';
import type { SearchIndex } from './query';
import { fixtureDataset } from './fixtures/dataset';
import { useFreshDb } from '../store/test-db';

let db: CompanyLensDB;

function store(dataset: Dataset, searchIndex = buildSearchIndex(dataset)) {
  return writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex }) });
}

useFreshDb('search-load-test', (fresh) => (db = fresh));

describe('opening the stored search index', () => {
  it('is null without a dataset', async () => {
    expect(await openSearchIndex()).toBeNull();
  });

  it('stores one byte per character, so character offsets are Blob offsets', async () => {
    const serialised = buildSearchIndex(fixtureDataset);
    // The fixture has Chinese names and aliases; none of them may leave ASCII.
    expect(/^[\x00-\x7f]*$/.test(serialised)).toBe(true);
    await store(fixtureDataset, serialised);
    const stored = await readSearchIndexDirect();
    expect(stored?.blob.size).toBe(serialised.length);
  });

  it('reads the quick part along its stored layout, in one read with only its end, and by its header in older rows', async () => {
    // A version of its own: the complete index of a version is kept, and other tests read this one.
    const dataset = { ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash: 'one-read' } };
    const serialised = buildSearchIndex(dataset);
    const gen = await store(dataset, serialised);
    const stored = await readSearchIndexDirect();
    const { quickEnd, quickKeys } = quickLayoutOf(serialised);
    expect(stored).toMatchObject({ quickEnd, quickKeys });
    expect(quickEnd).toBeLessThan(serialised.length);
    const sliced = vi.spyOn(Blob.prototype, 'slice');
    const complete = await openSearchIndex();
    // The document lines, then all the key lines.
    expect(sliced.mock.calls.slice(0, 2)).toEqual([
      [0, quickKeys!.at],
      [quickKeys!.at, quickEnd],
    ]);
    expect(complete?.search('tencen').companies[0]?.id).toBe('tencent');
    sliced.mockRestore();
    // A layout that does not match the text, or none, is read in one piece; a row of an earlier
    // release has no quickEnd, and one whose quickEnd disagrees with the header is read the long
    // way, after its header.
    const rows = [
      { quickEnd, quickKeys: { ...quickKeys!, at: quickKeys!.at - 3 } },
      { quickEnd },
      {},
      { quickEnd: 5 },
    ];
    for (const [i, layout] of rows.entries()) {
      await db.artifacts.put({ gen: gen.gen, name: 'search', value: new Blob([serialised]), ...layout });
      // Another version each time, so the complete index kept for the last one is not reused.
      await db.generations.update(gen.gen, { meta: { ...gen.meta, contentHash: `older-${i}` } });
      const sliced = vi.spyOn(Blob.prototype, 'slice');
      const again = await openSearchIndex();
      expect(again?.search('tencen').companies[0]?.id).toBe('tencent');
      expect(sliced.mock.calls.some(([start, end]) => start === 0 && end === quickEnd)).toBe(true);
      expect(sliced.mock.calls.some(([start, end]) => start === 0 && end === HEADER_MAX)).toBe(i >= 2);
      sliced.mockRestore();
    }
  });

  it('reads the key lines of a query typed meanwhile first, as an index that covers that query alone', async () => {
    const dataset = { ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash: 'typed-early' } };
    const serialised = buildSearchIndex(dataset);
    await store(dataset, serialised);
    const { quickKeys } = quickLayoutOf(serialised);
    const seen: SearchIndex[] = [];
    const sliced = vi.spyOn(Blob.prototype, 'slice');
    const reading = openSearchIndex((index) => seen.push(index));
    wantKeysFor('  Tencen');
    const complete = await reading;
    // The document lines, the key lines starting with "t", then all of them.
    expect(sliced.mock.calls.slice(0, 3)).toEqual([[0, quickKeys!.at], quickKeys!.ranges.t, [quickKeys!.at, expect.any(Number)]]);
    sliced.mockRestore();
    expect(seen.map((s) => [s.complete, s.covers('tencen'), s.covers('alibaba')])).toEqual([
      [false, true, false],
      [false, true, true],
      [true, true, true],
    ]);
    expect(seen[0].search('Tencen').companies[0]?.id).toBe('tencent');
    expect(seen[0].search('Tencen')).toEqual(seen[1].search('Tencen'));
    expect(complete?.search('alibaba').companies[0]?.id).toBe('alibaba-group');
  });

  it('hands over the quick index first, then the complete one', async () => {
    await store(fixtureDataset);
    const seen: SearchIndex[] = [];
    const complete = await openSearchIndex((index) => seen.push(index));
    expect(seen.map((s) => s.complete)).toEqual([false, true]);
    expect(seen[0].search('tencen').companies[0]?.id).toBe('tencent');
    expect(complete?.search('阿里').companies[0]?.id).toBe('alibaba-group');
    expect(complete?.search('games').articles[0]?.id).toBe('a2');
    // The complete index is kept for the same dataset version.
    const again: SearchIndex[] = [];
    expect(await openSearchIndex((index) => again.push(index))).toBe(complete);
    expect(again).toEqual([complete]);
  });

  it('hands the quick index to a caller that joins a read already under way', async () => {
    // Another version than the tests above, whose complete index is kept.
    await store({ ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash: 'joined-late' } });
    const first: SearchIndex[] = [];
    const late: SearchIndex[] = [];
    const reading = openSearchIndex((index) => {
      first.push(index);
      // Joining right after the quick index arrived: it is handed over at once, not held back
      // until the full text has loaded.
      if (first.length === 1) void openSearchIndex((index) => late.push(index));
    });
    const complete = await reading;
    expect(first.map((s) => s.complete)).toEqual([false, true]);
    expect(late).toEqual([first[0], complete]);
  });

  it('fails with a typed error for an index stored in another format', async () => {
    const old = { ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash: 'stored-long-ago' } };
    await store(old, '{"format":"company-lens-search","version":1,"index":{}}');
    await expect(openSearchIndex()).rejects.toMatchObject({ name: 'SearchIndexError', code: 'version' });
  });
});
