import { browser } from 'wxt/browser';
import { assembleCard } from '../cards/assemble';
import type { Message, TabMessageOf } from '../messages';
import type { LexiconPayload } from '../detect/lexicon';
import { encodeIds, encodeLexicon, type WireLexicon } from '../detect/wire';
import { getSettings, isSiteDisabled, type Settings } from '../settings/settings';
import * as read from '../store/read';
import { loadLexicon } from './lexicon';
import { sendToTab } from '../protocol/send';
import { registerHandlers } from './router';

/**
 * Card service: everything a content script may ask of the background. Content scripts never open
 * IndexedDB (it would be the page's database), so the matcher payload and card data come from
 * here. None of these messages change state, so they are not privileged.
 */

type LexiconEntry = { version: string; payload: LexiconPayload; wire: WireLexicon; ids: string | string[] };
let cached: LexiconEntry | null = null;

/**
 * The lexicon of the active dataset. It is read from the store once per dataset version and kept,
 * because every tab asks for it on load and the version check is one small transaction.
 */
async function currentLexicon(): Promise<LexiconEntry | null> {
  const { version } = await read.getStatus();
  if (!version) return null;
  if (cached?.version !== version) {
    const entry = await loadLexicon();
    cached = entry ? { version: entry.version, payload: entry.payload, wire: encodeLexicon(entry.payload), ids: encodeIds(entry.payload) } : null;
  }
  return cached;
}

/**
 * Tells every tab that the active dataset changed, so open pages fetch the new lexicon and scan
 * again instead of keeping the old one until they are reloaded. Tabs without our content script
 * (browser pages) have no receiver; that rejection is expected and ignored.
 */
export async function broadcastDatasetChanged(version: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'dataset.changed', version }).catch(() => undefined))),
  );
}

/** Whether detection runs on the page at `url` (the sending frame's address). */
export function detectsOn(settings: Settings, url: string | undefined): boolean {
  if (!settings.enabled) return false;
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    host = '';
  }
  return !isSiteDisabled(settings, host);
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** The keyboard commands (wxt.config.ts) that the active tab's content script carries out. */
const CARD_COMMANDS: Record<string, TabMessageOf<'card.openAtSelection'> | TabMessageOf<'card.step'>> = {
  'open-card': { type: 'card.openAtSelection' },
  'next-company': { type: 'card.step', direction: 1 },
  'previous-company': { type: 'card.step', direction: -1 },
};

export function startCardService(): void {
  registerHandlers({
    'company.card': ({ id }) => read.readSnapshot(() => assembleCard(read, id)),
    'company.open': async ({ id, section }, sender) => {
      const url = `${browser.runtime.getURL('/company.html')}?id=${encodeURIComponent(id)}${section ? `#${section}` : ''}`;
      const tab = sender.tab;
      await browser.tabs.create({ url, ...(tab?.id !== undefined ? { openerTabId: tab.id, index: tab.index + 1 } : {}) });
      return { ok: true };
    },
    'matcher.get': async ({ haveVersion }, sender) => {
      const [lexicon, settings] = await Promise.all([currentLexicon(), getSettings()]);
      if (!lexicon) return null;
      // Tabs ask before they have read their settings (to save a round trip on every page load),
      // so the megabytes of lexicon are withheld here where detection is off for that page.
      if (!detectsOn(settings, sender.url)) return { version: lexicon.version, off: true };
      if (haveVersion === lexicon.version) return { version: lexicon.version, unchanged: true };
      // The settings go along: the content script then starts without reading them itself.
      return { version: lexicon.version, payload: lexicon.wire, settings };
    },
    'matcher.ids': async ({ version }) => {
      const lexicon = await currentLexicon();
      // A tab that asks for the ids of an older version is about to be told of the new one.
      return lexicon?.version === version ? { version, ids: lexicon.ids } : { version: lexicon?.version ?? '', ids: null };
    },
    'matcher.resolve': async ({ version, values }) => {
      const lexicon = await currentLexicon();
      if (!lexicon || lexicon.version !== version) return { version: lexicon?.version ?? '', companies: null };
      const { company, companyIds } = lexicon.payload;
      const ids = values.map((v) => (v < company.length && company[v] >= 0 ? companyIds[company[v]] : null));
      const known = new Map((await read.getCompanies([...new Set(ids.filter((id): id is string => id !== null))])).map((c) => [c.id, c]));
      return {
        version,
        companies: ids.map((id) => {
          const c = id ? known.get(id) : undefined;
          return c ? { id: c.id, name: c.name } : null;
        }),
      };
    },
    'page.report': async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      await browser.action.setBadgeText({ tabId, text: badgeText(count) });
      return { ok: true };
    },
  });
  // After an update the stored lexicon may be in an older format: derive it again now, while no
  // tab is waiting, rather than on the first page load.
  browser.runtime.onInstalled.addListener(() => void currentLexicon().catch((e) => console.warn('[company-lens] lexicon check failed', e)));
  browser.commands.onCommand.addListener((command) => {
    const message = CARD_COMMANDS[command];
    if (!message) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // A tab without our content script (a browser page, the store) simply has no receiver.
      if (tab?.id !== undefined) sendToTab(tab.id, message).catch(() => undefined);
    });
  });
}
