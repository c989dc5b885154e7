import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { startServer } from './server';
import { makeDataset } from '../test/support/datasets';
import type { DatasetStatus } from '../lib/store/read';
import { openOptions, storeFacts, waitForDataset, writeUserData, textOf, attrOf } from './fixtures/datasets/helpers';

/**
 * MV3 stops service workers whenever it likes. Stopping the worker (through CDP) in the middle of
 * writing a large dataset must leave the store consistent — the old dataset active, no stray
 * rows — and the next sync must succeed.
 */

const big = JSON.stringify(makeDataset('big', 60_000));
let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req, res) => {
      if (!req.url?.startsWith('/big.json')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(big);
      return true;
    },
  ]);
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('a worker stopped mid-sync', () => {
  it('leaves the old dataset and a clean store; the next sync succeeds', async () => {
    const before = await waitForDataset(ext);
    const page = await openOptions(ext);
    await writeUserData(page);
    await page.getByLabel('Dataset address').fill(`${server.url}/big.json`);
    await page.getByTestId('sync-url').click();
    // The indexes are derived once the last rows are queued, while those are still being
    // committed: stopping during that stage lands in the middle of the write.
    await expect.poll(() => textOf(page, 'progress-stage'), { timeout: 30_000, interval: 50 }).toMatch(/^Preparing name matching/);

    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // The page learns that the worker went away; the next message starts a new worker.
    await expect.poll(() => attrOf(page, 'sync-error', 'data-code'), { timeout: 20_000 }).toBe('interrupted');
    await expect.poll(() => ext.send<DatasetStatus>({ type: 'dataset.status' }).catch(() => null), { timeout: 20_000 }).toEqual(before);
    await expect.poll(async () => (await storeFacts(page)).syncLog.at(-1), { timeout: 20_000 }).toBe('interrupted');
    const facts = await storeFacts(page);
    expect(facts.generations).toHaveLength(1);
    expect(facts.companyRows).toBe(before.companies);
    expect(facts.stars).toEqual([{ companyId: 'kept-star', starredAt: 42 }]);

    await page.reload();
    await page.getByTestId('sync-url').click();
    await expect.poll(() => textOf(page, 'sync-ok'), { timeout: 60_000 }).toContain('60,000 companies');
    // The replaced dataset is deleted just after the sync has answered.
    await expect.poll(async () => (await storeFacts(page)).generations, { timeout: 20_000 }).toHaveLength(1);
    const after = await storeFacts(page);
    expect(after.companyRows).toBe(60_000);
    expect(after.stars).toEqual(facts.stars);
    expect(after.settings).toEqual(facts.settings);
  }, 120_000);

  it('cancels from the options page, keeping the current dataset', async () => {
    const page = await openOptions(ext);
    // Back to the bundled dataset first, so the cancelled sync would have replaced something.
    await page.getByTestId('sync-bundled').click();
    await expect.poll(() => textOf(page, 'sync-ok'), { timeout: 20_000 }).toMatch(/^(Synced:|Already up to date)/);
    const before = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    expect(before.source).toBe('bundled seed corpus');
    await page.getByLabel('Dataset address').fill(`${server.url}/big.json?again`);
    await page.getByTestId('sync-url').click();
    await expect.poll(() => textOf(page, 'progress-stage'), { timeout: 30_000, interval: 50 }).toMatch(/^Preparing name matching/);
    await page.getByRole('button', { name: 'Cancel sync' }).click();
    // A cancel is reported quietly, not as a failure.
    await expect.poll(() => attrOf(page, 'sync-cancelled', 'data-code'), { timeout: 20_000 }).toBe('cancelled');
    expect(await page.getByTestId('sync-error').count()).toBe(0);
    expect(await ext.send({ type: 'dataset.status' })).toEqual(before);
    const facts = await storeFacts(page);
    expect(facts.generations).toHaveLength(1);
    expect(facts.companyRows).toBe(before.companies);
    expect(facts.syncLog.at(-1)).toBe('cancelled');
  }, 120_000);
});
