import { browser } from 'wxt/browser';
import { profileUrl } from '../../lib/search/links';

/**
 * Opens a company profile in a new tab. The real popup then closes itself, as toolbar popups
 * do; when popup.html is shown in a tab of its own it stays, so the search is not lost.
 */
export async function openProfile(companyId: string): Promise<void> {
  await browser.tabs.create({ url: profileUrl(companyId) });
  const self = await browser.tabs.getCurrent();
  if (!self) window.close();
}
