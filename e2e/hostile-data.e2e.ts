/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DatasetStatus } from '../lib/store/read';
import { HOSTILE_ALIAS, HOSTILE_ID, hostileDataset, oversizedNameDataset } from './fixtures/hostile/dataset';
import { nameRect, probeWorld } from './security-helpers';
import { jsonRoutes, useExtensionWithFixtures } from './session';

/**
 * A dataset synced from a URL is outside input. Every string in it is shown somewhere: the card,
 * the popup, the profile page. This file syncs a dataset made of markup, script URLs, right-to-
 * left overrides and maximum-length strings, and checks that each surface renders them as inert,
 * contained text.
 */

const served: Record<string, string> = {
  '/hostile.json': JSON.stringify(hostileDataset()),
  '/oversized.json': JSON.stringify(oversizedNameDataset()),
};

const session = useExtensionWithFixtures([jsonRoutes(served)]);

interface Inertness {
  handlers: string[];
  scripts: number;
  injected: string[];
  badUrls: string[];
  title: string;
  shownAsText: boolean;
  overflowX: number;
  bidiLeaks: string[];
}

/**
 * Everything that would show a dataset string was taken as markup or code, measured inside
 * `root` (a document or a shadow root). Runs in an isolated world or an extension page.
 */
const INERTNESS = (rootExpr: string) => `(() => {
  const root = ${rootExpr};
  const all = [...root.querySelectorAll('*')];
  const handlers = all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + '[' + a.name + ']'));
  const injected = all.filter((el) => el.matches('img[src="x"], iframe, object, embed, body script, svg[onload]')).map((el) => el.tagName);
  const badUrls = all.flatMap((el) => ['href', 'src', 'action', 'xlink:href'].map((n) => el.getAttribute(n)).filter((v) => v !== null && v !== '').filter((v) => {
    try { return !['http:', 'https:', 'chrome-extension:'].includes(new URL(v, document.baseURI).protocol); } catch { return true; }
  }));
  const text = (root.body || root).textContent || '';
  // A right-to-left override reverses what follows it up to the end of its paragraph unless an
  // element isolates it: it must not reach any text that is not part of the same string.
  const bidiLeaks = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.includes('\\u202E')) continue;
    let el = node.parentElement;
    while (el) {
      const style = getComputedStyle(el);
      if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi) || el.tagName === 'BDI') break;
      if (!style.display.startsWith('inline') || el === root.host) {
        const range = document.createRange();
        range.setStartAfter(node);
        range.setEnd(el, el.childNodes.length);
        const after = range.toString();
        if (after.trim() !== '') bidiLeaks.push(el.tagName + ': ' + after.slice(0, 40));
        break;
      }
      el = el.parentElement;
    }
  }
  const scroller = root.host ? root.querySelector('.cl-card') : document.documentElement;
  return {
    handlers,
    scripts: 0,
    injected,
    badUrls,
    title: document.title,
    shownAsText: text.includes('<img src=x'),
    overflowX: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
    bidiLeaks,
  };
})()`;

function expectInert(r: Inertness): void {
  expect(r.handlers).toEqual([]);
  expect(r.injected).toEqual([]);
  expect(r.badUrls).toEqual([]);
  // The payload's only effect, if it ever ran, is this title.
  expect(r.title).not.toBe('PWNED');
  expect(r.shownAsText).toBe(true);
  expect(r.overflowX).toBeLessThanOrEqual(1);
  expect(r.bidiLeaks).toEqual([]);
}

/** Records Content-Security-Policy violations: any is an attempt to run injected code. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('a hostile dataset', () => {
  it('is refused with a typed error when a name is beyond the schema (100 KB), keeping the old dataset', async () => {
    const before = await session.ext.send<DatasetStatus>({ type: 'dataset.status' });
    const answer = await session.ext.send<{ ok: boolean; error?: { code: string; message: string; detail?: string } }>({ type: 'dataset.sync', source: { kind: 'url', url: `${session.server.url}/oversized.json` } });
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('schema');
    expect(answer.error?.detail).toMatch(/companies\[0\]\.name: Too big/);
    expect(await session.ext.send<DatasetStatus>({ type: 'dataset.status' })).toEqual(before);
  });

  it('syncs from a URL when every string is merely hostile', async () => {
    const answer = await session.ext.send<{ ok: boolean; status?: DatasetStatus }>({ type: 'dataset.sync', source: { kind: 'url', url: `${session.server.url}/hostile.json` } });
    expect(answer).toMatchObject({ ok: true, status: { companies: 4 } });
  });

  it('renders as inert, contained text in the card', async () => {
    const page = await session.ext.context.newPage();
    await page.goto(`${session.server.url}/plain.html`);
    await page.evaluate((alias) => {
      const p = document.createElement('p');
      p.id = 'hostile';
      p.textContent = `Today ${alias} announced results.`;
      document.body.prepend(p);
    }, HOSTILE_ALIAS);
    const probe = await probeWorld(session.ext, page);
    await expect.poll(() => session.ext.sendToTab<{ mentions: { companyId: string }[] }>(page, { type: 'page.mentions' }).then((r) => r.mentions.map((m) => m.companyId)).catch(() => []), { timeout: 30_000 }).toContain(HOSTILE_ID);
    const box = (await probe.evaluate<{ x: number; y: number; height: number }>(nameRect('hostile', HOSTILE_ALIAS)))!;
    // Arrive slowly, as a hand does: the hover controller ignores a pointer sweeping past.
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    await page.mouse.move(box.x + 12, box.y + box.height / 2, { steps: 3 });
    await expect.poll(() => probe.evaluate<boolean>(`!!document.querySelector('company-lens-card')?.shadowRoot?.querySelector('.cl-card [class*=name]')`), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => probe.evaluate<string>(`document.querySelector('company-lens-card').shadowRoot.querySelector('.cl-card').dataset.status`)).toBe('ready');
    const report = await probe.evaluate<Inertness>(INERTNESS(`document.querySelector('company-lens-card').shadowRoot`));
    expectInert(report);
    const rect = await probe.evaluate<{ width: number; height: number }>(`document.querySelector('company-lens-card').shadowRoot.querySelector('.cl-card').getBoundingClientRect().toJSON()`);
    expect(rect.width).toBeLessThanOrEqual(360);
    expect(rect.height).toBeLessThanOrEqual(520);
    await page.close();
  });

  it('renders as inert, contained text in the popup search', async () => {
    const page = await session.ext.context.newPage();
    const csp = await watchCsp(page);
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${session.ext.id}/popup.html`);
    await page.getByRole('combobox').or(page.getByLabel('Search companies, people and articles')).first().fill('Hostile');
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('<img src=x')), { timeout: 30_000 }).toBe(true);
    expectInert(await page.evaluate(INERTNESS('document')));
    expect(await csp()).toEqual([]);
    await page.close();
  });

  it('renders as inert, contained text on the profile page', async () => {
    const page = await session.ext.context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`chrome-extension://${session.ext.id}/company.html?id=${HOSTILE_ID}`);
    await expect.poll(() => page.evaluate(() => document.body.textContent!.includes('<img src=x')), { timeout: 30_000 }).toBe(true);
    await page.waitForTimeout(300);
    expectInert(await page.evaluate(INERTNESS('document')));
    expect(await csp()).toEqual([]);
    await page.close();
  });
});
