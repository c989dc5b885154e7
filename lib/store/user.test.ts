import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Lexicon } from '../detect/lexicon';
import { exportUserData, importUserData, parseBackup } from './backup';
import type { CompanyLensDB } from './db';
import { exportDataset } from './export';
import { DEFAULT_SETTINGS } from '../settings/values';
import { makeDataset } from './testing';
import { getNote, isStarred, listRecent, listStars, recordView, RECENT_KEEP, setNote, starCompany } from './user';
import { writeDataset } from './write';
import { useFreshDb } from './test-db';
import { startSettingsWriter } from '../../test/background';

let db: CompanyLensDB;
useFreshDb('user-test', (fresh) => (db = fresh));
beforeEach(async () => {
  fakeBrowser.reset();
  // A restore sends the settings from the options page to their writer in the background.
  await startSettingsWriter({ asPage: true });
});

describe('user data', () => {
  it('stars, notes and recent views', async () => {
    await starCompany('a', true);
    await starCompany('b', true);
    expect(await isStarred('a')).toBe(true);
    await starCompany('a', false);
    expect(await isStarred('a')).toBe(false);
    expect((await listStars()).map((s) => s.companyId)).toEqual(['b']);
    await setNote('b', 'hello');
    expect((await getNote('b'))?.text).toBe('hello');
    await setNote('b', '  ');
    expect(await getNote('b')).toBeNull();
    for (let i = 0; i < RECENT_KEEP + 5; i++) await recordView(`c${i}`);
    expect(await db.recent.count()).toBe(RECENT_KEEP);
    expect((await listRecent(2)).length).toBe(2);
  });

  it('backs up and restores user data and stored settings, without touching the dataset', async () => {
    const dataset = makeDataset('alpha', 3);
    await writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: '{}' }) });
    await starCompany('alpha-co-1', true);
    await setNote('alpha-co-1', 'a note');
    await recordView('alpha-co-2');
    await fakeBrowser.storage.local.set({ settings: { enabled: false, dwellMs: 500 } });
    const article = { id: 'lib-1', title: 'Mine', body: 'My text.', tags: [], origin: 'https://news.example/a', url: 'https://news.example/a', publisher: 'Example News', addedAt: 7 };
    await db.library.bulkAdd([article, { ...article, id: 'lib-staged', pending: 9 }]);
    const correction = { kind: 'alias', companyId: 'alpha-co-1', companyName: 'Alpha Company 1', alias: 'ACO' } as const;
    await db.corrections.add({ ...correction, createdAt: 8 });
    const text = await exportUserData();

    await starCompany('alpha-co-1', false);
    await setNote('alpha-co-1', '');
    await fakeBrowser.storage.local.set({ settings: { enabled: true } });
    const restored = await importUserData(text);
    expect(restored).toMatchObject({ stars: 1, notes: 1, recent: 1, library: [article], corrections: [correction] });
    expect(await isStarred('alpha-co-1')).toBe(true);
    expect((await getNote('alpha-co-1'))?.text).toBe('a note');
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, dwellMs: 500 });
    expect(JSON.parse((await exportDataset())!)).toEqual(dataset);
  });

  it('refuses a damaged backup with a message naming the problem', () => {
    expect(() => parseBackup('nope')).toThrow(/not JSON/);
    expect(() => parseBackup('{"format":"other"}')).toThrow(/not a Company Lens backup/);
    expect(() => parseBackup('{"format":"company-lens-backup","version":9}')).toThrow(/version 9/);
    expect(parseBackup(JSON.stringify({ format: 'company-lens-backup', version: 1, exportedAt: 1, stars: [], notes: [], recent: [], storage: {} })).library).toBeUndefined();
    const bad = { format: 'company-lens-backup', version: 1, exportedAt: 1, stars: [{ companyId: '', starredAt: 1 }], notes: [], recent: [], storage: {} };
    expect(() => parseBackup(JSON.stringify(bad))).toThrow(/stars\[0\]\.companyId/);
  });
});
