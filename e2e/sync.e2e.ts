import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { startServer } from './server';
import { makeDataset } from '../test/support/datasets';
import type { DatasetStatus } from '../lib/store/read';
import { bundledDatasetInNode, openOptions, storeFacts, waitForDataset, writeUserData, textOf } from './fixtures/datasets/helpers';

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
const remote = JSON.stringify(makeDataset('remote', 40));
const conditional: (string | undefined)[] = [];

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req, res) => {
      if (!req.url?.startsWith('/remote.json')) return false;
      conditional.push(req.headers['if-none-match'] as string | undefined);
      if (req.headers['if-none-match'] === '"remote-1"') {
        res.writeHead(304).end();
        return true;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: '"remote-1"' }).end(remote);
      return true;
    },
  ]);
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('dataset sync in Chromium', () => {
  it('fills the store from the bundled corpus on install, with the counts the Node build gives', async () => {
    const expected = bundledDatasetInNode();
    const status = await waitForDataset(ext);
    expect(status).toMatchObject({
      companies: expected.companies.length,
      articles: expected.articles.length,
      facts: expected.facts.length,
      people: expected.people.length,
      source: 'bundled seed corpus',
    });
    expect(status.version.startsWith(`${expected.meta.contentHash}:`)).toBe(true);
    const page = await openOptions(ext);
    await expect.poll(() => textOf(page, 'count-companies')).toBe(expected.companies.length.toLocaleString('en-US'));
    await page.close();
  });

  it('replaces the dataset from a URL on 127.0.0.1, then finds it unchanged, keeping user data', async () => {
    const page = await openOptions(ext);
    await writeUserData(page);
    const before = await storeFacts(page);
    await page.getByLabel('Dataset address').fill(`${server.url}/remote.json`);
    await page.getByTestId('sync-url').click();
    await expect.poll(() => textOf(page, 'sync-ok'), { timeout: 20_000 }).toContain('40 companies');
    const status = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    expect(status).toMatchObject({ companies: 40, articles: 1, source: `${server.url}/remote.json` });
    expect(await page.getByTestId('status-source').textContent()).toBe(`${server.url}/remote.json`);

    await page.getByTestId('sync-url').click();
    await expect.poll(() => textOf(page, 'sync-ok')).toContain('Already up to date');
    expect(conditional).toEqual([undefined, '"remote-1"']);
    expect((await ext.send<DatasetStatus>({ type: 'dataset.status' })).version).toBe(status.version);

    const after = await storeFacts(page);
    expect(after.stars).toEqual(before.stars);
    expect(after.notes).toEqual(before.notes);
    expect(after.settings).toEqual(before.settings);
    expect(after.generations).toHaveLength(1);
    expect(after.companyRows).toBe(40);
    await page.close();
  });

  it('adds the user\'s own article to the library, joined to the synced dataset', async () => {
    const page = await openOptions(ext);
    await page.getByTestId('file-input').setInputFiles({ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from('My note\n\nA short article about nothing in particular.\n') });
    await expect.poll(() => textOf(page, 'status-source'), { timeout: 20_000 }).toBe(`${server.url}/remote.json + your library (1 article)`);
    const status = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    expect(status).toMatchObject({ companies: 40, articles: 2 });
    expect((await storeFacts(page)).stars).toEqual([{ companyId: 'kept-star', starredAt: 42 }]);
    await page.close();
  });
});
