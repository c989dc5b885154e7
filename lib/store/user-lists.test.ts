import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanyLensDB } from './db';
import { exportDataset, readActiveDataset } from './export';
import { useFreshDb } from './test-db';
import { makeDataset } from './testing';
import { getNote, isStarred, listRecent, listStars, recordView, RECENT_KEEP, setNote, starCompany } from './user';
import { writeDataset } from './write';
import { Lexicon } from '../detect/lexicon';

/** Stars, notes and recent views: the order and limits the popup and profile show them in. */
// Every call of the clock moves it on, so two actions never share a time.

let db: CompanyLensDB;
useFreshDb('user-lists-test', (fresh) => (db = fresh));

let now = 1_000;
beforeEach(() => {
  now = 1_000;
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 10));
});
afterEach(() => vi.restoreAllMocks());

describe('stars', () => {
  it('lists the most recently starred first, with when', async () => {
    await starCompany('a', true);
    await starCompany('b', true);
    await starCompany('c', true);
    await starCompany('a', true);
    const stars = await listStars();
    expect(stars.map((s) => s.companyId)).toEqual(['a', 'c', 'b']);
    expect(stars[0].starredAt).toBeGreaterThan(stars[1].starredAt);
    expect(stars[1].starredAt).toBeGreaterThan(stars[2].starredAt);
    expect(await isStarred('zzz')).toBe(false);
  });
});

describe('notes', () => {
  it('keeps the text as written, with when it changed', async () => {
    await setNote('a', '  first thoughts  ');
    expect(await getNote('a')).toEqual({ text: '  first thoughts  ', updatedAt: expect.any(Number) });
    expect(await getNote('b')).toBeNull();
  });

  it('keeps at most 20,000 characters of a note', async () => {
    await setNote('a', 'x'.repeat(25_000));
    expect((await getNote('a'))!.text).toHaveLength(20_000);
  });
});

describe('recent views', () => {
  it('lists the newest first, a company viewed again moving to the top, twenty by default', async () => {
    for (let i = 0; i < 25; i++) await recordView(`c${i}`);
    await recordView('c3');
    const recent = await listRecent();
    expect(recent).toHaveLength(20);
    expect(recent.slice(0, 3).map((r) => r.companyId)).toEqual(['c3', 'c24', 'c23']);
    expect(recent[0].viewedAt).toBeGreaterThan(recent[1].viewedAt);
    expect((await listRecent(3)).map((r) => r.companyId)).toEqual(['c3', 'c24', 'c23']);
  });

  it('forgets the oldest views beyond the limit, keeping the newest', async () => {
    for (let i = 0; i < RECENT_KEEP + 3; i++) await recordView(`c${i}`);
    expect(await db.recent.count()).toBe(RECENT_KEEP);
    const kept = new Set((await db.recent.toArray()).map((r) => r.companyId));
    expect(kept.has('c0') || kept.has('c1') || kept.has('c2')).toBe(false);
    expect(kept.has('c3')).toBe(true);
    expect(kept.has(`c${RECENT_KEEP + 2}`)).toBe(true);
  });
});

describe('dataset export', () => {
  it('is null with no dataset and gives the dataset back with its typed relations', async () => {
    expect(await exportDataset()).toBeNull();
    expect(await readActiveDataset()).toBeNull();
    const dataset = { ...makeDataset('e', 3), links: [{ from: 'e-co-0', to: 'e-co-1', type: 'partner' as const }] };
    await writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: '{}' }) });
    expect(JSON.parse((await exportDataset())!)).toEqual(dataset);
  });
});
