// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Lexicon } from '../../lib/detect/lexicon';
import { encodeLexicon } from '../../lib/detect/wire';
import { DEFAULT_SETTINGS } from '../../lib/settings/values';
import { ContentRunner } from './runner';

// happy-dom has no StaticRange; the scanner only reads its four boundary fields.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
};

const wire = (names: string[]) => encodeLexicon(Lexicon.build(names.map((name) => ({ id: name.toLowerCase(), name, aliases: [] }))).toPayload());

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

/** Answers `matcher.get` from `answers[version]`, counting the requests. */
function background(state: { current: string; answers: Record<string, unknown> }) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const m = message as { type: string };
    if (m.type === 'matcher.get') return state.answers[state.current];
    return { ok: true };
  });
}

const found = (runner: ContentRunner) => runner.app!.session.scanner.mentions.map((m) => runner.app!.session.companyId(m.companyIndex));

afterEach(() => vi.restoreAllMocks());

describe('ContentRunner', () => {
  it('swaps in the lexicon of a new dataset when told, and rescans the page', async () => {
    document.body.innerHTML = '<p>XTransfer met Tencent.</p>';
    const state = { current: 'v1', answers: { v1: { version: 'v1', payload: wire(['XTransfer']) }, v2: { version: 'v2', payload: wire(['Tencent']) } } as Record<string, unknown> };
    const send = background(state);
    const runner = new ContentRunner(fakeContext(), DEFAULT_SETTINGS);
    await runner.start();
    await runner.app!.session.scanner.run();
    expect(found(runner)).toEqual(['xtransfer']);
    const first = runner.app;

    state.current = 'v2';
    runner.datasetChanged('v2');
    await vi.waitFor(() => expect(runner.app?.version).toBe('v2'));
    await runner.app!.session.scanner.run();
    expect(found(runner)).toEqual(['tencent']);
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
    background({ current: 'v1', answers: { v1: { version: 'v1', off: true } } });
    const runner = new ContentRunner(fakeContext(), DEFAULT_SETTINGS);
    await runner.start();
    expect(runner.app).toBeNull();

    const off = new ContentRunner(fakeContext(), { ...DEFAULT_SETTINGS, enabled: false });
    vi.restoreAllMocks();
    background({ current: 'v1', answers: { v1: { version: 'v1', payload: wire(['XTransfer']) } } });
    await off.start();
    expect(off.app).toBeNull();
    off.datasetChanged('v2');
    await new Promise((r) => setTimeout(r, 20));
    expect(off.app).toBeNull();
  });
});
