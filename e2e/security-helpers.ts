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
  const deadline = Date.now() + 60_000;
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

/**
 * A private isolated world for the test's own probes, so that a page which breaks its built-ins
 * (Array.prototype.map, querySelector, ...) cannot break the test's measurements either.
 */
export async function probeWorld(ext: Extension, page: Page): Promise<{ evaluate<T = unknown>(expression: string): Promise<T> }> {
  const cdp = await ext.context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'company-lens-test-probe' });
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const result = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return result.result.value as T;
    },
  };
}

/**
 * Collects uncaught exceptions and console errors raised in the extension's content script world
 * of `page`. Call before navigating, so errors during start-up are seen.
 */
export async function extensionErrors(ext: Extension, page: Page): Promise<() => string[]> {
  const cdp = await ext.context.newCDPSession(page);
  const ours = new Set<number>();
  const errors: { context: number; text: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${ext.id}`) ours.add(context.id);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    errors.push({ context: exceptionDetails.executionContextId ?? -1, text: exceptionDetails.exception?.description ?? exceptionDetails.text }),
  );
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type === 'error') errors.push({ context: event.executionContextId, text: event.args.map((a) => a.value ?? a.description).join(' ') });
  });
  await cdp.send('Runtime.enable');
  return () => errors.filter((e) => ours.has(e.context)).map((e) => e.text);
}

export interface CardProbe {
  open: boolean;
  text: string;
  rect: { x: number; y: number; width: number; height: number };
  nameFontPx: number;
  onTop: boolean;
  opacity: string;
  visibility: string;
  viewport: { width: number; height: number };
}

/** Where the card is, what it says, and whether it is the topmost thing at its centre. */
export const CARD_PROBE = `(() => {
  const host = document.querySelector('company-lens-card');
  const card = host && host.shadowRoot && host.shadowRoot.querySelector('.cl-card');
  if (!card) return { open: false };
  const r = card.getBoundingClientRect();
  const name = card.querySelector('.cl-name') || card;
  const cx = r.x + Math.min(r.width / 2, 40), cy = r.y + Math.min(r.height / 2, 40);
  const hit = document.elementFromPoint(cx, cy);
  const style = getComputedStyle(card);
  return {
    open: r.width > 0 && r.height > 0,
    text: card.textContent,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    nameFontPx: parseFloat(getComputedStyle(name).fontSize),
    onTop: hit === host,
    opacity: style.opacity,
    visibility: style.visibility,
    viewport: { width: innerWidth, height: innerHeight },
  };
})()`;

/** Client rect of the first occurrence of `text` inside the element with id `id`. */
export const nameRect = (id: string, text: string) => `(() => {
  const el = document.getElementById(${JSON.stringify(id)});
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(${JSON.stringify(text)});
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${text.length});
    const r = range.getClientRects()[0];
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  }
  return null;
})()`;
