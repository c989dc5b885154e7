import { browser } from 'wxt/browser';
import { extensionOrigin, registerHandlers, route } from './router';
import { startCardService } from './cards';
import { startDatasetService } from './dataset';
import { startLookupService } from './lookup';
import { startSettingsService } from './settings';
import { startWelcomeService } from './welcome';

/**
 * Wires the background worker. Each concern lives in its own module under lib/background and
 * registers its message handlers with the router; listeners are added synchronously at start-up
 * so that a worker woken by an event sees them. The promise settles when the start-up work
 * (recovering an interrupted sync, making sure a dataset and its search index exist) is done.
 */
export function startBackground(): Promise<void> {
  const origin = extensionOrigin();
  registerHandlers({ ping: () => ({ pong: true }) });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender, origin));
  startSettingsService();
  const started = startDatasetService();
  startCardService();
  startLookupService();
  startWelcomeService();
  return started;
}
