import type { CDPSession, Page } from 'playwright-core';
import type { Extension } from './harness';

/**
 * Runs code in the content script's isolated world of a tab, through the DevTools protocol: the
 * only honest way for a test to act *as* the content script (page.evaluate runs in the page's
 * main world, which has no extension APIs at all). The world is the execution context whose
 * origin is the extension's.
 */
export interface ContentWorld {
  cdp: CDPSession;
  evaluate<T = unknown>(expression: string): Promise<T>;
}

export async function contentWorld(ext: Extension, page: Page): Promise<ContentWorld> {
  const cdp = await ext.context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as never));
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${ext.id}`;
  const deadline = Date.now() + 15_000;
  let found: (typeof contexts)[number] | undefined;
  while (!(found = contexts.filter((c) => c.origin === origin && c.auxData?.isDefault === false).at(-1))) {
    if (Date.now() > deadline) throw new Error(`no content script world on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const contextId = found.id;
  return {
    cdp,
    async evaluate<T>(expression: string): Promise<T> {
      const result = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return result.result.value as T;
    },
  };
}

/** Sends a runtime message from an extension page and reports a rejection as a value. */
export async function sendSettled(ext: Extension, message: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await ext.send(message) };
  } catch (error) {
    return { ok: false, error: String((error as Error).message) };
  }
}
