import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Extension } from './harness';
import { startServer } from './server';
import { PAGES_DIR, hoverWord, mentionsOf, pageHtml, seedFiles, seedRoute, wordRect } from './fixtures/pages/pages';

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(PAGES_DIR, [seedRoute]);
  ext = await launchExtension();
});
// Pages are closed even when a test fails: sendToTab finds a tab by URL, and a leftover tab with
// the same URL would receive the next test's messages.
const pages: Page[] = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.close().catch(() => undefined);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const card = (page: Page) => page.locator('company-lens-card .cl-card');

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  // Fail with a message instead of hanging when an element never appears.
  page.setDefaultTimeout(30_000);
  pages.push(page);
  await page.goto(`${server.url}${path}`);
  await mentionsOf(ext, page);
  return page;
}

describe('hovering a name', () => {
  it('shows the card with the right facts, and each fact’s source on demand', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    await hoverWord(page, 'XTransfer', 1);
    await expect.poll(() => card(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    await expect.poll(() => card(page).locator('.cl-name').textContent()).toBe('XTransfer');
    expect(await card(page).getAttribute('role')).toBe('dialog');
    expect(await card(page).getAttribute('aria-label')).toBe('Company Lens: XTransfer');
    const funding = card(page).locator('[data-fact^="funding"]').first();
    expect(await funding.locator('.cl-fact-text').textContent()).toBe('$138 million · Series C · led by D1 Partners');
    // No wording that reads like debug output ("Matched …").
    expect(await card(page).textContent()).not.toMatch(/Matched/);
    expect(await card(page).locator('[data-field="hq"]').textContent()).toContain('Shanghai');
    await funding.locator('summary').click();
    const source = funding.locator('.cl-source');
    expect(await source.locator('q').textContent()).toContain('The Series C round, led by D1 Partners, pulled in $138 million');
    expect(await source.locator('.cl-source-title').textContent()).toBe('China Roundup: Beijing is tearing down the digital ‘walled gardens’');
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    await page.close();
  });

  it('shows the most informative sentence naming a company the corpus reports no fact about, with its source', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    await hoverWord(page, 'Momenta', 0);
    await expect.poll(() => card(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    expect(await card(page).locator('[data-fact]').count()).toBe(0);
    expect(await card(page).textContent()).not.toContain('No deals or figures');
    expect(await card(page).locator('.cl-mention-text').textContent()).toMatch(/Momenta[^]*\.$/);
    expect(await card(page).locator('.cl-mention figcaption').textContent()).toContain('China Roundup');
    await page.close();
  });

  it('opens nothing while the pointer sweeps across names, and closes on Escape', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    const r = await wordRect(page, 'XTransfer', 1);
    await page.mouse.move(0, r.y + r.height / 2);
    await page.mouse.move(1200, r.y + r.height / 2, { steps: 6 });
    await page.waitForTimeout(700);
    expect(await card(page).count()).toBe(0);
    await hoverWord(page, 'XTransfer', 1);
    await card(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    await page.close();
  });

  it('closes after the pointer leaves, but not while it travels into the card', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    await hoverWord(page, 'XTransfer', 1);
    await card(page).waitFor({ state: 'visible' });
    const box = (await card(page).boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 20, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await card(page).count()).toBe(1);
    // The article column is 680 px wide: the right margin has no text to hover.
    await page.mouse.move(1240, 850, { steps: 2 });
    await page.mouse.move(1250, 860);
    await expect.poll(() => card(page).count(), { timeout: 30_000 }).toBe(0);
    await page.close();
  });

  it('switches to a related company on click', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    await hoverWord(page, 'XTransfer', 1);
    await card(page).waitFor({ state: 'visible' });
    const related = card(page).locator('[data-related]').first();
    const name = await related.textContent();
    await related.click();
    await expect.poll(() => card(page).locator('.cl-name').textContent()).toBe(name);
    await page.close();
  });
});

describe('the keyboard path', () => {
  it('opens the card for the name at the selection and moves focus into it', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes('Shanghai-based XTransfer'))!;
      const text = p.firstChild as Text;
      const at = text.data.indexOf('XTransfer');
      const range = document.createRange();
      range.setStart(text, at + 2);
      range.setEnd(text, at + 2);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const answer = await ext.sendToTab(page, { type: 'card.openAtSelection' });
    expect(answer).toEqual({ ok: true, companyId: 'xtransfer' });
    await expect.poll(() => card(page).getAttribute('data-status')).toBe('ready');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('COMPANY-LENS-CARD');
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    expect(await ext.sendToTab(page, { type: 'card.openAtSelection' })).toEqual({ ok: false, companyId: null });
    await page.close();
  });
});

describe('pages with hostile CSS, dark pages and shadow DOM', () => {
  it('shows a usable card above a page that unsets and overrides everything', async () => {
    const page = await open('/hostile.html');
    await hoverWord(page, 'XTransfer');
    await card(page).waitFor({ state: 'visible' });
    const box = (await card(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x: box.x + box.width / 2, y: box.y + 10 });
    expect(hit).toBe('COMPANY-LENS-CARD');
    expect(await card(page).evaluate((e) => getComputedStyle(e).fontSize)).toBe('13px');
    await page.close();
  });

  it('matches a dark page', async () => {
    const page = await open('/dark.html');
    await hoverWord(page, 'XTransfer');
    await card(page).waitFor({ state: 'visible' });
    expect(await card(page).getAttribute('data-theme')).toBe('dark');
    await page.close();
  });
});

describe('the user’s switches in the card', () => {
  it('turns detection off on this site, and it stays off after a reload', async () => {
    const page = await open('/dark.html');
    expect(await page.evaluate(() => CSS.highlights.has('company-lens'))).toBe(true);
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="site-off"]').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('company-lens'))).toBe(false);
    await expect.poll(() => ext.sendToTab(page, { type: 'page.mentions' }).then((r) => (r as { mentions: unknown[] }).mentions.length)).toBe(0);
    await page.reload();
    // The reloaded page's content script has started (and, the site being off, answers empty).
    await expect.poll(() => ext.sendToTab(page, { type: 'page.mentions' }).catch(() => null)).toMatchObject({ mentions: [], scan: { chars: 0 } });
    expect(await page.evaluate(() => CSS.highlights.has('company-lens'))).toBe(false);
    const worker = await ext.currentWorker();
    const stored = (await worker.evaluate(() => chrome.storage.local.get('settings'))) as { settings: { disabledSites: string[] } };
    expect(stored.settings.disabledSites).toEqual(['127.0.0.1']);
    await worker.evaluate(() => chrome.storage.local.remove('settings'));
    await page.close();
  });
});

describe('muting and the options page', () => {
  it('mutes a name from its card: no mark, no card, listed in options where it can be unmuted', async () => {
    const page = await open('/dark.html');
    const painted = () => page.evaluate(() => CSS.highlights.get('company-lens')?.size);
    await expect.poll(painted).toBe(2);
    await hoverWord(page, 'XTransfer');
    await card(page).locator('[data-action="mute"]').click();
    await expect.poll(() => card(page).count()).toBe(0);
    await expect.poll(painted).toBe(1);
    await hoverWord(page, 'XTransfer');
    await page.waitForTimeout(800);
    expect(await card(page).count()).toBe(0);
    // Tencent is still marked and still opens a card.
    await hoverWord(page, 'Tencent');
    await expect.poll(() => card(page).locator('.cl-name').textContent(), { timeout: 30_000 }).toBe('Tencent');

    const options = await ext.extensionPage('options.html');
    pages.push(options);
    const panel = options.getByTestId('settings-panel');
    await panel.getByRole('button', { name: 'Unmute: XTransfer' }).click();
    await expect.poll(() => panel.getByText('No muted names').count()).toBe(1);
    await page.keyboard.press('Escape');
    await hoverWord(page, 'XTransfer');
    await expect.poll(() => card(page).locator('.cl-name').textContent(), { timeout: 30_000 }).toBe('XTransfer');
  });

  it('switching detection off in options removes the marks from open tabs', async () => {
    const page = await open('/dark.html');
    expect(await page.evaluate(() => CSS.highlights.has('company-lens'))).toBe(true);
    const options = await ext.extensionPage('options.html');
    pages.push(options);
    await options.getByLabel('Mark company names on web pages and show cards on hover').uncheck();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('company-lens'))).toBe(false);
    await options.getByLabel('Mark company names on web pages and show cards on hover').check();
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('company-lens')), { timeout: 30_000 }).toBe(true);
  });
});

describe('cards in shadow roots and frames, the profile action, and the page DOM', () => {
  it('opens cards for names inside an open shadow root and a same-origin frame', async () => {
    const page = await open('/shadow.html');
    await expect.poll(async () => (await mentionsOf(ext, page)).mentions.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    const inShadow = await page.locator('news-widget b').boundingBox();
    await page.mouse.move(inShadow!.x + inShadow!.width / 2 - 30, inShadow!.y + 40);
    await page.mouse.move(inShadow!.x + inShadow!.width / 2, inShadow!.y + inShadow!.height / 2, { steps: 3 });
    await expect.poll(() => card(page).locator('.cl-name').textContent(), { timeout: 30_000 }).toBe('ByteDance');
    await page.keyboard.press('Escape');
    const frame = page.frameLocator('iframe');
    const rect = await frame.locator('p').evaluate((p) => {
      const text = p.firstChild as Text;
      const at = text.data.indexOf('Pinduoduo');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 'Pinduoduo'.length);
      const b = r.getBoundingClientRect();
      const f = window.frameElement!.getBoundingClientRect();
      return { x: f.left + window.frameElement!.clientLeft + b.left + b.width / 2, y: f.top + window.frameElement!.clientTop + b.top + b.height / 2 };
    });
    await page.mouse.move(rect.x - 30, rect.y + 30);
    await page.mouse.move(rect.x, rect.y, { steps: 3 });
    await expect.poll(() => card(page).locator('.cl-name').textContent(), { timeout: 30_000 }).toBe('Pinduoduo');
  });

  it('opens the full profile in a new tab, and leaves the page DOM as it was', async () => {
    const page = await open(`/seed/${seedFiles()[1]}.html`);
    const before = await pageHtml(page);
    await hoverWord(page, 'XTransfer', 1);
    await card(page).waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.querySelector('company-lens-card')!.parentElement === document.documentElement)).toBe(true);
    expect(await pageHtml(page)).toBe(before);
    const [profile] = await Promise.all([ext.context.waitForEvent('page'), card(page).locator('[data-action="open"]').click()]);
    pages.push(profile);
    await profile.waitForURL(/company\.html\?id=xtransfer$/);
    expect(profile.url()).toBe(`chrome-extension://${ext.id}/company.html?id=xtransfer`);
  });
});

describe('fullscreen', () => {
  it('shows the card above an element in fullscreen', async () => {
    const page = await open('/fullscreen.html');
    await page.click('#go');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id)).toBe('reader');
    await hoverWord(page, 'XTransfer');
    await card(page).waitFor({ state: 'visible' });
    // The card is in the top layer, above the fullscreen element. (Headless Chromium's
    // elementFromPoint ignores every popover while an element is fullscreen, so this checks the
    // top-layer state and the geometry rather than hit-testing.)
    expect(await card(page).evaluate((e) => e.matches(':popover-open'))).toBe(true);
    expect(await page.evaluate(() => document.fullscreenElement?.id)).toBe('reader');
    const box = (await card(page).boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
  });
});
