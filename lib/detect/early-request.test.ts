import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_REQUEST_KEY, LEXICON_REQUEST, takeEarlyRequest } from './early-request';

const script = readFileSync(resolve(import.meta.dirname, '../../public/early-request.js'), 'utf8');

/** Runs the script in a fresh global with `chrome.runtime.sendMessage`; returns what it left under the key. */
function runEarly(sendMessage: (message: unknown) => Promise<unknown>): Promise<unknown> {
  const world = createContext({ chrome: { runtime: { id: 'ext', sendMessage } } });
  runInContext(script, world);
  return runInContext(`globalThis[Symbol.for(${JSON.stringify(EARLY_REQUEST_KEY)})]`, world) as Promise<unknown>;
}

describe('the early lexicon request (public/early-request.js)', () => {
  it('sends the lexicon request and leaves its answer where the content script takes it', async () => {
    const sent: unknown[] = [];
    const left = runEarly(async (m) => (sent.push(m), { version: 'v1' }));
    expect(sent).toEqual([LEXICON_REQUEST]);
    // The content script reads the same key, from the global object the two scripts share.
    (globalThis as Record<symbol, unknown>)[Symbol.for(EARLY_REQUEST_KEY)] = left;
    expect(await takeEarlyRequest()).toEqual({ version: 'v1' });
    expect(takeEarlyRequest()).toBeUndefined();
  });

  it('swallows a failed request, which the content script sends again', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const left = runEarly(() => Promise.reject(new Error('no worker')));
    await expect(left).rejects.toThrow('no worker');
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', record);
    expect(unhandled).toEqual([]);
  });
});
