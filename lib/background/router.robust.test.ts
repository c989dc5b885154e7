import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Message, PRIVILEGED, type MessageType } from '../messages';
import { ANSWERS } from '../protocol/answers';
import { startBackgroundOver } from '../../test/background';

/**
 * The background is reachable from every content script, and a content script lives next to
 * whatever the page does. These properties hold for thousands of generated messages, sent through
 * the real listener that `startBackground` installs, against a store holding a real dataset:
 * nothing throws, nothing malformed reaches a handler or writes anything, and privileged messages
 * from a tab are refused.
 */

// As startBackground computes it: the extension URL without its trailing slash.
const ORIGIN = fakeBrowser.runtime.getURL('/').replace(/\/$/, '');
const TYPES = Object.keys(ANSWERS);

const contentSender = (url = 'https://evil.example/page') => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 7, index: 0, url, active: true, highlighted: false, pinned: false, incognito: false, windowId: 1 },
  frameId: 0,
  url,
  origin: new URL(url).origin,
});
const pageSender = { id: fakeBrowser.runtime.id, url: `${ORIGIN}/options.html`, origin: ORIGIN };

const connectListeners: Array<(port: unknown) => void> = [];

/** APIs the fake browser does not implement; the services only register listeners on them. */
function stubUnimplemented(): void {
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  const noop = () => undefined;
  for (const [ns, names] of Object.entries({ commands: ['onCommand'], contextMenus: ['onClicked'], omnibox: ['onInputChanged', 'onInputEntered'] })) {
    for (const name of names) (b[ns] as Record<string, unknown>)[name] = { addListener: vi.fn(noop) };
  }
  connectListeners.length = 0;
  b.runtime.onConnect = { addListener: vi.fn((l: (port: unknown) => void) => connectListeners.push(l)) };
  b.contextMenus.removeAll = vi.fn(async () => undefined);
  b.contextMenus.create = vi.fn(noop);
  b.action.setBadgeText = vi.fn(async () => undefined);
}

/** Messages that look almost right: a known or near-miss type with arbitrary other fields. */
const nearMiss = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(...TYPES),
      fc.constantFrom('COMPANY.CARD', 'company.card ', 'dataset.sync\u0000', 'dataset\u200b.sync', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
      fc.string(),
      fc.anything(),
    ),
    id: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()),
    source: fc.oneof(
      fc.record({ kind: fc.constantFrom('bundled', 'url', 'files', 'BUNDLED', 'file'), url: fc.oneof(fc.webUrl(), fc.string()), files: fc.anything() }, { requiredKeys: ['kind'] }),
      fc.anything(),
    ),
    values: fc.array(fc.oneof(fc.integer(), fc.double(), fc.constant(-1), fc.constant(Number.NaN), fc.string())),
    version: fc.oneof(fc.string(), fc.integer()),
    count: fc.oneof(fc.integer(), fc.double(), fc.string()),
    extra: fc.anything(),
  },
  { requiredKeys: ['type'] },
);

const anyInput = fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true });
const malformed = fc.oneof(anyInput, nearMiss).filter((m) => !Message.safeParse(m).success);

let db: import('../store/db').CompanyLensDB;
let dbCount = 0;

async function snapshot(): Promise<unknown> {
  const tables: Record<string, unknown> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return { tables, local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null), tabs: (await fakeBrowser.tabs.query({})).length };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  stubUnimplemented();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  db = await startBackgroundOver(`router-robust-${++dbCount}`, 'bundled');
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const send = (message: unknown, sender: object) => fakeBrowser.runtime.onMessage.trigger(message, sender as never);

describe('the background router under hostile input', () => {
  it('drops thousands of malformed messages from tabs and pages without throwing, answering or writing', async () => {
    const before = await snapshot();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(malformed, fc.boolean(), async (message, fromTab) => {
        const answers = await send(message, fromTab ? contentSender() : pageSender);
        sent++;
        expect(answers).toEqual([undefined]);
      }),
      { numRuns: 3_000, seed: 8 },
    );
    expect(sent).toBe(3_000);
    // Every drop is logged, so a misbehaving caller is visible in the worker's console.
    expect(vi.mocked(console.warn).mock.calls.length).toBeGreaterThanOrEqual(3_000);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses every privileged message from a content script, whatever its URL or payload', async () => {
    const before = await snapshot();
    const privileged = fc.oneof(
      fc.constant({ type: 'dataset.sync', source: { kind: 'bundled' } }),
      fc.webUrl().map((url) => ({ type: 'dataset.sync', source: { kind: 'url', url } })),
      fc.string({ maxLength: 50 }).map((text) => ({ type: 'dataset.sync', source: { kind: 'files', files: [{ name: 'a.json', text }] } })),
      fc.constant({ type: 'dataset.cancel' }),
      fc.string({ minLength: 1, maxLength: 50 }).map((companyId) => ({ type: 'corrections.add', correction: { kind: 'not-organisation', companyId, companyName: companyId } })),
      fc.nat().map((id) => ({ type: 'corrections.undo', ids: [id + 1] })),
    );
    const tabUrl = fc.oneof(fc.webUrl(), fc.constantFrom('about:blank', 'data:text/html,x', 'file:///tmp/a.html', 'https://sandboxed.example/'));
    await fc.assert(
      fc.asyncProperty(privileged, tabUrl, async (message, url) => {
        expect(Message.safeParse(message).success).toBe(true);
        const [answer] = await send(message, contentSender(url));
        expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
      }),
      { numRuns: 300, seed: 8 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('decides who is an extension page from the origin, never from an opaque or malformed one', async () => {
    const { isExtensionPage } = await import('./router');
    expect(isExtensionPage(pageSender as never, ORIGIN)).toBe(true);
    expect(isExtensionPage({ url: `${ORIGIN}/popup.html`, tab: { id: 1 } } as never, ORIGIN)).toBe(true);
    // Sandboxed pages and data: frames have the opaque origin "null"; so does `new URL()` of an
    // extension URL in runtimes without special handling for its scheme.
    expect(isExtensionPage({ origin: 'null', url: 'https://sandboxed.example/' } as never, 'null')).toBe(false);
    expect(isExtensionPage({ url: 'about:blank' } as never, 'null')).toBe(false);
    expect(isExtensionPage({ origin: 'null' } as never, ORIGIN)).toBe(false);
    expect(isExtensionPage({ url: 'not a url' } as never, ORIGIN)).toBe(false);
    expect(isExtensionPage({ url: `${ORIGIN}.evil.example/options.html` } as never, ORIGIN)).toBe(false);
    expect(isExtensionPage({ origin: 'https://evil.example', url: `${ORIGIN}/options.html` } as never, ORIGIN)).toBe(false);
    expect(isExtensionPage({} as never, ORIGIN)).toBe(false);
  });

  it('closes the sync progress port to content scripts and opaque origins', async () => {
    const { SYNC_PROGRESS_PORT } = await import('../sync/protocol');
    expect(connectListeners.length).toBeGreaterThan(0);
    const port = (sender: object) => ({
      name: SYNC_PROGRESS_PORT,
      sender,
      disconnect: vi.fn(),
      postMessage: vi.fn(),
      onDisconnect: { addListener: vi.fn() },
      onMessage: { addListener: vi.fn() },
    });
    for (const sender of [contentSender(), contentSender('about:blank'), { origin: 'null' }, {}]) {
      const p = port(sender);
      for (const listener of connectListeners) listener(p);
      expect(p.disconnect, JSON.stringify(sender)).toHaveBeenCalled();
      expect(p.postMessage).not.toHaveBeenCalled();
    }
  });

  it('treats the privileged set as exactly the state-changing messages', () => {
    for (const type of ['dataset.sync', 'dataset.cancel', 'schedule.get', 'schedule.set', 'corrections.add', 'corrections.undo'] as MessageType[]) expect(PRIVILEGED.has(type)).toBe(true);
    for (const type of ['company.card', 'matcher.get', 'matcher.resolve', 'dataset.status', 'ping'] as MessageType[]) expect(PRIVILEGED.has(type)).toBe(false);
  });

  it('answers well-formed read messages with arbitrary ids without throwing or writing', async () => {
    const before = await snapshot();
    const reads = fc.oneof(
      fc.string({ maxLength: 200 }).map((id) => ({ type: 'company.card', id })),
      fc.constantFrom('__proto__', 'constructor', 'alpha-co-0', '', '\u0000').map((id) => ({ type: 'company.card', id })),
      fc.option(fc.string({ maxLength: 200 }), { nil: undefined }).map((haveVersion) => (haveVersion === undefined ? { type: 'matcher.get' } : { type: 'matcher.get', haveVersion })),
      fc.record({ type: fc.constant('matcher.resolve'), version: fc.string({ maxLength: 200 }), values: fc.array(fc.nat(), { maxLength: 50 }) }),
      fc.constant({ type: 'dataset.status' }),
    );
    await fc.assert(
      fc.asyncProperty(reads, fc.boolean(), async (message, fromTab) => {
        const [answer] = await send(message, fromTab ? contentSender() : pageSender);
        // A handler that failed would answer {ok:false, error:{code:'internal'}}: reads never fail.
        expect((answer as { error?: { code?: string } } | null)?.error?.code).not.toBe('internal');
      }),
      { numRuns: 500, seed: 8 },
    );
    expect(await snapshot()).toEqual(before);
  });
});
