import { browser } from 'wxt/browser';

/**
 * Opens the welcome page once, when the extension is installed (not on updates or browser
 * starts): what the extension does, that its data stays local, and the first build's progress.
 */
export function startWelcomeService(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch((error) => console.warn('[company-lens] could not open the welcome page', error));
  });
}
