import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CARD_PROBE, contentWorld, extensionErrors, nameRect, probeWorld, type CardProbe } from './security-helpers';
import { useExtensionWithFixtures } from './session';

/**
 * Pages that break their own built-ins, style everything with `!important`, cover the viewport,
 * transform every ancestor, go full screen or are not HTML at all. On each, the extension must
 * raise no error, still find the names, and show a card that is readable and on top.
 */

const session = useExtensionWithFixtures();

type Mentions = { mentions: { name: string }[] };

async function open(path: string): Promise<{ page: Page; errors: () => string[] }> {
  const page = await session.ext.context.newPage();
  const errors = await extensionErrors(session.ext, page);
  await page.goto(`${session.server.url}/hostile/${path}`);
  return { page, errors };
}

async function mentionNames(page: Page): Promise<string[]> {
  let names: string[] = [];
  await expect
    .poll(async () => {
      const r = await session.ext.sendToTab<Mentions>(page, { type: 'page.mentions' }).catch(() => null);
      names = r?.mentions.map((m) => m.name).sort() ?? [];
      return names.length;
    }, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  return names;
}

/** Hovers the first occurrence of `text` in element `id` and returns the open card's probe. */
async function hoverCard(page: Page, id: string, text: string): Promise<CardProbe> {
  const probe = await probeWorld(session.ext, page);
  const rect = await probe.evaluate<{ x: number; y: number; width: number; height: number } | null>(nameRect(id, text));
  expect(rect, `no box for "${text}"`).not.toBeNull();
  const x = rect!.x + Math.min(rect!.width / 2, 30);
  const y = rect!.y + rect!.height / 2;
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 3 });
  let card: CardProbe | null = null;
  await expect
    .poll(async () => {
      card = await probe.evaluate<CardProbe>(CARD_PROBE);
      return card.open && card.text.includes('Alibaba');
    }, { timeout: 30_000 })
    .toBe(true);
  return card!;
}

function expectReadableOnTop(card: CardProbe): void {
  expect(card.onTop).toBe(true);
  expect(card.nameFontPx).toBeGreaterThanOrEqual(12);
  expect(card.opacity).toBe('1');
  expect(card.visibility).toBe('visible');
  expect(card.rect.width).toBeGreaterThanOrEqual(200);
  expect(card.rect.x).toBeGreaterThanOrEqual(0);
  expect(card.rect.y).toBeGreaterThanOrEqual(0);
  expect(card.rect.x + card.rect.width).toBeLessThanOrEqual(card.viewport.width);
  expect(card.rect.y + Math.min(card.rect.height, 100)).toBeLessThanOrEqual(card.viewport.height);
}

describe('hostile pages', () => {
  it('works on a page that overrides built-in prototypes and DOM methods', async () => {
    const { page, errors } = await open('prototypes.html');
    expect(await mentionNames(page)).toEqual(['Alibaba Group', 'Tencent']);
    expectReadableOnTop(await hoverCard(page, 'names', 'Alibaba Group'));
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('keeps the card readable and on top despite hostile CSS, a tiny root font and a max z-index overlay', async () => {
    const { page, errors } = await open('css.html');
    expect(await mentionNames(page)).toEqual(['Alibaba Group', 'Tencent']);
    const card = await hoverCard(page, 'names', 'Alibaba Group');
    expectReadableOnTop(card);
    // The overlay starts at 90px: the card must be drawn over it, not under it.
    expect(card.rect.y + card.rect.height).toBeGreaterThan(90);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('places the card next to the name under transformed, filtered ancestors after scrolling', async () => {
    const { page, errors } = await open('transform.html');
    await page.evaluate(() => document.getElementById('names')!.scrollIntoView({ block: 'center' }));
    expect(await mentionNames(page)).toEqual(['Alibaba Group', 'Tencent']);
    const probe = await probeWorld(session.ext, page);
    const name = (await probe.evaluate<{ x: number; y: number; width: number; height: number }>(nameRect('names', 'Alibaba Group')))!;
    const card = await hoverCard(page, 'names', 'Alibaba Group');
    expectReadableOnTop(card);
    // Just below the name, or flipped just above it.
    const below = Math.abs(card.rect.y - (name.y + name.height));
    const above = Math.abs(card.rect.y + card.rect.height - name.y);
    expect(Math.min(below, above)).toBeLessThan(24);
    expect(Math.abs(card.rect.x - name.x)).toBeLessThan(card.viewport.width / 2);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('paints the card over a full-screen element', async () => {
    const { page, errors } = await open('fullscreen.html');
    await mentionNames(page);
    await page.click('#go');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe('reader');
    const card = await hoverCard(page, 'names', 'Alibaba Group');
    expect(card.nameFontPx).toBeGreaterThanOrEqual(12);
    // Chromium makes everything outside a full-screen element inert for hit-testing, so "on top"
    // is checked by pixels: the card's box must look different once the card has closed.
    const clip = { x: card.rect.x, y: card.rect.y, width: Math.min(card.rect.width, 200), height: Math.min(card.rect.height, 60) };
    const withCard = await page.screenshot({ clip });
    await page.mouse.move(1_200, 880, { steps: 4 });
    const probe = await probeWorld(session.ext, page);
    await expect.poll(async () => (await probe.evaluate<CardProbe>(CARD_PROBE)).open, { timeout: 30_000 }).toBe(false);
    expect(withCard.equals(await page.screenshot({ clip }))).toBe(false);
    expect(errors()).toEqual([]);
    await page.close();
  });

  it('raises no error on an SVG document', async () => {
    const { page, errors } = await open('doc.svg');
    await expect.poll(() => session.ext.sendToTab<Mentions>(page, { type: 'page.mentions' }).catch(() => null), { timeout: 30_000 }).not.toBeNull();
    await page.waitForTimeout(500);
    expect(errors()).toEqual([]);
    // Control: an error thrown in the extension's world is seen by the watcher.
    const world = await contentWorld(session.ext, page);
    await world.evaluate(`setTimeout(() => { throw new Error('control error'); }, 0)`);
    await expect.poll(() => errors().join(' ')).toContain('control error');
    await page.close();
  });
});
