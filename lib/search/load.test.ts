import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Lexicon } from '../detect/lexicon';
import type { CompanyLensDB } from '../store/db';
import { readSearchIndexDirect } from '../store/direct';
import { writeDataset } from '../store/write';
import type { Dataset } from '../dataset/schema';
import { buildSearchIndex } from './build';
import { HEADER_MAX, quickGroupsOf, quickLayoutOf } from './artifact';
import { openSearchIndex, setQuickStepForTests, wantKeysFor } from './load';
import { keyGroupOf, type QuickGroups } from './quick';
import type { SearchIndex } from './query';
import { fixtureDataset } from '../../test/fixtures/search-dataset';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;

function store(dataset: Dataset, searchIndex = buildSearchIndex(dataset)) {
  return writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex }) });
}

/**
 * The fixture stored as a version of its own (the complete index of a version is kept, and other
 * tests read theirs), with its serialised index and that index's quick layout and groups.
 */
async function storeVersion(contentHash: string) {
  const dataset = { ...fixtureDataset, meta: { ...fixtureDataset.meta, contentHash } };
  const serialised = buildSearchIndex(dataset);
  const gen = await store(dataset, serialised);
  const { quickEnd } = quickLayoutOf(serialised);
  const { quickGroups } = quickGroupsOf(serialised);
  return { serialised, gen, quickEnd, quickGroups: quickGroups! };
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

  it('reads the quick part in one read with its stored end, and by its header in older rows', async () => {
    const { serialised, gen, quickEnd, quickGroups } = await storeVersion('one-read');
    expect(await readSearchIndexDirect()).toMatchObject({ quickEnd });
    expect(quickEnd).toBeLessThan(serialised.length);
    // Groups stored beside it change nothing when no query is typed meanwhile. A row of an
    // earlier release has no quickEnd, and one whose quickEnd disagrees with the header is read
    // the long way, after its header.
    const rows = [{ quickEnd, quickGroups }, { quickEnd }, {}, { quickEnd: 5 }, { quickEnd: 5, quickGroups }];
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

  it("hands over a query typed meanwhile from its first letter's own text, as an index that covers that query alone", async () => {
    const { serialised, gen, quickEnd, quickGroups } = await storeVersion('typed-early');
    await db.artifacts.put({ gen: gen.gen, name: 'search', value: new Blob([serialised]), quickEnd, quickGroups });
    expect((await readSearchIndexDirect())?.quickGroups?.ranges).toEqual(quickGroups.ranges);
    const seen: SearchIndex[] = [];
    const sliced = vi.spyOn(Blob.prototype, 'slice');
    const reading = openSearchIndex((index) => seen.push(index));
    wantKeysFor('  Tencen');
    const complete = await reading;
    // The text of the names starting with "t", then the whole quick part.
    expect(sliced.mock.calls.slice(0, 2)).toEqual([quickGroups.ranges.t, [0, quickEnd]]);
    sliced.mockRestore();
    expect(seen.map((s) => [s.complete, s.covers('tencen'), s.covers('alibaba')])).toEqual([
      [false, true, false],
      [false, true, true],
      [true, true, true],
    ]);
    expect(seen[0].search('Tencen')).toEqual(seen[1].search('Tencen'));
    expect(seen[0].search('Tencen').companies[0]?.id).toBe('tencent');
    expect(complete?.search('alibaba').companies[0]?.id).toBe('alibaba-group');
  });

  it('asks for a letter typed during the read between two steps, and skips a group whose text is not that letter', async () => {
    const { serialised, gen, quickEnd, quickGroups } = await storeVersion('typed-meanwhile');
    const { ranges } = quickGroups;
    // "a" points at the text of "t": the layout lies about it.
    const lying: QuickGroups = { ...quickGroups, ranges: { ...ranges, a: ranges.t } };
    setQuickStepForTests(200);
    try {
      for (const [i, [groups, typed, handed]] of ([[quickGroups, 'Tencen', true], [lying, 'alibaba', false]] as const).entries()) {
        await db.artifacts.put({ gen: gen.gen, name: 'search', value: new Blob([serialised]), quickEnd, quickGroups: groups });
        await db.generations.update(gen.gen, { meta: { ...gen.meta, contentHash: `meanwhile-${i}` } });
        const seen: SearchIndex[] = [];
        // Every slice, and whether it was of the index (steps of the quick part) or of the groups.
        const reads: [of: 'index' | 'groups', start?: number, end?: number][] = [];
        const slice = Blob.prototype.slice;
        const sliced = vi.spyOn(Blob.prototype, 'slice').mockImplementation(function (this: Blob, ...args) {
          const of = this.size === serialised.length ? 'index' : 'groups';
          reads.push([of, args[0], args[1]]);
          // Typed as the second step of the quick part starts.
          if (of === 'index' && args[0] === 200) wantKeysFor(typed);
          return slice.apply(this, args);
        });
        await openSearchIndex((index) => seen.push(index));
        sliced.mockRestore();
        const group = groups.ranges[keyGroupOf(typed.toLowerCase())];
        // After the second step, before the third: between two steps, not behind the whole part.
        expect(reads.slice(0, 4)).toEqual([
          ['index', 0, 200],
          ['index', 200, 400],
          ['groups', ...group],
          ['index', 400, 600],
        ]);
        expect(seen.map((s) => s.covers('zzz'))).toEqual(handed ? [false, true, true] : [true, true]);
      }
    } finally {
      setQuickStepForTests();
    }
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
