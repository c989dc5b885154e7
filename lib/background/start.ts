import { browser } from 'wxt/browser';
import { registerHandlers, route } from './router';

/**
 * Wires the background worker. Each concern (dataset store and sync, cards, look-ups, badge)
 * lives in its own module under lib/background and registers its handlers here.
 */
export function startBackground(): void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  registerHandlers({ ping: () => ({ pong: true }) });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, origin));
}
