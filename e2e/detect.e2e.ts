import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';
import { startServer } from './server';
import { PAGES_DIR, mentionsOf, pageHtml, seedFiles, seedRoute } from './fixtures/pages/pages';

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(PAGES_DIR, [seedRoute]);
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
