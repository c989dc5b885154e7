import { browser } from 'wxt/browser';
import type { TabAnswerOf } from '../../lib/protocol/answers';
import { loadMessaging } from './store';

/** What a content script answers to `page.mentions`: the companies it found and how often. */
export type PageMentions = TabAnswerOf<'page.mentions'>;

const isWebPage = (url: string | undefined) => !!url && /^(https?|file):/i.test(url);

/**
 * The tab whose companies "On this page" lists. In the real popup it is the active tab of the
 * popup's window. When popup.html is opened as a tab of its own (a look-up without a confident
 * answer opens it that way, and so do tests), the active tab is the popup itself: then the tab it
 * was opened for is passed as `?tab=`, or failing that the most recently used web page is taken.
 */
export async function findPageTab(explicitTabId?: number): Promise<number | null> {
  if (explicitTabId !== undefined) return explicitTabId;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  if (active && !(active.url ?? '').startsWith(ownOrigin)) return active.id ?? null;
  const tabs = (await browser.tabs.query({})).filter((t) => isWebPage(t.url) && t.id !== undefined);
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return tabs[0]?.id ?? null;
}

/**
 * Asks the content script of `tabId` which companies it found. Null when the page has no
 * content script (browser pages, the store, pages still loading) or answers nonsense.
 */
export async function askPageMentions(tabId: number): Promise<PageMentions | null> {
  const { sendToTab } = await loadMessaging();
  return sendToTab(tabId, { type: 'page.mentions' }).catch(() => null);
}
