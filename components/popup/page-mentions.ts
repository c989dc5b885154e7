import { browser } from 'wxt/browser';

/** What a content script answers to `page.mentions`: the companies it found and how often. */
export interface PageMentions {
  url: string;
  mentions: { companyId: string; name: string; count: number }[];
}

const MAX_MENTIONS = 10_000;

const isMention = (m: unknown): m is PageMentions['mentions'][number] => {
  const { companyId, name, count } = (m ?? {}) as Record<string, unknown>;
  return typeof companyId === 'string' && companyId.length <= 200 && typeof name === 'string' && name.length <= 300 && Number.isInteger(count) && (count as number) >= 0;
};

/**
 * Checks a content script's answer by hand rather than with a zod schema: zod is by far the
 * largest module the popup would load, and this one check is all the popup needs it for, so
 * leaving it out takes its download and evaluation off the path to the first results.
 */
export function parsePageMentions(answer: unknown): PageMentions | null {
  const { url, mentions } = (answer ?? {}) as Record<string, unknown>;
  if (typeof url !== 'string' || !Array.isArray(mentions) || mentions.length > MAX_MENTIONS || !mentions.every(isMention)) return null;
  return { url, mentions: mentions.map(({ companyId, name, count }) => ({ companyId, name, count })) };
}

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
    return parsePageMentions(answer);
  } catch {
    return null;
  }
}
