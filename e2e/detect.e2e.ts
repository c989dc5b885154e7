import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';
import { startServer } from './server';
import { LONG_TASK_RECORDER, PAGES_DIR, bigRoute, mentionsOf, pageHtml, seedFiles, seedRoute } from './fixtures/pages/pages';

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(PAGES_DIR, [seedRoute, bigRoute]);
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const ids = (r: { mentions: { companyId: string }[] }) => r.mentions.map((m) => m.companyId);

describe('detection on the seed articles', () => {
  it('finds the companies a seed article names, with counts and names', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/seed/${seedFiles()[1]}.html`);
    const report = await mentionsOf(ext, page);
    expect(ids(report)).toEqual(expect.arrayContaining(['xtransfer', 'alibaba-group', 'tencent', 'jd-com', 'ant-group']));
    expect(report.mentions.find((m) => m.companyId === 'xtransfer')).toMatchObject({ name: 'XTransfer' });
    expect(report.mentions.find((m) => m.companyId === 'xtransfer')!.count).toBeGreaterThanOrEqual(4);
    expect(report.url).toBe(page.url());
    await page.close();
  });

  it('leaves the page DOM exactly as it was', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/seed/${seedFiles()[0]}.html`, { waitUntil: 'domcontentloaded' });
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const report = await mentionsOf(ext, page);
    expect(report.mentions.length).toBeGreaterThan(0);
    expect(await pageHtml(page)).toBe(before);
    await page.close();
  });
});

describe('look-alikes and ordinary words', () => {
  it('marks real names but not "Apple pie", "Ant colony", "Visa application" and friends', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/lookalikes.html`);
    const report = await mentionsOf(ext, page);
    expect(ids(report).sort()).toEqual(['alibaba-group', 'tencent']);
    await page.close();
  });
});

describe('pages that frameworks own', () => {
  it('lets a server-rendered page hydrate without a mismatch after the scan', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/hydrate.html`, { waitUntil: 'domcontentloaded' });
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const report = await mentionsOf(ext, page);
    expect(ids(report)).toEqual(expect.arrayContaining(['alibaba-group', 'tencent', 'xtransfer']));
    expect(await pageHtml(page)).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { hydrate(): boolean }).hydrate())).toBe(true);
    // The app now updates its own DOM; the extension follows without breaking it.
    await page.waitForTimeout(400);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('shadow DOM, frames and pages that keep growing', () => {
  it('finds names inside an open shadow root and a same-origin frame', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/shadow.html`);
    await page.frameLocator('iframe').locator('p').waitFor();
    await expect.poll(async () => ids(await mentionsOf(ext, page)).sort(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining(['baidu', 'bytedance', 'xtransfer', 'pinduoduo', 'meituan']),
    );
    await page.close();
  });

  it('follows an infinite-scroll feed as it loads more', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/infinite.html`);
    const first = await mentionsOf(ext, page);
    expect(ids(first)).toContain('alibaba-group');
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(150);
    }
    await expect
      .poll(async () => ids(await mentionsOf(ext, page)), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['tencent', 'jd-com', 'pinduoduo', 'meituan', 'baidu', 'xtransfer']));
    await page.close();
  });
});

describe('a page of several megabytes of text', () => {
  it('is scanned without a single long task from the extension', async () => {
    const page = await ext.context.newPage();
    await page.addInitScript(LONG_TASK_RECORDER);
    await page.goto(`${server.url}/big.html`);
    const report = await mentionsOf(ext, page, 60_000);
    expect(report.scan.chars).toBeGreaterThan(4_000_000);
    expect(ids(report)).toEqual(expect.arrayContaining(['xtransfer', 'alibaba-group']));
    // Scroll through part of the page so marks come and go, then wait for queued work.
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
    }
    const { tasks, dcl } = await page.evaluate(() => ({
      tasks: (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    }));
    // The page's own parsing may be long; the extension only runs after DOMContentLoaded.
    expect(tasks.filter((t) => t.start >= dcl)).toEqual([]);
    await page.close();
  });
});
