import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as full from '../../lib/settings/settings';
import { getSettings, mute, setSiteDisabled, watchSettings } from './settings';

beforeEach(() => fakeBrowser.reset());

/**
 * The content script bypasses WXT's storage module; these tests pin that it stays interchangeable
 * with `settingsItem`, in both directions, so options-page choices reach tabs and card choices
 * reach the options page.
 */
describe('content-side settings', () => {
  it('reads what the options page wrote, sanitised, and the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(full.DEFAULT_SETTINGS);
    await full.updateSettings(() => ({ dwellMs: 500, markStyle: 'background' }));
    expect(await getSettings()).toEqual({ ...full.DEFAULT_SETTINGS, dwellMs: 500, markStyle: 'background' });
    await fakeBrowser.storage.local.set({ settings: { dwellMs: 'slow', enabled: false } });
    expect(await getSettings()).toEqual({ ...full.DEFAULT_SETTINGS, enabled: false });
  });

  it('writes mutes and disabled sites that settingsItem reads back', async () => {
    await full.setMuted({ id: 'a', name: 'A' }, true);
    await mute({ id: 'b', name: 'B' });
    await mute({ id: 'b', name: 'B again' });
    await setSiteDisabled('www.News.example.com');
    const seen = await full.getSettings();
    expect(seen.muted).toEqual([{ id: 'a', name: 'A' }, { id: 'b', name: 'B again' }]);
    expect(full.isSiteDisabled(seen, 'news.example.com')).toBe(true);
    await expect(setSiteDisabled('not a host!')).rejects.toThrow(/not a host name/);
  });

  it('calls back with sanitised values on changes to the settings key only, until stopped', async () => {
    const seen: number[] = [];
    const stop = watchSettings((s) => seen.push(s.dwellMs));
    await full.updateSettings(() => ({ dwellMs: 700 }));
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ settings: { dwellMs: -5 } });
    stop();
    await full.updateSettings(() => ({ dwellMs: 900 }));
    expect(seen).toEqual([700, 0]);
  });
});
