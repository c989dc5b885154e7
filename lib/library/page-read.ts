import { browser } from 'wxt/browser';
import type { ReadablePage } from './readable';

/**
 * Reading a tab's article from the content script, for a tab where the extension may not
 * inject a script (no activeTab grant: the popup opened as a page for another tab, say). The
 * reader module (entrypoints/page-reader.ts) is imported only when the background asks, which it
 * does only when the user asked to add the page; the content script itself never carries it.
 */

export const PAGE_READER = Symbol.for('company-lens:page-reader');
type Slot = { [PAGE_READER]?: () => ReadablePage | null };

/** Called by the reader module when it runs: leaves the reading function for later requests. */
export function registerPageReader(read: () => ReadablePage | null): () => ReadablePage | null {
  (globalThis as Slot)[PAGE_READER] = read;
  return read;
}

/** In the content script: loads the reader module once, then reads the page. */
export async function readThisPage(): Promise<ReadablePage | null> {
  const slot = globalThis as Slot;
  if (!slot[PAGE_READER]) await import(/* @vite-ignore */ browser.runtime.getURL('/page-reader.js'));
  const read = slot[PAGE_READER];
  if (!read) throw new Error('The page reader loaded but did not register');
  return read();
}
