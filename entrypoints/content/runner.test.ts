// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Lexicon } from '../../lib/detect/lexicon';
import { encodeIds, encodeLexicon } from '../../lib/detect/wire';
import { DEFAULT_SETTINGS } from '../../lib/settings/values';
import { ContentRunner } from './runner';

// happy-dom has no StaticRange; the scanner only reads its four boundary fields.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
};

/** What the background answers for a lexicon of `names`: its tables, then its company ids. */
function answersFor(version: string, names: string[]) {
  const payload = Lexicon.build(names.map((name) => ({ id: name.toLowerCase(), name, aliases: [] }))).toPayload();
  return { get: { version, payload: encodeLexicon(payload) }, ids: { version, ids: encodeIds(payload) } };
}

/** The parts of WXT's context the content script uses, without its page-level side effects. */
function fakeContext(): ContentScriptContext {
  const abort = new AbortController();
  return {
    isInvalid: false,
    signal: abort.signal,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    requestIdleCallback: () => 0,
    addEventListener: (target: EventTarget, type: string, listener: EventListener, options?: AddEventListenerOptions) => target.addEventListener(type, listener, options),
    onInvalidated: (fn: () => void) => abort.signal.addEventListener('abort', fn),
  } as unknown as ContentScriptContext;
}

/** Answers `matcher.get` and `matcher.ids` from `answers[version]`, counting the requests. */
function background(state: { current: string; answers: Record<string, { get: unknown; ids?: unknown }> }) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const m = message as { type: string };
    if (m.type === 'matcher.get') return state.answers[state.current].get;
    if (m.type === 'matcher.ids') return state.answers[state.current].ids;
    return { ok: true };
  });
}

async function found(runner: ContentRunner): Promise<string[]> {
  const app = runner.app!;
  await app.session.scanner.run();
  await app.ready;
  return app.session.scanner.mentions.map((m) => app.session.companyId(m.companyIndex));
}

afterEach(() => vi.restoreAllMocks());

describe('ContentRunner', () => {
  it('swaps in the lexicon of a new dataset when told, and rescans the page', async () => {
    document.body.innerHTML = '<p>XTransfer met Tencent.</p>';
    const state = { current: 'v1', answers: { v1: answersFor('v1', ['XTransfer']), v2: answersFor('v2', ['Tencent']) } };
    const send = background(state);
    const runner = new ContentRunner(fakeContext(), DEFAULT_SETTINGS);
    await runner.start();
    expect(await found(runner)).toEqual(['xtransfer']);
    const first = runner.app;

    state.current = 'v2';
    runner.datasetChanged('v2');
    await vi.waitFor(() => expect(runner.app?.version).toBe('v2'), { timeout: 30_000 });
    expect(await found(runner)).toEqual(['tencent']);
    expect(first!.session.scanner.mentions.length).toBe(1);

    // Told again about the version it already has: nothing is fetched.
    const asked = send.mock.calls.filter(([m]) => (m as { type: string }).type === 'matcher.get').length;
    runner.datasetChanged('v2');
    await new Promise((r) => setTimeout(r, 20));
    expect(send.mock.calls.filter(([m]) => (m as { type: string }).type === 'matcher.get').length).toBe(asked);
    runner.dispose();
  });

  it('starts nothing where the background says detection is off, or the settings say so', async () => {
    document.body.innerHTML = '<p>XTransfer</p>';
    background({ current: 'v1', answers: { v1: { get: { version: 'v1', off: true } } } });
    const runner = new ContentRunner(fakeContext(), DEFAULT_SETTINGS);
    await runner.start();
    expect(runner.app).toBeNull();

    const off = new ContentRunner(fakeContext(), { ...DEFAULT_SETTINGS, enabled: false });
    vi.restoreAllMocks();
    background({ current: 'v1', answers: { v1: answersFor('v1', ['XTransfer']) } });
    await off.start();
    expect(off.app).toBeNull();
    off.datasetChanged('v2');
    await new Promise((r) => setTimeout(r, 20));
    expect(off.app).toBeNull();
  });
});
