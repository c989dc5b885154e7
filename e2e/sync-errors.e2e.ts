import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { startServer } from './server';
import { makeDataset } from '../test/support/datasets';
import type { DatasetStatus } from '../lib/store/read';
import { openOptions, storeFacts, waitForDataset, writeUserData, textOf, attrOf } from './fixtures/datasets/helpers';

/**
 * Every bad source must leave the previous dataset answering exactly as before (status and
 * cards), leave user data alone, and show its own error in the options page.
 */

const json = (res: ServerResponse, body: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(body);
const good = makeDataset('good', 5);
const duplicate = { ...good, companies: [...good.companies, good.companies[0]] };
const CAP = 50 * 1024 * 1024;

const routes: Record<string, (res: ServerResponse) => void> = {
  '/404.json': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
  '/500.json': (res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('boom'),
  '/slow.json': (res) => void setTimeout(() => json(res, JSON.stringify(good)), 8_000),
  '/page.json': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title><p>Please sign in'),
  '/truncated.json': (res) => {
    const body = JSON.stringify(good);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    res.write(body.slice(0, body.length >> 1));
    setTimeout(() => res.destroy(), 50);
  },
  '/huge.json': (res) => {
    // Chunked, without Content-Length: only counting while streaming can catch it.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent <= CAP + chunk.length) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
  },
  '/schema.json': (res) => json(res, JSON.stringify({ ...good, companies: [{ id: 'x' }] })),
  '/duplicate.json': (res) => json(res, JSON.stringify(duplicate)),
  '/old.json': (res) => json(res, JSON.stringify({ ...good, version: 0 })),
};

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;
let baseline: { status: DatasetStatus; card: unknown; firstId: string };

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req, res) => {
      const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
      if (!route) return false;
      route(res);
      return true;
    },
  ]);
  ext = await launchExtension();
  const status = await waitForDataset(ext);
  page = await openOptions(ext);
  await writeUserData(page);
  // The lexicon's company ids come joined by line breaks (lib/detect/wire.ts).
  const firstId = await page.evaluate(async () => {
    const { version } = (await chrome.runtime.sendMessage({ type: 'matcher.get' })) as { version: string };
    return ((await chrome.runtime.sendMessage({ type: 'matcher.ids', version })) as { ids: string }).ids.split('\n')[0];
  });
  baseline = { status, card: await ext.send({ type: 'company.card', id: firstId }), firstId };
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The newest row of the sync history: its source and outcome. */
function latestSync() {
  const row = page.locator('[data-testid="history"] tbody tr').first();
  return Promise.all([row.getAttribute('data-outcome', { timeout: 500 }), row.locator('td').nth(1).textContent({ timeout: 500 })]).catch(() => null);
}

async function expectUnchanged(source: string | null, code: string) {
  // Wait for this sync's own outcome, not the previous case's error still on screen. A file too
  // large to read is refused by the page itself (source null): no sync starts, nothing is logged.
  if (source) await expect.poll(latestSync, { timeout: 30_000 }).toEqual(['error', source]);
  await expect.poll(() => attrOf(page, 'sync-error', 'data-code'), { timeout: 30_000 }).toBe(code);
  expect(await ext.send({ type: 'dataset.status' })).toEqual(baseline.status);
  expect(await ext.send({ type: 'company.card', id: baseline.firstId })).toEqual(baseline.card);
  const facts = await storeFacts(page);
  expect(facts.generations).toHaveLength(1);
  expect(facts.stars).toEqual([{ companyId: 'kept-star', starredAt: 42 }]);
  expect((facts.settings as { dwellMs: number }).dwellMs).toBe(700);
  await expect.poll(() => textOf(page, 'count-companies')).toBe(baseline.status.companies.toLocaleString('en-US'));
}

async function syncUrl(path: string) {
  await page.getByLabel('Dataset address').fill(`${server.url}${path}`);
  await page.getByTestId('sync-url').click();
}

describe('bad sources leave the old dataset and say what went wrong', () => {
  it.each([
    ['/404.json', 'http'],
    ['/500.json', 'http'],
    ['/page.json', 'not-json'],
    ['/truncated.json', 'truncated'],
    ['/huge.json', 'too-large'],
    ['/schema.json', 'schema'],
    ['/duplicate.json', 'duplicate-id'],
    ['/old.json', 'version'],
  ])('%s → %s', async (path, code) => {
    await syncUrl(path);
    await expectUnchanged(`${server.url}${path}`, code);
  });

  it('a server slower than the time limit → timeout', async () => {
    // The options page always uses the default limit (30 s); the message takes a shorter one.
    const result = await ext.send<{ ok: boolean; error: { code: string } }>({ type: 'dataset.sync', source: { kind: 'url', url: `${server.url}/slow.json`, timeoutMs: 1_500 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    await expectUnchanged(`${server.url}/slow.json`, 'timeout');
  });

  it.each([
    ['photo.txt', 'binary-file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1])],
    ['empty.md', 'empty-file', Buffer.from('')],
    ['huge.txt', 'too-large', Buffer.alloc(21 * 1024 * 1024, 0x61)],
  ])('a file %s → %s', async (name, code, buffer) => {
    // A file on disk is handed to Chromium by path, which is much faster than sending 21 MB over CDP.
    const dir = mkdtempSync(join(tmpdir(), 'cl-files-'));
    writeFileSync(join(dir, name), buffer);
    await page.getByTestId('file-input').setInputFiles(join(dir, name));
    // Every one is a sync of its own that fails (a file too large is refused unread by the page,
    // which hands the refusal to the sync so that the history names it too).
    await expectUnchanged(name, code);
    rmSync(dir, { recursive: true, force: true });
    expect(await page.getByTestId('sync-error').textContent()).toContain(name);
  });
});
