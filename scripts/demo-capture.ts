import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Extension } from '../e2e/harness';

type Scheme = 'light' | 'dark';

/** A dark reading page: the card takes its colours from the page it is on, not the system. */
const DARK_PAGE = 'html, body { background: #15181e !important; color: #d8dce4 !important; } a { color: #9cc0ff !important; }';

/** Finds the first on-screen occurrence of `word` in the page and returns its centre. */
async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.top >= 0 && r.bottom <= innerHeight) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
}

/** Waits until the content script has marked the page and can open cards (its scan report). */
async function scanned(ext: Extension, page: Page): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const report = await ext.sendToTab<{ scan: { chars: number } }>(page, { type: 'page.mentions' }).catch(() => null);
    if (report && report.scan.chars > 0) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the demo page was not scanned: ${page.url()}`);
}

/** The card for the first XTransfer (else Alibaba) on the demo article, once it is filled in. */
async function card(ext: Extension, page: Page, scheme: Scheme, file: string): Promise<void> {
  await page.reload();
  if (scheme === 'dark') await page.addStyleTag({ content: DARK_PAGE });
  await scanned(ext, page);
  const target = (await wordCentre(page, 'XTransfer')) ?? (await wordCentre(page, 'Alibaba'));
  if (!target) throw new Error('no company name in view on the demo article');
  await page.mouse.move(target.x - 40, target.y + 30);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.locator('company-lens-card .cl-card[data-status="ready"][data-placed]').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: file });
  await page.mouse.move(5, 5);
}

/** An extension page in the given colour scheme, after `ready` (a selector) has appeared. */
async function extensionPage(ext: Extension, path: string, scheme: Scheme, size: { width: number; height: number }, ready: string, file: string, act?: (page: Page) => Promise<void>): Promise<void> {
  const page = await ext.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${ext.id}/${path}`);
  await act?.(page);
  await page.locator(ready).first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: file });
  await page.close();
}

/**
 * Takes the README's screenshots, each in light and dark: a hover card on the demo article, the
 * popup with a search typed, a company profile, the welcome page and the options page. Every
 * shot waits for the state it shows (never for a fixed time). Returns the files written.
 */
export async function captureDemo(ext: Extension, page: Page, dir: string): Promise<string[]> {
  const written: string[] = [];
  const file = (name: string, scheme: Scheme) => {
    const path = join(dir, `${name}-${scheme}.png`);
    written.push(path);
    return path;
  };
  await page.goto(`${page.url()}article/1/`);
  for (const scheme of ['light', 'dark'] as const) {
    await card(ext, page, scheme, file('card', scheme));
    await extensionPage(ext, 'popup.html', scheme, { width: 380, height: 560 }, '.cl-row-context mark', file('popup', scheme), async (popup) => {
      await popup.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
      await popup.keyboard.type('series c');
    });
    await extensionPage(ext, 'company.html?id=alibaba-group', scheme, { width: 1100, height: 800 }, '.cl-fact', file('profile', scheme));
    await extensionPage(ext, 'welcome.html', scheme, { width: 900, height: 800 }, '[data-testid="ready"]', file('welcome', scheme));
    await extensionPage(ext, 'options.html', scheme, { width: 900, height: 900 }, '[data-testid="status"]', file('options', scheme));
  }
  return written;
}
