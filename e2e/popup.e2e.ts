import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExtensionWithFixtures } from './session';

const session = useExtensionWithFixtures();

async function openPopup(): Promise<Page> {
  const page = await session.ext.extensionPage('popup.html');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
  return page;
}

/** Names of the rows under one group heading, in order. */
function groupNames(page: Page, title: string): Promise<string[]> {
  return page.evaluate((title) => {
    const group = [...document.querySelectorAll('.cl-group')].find((g) => g.querySelector('.cl-group-title')?.textContent === title);
    return group ? [...group.querySelectorAll('.cl-row-name')].map((n) => n.textContent ?? '') : [];
  }, title);
}

/** The first company row: the top hit when it is one, else the first of the Companies group. */
function firstCompany(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector('.cl-row:not([data-kind="person"]):not([data-kind="article"]) .cl-row-name')?.textContent ?? undefined);
}

describe('the popup search in Chromium', () => {
  it('ranks as the user types: tencen, xtrans, 阿里, a person', async () => {
    const page = await openPopup();
    const box = page.getByRole('combobox');
    await box.pressSequentially('tencen');
    await expect.poll(() => firstCompany(page)).toBe('Tencent');
    // The typed letters are marked in the name, as text. Polled: the rows of the previous
    // keystroke ("tence") may still be showing while the last one is answered.
    await expect.poll(() => page.locator('.cl-row').first().locator('mark').first().textContent()).toBe('Tencen');
    await box.fill('xtrans');
    await expect.poll(() => firstCompany(page)).toBe('XTransfer');
    await box.fill('阿里');
    await expect.poll(() => firstCompany(page)).toBe('Alibaba Group');
    await box.fill('Daniel Zhang');
    await expect.poll(() => groupNames(page, 'Top hit')).toEqual(['Daniel Zhang']);
    // The company a person works for comes from the full-text index, which may still be loading
    // when the names part has already answered with the person.
    await expect.poll(() => groupNames(page, 'Companies')).toContain('Alibaba Group');
    await box.fill('qqqqzzzz');
    await expect.poll(() => page.getByTestId('no-results').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the exact person as the first row, and finds deal words in facts without unrelated suggestions', async () => {
    const page = await openPopup();
    const box = page.getByRole('combobox');
    const firstRow = () => page.evaluate(() => {
      const row = document.querySelector('.cl-row');
      return row ? { name: row.querySelector('.cl-row-name')?.textContent, kind: row.getAttribute('data-kind') } : null;
    });
    await box.fill('daniel zhang');
    await expect.poll(firstRow).toEqual({ name: 'Daniel Zhang', kind: 'person' });
    await box.fill('series c');
    // The funding fact that matched is the row's context; no "did you mean" names at all.
    await expect.poll(() => firstCompany(page)).toBe('XTransfer');
    expect(await page.locator('.cl-row').first().locator('.cl-row-context').textContent()).toMatch(/Series C round/);
    expect(await page.getByTestId('no-results').count()).toBe(0);
    expect(await page.getByText('Did you mean').count()).toBe(0);
    await page.close();
  });

  it("keeps what was typed into the page's own search box before the popup's script ran", async () => {
    const page = await session.ext.context.newPage();
    await page.addInitScript(() => {
      // Types into popup.html's box as soon as it is parsed, before any script of the popup runs.
      new MutationObserver((_, observer) => {
        const box = document.querySelector<HTMLInputElement>('#app input');
        if (!box) return;
        box.value = 'tencen';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`chrome-extension://${session.ext.id}/popup.html`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const box = page.getByRole('combobox');
    expect(await box.inputValue()).toBe('tencen');
    await expect.poll(() => firstCompany(page)).toBe('Tencent');
    // Typing goes on after it.
    await page.keyboard.type('t');
    expect(await box.inputValue()).toBe('tencent');
    await page.close();
  });

  it('opens the profile with facts and their sources on Enter, after ↓/↑', async () => {
    const page = await openPopup();
    const box = page.getByRole('combobox');
    await box.fill('tencen');
    await expect.poll(() => firstCompany(page)).toBe('Tencent');
    // The full text answers after the names and adds rows: move only in the final list.
    await expect.poll(() => page.getByTestId('partial-note').count()).toBe(0);
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    expect(await page.locator('.cl-row.is-selected .cl-row-name').textContent()).toBe('Tencent');
    const [profile] = await Promise.all([session.ext.context.waitForEvent('page'), box.press('Enter')]);
    await profile.waitForLoadState();
    expect(new URL(profile.url()).searchParams.get('id')).toBe('tencent');
    await expect.poll(() => profile.locator('h1').first().textContent()).toContain('Tencent');
    const facts = profile.locator('.cl-fact');
    await expect.poll(() => facts.count()).toBeGreaterThan(0);
    expect((await facts.first().locator('.cl-sentence').textContent())?.length).toBeGreaterThan(20);
    expect(await facts.first().locator('.cl-source').textContent()).toMatch(/^Source: \S/);
    await profile.close();
    await page.close();
  });

  it('lists the companies of the page open in the active tab under "On this page"', async () => {
    // The popup opened as a tab is itself the active tab, so it falls back to the most recently
    // used web page (see components/popup/page-mentions.ts): open the fixture page, wait for its
    // content script to finish scanning, then open the popup.
    const news = await session.ext.context.newPage();
    await news.goto(`${session.server.url}/popup/news.html`);
    await expect
      .poll(async () => ((await session.ext.sendToTab<{ mentions: { companyId: string }[] }>(news, { type: 'page.mentions' }).catch(() => null))?.mentions ?? []).map((m) => m.companyId).sort())
      .toEqual(['tencent', 'xtransfer']);
    await news.bringToFront();
    const page = await openPopup();
    await expect.poll(() => groupNames(page, 'On this page')).toEqual(['XTransfer', 'Tencent']);
    expect(await page.locator('.cl-row').first().locator('.cl-row-context').textContent()).toMatch(/^Named 2 times on this page/);
    expect(await page.getByTestId('sync-status').textContent()).toMatch(/companies · synced/);
    await page.close();
    await news.close();
  });
});
