import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Extension } from './harness';
import { startServer } from './server';
import { waitForDataset } from './fixtures/datasets/helpers';
import { PAGES_DIR, hoverWord, mentionsOf, seedFiles, seedRoute } from './fixtures/pages/pages';

/**
 * Typed relations, end to end on the bundled seed corpus: what it says is read from its text.
 * seeds/corpus/001 says "The Series C round, led by D1 Partners, pulled in $138 million" about
 * XTransfer, so D1 Capital Partners invested in it; another article says "Tencent-backed JD.com,
 * a rival to Alibaba", so Alibaba Group and JD.com are rivals.
 */

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(PAGES_DIR, [seedRoute]);
  ext = await launchExtension();
  await waitForDataset(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const card = (page: Page) => page.locator('company-lens-card .cl-card');

describe('typed relations', () => {
  it('shows a typed relation on the card with its sentence, and switches the card to that company', async () => {
    const page = await ext.context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await page.goto(`${server.url}/seed/${seedFiles()[1]}.html`);
      await mentionsOf(ext, page);
      await hoverWord(page, 'XTransfer', 1);
      await expect.poll(() => card(page).getAttribute('data-status')).toBe('ready');
      const relation = card(page).locator('[data-link="invested-in:d1-capital-partners:in"]');
      expect(await relation.locator('.cl-fact-label').textContent()).toBe('Backed by');
      const other = relation.locator('button[data-related]');
      expect(await other.textContent()).toBe('D1 Capital Partners');
      // The sentence is there on demand, behind "Source".
      const source = relation.locator('details');
      expect(await source.getAttribute('open')).toBeNull();
      await source.locator('summary').click();
      expect(await source.locator('q').textContent()).toContain('The Series C round, led by D1 Partners, pulled in $138 million');
      // Typed relations come before the companies only named together.
      const titles = await card(page).locator('.cl-section-title').allTextContents();
      if (titles.includes('Also named with')) expect(titles.indexOf('Relations')).toBeLessThan(titles.indexOf('Also named with'));
      expect(await card(page).locator('.cl-chips[aria-label="Also named with"] li').count()).toBeLessThanOrEqual(5);
      await other.click();
      await expect.poll(() => card(page).locator('.cl-name').textContent()).toBe('D1 Capital Partners');
      // Seen from the investor's side, the same relation reads the other way round.
      await expect.poll(() => card(page).locator('[data-link="invested-in:xtransfer"] .cl-fact-label').textContent()).toBe('Invested in');
    } finally {
      await page.close();
    }
  });

  it('lists typed relations with their facts on the profile and draws them with a legend', async () => {
    const page = await ext.extensionPage('company.html?id=alibaba-group');
    try {
      await page.locator('h1').first().waitFor();
      const rival = page.locator('.cl-typed li[data-link="rival"]').filter({ hasText: 'JD.com' });
      expect(await rival.textContent()).toContain('Rival of JD.com');
      await rival.locator('summary').click();
      expect(await rival.locator('blockquote').textContent()).toContain('Tencent-backed JD.com, a rival to Alibaba');
      // The picture draws the rival edge in its own style, and the legend names every style drawn.
      const drawn = await page.locator('svg.cl-ego line[data-edge]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-edge')));
      expect(drawn).toContain('rival');
      expect(drawn).toContain('unit-of');
      const legend = await page.locator('.cl-ego-legend li').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-legend'), l.textContent]));
      expect(legend.map(([type]) => type).sort()).toEqual([...new Set(drawn)].sort());
      expect(legend).toContainEqual(['rival', 'Rival']);
      expect(legend).toContainEqual(['unit-of', 'Parent / unit']);
      // No two node labels overlap as rendered.
      const boxes = await page.locator('svg.cl-ego .cl-ego-node text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `labels ${i} and ${j}`).toBe(false);
        }
    } finally {
      await page.close();
    }
  });
});
