import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings } from '../settings/settings';
import { startSettingsWriter } from '../../test/background';

/**
 * The background is the settings' one writer. Tabs and the options page send changes at the same
 * moment (a user muting names in several tabs while the options page saves the hover delay); every
 * change must survive, which a read-modify-write in each sender did not guarantee.
 */

const ORIGIN = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
const pageSender = { id: fakeBrowser.runtime.id, url: `${ORIGIN}/options.html`, origin: ORIGIN };
const tabSender = (tabId: number) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, index: 0 }, url: `https://news${tabId}.example/a`, origin: `https://news${tabId}.example` });

const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender as never))[0];

beforeEach(async () => {
  fakeBrowser.reset();
  await startSettingsWriter();
});

describe('settings changes sent at once from many tabs and the options page', () => {
  it('are all kept', async () => {
    const tabs = Array.from({ length: 40 }, (_, i) => i + 1);
    await Promise.all([
      ...tabs.map((tab) => send({ type: 'settings.mute', id: `co-${tab}`, name: `Company ${tab}`, muted: true }, tabSender(tab))),
      ...tabs.slice(0, 15).map((tab) => send({ type: 'settings.site', host: `news${tab}.example`, disabled: true }, tabSender(tab))),
      send({ type: 'settings.set', values: { dwellMs: 650 } }, pageSender),
      send({ type: 'settings.set', values: { markStyle: 'background' } }, pageSender),
    ]);
    const s = await getSettings();
    expect(s.muted.map((m) => m.id).sort()).toEqual(tabs.map((tab) => `co-${tab}`).sort());
    expect(s.disabledSites.sort()).toEqual(tabs.slice(0, 15).map((tab) => `news${tab}.example`).sort());
    expect(s).toMatchObject({ dwellMs: 650, markStyle: 'background', enabled: true });
  });

  it('keep concurrent mutes and unmutes of the same names in the order they arrived', async () => {
    await Promise.all(['a', 'b', 'c'].map((id, i) => send({ type: 'settings.mute', id, name: id.toUpperCase(), muted: true }, tabSender(i + 1))));
    await Promise.all([
      send({ type: 'settings.mute', id: 'a', name: 'A', muted: false }, pageSender),
      send({ type: 'settings.mute', id: 'd', name: 'D', muted: true }, tabSender(4)),
      send({ type: 'settings.mute', id: 'b', name: 'B', muted: false }, tabSender(2)),
    ]);
    expect((await getSettings()).muted).toEqual([{ id: 'c', name: 'C' }, { id: 'd', name: 'D' }]);
  });
});

describe('who may change what', () => {
  it('lets a content script mute names and turn sites off, and nothing else', async () => {
    expect(await send({ type: 'settings.mute', id: 'visa', name: 'Visa', muted: true }, tabSender(1))).toMatchObject({ muted: [{ id: 'visa', name: 'Visa' }] });
    expect(await send({ type: 'settings.site', host: 'www.news1.example', disabled: true }, tabSender(1))).toMatchObject({ disabledSites: ['news1.example'] });
    expect(await send({ type: 'settings.set', values: { enabled: false } }, tabSender(1))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await getSettings()).enabled).toBe(true);
    expect(await send({ type: 'settings.get' }, tabSender(1))).toEqual(await getSettings());
  });

  it('answers a bad host with an error and changes nothing', async () => {
    const answer = await send({ type: 'settings.site', host: 'not a host!', disabled: true }, tabSender(1));
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('not a host name') } });
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the one-writer convention', () => {
  it('holds in the source: only the settings service writes the settings item', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../..');
    const files = ['lib', 'components', 'entrypoints'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
        .map((f) => join(dir, f)),
    );
    const writers = files.filter((f) => /settingsItem\.(setValue|removeValue)|storage\.local\.set\(\s*\{\s*(\[KEY\]|settings)/.test(readFileSync(join(root, f), 'utf8')));
    expect(writers).toEqual(['lib/background/settings.ts']);
  });
});
