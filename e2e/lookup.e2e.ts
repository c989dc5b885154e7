/// <reference types="chrome" />
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionWithFixtures } from './session';

/**
 * The native context menu and the address bar cannot be driven from a test, so these tests call
 * the very handlers lookup.ts registers with chrome.contextMenus.onClicked and
 * chrome.omnibox.onInputEntered, through the hook the e2e build (npm run build:e2e) leaves on the
 * worker's global scope, with the arguments Chromium would pass. That the listeners are
 * registered is checked separately.
 */
const session = useExtensionWithFixtures();

type Hook = {
  menuClicked(info: unknown, tab?: unknown): Promise<void>;
  omniboxChanged(text: string): Promise<{ content: string; description: string }[]>;
  omniboxEntered(text: string, disposition: string): Promise<string>;
  MENU_ID: string;
};
declare const __companyLensLookup: Hook;

async function opened(action: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([session.ext.context.waitForEvent('page'), action()]);
  await page.waitForLoadState();
  return page;
}

describe('look-ups from anywhere', () => {
  beforeAll(async () => {
    const w = await session.ext.currentWorker();
    if (!(await w.evaluate(() => typeof (globalThis as { __companyLensLookup?: unknown }).__companyLensLookup === 'object'))) {
      throw new Error('The extension was built without its e2e hooks: build it with "npm run build:e2e" (WXT_E2E_HOOKS=1) before these tests');
    }
  });

  it('registers the context menu and omnibox listeners', async () => {
    const w = await session.ext.currentWorker();
    expect(await w.evaluate(() => [chrome.contextMenus.onClicked.hasListeners(), chrome.omnibox.onInputEntered.hasListeners(), chrome.omnibox.onInputChanged.hasListeners()])).toEqual([true, true, true]);
  });

  it('opens the profile of the selected company from the context menu', async () => {
    const news = await session.ext.context.newPage();
    await news.goto(`${session.server.url}/popup/news.html`);
    const w = await session.ext.currentWorker();
    const page = await opened(() =>
      w.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        await __companyLensLookup.menuClicked({ menuItemId: __companyLensLookup.MENU_ID, selectionText: ' XTransfer’s ', pageUrl: url, editable: false }, tab);
      }, news.url()),
    );
    expect(page.url()).toMatch(/\/company\.html\?id=xtransfer$/);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('XTransfer');
    await page.close();
    await news.close();
  });

  it('opens the search page when the selection names no company confidently', async () => {
    const w = await session.ext.currentWorker();
    const page = await opened(() => w.evaluate(() => __companyLensLookup.menuClicked({ menuItemId: __companyLensLookup.MENU_ID, selectionText: 'quarterly earnings', editable: false })));
    expect(new URL(page.url()).pathname).toBe('/popup.html');
    expect(new URL(page.url()).searchParams.get('q')).toBe('quarterly earnings');
    expect(await page.getByRole('combobox').inputValue()).toBe('quarterly earnings');
    await page.close();
  });

  it('suggests companies for the omnibox keyword and opens the best match on Enter', async () => {
    const w = await session.ext.currentWorker();
    const suggestions = await w.evaluate(() => __companyLensLookup.omniboxChanged('alibaba'));
    expect(suggestions[0]).toMatchObject({ content: 'Alibaba Group' });
    expect(suggestions[0].description).toMatch(/^<match>Alibaba Group<\/match>/);
    const page = await opened(() => w.evaluate(() => __companyLensLookup.omniboxEntered('tencent', 'newForegroundTab')));
    expect(page.url()).toMatch(/\/company\.html\?id=tencent$/);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Tencent');
    await page.close();
  });
});
