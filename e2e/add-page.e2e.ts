import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SyncResult } from '../lib/sync/protocol';
import { hoverWord, mentionsOf } from './fixtures/pages/pages';
import { libraryFacts } from './fixtures/library/store';
import { useExtensionWithFixtures } from './session';

const session = useExtensionWithFixtures();
const card = (page: Page) => page.locator('company-lens-card .cl-card');

/** The id of the tab showing `page`, as the popup would know it. */
async function tabIdOf(page: Page): Promise<number> {
  const worker = await session.ext.currentWorker();
  return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, page.url());
}

describe('"Add this page" in Chromium', () => {
  it('saves a served article about a made-up company: a card on the page, a profile whose source opens the article at the sentence', async () => {
    const { ext, server } = session;
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/library/quorvane.html`);
    // Before the page is added, the extension knows nothing of the company.
    expect((await mentionsOf(ext, page)).mentions.map((m) => m.name)).not.toContain('Quorvane Robotics');

    const result = await ext.send<SyncResult>({ type: 'library.addPage', tabId: await tabIdOf(page) });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, outcome: 'ok' });
    expect(result.ok && result.report?.files[0]).toMatchObject({ articles: 1, discovered: expect.arrayContaining(['Quorvane Robotics']) });
    const saved = (await libraryFacts(await ext.extensionPage('options.html'))).library;
    expect(saved.map((a) => [a.origin, a.title])).toEqual([[page.url(), 'Warehouse robot maker raises funds']]);
    expect(saved[0].body).not.toMatch(/Home|All rights reserved/);

    // The tab rescans with the new names: the company is marked and has a card.
    await expect.poll(async () => (await ext.sendToTab<{ mentions: { name: string }[] }>(page, { type: 'page.mentions' })).mentions.map((m) => m.name), { timeout: 30_000 }).toContain('Quorvane Robotics');
    await hoverWord(page, 'Quorvane Robotics', 0);
    await expect.poll(() => card(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    expect(await card(page).locator('.cl-name').textContent()).toBe('Quorvane Robotics');

    // The profile's source opens the saved article in the reader, at the sentence.
    const profile = await ext.extensionPage('company.html?id=quorvane-robotics');
    const source = profile.getByTestId('fact-source').first();
    await source.waitFor();
    const sentence = await profile.locator('.cl-sentence').first().textContent();
    const reader = await ext.extensionPage((await source.getAttribute('href'))!);
    await expect.poll(() => reader.getByTestId('reader-title').textContent()).toBe('Warehouse robot maker raises funds');
    expect(await reader.getByTestId('reader-hit').textContent()).toBe(sentence);
    expect(await reader.getByTestId('reader-source').textContent()).toMatch(/Northern Ledger · 2025-06-03 · http:\/\/127\.0\.0\.1:\d+\/library\/quorvane\.html · Jo Example · in your library/);
    await expect.poll(() => reader.evaluate(() => { const r = document.getElementById('cl-hit')!.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    for (const p of [page, profile, reader]) await p.close();
  });

  it('stores nothing from a page without a readable article, and says so', async () => {
    const { ext, server } = session;
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/plain.html`);
    const before = (await libraryFacts(await ext.extensionPage('options.html'))).library;
    const result = await ext.send<SyncResult>({ type: 'library.addPage', tabId: await tabIdOf(page) });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: 'no-article', message: expect.stringMatching(/no article .* Nothing was saved/) } });
    expect((await libraryFacts(await ext.extensionPage('options.html'))).library).toEqual(before);
    await page.close();
  });
});
