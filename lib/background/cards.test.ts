import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Lexicon } from '../detect/lexicon';
import { decodeLexicon, type WireLexicon } from '../detect/wire';
import { CompanyLensDB, setDbForTests } from '../store/db';
import { makeDataset } from '../../test/support/datasets';
import { writeDataset } from '../store/write';
import { changeSettings } from './settings';
import { badgeText, broadcastDatasetChanged, detectsOn, startCardService } from './cards';
import { route } from './router';

const ORIGIN = 'chrome-extension://abc';
const fromTab = { tab: { id: 7, index: 0 } as never, url: 'https://news.example/a', origin: 'https://news.example' };
const ask = <T>(message: unknown, sender: object = fromTab) => route(message, sender, ORIGIN) as Promise<T>;

let onCommand: ((command: string) => void) | undefined;

beforeAll(async () => {
  // The fake browser has no commands API; capture the listener to drive it by hand.
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void (onCommand = listener as never));
  const db = new CompanyLensDB('cards-test');
  setDbForTests(db);
  const dataset = makeDataset('acme');
  await writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: '{}' }) });
  startCardService();
});
afterAll(() => setDbForTests(undefined));

describe('the card service, as a content script sees it', () => {
  it('sends the lexicon once per version, in a form that survives structured cloning', async () => {
    const answer = await ask<{ version: string; payload: WireLexicon; settings: unknown }>({ type: 'matcher.get' });
    const copy = structuredClone(answer);
    // The settings come along, so the content script need not read them before starting.
    expect(copy.settings).toMatchObject({ enabled: true, dwellMs: 300 });
    const lexicon = Lexicon.fromPayload(decodeLexicon(copy.payload));
    const { ids } = structuredClone(await ask<{ ids: string }>({ type: 'matcher.ids', version: answer.version }));
    lexicon.provideIds(ids);
    const found = lexicon.mentions('Deal: Acme Company 1 and acme2corp.').map((m) => lexicon.companyIds[m.companyIndex]);
    expect(found).toEqual(['acme-co-1', 'acme-co-2']);
    expect(await ask({ type: 'matcher.get', haveVersion: answer.version })).toEqual({ version: answer.version, unchanged: true });
    // Ids of another version are refused: that tab is about to get the new lexicon.
    expect(await ask({ type: 'matcher.ids', version: 'other:1' })).toEqual({ version: answer.version, ids: null });
  });

  it('resolves entry values to names, and refuses a stale version', async () => {
    const { version, payload } = await ask<{ version: string; payload: WireLexicon }>({ type: 'matcher.get' });
    // Entry numbers are the lexicon's own (positions in its matcher): take them from a scan.
    const lexicon = Lexicon.fromPayload(decodeLexicon(payload));
    const entry = (name: string) => lexicon.mentions(name)[0].entry;
    expect(await ask({ type: 'matcher.resolve', version, values: [entry('Acme Company 0'), entry('Acme Company 1'), 999] })).toEqual({
      version,
      companies: [{ id: 'acme-co-0', name: 'Acme Company 0' }, { id: 'acme-co-1', name: 'Acme Company 1' }, null],
    });
    expect(await ask({ type: 'matcher.resolve', version: 'other:1', values: [0] })).toEqual({ version, companies: null });
  });

  it('assembles a card, or null for an unknown company', async () => {
    const card = await ask<{ name: string; headquarters: string; related: { id: string }[]; people: { name: string }[] }>({ type: 'company.card', id: 'acme-co-0' });
    expect(card).toMatchObject({ name: 'Acme Company 0', headquarters: 'acme City', related: [{ id: 'acme-co-1' }], people: [{ name: 'acme Person' }] });
    expect(await ask({ type: 'company.card', id: 'nobody' })).toBeNull();
  });

  it('sets the badge of the sending tab', async () => {
    expect(await ask({ type: 'page.report', count: 12 })).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('12');
    await ask({ type: 'page.report', count: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('withholds the lexicon from a page where detection is off', async () => {
    const full = await ask<{ version: string; payload?: unknown }>({ type: 'matcher.get' });
    await changeSettings({ kind: 'site', host: 'other.example', disabled: true });
    expect(await ask({ type: 'matcher.get' })).toMatchObject({ payload: expect.anything() });
    await changeSettings({ kind: 'site', host: 'other.example', disabled: false });
    await changeSettings({ kind: 'site', host: 'news.example', disabled: true });
    expect(await ask({ type: 'matcher.get' })).toEqual({ version: full.version, off: true });
    await changeSettings({ kind: 'site', host: 'news.example', disabled: false });
    await changeSettings({ kind: 'set', values: { enabled: false } });
    expect(await ask({ type: 'matcher.get' })).toEqual({ version: full.version, off: true });
    await changeSettings({ kind: 'set', values: { enabled: true } });
    expect(await ask({ type: 'matcher.get' })).toMatchObject({ version: full.version, payload: expect.anything() });
  });

  it('drops a malformed request without an answer', async () => {
    expect(route({ type: 'company.card', id: 42 }, fromTab, ORIGIN)).toBeUndefined();
  });
});

describe('the open-card command', () => {
  it('asks the active tab to open the card at its selection', async () => {
    // The fake browser does not track the active tab; answer the query as Chrome would.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as never]);
    const tab = { id: 5 };
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    onCommand!('open-card');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(tab.id, { type: 'card.openAtSelection' }), { timeout: 30_000 });
    onCommand!('something-else');
    expect(sent).toHaveBeenCalledTimes(1);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('asks the active tab for the next and previous company names', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5 } as never]);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    onCommand!('next-company');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(5, { type: 'card.step', direction: 1 }));
    onCommand!('previous-company');
    await vi.waitFor(() => expect(sent).toHaveBeenCalledWith(5, { type: 'card.step', direction: -1 }));
  });
});

describe('dataset changes', () => {
  it('are announced to every tab; a tab without a receiver does not stop the others', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, {}] as never);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (id) => {
      if (id === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    sent.mockClear();
    await broadcastDatasetChanged('hash:9');
    expect(sent.mock.calls).toEqual([
      [1, { type: 'dataset.changed', version: 'hash:9' }],
      [2, { type: 'dataset.changed', version: 'hash:9' }],
    ]);
  });
});

describe('detectsOn', () => {
  it('follows the switch and the per-site list, by the frame address', () => {
    const on = { enabled: true, disabledSites: ['example.com'], dwellMs: 300, markStyle: 'underline' as const, muted: [] };
    expect(detectsOn(on, 'https://news.example.com/a')).toBe(false);
    expect(detectsOn(on, 'https://example.org/a')).toBe(true);
    expect(detectsOn(on, 'about:blank')).toBe(true);
    expect(detectsOn(on, undefined)).toBe(true);
    expect(detectsOn({ ...on, enabled: false }, 'https://example.org/a')).toBe(false);
  });
});

describe('badgeText', () => {
  it('is empty for nothing and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(12_345)).toBe('999+');
  });
});
