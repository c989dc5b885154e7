import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type Extension } from './harness';
import { startServer } from './server';
import { between, calibrate, startTrace, type TraceTask } from './trace-tasks';
import { PAGES_DIR, bigRoute, mentionsOf, pageHtml, seedFiles, seedRoute } from './fixtures/pages/pages';

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
    const before = await pageHtml(page);
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
    // The browser's own request for /favicon.ico (a 404 here, made by the first page of the
    // origin) is no error of the page or the extension.
    page.on('console', (m) => m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`${m.text()} (${m.location().url})`));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/hydrate.html`, { waitUntil: 'domcontentloaded' });
    const before = await pageHtml(page);
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
    await expect.poll(async () => ids(await mentionsOf(ext, page)).sort(), { timeout: 30_000 }).toEqual(
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
      .poll(async () => ids(await mentionsOf(ext, page)), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['tencent', 'jd-com', 'pinduoduo', 'meituan', 'baidu', 'xtransfer']));
    await page.close();
  });
});

describe('a page of several megabytes of text', () => {
  const LONG_MS = 50;
  const scrollThrough = async (page: Page) => {
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
  };
  const long = (tasks: TraceTask[], limit: number) =>
    tasks.filter((t) => t.cpuMs >= limit).map((t) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms wall, ${t.extensionMs.toFixed(0)} ms in the content script)`);
  /** Resolves after the page has produced two frames: layout and paint of what came before are done. */
  const twoFrames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

  // The page is traced while detection is off and then on, and every main-thread task is judged by
  // its CPU time (see trace-tasks.ts): a loaded machine that deschedules the renderer cannot fail
  // the test, while real work of 50 ms or more — script, style, layout, paint — still does. The
  // 50 ms are those of a quiet machine: a calibration traced in the same run scales them to how
  // fast this machine runs the page right now.
  it('is scanned and marked without a long task from the extension', async () => {
    // Detection starts only once the page has settled, by turning it on for the site, so the
    // page's own work (parsing, first layout) is over before the extension's begins.
    await (await ext.currentWorker()).evaluate(() => chrome.storage.local.set({ settings: { enabled: true, disabledSites: ['127.0.0.1'], dwellMs: 300, markStyle: 'underline', muted: [] } }));
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/big.html`);
    await twoFrames(page);
    const trace = await startTrace(page);
    const slowdown = await calibrate(page, trace);
    await trace.marker('page alone');
    await scrollThrough(page);
    await trace.marker('scan');
    await (await ext.currentWorker()).evaluate(() => chrome.storage.local.remove('settings'));
    const report = await mentionsOf(ext, page, 120_000);
    // The marks of the finished scan are registered at the next frame.
    await twoFrames(page);
    await trace.marker('scroll with marks');
    await scrollThrough(page);
    const result = await trace.stop('Company Lens');
    await page.close();
    const calibration = slowdown(result);
    const limit = LONG_MS * calibration.slowdown;
    console.log(`long-task limit ${limit.toFixed(0)} ms: ${LONG_MS} ms × ${calibration.slowdown.toFixed(2)} (calibration runs ${calibration.runsMs.map((ms) => ms.toFixed(1)).join(', ')} ms CPU)`);

    expect(report.scan.chars).toBeGreaterThan(4_000_000);
    expect(ids(report)).toEqual(expect.arrayContaining(['xtransfer', 'alibaba-group']));
    const scan = between(result, 'scan', 'scroll with marks');
    // The trace did see the scan: the content script ran in that window, over many tasks (the
    // scanner's own figure is wall time, which a busy machine stretches, so it is not compared).
    expect(scan.some((t) => t.extensionMs > 0)).toBe(true);
    expect(scan.filter((t) => t.cpuMs > 1).length).toBeGreaterThan(10);
    // While the scan runs the page does nothing else: every task here is the extension's doing.
    expect(long(scan, limit)).toEqual([]);
    // Scrolling makes marks come and go; it may not add long tasks to the page's own.
    const scroll = between(result, 'scroll with marks');
    expect(long(scroll, limit).length).toBeLessThanOrEqual(long(between(result, 'page alone', 'scan'), limit).length);
    expect(scroll.filter((t) => t.extensionMs >= limit)).toEqual([]);
  });
});

describe('what the background gives a content script, and the toolbar badge', () => {
  it('serves the lexicon once per version and resolves entries to names', async () => {
    // Right after install the store may still be filling from the bundled corpus.
    await expect.poll(() => ext.send({ type: 'matcher.get' }), { timeout: 20_000 }).not.toBeNull();
    const first = await ext.send<{ version: string; payload: { wire: string } }>({ type: 'matcher.get' });
    expect(first.version).toMatch(/.+:\d+$/);
    expect(first.payload.wire).toBe('company-lens-lexicon/3');
    expect(await ext.send({ type: 'matcher.get', haveVersion: first.version })).toEqual({ version: first.version, unchanged: true });
    // Typed arrays arrive as typed arrays (structured-clone messaging), company ids separately.
    expect(await ext.worker.evaluate(() => (chrome.runtime.getManifest() as { message_serialization?: string }).message_serialization)).toBe('structured_clone');
    const ids = await ext.send<{ ids: string }>({ type: 'matcher.ids', version: first.version });
    expect(ids.ids.split('\n')).toContain('alibaba-group');
    const stale = await ext.send<{ companies: unknown }>({ type: 'matcher.resolve', version: 'old:1', values: [0] });
    expect(stale.companies).toBeNull();
  });

  it('shows on the toolbar badge how many companies the page mentions', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/lookalikes.html`);
    await mentionsOf(ext, page);
    const badge = () =>
      ext.worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.action.getBadgeText({ tabId: tab.id! });
      }, page.url());
    await expect.poll(badge, { timeout: 30_000 }).toBe('2');
    await page.close();
  });
});
