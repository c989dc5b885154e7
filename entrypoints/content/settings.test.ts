import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings as storedSettings, isSiteDisabled } from '../../lib/settings/settings';
import { getSettings, mute, setSiteDisabled, watchSettings } from './settings';
import { startSettingsWriter } from '../../test/background';

beforeEach(async () => {
  fakeBrowser.reset();
  await startSettingsWriter();
});

/**
 * The content script reads and changes the settings through the background and follows the stored
 * item without WXT's storage module; these tests pin that the two sides agree.
 */
describe('content-side settings', () => {
  it('reads the stored settings, repaired, and the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { dwellMs: 'slow', enabled: false } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('sends mutes and disabled sites that the stored item then holds', async () => {
    await mute({ id: 'b', name: 'B' });
    await mute({ id: 'b', name: 'B again' });
    await setSiteDisabled('www.News.example.com');
    const seen = await storedSettings();
    expect(seen.muted).toEqual([{ id: 'b', name: 'B again' }]);
    expect(isSiteDisabled(seen, 'news.example.com')).toBe(true);
  });

  it('calls back with repaired values on changes to the settings key only, until stopped', async () => {
    const seen: number[] = [];
    const stop = watchSettings((s) => seen.push(s.dwellMs));
    await fakeBrowser.storage.local.set({ settings: { dwellMs: 700 } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ settings: { dwellMs: -5 } });
    stop();
    await fakeBrowser.storage.local.set({ settings: { dwellMs: 900 } });
    expect(seen).toEqual([700, 0]);
  });
});
