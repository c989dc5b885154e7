import { browser } from 'wxt/browser';
import { assembleCard } from '../cards/assemble';
import type { LexiconPayload } from '../detect/lexicon';
import { encodeLexicon, type WireLexicon } from '../detect/wire';
import * as read from '../store/read';
import { registerHandlers } from './router';

/**
 * Card service: everything a content script may ask of the background. Content scripts never open
 * IndexedDB (it would be the page's database), so the matcher payload and card data come from
 * here. None of these messages change state, so they are not privileged.
 */

type LexiconEntry = { version: string; payload: LexiconPayload; wire: WireLexicon };
let cached: LexiconEntry | null = null;

/**
 * The lexicon of the active dataset. It is read from the store once per dataset version and kept,
 * because every tab asks for it on load and the version check is one small transaction.
 */
async function currentLexicon(): Promise<LexiconEntry | null> {
  const { version } = await read.getStatus();
  if (!version) return null;
  if (cached?.version !== version) {
    const entry = await read.getLexiconPayload();
    cached = entry ? { ...entry, wire: encodeLexicon(entry.payload) } : null;
  }
  return cached;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export function startCardService(): void {
  registerHandlers({
    'company.card': ({ id }) => read.readSnapshot(() => assembleCard(read, id)),
    'company.open': async ({ id }, sender) => {
      const url = `${browser.runtime.getURL('/company.html')}?id=${encodeURIComponent(id)}`;
      const tab = sender.tab;
      await browser.tabs.create({ url, ...(tab?.id !== undefined ? { openerTabId: tab.id, index: tab.index + 1 } : {}) });
      return { ok: true };
    },
    'matcher.get': async ({ haveVersion }) => {
      const lexicon = await currentLexicon();
      if (!lexicon) return null;
      if (haveVersion === lexicon.version) return { version: lexicon.version, unchanged: true };
      // Encoded because Chrome sends messages as JSON, which does not keep typed arrays.
      return { version: lexicon.version, payload: lexicon.wire };
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
  browser.commands.onCommand.addListener((command) => {
    if (command !== 'open-card') return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      // A tab without our content script (a browser page, the store) simply has no receiver.
      if (tab?.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'card.openAtSelection' }).catch(() => undefined);
    });
  });
}
