import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { CompanyLensDB, SourceKind } from '../lib/store/db';

/**
 * Unit-test wiring of the real background on WXT's fake browser. Modules are loaded afresh each
 * time (`vi.resetModules`), because the router keeps its handlers in module state.
 */

/**
 * The router and the settings service alone. The fake browser's `runtime.sendMessage` names no
 * sender; with `asPage` such messages count as the options page's, as a restore from a backup is.
 */
export async function startSettingsWriter({ asPage = false } = {}): Promise<void> {
  vi.resetModules();
  const { route, extensionOrigin } = await import('../lib/background/router');
  const { startSettingsService } = await import('../lib/background/settings');
  const origin = extensionOrigin();
  browser.runtime.onMessage.addListener((message, sender) => route(message, asPage ? { url: `${origin}/options.html`, origin } : sender, origin));
  startSettingsService();
}

/**
 * The whole background over a fresh database holding a small dataset, once its start-up work is
 * done: startBackground's promise settles once recovery and the search-index check are over.
 */
export async function startBackgroundOver(name: string, sourceKind: SourceKind): Promise<CompanyLensDB> {
  vi.resetModules();
  const { CompanyLensDB, setDbForTests } = await import('../lib/store/db');
  const { writeDataset } = await import('../lib/store/write');
  const { makeDataset } = await import('./support/datasets');
  const { Lexicon } = await import('../lib/detect/lexicon');
  const db = new CompanyLensDB(name);
  setDbForTests(db);
  const dataset = makeDataset('alpha', 4);
  await writeDataset(db, { dataset, sourceKind, lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: '{}' });
  const { startBackground } = await import('../lib/background/start');
  await startBackground();
  return db;
}
