import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bundledDatasetInNode } from './fixtures/datasets/helpers';
import { hoverWord, openScanned, seedRoute } from './fixtures/pages/pages';
import { useExtensionWithPages } from './session';

const session = useExtensionWithPages([seedRoute]);

const card = (page: Page) => page.locator('company-lens-card .cl-card');

/** The company of the bundled corpus with the most facts, and a seed page and word naming it. */
function busiestCompany() {
  const dataset = bundledDatasetInNode();
  const facts = new Map<string, number>();
  for (const f of dataset.facts) facts.set(f.companyId, (facts.get(f.companyId) ?? 0) + 1);
  const [id] = [...facts].sort((a, b) => b[1] - a[1])[0];
  const company = dataset.companies.find((c) => c.id === id)!;
  const mention = dataset.mentions.find((m) => m.companyId === id)!;
  const article = dataset.articles.find((a) => a.id === mention.articleId)!;
  return { company, word: mention.alias, file: article.source.split('/').pop()! };
}

/** Where an element of the card sits: inside the card's box, in the viewport, and on top there. */
function placement(page: Page, selector: string) {
  return card(page).evaluate((c, selector) => {
    const el = c.querySelector(selector)!;
    const r = el.getBoundingClientRect();
    const box = c.getBoundingClientRect();
    const hit = (c.getRootNode() as ShadowRoot).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      insideCard: r.top >= box.top && r.bottom <= box.bottom,
      inViewport: r.top >= 0 && r.bottom <= innerHeight,
      onTop: hit === el || el.contains(hit),
      height: r.height,
      lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 20,
    };
  }, selector);
}

describe('the card layout', () => {
  it('shows the profile button without scrolling, for the company with the most facts', async () => {
    const { company, word, file } = busiestCompany();
    const { ext, server } = session;
    const page = await openScanned(ext, `${server.url}/seed/${file}.html`);
    await hoverWord(page, word);
    await expect.poll(() => card(page).getAttribute('data-status'), { timeout: 5_000 }).toBe('ready');
    expect(await card(page).locator('.cl-name').textContent()).toBe(company.name);
    // The card has more than fits: its body scrolls, its actions do not.
    const open = await placement(page, '[data-action="open"]');
    expect(open).toMatchObject({ insideCard: true, inViewport: true, onTop: true });
    const close = await placement(page, '[data-action="close"]');
    expect(close).toMatchObject({ insideCard: true, onTop: true });
    // "Turn off on <site>" stays on one line.
    const site = await placement(page, '[data-action="site-off"]');
    expect(site.onTop).toBe(true);
    expect(site.height).toBeLessThan(site.lineHeight * 2);
    // The article count opens the profile, like "Read more".
    const [profile] = await Promise.all([ext.context.waitForEvent('page'), card(page).locator('[data-field="articles"]').click()]);
    await profile.waitForURL(new RegExp(`company\\.html\\?id=${company.id}$`));
    await profile.close();
    await page.close();
  });
});
