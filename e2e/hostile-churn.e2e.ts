import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_PROBE, extensionErrors, nameRect, probeWorld, type CardProbe } from './security-helpers';
import type { Route } from './server';
import { useExtensionWithFixtures } from './session';

/**
 * A framework-owned page: server HTML hydrated by a real virtual-DOM library, then re-rendered
 * every 16 ms. The extension scans, follows the churn and opens a card, yet hydration adopts every
 * server node, no mutation appears in the app's tree that the app did not make, and the final DOM
 * is exactly what the app renders.
 */

const PREACT = readFileSync(resolve(import.meta.dirname, '../node_modules/preact/dist/preact.module.js'));
const vendor: Route = (req, res) => {
  if (req.url !== '/vendor/preact.mjs') return false;
  res.writeHead(200, { 'content-type': 'text/javascript' }).end(PREACT);
  return true;
};

const session = useExtensionWithFixtures([vendor]);

type Report = { adopted: boolean; tick: number; foreign: string[]; matches: boolean };

describe('a hydrated page under constant DOM churn', () => {
  it('hydrates cleanly and is never mutated by the extension while it scans, follows and shows a card', async () => {
    const page = await session.ext.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    const errors = await extensionErrors(session.ext, page);
    await page.goto(`${session.server.url}/hostile/churn.html`);
    await page.waitForFunction(() => typeof (window as unknown as { __report?: unknown }).__report === 'function');

    // Names that only ever appear in re-rendered feed lines are found too.
    await expect
      .poll(async () => {
        const r = await session.ext.sendToTab<{ mentions: { name: string }[] }>(page, { type: 'page.mentions' }).catch(() => null);
        return r?.mentions.map((m) => m.name) ?? [];
      }, { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['Alibaba Group', 'Tencent', 'Ant Group', 'DingTalk', 'Lazada']));

    const probe = await probeWorld(session.ext, page);
    const rect = (await probe.evaluate<{ x: number; y: number; width: number; height: number }>(nameRect('root', 'Alibaba Group')))!;
    // Arrive slowly, as a hand does: the hover controller ignores a pointer that is sweeping past.
    await page.mouse.move(rect.x + 4, rect.y + rect.height / 2);
    await page.mouse.move(rect.x + 10, rect.y + rect.height / 2, { steps: 3 });
    await expect.poll(async () => (await probe.evaluate<CardProbe>(CARD_PROBE)).open, { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(500);

    const report = await page.evaluate(() => (window as unknown as { __report(): Report }).__report());
    expect(report.adopted).toBe(true);
    expect(report.tick).toBeGreaterThan(30);
    expect(report.foreign).toEqual([]);
    expect(report.matches).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(errors()).toEqual([]);
    // Control: the page's detector does see a mutation made from another world.
    await probe.evaluate(`document.querySelector('#root li').append('!')`);
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __report(): Report }).__report())).foreign.length).toBeGreaterThan(0);
    await page.close();
  });
});
