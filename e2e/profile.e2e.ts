import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';
import { waitForDataset } from './fixtures/datasets/helpers';
import { makeDataset } from '../test/support/datasets';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await waitForDataset(ext);
});
afterAll(async () => {
  await ext?.close();
});

const openProfile = async (id: string) => {
  const page = await ext.extensionPage(`company.html?id=${encodeURIComponent(id)}`);
  await page.locator('h1').first().waitFor();
  return page;
};

describe('the company profile page', () => {
  it('shows identity, marked mentions, people and a keyboard-usable ego-network', async () => {
    const page = await openProfile('alibaba-group');
    expect(await page.locator('h1').first().textContent()).toContain('Alibaba Group');
    expect(await page.locator('.cl-facts-table').textContent()).toContain('阿里巴巴');
    // Mentions are marked with <mark> elements, and the mark holds the company's name as written.
    const mark = page.locator('.cl-snippet mark').first();
    expect(await mark.textContent()).toMatch(/Alibaba/);
    // Every link the page makes to the outside is http(s); the others open the extension's own reader.
    const external = await page.locator('a[target=_blank]').evaluateAll((as) => as.filter((a) => (a as HTMLAnchorElement).origin !== location.origin).map((a) => (a as HTMLAnchorElement).protocol));
    expect(external.every((p) => p === 'https:' || p === 'http:')).toBe(true);
    // The related companies are links in the SVG; Tab reaches them and Enter follows one.
    const node = page.locator('svg.cl-ego a').first();
    const target = await node.getAttribute('href');
    expect(target).toMatch(/^company\.html\?id=/);
    await node.focus();
    // Wait for the related company's URL: the page already shows a company.html?id= URL.
    await Promise.all([page.waitForURL((url) => url.href.endsWith(target!)), page.keyboard.press('Enter')]);
    expect(page.url()).toContain(target!);
    await page.close();
  });

  it('keeps a star and a note across a re-sync', async () => {
    const page = await openProfile('xtransfer');
    await page.getByRole('button', { name: /Star/ }).click();
    await page.locator('#cl-note').fill('Follow up on the Series D');
    await expect.poll(() => page.getByTestId('note-status').textContent()).toBe('Saved');
    // Syncing the same corpus again writes nothing, so first replace it with a dataset that lacks
    // XTransfer altogether, then sync the bundled corpus back.
    const other = JSON.stringify(makeDataset('other', 5));
    const away = await ext.send<{ ok: boolean }>({ type: 'dataset.sync', source: { kind: 'files', files: [{ name: 'other.json', text: other }] } });
    expect(away.ok).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('not-found').isVisible()).toBe(true);
    const back = await ext.send<{ ok: boolean; outcome?: string }>({ type: 'dataset.sync', source: { kind: 'bundled' } });
    expect(back).toMatchObject({ ok: true });
    expect(back.outcome).not.toBe('unchanged');
    await page.reload();
    await page.locator('h1').first().waitFor();
    expect(await page.getByRole('button', { name: /Star/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#cl-note').inputValue()).toBe('Follow up on the Series D');
    // Starred and recently viewed companies show in the popup's empty state.
    const popup = await ext.extensionPage('popup.html');
    await expect.poll(() => popup.locator('.cl-group').filter({ hasText: 'Starred' }).locator('.cl-row-name').allTextContents()).toEqual(['XTransfer']);
    expect(await popup.locator('.cl-group').filter({ hasText: 'Recently viewed' }).locator('.cl-row-name').allTextContents()).toContain('XTransfer');
    await popup.close();
    await page.close();
  });

  it('copies the profile as Markdown with the note', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openProfile('tencent');
    await page.locator('#cl-note').fill('watch games');
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe('Copied as Markdown');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^# Tencent\n/);
    expect(text).toContain('## My note');
    expect(text).toContain('watch games');
    await page.close();
  });

  it('says so when the company does not exist', async () => {
    const page = await ext.extensionPage('company.html?id=no-such-company');
    await expect.poll(() => page.getByTestId('not-found').textContent()).toContain('no-such-company');
    await page.close();
  });
});
