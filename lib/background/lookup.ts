import { browser, type Browser } from 'wxt/browser';
import { openSearchIndex } from '../search/load';
import { lookupTarget, omniboxSuggestions } from '../search/lookup';
import { profileUrl, searchUrl } from '../search/links';
import { ADD_PAGE_MENU_ID } from './add-page';

/**
 * Look-up service: the "Look up “…”" context-menu item on selected text and the `co` omnibox
 * keyword. Both resolve free text with the search index the popup uses and open the best
 * company's profile, or the search page when no company is a confident match.
 */

const MENU_ID = 'company-lens-lookup';

/** Suggestion text → company id, so Enter on a suggestion opens exactly that company. */
let lastSuggestions = new Map<string, string>();

async function resolveUrl(text: string, tabId?: number): Promise<string> {
  const index = await openSearchIndex().catch(() => null);
  const target = lookupTarget(index, text);
  return target.companyId ? profileUrl(target.companyId) : searchUrl(target.query, tabId);
}

async function menuClicked(info: { menuItemId: string | number; selectionText?: string }, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return;
  const url = await resolveUrl(info.selectionText, tab?.id);
  await browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
}

async function omniboxChanged(text: string): Promise<{ content: string; description: string }[]> {
  const index = await openSearchIndex().catch(() => null);
  const suggestions = omniboxSuggestions(index, text, import.meta.env.BROWSER !== 'firefox');
  lastSuggestions = new Map(suggestions.map((s) => [s.content, s.companyId]));
  return suggestions.map(({ content, description }) => ({ content, description }));
}

async function omniboxEntered(text: string, disposition: string): Promise<string> {
  const chosen = lastSuggestions.get(text);
  const url = chosen ? profileUrl(chosen) : await resolveUrl(text);
  if (disposition === 'currentTab') {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id !== undefined) {
      await browser.tabs.update(active.id, { url });
      return url;
    }
  }
  await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
  return url;
}

function createMenu(): void {
  // removeAll first: on an update the old item still exists and create() would fail on its id.
  // Every item of the extension's menu is made here, after that one removal.
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Look up “%s”', contexts: ['selection'] });
    browser.contextMenus.create({ id: ADD_PAGE_MENU_ID, title: 'Add this page to your Company Lens library', contexts: ['page'] });
  });
}

export function startLookupService(): void {
  browser.runtime.onInstalled.addListener(createMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => void menuClicked(info, tab).catch((e) => console.error('[company-lens] look-up failed', e)));
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void omniboxChanged(text).then(suggest, (e) => console.error('[company-lens] omnibox suggestions failed', e));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void omniboxEntered(text, disposition).catch((e) => console.error('[company-lens] omnibox failed', e));
  });
  // The browser calls these handlers from UI a test cannot drive (the native context menu and
  // the address bar), so the e2e build (npm run build:e2e) makes the same functions reachable from
  // the worker's global scope, and tests call them with the arguments the browser would pass. The
  // variable is replaced at build time: the production build has neither the hook nor this branch.
  if (import.meta.env.WXT_E2E_HOOKS === '1') {
    (globalThis as Record<string, unknown>).__companyLensLookup = { menuClicked, omniboxChanged, omniboxEntered, MENU_ID };
  }
}
