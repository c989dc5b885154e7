/// <reference types="chrome" />
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverWord, openScanned } from './fixtures/pages/pages';
import { useExtensionWithPages } from './session';

const session = useExtensionWithPages();
const pages: Page[] = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.close().catch(() => undefined);
});

const card = (page: Page) => page.locator('company-lens-card .cl-card');
const toast = (page: Page) => page.locator('company-lens-card [data-testid="undo-toast"]');
const painted = (page: Page) => page.evaluate(() => CSS.highlights.get('company-lens')?.size ?? 0);

async function open(path: string): Promise<Page> {
  const page = await openScanned(session.ext, `${session.server.url}${path}`);
  pages.push(page);
  return page;
}

describe('undo on the page', () => {
  it('brings the marks back after a mute', async () => {
    const page = await open('/dark.html');
    await expect.poll(() => painted(page)).toBe(2);
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="mute"]').click();
    await expect.poll(() => painted(page)).toBe(1);
    expect(await toast(page).textContent()).toContain('“XTransfer” is muted');
    await toast(page).locator('[data-action="undo"]').click();
    await expect.poll(() => painted(page)).toBe(2);
    await expect.poll(() => toast(page).count()).toBe(0);
    await hoverWord(page, 'XTransfer');
    await expect.poll(() => card(page).locator('.cl-name').textContent(), { timeout: 5_000 }).toBe('XTransfer');
  });

  it('focuses Undo when the mute came from the keyboard, and Enter on it brings the mark back', async () => {
    const page = await open('/dark.html');
    await expect.poll(() => painted(page)).toBe(2);
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="mute"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => painted(page)).toBe(1);
    await expect.poll(() => toast(page).locator('[data-action="undo"]').evaluate((b) => b.matches(':focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => painted(page)).toBe(2);
  });

    it('turns the site back on after "Turn off on this site"', async () => {
    const page = await open('/dark.html');
    await expect.poll(() => painted(page)).toBe(2);
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="site-off"]').click();
    await expect.poll(() => painted(page)).toBe(0);
    expect(await toast(page).textContent()).toContain('off on 127.0.0.1');
    await toast(page).locator('[data-action="undo"]').click();
    await expect.poll(() => painted(page), { timeout: 10_000 }).toBe(2);
    const stored = (await (await session.ext.currentWorker()).evaluate(() => chrome.storage.local.get('settings'))) as { settings: { disabledSites: string[] } };
    expect(stored.settings.disabledSites).toEqual([]);
  });
});

describe('the popup switch and undo', () => {
  it('turns the site off and on, and undoes the last mute', async () => {
    const page = await open('/dark.html');
    await expect.poll(() => painted(page)).toBe(2);
    const url = page.url();
    const tabId = await (await session.ext.currentWorker()).evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, url);
    const popup = await session.ext.extensionPage(`popup.html?tab=${tabId}`);
    pages.push(popup);
    const sw = popup.getByRole('switch', { name: 'Mark company names on 127.0.0.1' });
    await sw.waitFor();
    expect(await sw.isChecked()).toBe(true);
    await sw.uncheck();
    await expect.poll(() => painted(page)).toBe(0);
    await expect.poll(() => popup.getByText('Company Lens is off on this site.').count()).toBe(1);
    await sw.check();
    await expect.poll(() => painted(page), { timeout: 10_000 }).toBe(2);

    await page.bringToFront();
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="mute"]').click();
    await expect.poll(() => painted(page)).toBe(1);
    const undo = popup.getByTestId('site-switch').locator('[data-action="unmute"]');
    await undo.waitFor();
    expect(await popup.getByTestId('site-switch').textContent()).toContain('Muted “XTransfer”');
    await undo.click();
    await expect.poll(() => painted(page)).toBe(2);
    await expect.poll(() => undo.count()).toBe(0);
  });
});
