import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxExtension, until, type FirefoxExtension } from './harness';
import { startServer } from '../server';
import { jsonRoutes } from '../session';
import { PAGES_DIR, heldRoute, seedFiles, seedRoute, type MentionsReport } from '../fixtures/pages/pages';
import { bundledDatasetInNode } from '../fixtures/datasets/helpers';
import { makeDataset } from '../../test/support/datasets';
import type { DatasetStatus } from '../../lib/store/read';

/**
 * The built Firefox extension (.output/firefox-mv3) in Debian's Firefox ESR: one browser for the
 * whole file, since Firefox takes several seconds to start. The tests run in order and share the
 * extension's state (the dataset the install built, then the one synced from a URL).
 */

let ff: FirefoxExtension;
let server: Awaited<ReturnType<typeof startServer>>;
const held = heldRoute();
const remote = JSON.stringify(makeDataset('remote', 40));

beforeAll(async () => {
  server = await startServer(PAGES_DIR, [seedRoute, held.route, jsonRoutes({ '/remote.json': remote })]);
  ff = await launchFirefoxExtension();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const ids = (r: MentionsReport) => r.mentions.map((m) => m.companyId).sort();

/** The content script's report once it has scanned something and found every one of `expected`. */
function mentionsWith(url: string, expected: string[]): Promise<MentionsReport> {
  return until(async () => {
    const report = await ff.sendToTab<MentionsReport>(url, { type: 'page.mentions' });
    return report.scan.chars > 0 && expected.every((id) => ids(report).includes(id)) ? report : undefined;
  }, `${expected.join(', ')} on ${url}`);
}

/** The texts of the ranges the page's highlights hold: what the browser paints. */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.values()].flatMap((h) =>
      [...h].map((r) => (r.startContainer === r.endContainer ? (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset) : '')),
    ),
  );
}

async function hoverWord(page: Page, word: string): Promise<void> {
  const r = await page.evaluate((word) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(word);
      if (at < 0) continue;
      (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + word.length);
      const b = range.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error(`"${word}" not on the page`);
  }, word);
  await page.mouse.move(r.x - 20, r.y + 30);
  await page.mouse.move(r.x, r.y, { steps: 4 });
}

const cardState = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('company-lens-card')?.shadowRoot?.querySelector('.cl-card');
    return card ? { status: card.getAttribute('data-status'), name: card.querySelector('.cl-name')?.textContent ?? null } : null;
  });

/** Names of the rows under one heading of the popup's results. */
const groupNames = (page: Page, title: string) =>
  page.evaluate((title) => {
    const group = [...document.querySelectorAll('.cl-group')].find((g) => g.querySelector('.cl-group-title')?.textContent === title);
    return group ? [...group.querySelectorAll('.cl-row-name')].map((n) => n.textContent ?? '') : [];
  }, title);

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.focus(selector);
  await page.evaluate((selector) => (document.querySelector(selector) as HTMLInputElement).select(), selector);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

describe('the built extension in Firefox', () => {
  it('installs without a manifest warning, and its event page answers', async () => {
    expect(ff.origin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
    expect(await ff.manifestWarnings()).toEqual([]);
    expect(await until(() => ff.send({ type: 'ping' }), 'the event page')).toEqual({ pong: true });
  });

  it('fills the store from the bundled corpus on install, with the counts the Node build gives', async () => {
    const expected = bundledDatasetInNode();
    const status = await until(async () => {
      const s = await ff.send<DatasetStatus>({ type: 'dataset.status' });
      return s.version ? s : undefined;
    }, 'the dataset built on install', 60_000);
    expect(status).toMatchObject({
      companies: expected.companies.length,
      articles: expected.articles.length,
      facts: expected.facts.length,
      source: 'bundled seed corpus',
    });
  });

  it('marks the names it finds: the page highlights hold their ranges', async () => {
    const url = `${server.url}/seed/${seedFiles()[1]}.html`;
    const page = await ff.webPage(url);
    const report = await mentionsWith(url, ['xtransfer', 'alibaba-group', 'tencent']);
    expect(report.mentions.find((m) => m.companyId === 'xtransfer')).toMatchObject({ name: 'XTransfer' });
    const painted = await until(async () => {
      const texts = await paintedTexts(page);
      return texts.includes('XTransfer') ? texts : undefined;
    }, 'XTransfer painted');
    expect(painted).toEqual(expect.arrayContaining(['XTransfer', 'Tencent']));
    await page.close();
  });

  it('shows the card of a hovered name', async () => {
    const url = `${server.url}/seed/${seedFiles()[1]}.html`;
    const page = await ff.webPage(url);
    await mentionsWith(url, ['xtransfer']);
    await hoverWord(page, 'XTransfer');
    expect(await until(async () => ((await cardState(page))?.status === 'ready' ? cardState(page) : undefined), 'the card')).toEqual({
      status: 'ready',
      name: 'XTransfer',
    });
    await page.keyboard.press('Escape');
    await until(async () => ((await cardState(page)) === null ? true : undefined), 'the card to close');
    await page.close();
  });

  it('finds names in an open shadow root and a same-origin frame', async () => {
    const url = `${server.url}/shadow.html`;
    const page = await ff.webPage(url);
    const report = await mentionsWith(url, ['baidu', 'bytedance', 'xtransfer', 'pinduoduo', 'meituan']);
    expect(ids(report)).toEqual(['baidu', 'bytedance', 'meituan', 'pinduoduo', 'xtransfer']);
    await page.close();
  });

  it('follows a frame that loads after the scan met it, and the frame navigating on', async () => {
    const url = `${server.url}/late-frame.html`;
    const page = await ff.webPage(url);
    await mentionsWith(url, ['baidu']);
    // The frame is added with a name beside it; once that name is reported the rescan has met the
    // frame, whose document the server still holds back (it shows the initial about:blank).
    await page.evaluate(() => {
      document.getElementById('later')!.innerHTML = '<p>Later: Alibaba.</p><iframe src="/held/frame-child.html" width="600" height="120"></iframe>';
    });
    await mentionsWith(url, ['alibaba-group']);
    held.release();
    expect(ids(await mentionsWith(url, ['pinduoduo', 'meituan']))).toEqual(['alibaba-group', 'baidu', 'meituan', 'pinduoduo']);
    await page.evaluate(() => (document.querySelector('iframe')!.src = '/frame-next.html'));
    const next = await until(async () => {
      const r = await mentionsWith(url, ['tencent', 'jd-com']);
      return ids(r).includes('pinduoduo') ? undefined : r;
    }, 'the names of the frame’s next document, without the former ones');
    expect(ids(next)).toEqual(['alibaba-group', 'baidu', 'jd-com', 'tencent']);
    await page.close();
  });

  it('searches from the popup, in Latin and CJK', async () => {
    const page = await ff.extensionPage('popup.html');
    await until(() => page.evaluate(() => (document.activeElement?.getAttribute('role') === 'combobox' ? true : undefined)), 'the search box');
    await typeInto(page, '[role="combobox"]', 'tencen');
    // The first company row: the top hit when there is one, else the first of "Companies".
    const firstCompany = async () => [...(await groupNames(page, 'Top hit')), ...(await groupNames(page, 'Companies'))][0];
    await until(async () => ((await firstCompany()) === 'Tencent' ? true : undefined), 'Tencent first for "tencen"');
    await typeInto(page, '[role="combobox"]', '阿里');
    await until(async () => ((await firstCompany()) === 'Alibaba Group' ? true : undefined), 'Alibaba Group first for "阿里"');
    await page.close();
  });

  it('restarts its event page and serves a new tab afterwards', async () => {
    await ff.terminateBackground();
    expect(await until(() => ff.send({ type: 'ping' }), 'the restarted event page')).toEqual({ pong: true });
    const url = `${server.url}/seed/${seedFiles()[0]}.html`;
    const page = await ff.webPage(url);
    const report = await until(async () => {
      const r = await ff.sendToTab<MentionsReport>(url, { type: 'page.mentions' });
      return r.mentions.length > 0 ? r : undefined;
    }, 'mentions after the restart');
    expect(report.scan.chars).toBeGreaterThan(0);
    await page.close();
  });

  it('syncs a dataset from a URL in the options page', async () => {
    const page = await ff.extensionPage('options.html');
    await until(() => page.evaluate(() => (document.querySelector('[data-testid="status"]') ? true : undefined)), 'the options page');
    // Headless Firefox cannot show the host-permission prompt; the server allows any origin, so
    // the answer does not matter and is given as "no" at once.
    await page.evaluate(() => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      api.permissions.request = (() => Promise.resolve(false)) as typeof api.permissions.request;
    });
    await typeInto(page, '#sync-url', `${server.url}/remote.json`);
    await page.click('[data-testid="sync-url"]');
    const done = await until(
      () => page.evaluate(() => document.querySelector('[data-testid="sync-ok"]')?.textContent ?? undefined),
      'the sync to finish',
      60_000,
    );
    expect(done).toContain('40 companies');
    expect(await ff.send<DatasetStatus>({ type: 'dataset.status' })).toMatchObject({ companies: 40, source: `${server.url}/remote.json` });
    await page.close();
  });

  it('logged no error from its scripts or pages', async () => {
    const entries = await ff.extensionConsole();
    expect(entries.filter((e) => e.error)).toEqual([]);
  });
});
