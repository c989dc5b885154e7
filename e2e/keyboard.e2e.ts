/// <reference types="chrome" />
import { describe, expect, it } from 'vitest';
import { mentionsOf, openScanned, seedFiles, seedRoute } from './fixtures/pages/pages';
import { useExtensionWithPages } from './session';

const session = useExtensionWithPages([seedRoute]);

type Step = { ok: boolean; companyId: string | null; text: string | null };

describe('the next-company key', () => {
  it('moves the card along the names in reading order, and back', async () => {
    const { ext, server } = session;
    const page = await openScanned(ext, `${server.url}/seed/${seedFiles()[1]}.html`);
    const report = await mentionsOf(ext, page);
    const nameOf = new Map(report.mentions.map((m) => [m.companyId, m.name]));
    // The marked names in document order, as the page itself orders its highlight ranges.
    const marked = await page.evaluate(() =>
      [...(CSS.highlights.get('company-lens') as unknown as Iterable<AbstractRange>)]
        .map((s) => {
          const r = document.createRange();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          return r;
        })
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
        .map((r) => r.toString()),
    );
    expect(marked.length).toBeGreaterThan(3);
    const card = page.locator('company-lens-card .cl-card');
    const step = (direction: 1 | -1) => ext.sendToTab<Step>(page, { type: 'card.step', direction });

    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await step(1);
      expect(answer.ok).toBe(true);
      seen.push(answer.text!);
      await expect.poll(() => card.getAttribute('data-status')).toBe('ready');
      await expect.poll(() => card.locator('.cl-name').textContent()).toBe(nameOf.get(answer.companyId!));
      // The card has the keyboard focus, so Tab reaches its actions.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('COMPANY-LENS-CARD');
    }
    expect(seen).toEqual(marked.slice(0, 4));
    const back = await step(-1);
    expect(back.text).toBe(marked[2]);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });
});
