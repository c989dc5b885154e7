import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openOptions, textOf } from './fixtures/datasets/helpers';
import { hoverWord, mentionsOf } from './fixtures/pages/pages';
import type { Route } from './server';
import { useExtensionWithFixtures } from './session';

/**
 * A company nobody listed: the user's own article about a made-up robotics firm is imported in
 * the options page, and from then on the firm is marked on pages, has a card whose description
 * says which sentence it was read from, and is found by the popup.
 */

const ARTICLE = [
  'Quillon Robotics raises money for warehouse robots',
  '',
  'Lisbon-based Quillon Robotics, which builds picking robots for small warehouses, said on Tuesday it had raised $12m from investors.',
  '',
  'The company plans to hire 40 engineers this year, its chief executive Ana Ferreira said.',
  '',
].join('\n');

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>Robots</title></head><body><article><h1>Warehouse robots</h1><p>Orders for picking robots made by Quillon Robotics doubled this spring.</p></article></body></html>';

const pageRoute: Route = (req, res) => {
  if (req.url !== '/made-up/robots.html') return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  return true;
};

const session = useExtensionWithFixtures([pageRoute]);

async function importArticle(): Promise<void> {
  const options = await openOptions(session.ext);
  await options.getByTestId('file-input').setInputFiles({ name: 'quillon.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
  await expect.poll(() => textOf(options, 'status-source'), { timeout: 30_000 }).toBe('bundled seed corpus + your library (1 article)');
  await options.close();
}

describe('an organisation discovered in the user’s own article', () => {
  it('is marked on a page, has a card with a sourced description, and is found by the popup', async () => {
    await importArticle();

    const page: Page = await session.ext.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${session.server.url}/made-up/robots.html`);
    await expect.poll(async () => (await mentionsOf(session.ext, page)).mentions.map((m) => m.name), { timeout: 20_000 }).toContain('Quillon Robotics');

    await hoverWord(page, 'Quillon');
    const card = page.locator('company-lens-card .cl-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 5_000 }).toBe('ready');
    expect(await card.locator('.cl-name').textContent()).toBe('Quillon Robotics');
    expect(await card.locator('.cl-desc-text').textContent()).toBe('Builds picking robots for small warehouses');
    const provenance = card.locator('.cl-provenance');
    expect(await provenance.getAttribute('data-provenance')).toBe('sourced');
    expect(await provenance.getAttribute('title')).toBe(
      'From “Quillon Robotics raises money for warehouse robots”: Lisbon-based Quillon Robotics, which builds picking robots for small warehouses, said on Tuesday it had raised $12m from investors.',
    );
    await page.close();

    const popup = await session.ext.extensionPage('popup.html');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await popup.getByRole('combobox').pressSequentially('quillon');
    await expect
      .poll(() => popup.evaluate(() => [...document.querySelectorAll('.cl-row-name')].map((n) => n.textContent ?? '')))
      .toContain('Quillon Robotics');
    await popup.close();
  });
});
