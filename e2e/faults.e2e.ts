/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../lib/dataset/schema';
import type { DatasetStatus } from '../lib/store/read';
import { makeDataset } from '../test/support/datasets';
import { storeFacts, waitForDataset, writeUserData } from './fixtures/datasets/helpers';
import { launchExtension, FIXTURES_DIR, type Extension } from './harness';
import { contentWorld } from './security-helpers';
import { startServer } from './server';
import { jsonRoutes } from './session';

/**
 * Faults a browser inflicts on an extension: its worker stopped again and again in the middle of
 * a large sync, storage running out, and many tabs reading while the dataset is replaced. Each
 * must leave one consistent dataset and the user's data. These take a minute or two, so they run
 * in CI (.ci/run sets COMPANY_LENS_SLOW_TESTS), not in every local `npm test`.
 */

/** Two versions of one dataset with the same ids: a card mixing them would carry both markers. */
function versioned(marker: 'A' | 'B', companies: number): Dataset {
  const d = makeDataset('mix', companies);
  for (const c of d.companies) c.description = `Version ${marker} description of ${c.id}.`;
  for (const f of d.facts) if (f.type === 'headquarters') f.values.place = `Version ${marker} City`;
  for (const p of d.people) p.name = `Version ${marker} Person`;
  d.meta.contentHash = `mix-${marker}-${companies}`;
  return d;
}

const bodies: Record<string, string> = {
  '/a.json': JSON.stringify(versioned('A', 20_000)),
  '/b.json': JSON.stringify(versioned('B', 20_000)),
  '/big.json': JSON.stringify(makeDataset('big', 40_000)),
};
const datasets = jsonRoutes(bodies);

let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
let page: Page;

beforeAll(async () => {
  if (!process.env.COMPANY_LENS_SLOW_TESTS) return;
  server = await startServer(FIXTURES_DIR, [datasets]);
  ext = await launchExtension();
  await waitForDataset(ext);
  page = await ext.extensionPage('company.html');
  await writeUserData(page);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type SyncAnswer = { ok: boolean; status?: DatasetStatus; error?: { code: string; message: string } };
const sync = (url: string) => ext.send<SyncAnswer>({ type: 'dataset.sync', source: { kind: 'url', url } });

/** The store after recovery: one ready generation, rows matching it, user data intact. */
async function expectConsistent(expectedCompanies: number[]): Promise<void> {
  // A stopped worker restarts on the next event and cleans up an unfinished write as it starts;
  // until then readers already ignore it. Wake it, then look at the raw store.
  await expect.poll(() => ext.send({ type: 'ping' }).catch(() => null), { timeout: 20_000 }).toEqual({ pong: true });
  let facts!: Awaited<ReturnType<typeof storeFacts>>;
  await expect
    .poll(async () => {
      facts = await storeFacts(page);
      return facts.generations;
    }, { timeout: 30_000 })
    .toEqual([expect.stringMatching(/^\d+:ready$/)]);
  const status = await ext.send<DatasetStatus>({ type: 'dataset.status' });
  expect(expectedCompanies).toContain(status.companies);
  expect(facts.companyRows).toBe(status.companies);
  expect(facts.stars).toEqual([{ companyId: 'kept-star', starredAt: 42 }]);
  expect(facts.notes).toMatchObject([{ companyId: 'kept-star', text: 'still here' }]);
}

describe.runIf(process.env.COMPANY_LENS_SLOW_TESTS)('faults', () => {
  it('survives its worker being stopped five times during large syncs', async () => {
    const before = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    for (const delay of [50, 250, 600, 1_000, 1_600]) {
      // Fire and forget: the answer never comes when the worker dies under it.
      await page.evaluate((url) => void chrome.runtime.sendMessage({ type: 'dataset.sync', source: { kind: 'url', url } }).catch(() => undefined), `${server.url}/big.json`);
      await new Promise((r) => setTimeout(r, delay));
      await cdp.send('ServiceWorker.stopAllWorkers');
      // A fresh worker recovers on start: old or new dataset, never half of one.
      await expectConsistent([before.companies, 40_000]);
    }
    const done = await sync(`${server.url}/big.json`);
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
    await expectConsistent([40_000]);
  }, 240_000);

  it('gives 20 tabs reading cards during a replacement either the old or the new card, never a mix or an error', async () => {
    expect((await sync(`${server.url}/a.json`)).ok).toBe(true);
    const tabs = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const tab = await ext.context.newPage();
        await tab.goto(`${server.url}/plain.html`);
        return { tab, world: await contentWorld(ext, tab) };
      }),
    );
    // Every tab reads cards in a loop until told to stop, and counts its reads, so the test can
    // wait for what must happen instead of reading for a fixed time: each tab reads before the
    // replacement starts, during it, and a few times after it has finished.
    const reading = tabs.map(({ world }, i) =>
      world.evaluate<string[]>(`(async () => {
        const seen = (window.__seen = []);
        while (!(window.__stopAt !== undefined && seen.length >= window.__stopAt)) {
          try {
            const card = await chrome.runtime.sendMessage({ type: 'company.card', id: 'mix-co-${i % 3}' });
            const text = JSON.stringify(card);
            seen.push(/Version A/.test(text) && /Version B/.test(text) ? 'MIX ' + text.slice(0, 200) : /error|Error/.test(text) ? 'ERR ' + text.slice(0, 200) : /Version B/.test(text) ? 'B' : /Version A/.test(text) ? 'A' : 'OTHER ' + text.slice(0, 200));
          } catch (e) { seen.push('THROW ' + e.message); }
        }
        return seen;
      })()`),
    );
    const readsOf = (world: (typeof tabs)[number]['world']) => world.evaluate<number>('window.__seen ? window.__seen.length : 0');
    const AFTER = 3;
    for (const { world } of tabs) await expect.poll(() => readsOf(world), { timeout: 60_000 }).toBeGreaterThanOrEqual(AFTER);
    const replaced = await sync(`${server.url}/b.json`);
    expect(replaced.ok, JSON.stringify(replaced.error)).toBe(true);
    // Reads started after the switch: each tab does AFTER more, which must all see version B.
    const switchedAt = await Promise.all(tabs.map(({ world }) => world.evaluate<number>(`(window.__stopAt = window.__seen.length + 1 + ${AFTER}, window.__seen.length + 1)`)));
    const seen = await Promise.all(reading);
    await Promise.all(tabs.map(({ tab }) => tab.close()));
    expect(seen.flat().filter((s) => s !== 'A' && s !== 'B')).toEqual([]);
    for (const [t, reads] of seen.entries()) {
      expect(reads.slice(0, AFTER), `tab ${t} before the replacement`).toEqual(Array(AFTER).fill('A'));
      expect(reads.slice(switchedAt[t]), `tab ${t} after the replacement`).toEqual(Array(AFTER).fill('B'));
    }
    await expectConsistent([20_000]);
  }, 120_000);

  it('refuses a dataset that exceeds the storage quota with a typed error, keeping the old one', async () => {
    const before = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    // The extension holds unlimitedStorage, which Chromium exempts from quota overrides
    // (Storage.overrideQuotaForOrigin has no effect on it). So the quota error is raised where the
    // browser raises it, at the IndexedDB boundary: after 3,000 rows, every write in the worker
    // fails with the DOMException a full disk gives.
    const worker = await ext.currentWorker();
    await worker.evaluate(() => {
      type Write = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
      const proto = IDBObjectStore.prototype as unknown as Record<string, Write>;
      let writes = 0;
      for (const name of ['put', 'add']) {
        const original = proto[name];
        proto[`__${name}`] = original;
        proto[name] = function (value, key) {
          if (++writes > 3_000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.call(this, value, key);
        };
      }
    });
    try {
      const answer = await sync(`${server.url}/a.json`);
      expect(answer.ok).toBe(false);
      expect(answer.error?.code).toBe('quota');
      expect(answer.error?.message).toMatch(/previous dataset was kept/);
      expect(await ext.send<DatasetStatus>({ type: 'dataset.status' })).toEqual(before);
    } finally {
      await worker.evaluate(() => {
        const proto = IDBObjectStore.prototype as unknown as Record<string, unknown>;
        for (const name of ['put', 'add']) if (proto[`__${name}`]) proto[name] = proto[`__${name}`];
      });
    }
    await expectConsistent([before.companies]);
    // With room again, the same sync succeeds.
    expect((await sync(`${server.url}/a.json`)).ok).toBe(true);
    await expectConsistent([20_000]);
  }, 120_000);
});
