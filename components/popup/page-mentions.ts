import { browser } from 'wxt/browser';
import { z } from 'zod';

const PageMentions = z.object({
  url: z.string(),
  mentions: z.array(z.object({ companyId: z.string().max(200), name: z.string().max(300), count: z.number().int().nonnegative() })).max(10_000),
});
export type PageMentions = z.infer<typeof PageMentions>;

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
  try {
    const answer = await browser.tabs.sendMessage(tabId, { type: 'page.mentions' });
    const parsed = PageMentions.safeParse(answer);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
