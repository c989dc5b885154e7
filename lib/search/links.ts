import { browser } from 'wxt/browser';

/** The profile page of a company, as a full extension URL. */
export function profileUrl(companyId: string): string {
  return `${browser.runtime.getURL('/company.html')}?id=${encodeURIComponent(companyId)}`;
}

/** The popup's search page opened in a tab, used when a look-up has no confident answer. */
export function searchUrl(query: string, tabId?: number): string {
  const params = new URLSearchParams({ q: query });
  if (tabId !== undefined) params.set('tab', String(tabId));
  return `${browser.runtime.getURL('/popup.html')}?${params}`;
}
