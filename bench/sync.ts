import type { Page } from 'playwright-core';
import { startServer } from '../e2e/server';
import type { Dataset } from '../lib/dataset/schema';
import { seedDataset, synthetic } from './data';
import { browsers, extensionSettled } from './browser';
import { PAGES_DIR } from './pages';
import { atLeast, atMost, info, type Recorder } from './report';

/**
 * Sync in Chromium: the extension's `dataset.sync` (fetch, validate, write in batches, derive the
 * matcher payload and search index, switch) against a raw IndexedDB loop on the same records in
 * an extension page (fetch, JSON.parse, 1,000 records a transaction, nothing else). The raw loop
 * is the floor: sync cannot write the same records faster than IndexedDB takes them.
 */

const count = (d: Dataset) => d.companies.length + d.articles.length + d.mentions.length + d.facts.length + d.people.length + d.relations.length;

export async function syncSuite(rec: Recorder, quick: boolean): Promise<void> {
  const sizes = quick ? [10_000] : [10_000, 100_000];
  const bodies = new Map(sizes.map((n) => [`/synthetic-${n}.json`, JSON.stringify(synthetic(n))]));
  // The seed dataset as a file, for the raw loop that is the seed sync's floor.
  const seedData = (await seedDataset()).dataset;
  if (seedData) bodies.set('/seed.json', JSON.stringify(seedData));
  const server = await startServer(PAGES_DIR, [
    (req, res) => {
      const body = bodies.get(req.url ?? '');
      if (!body) return false;
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(body);
      return true;
    },
  ]);
  const b = await browsers();
  const page = await b.ext.extensionPage('company.html');
  try {
    // A bundled sync over the same bundled dataset finds it unchanged and writes nothing, so the
    // store first gets a slightly different dataset (the corpus plus one note) to make the timed
    // bundled sync a real rebuild.
    await timedSync(page, { kind: 'files', files: [{ name: 'bench-note.txt', text: 'Bench note\n\nA note that changes the dataset.' }] });
    const seed = await timedSync(page, { kind: 'bundled' });
    await extensionSettled(page);
    // The floor: fetching, parsing and writing the records the seed corpus builds into, in one
    // plain IndexedDB loop (the sync also builds them from the corpus text).
    const seedFloor = seedData ? (await rawLoop(page, `${server.url}/seed.json`)).ms : undefined;
    if (seed.ok) rec.add('sync seed corpus → store ready', seed.ms, 'ms', atMost(1000, '≤ 1000 ms'), { floor: seedFloor }, `${seed.status?.companies} companies; floor: a raw IndexedDB loop writing the built dataset's records`);
    else rec.missing('sync seed corpus → store ready', 'ms', '≤ 1000 ms', seed.error);
    for (const n of sizes) {
      const url = `${server.url}/synthetic-${n}.json`;
      const records = count(synthetic(n));
      await extensionSettled(page);
      const raw = await rawLoop(page, url);
      const rawLikeStore = await rawLoop(page, url, true);
      const sync = await timedSync(page, { kind: 'url', url });
      const label = `${n / 1000}k companies`;
      if (!sync.ok) {
        rec.missing(`sync synthetic ${label}`, 'records/s', null, sync.error);
        continue;
      }
      const rate = records / (sync.ms / 1000);
      const rawRate = records / (raw.ms / 1000);
      rec.add(`sync synthetic ${label}`, rate, 'records/s', info(), { floor: rawRate, totalMs: sync.ms, rawMs: raw.ms, rawLikeStoreMs: rawLikeStore.ms, records });
      rec.add(`sync ÷ raw IndexedDB loop, ${label}`, rate / rawRate, '×', n === 100_000 ? atLeast(0.8, '≥ 0.8×') : info(), {}, 'throughput ratio, same records, same browser');
    }
  } finally {
    await page.close().catch(() => {});
    server.server.closeAllConnections();
    await server.close();
  }
}

async function timedSync(page: Page, source: unknown): Promise<{ ok: boolean; ms: number; error: string; status?: { companies: number } }> {
  const t0 = Date.now();
  const r = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'dataset.sync', source }).catch((e: Error) => ({ ok: false, error: { message: e.message } }))) as {
    ok: boolean;
    status?: { companies: number };
    error?: { code?: string; message: string };
  } | undefined;
  const ms = Date.now() - t0;
  if (!r?.ok) return { ok: false, ms, error: `dataset.sync failed: ${r?.error?.code ?? ''} ${r?.error?.message ?? 'no answer'}`.trim() };
  return { ok: true, ms, error: '', status: r.status };
}

/**
 * Fetch, parse and write every record in batches of 1,000 per transaction into a scratch database.
 * `likeStore` gives the scratch stores the extension's keys and secondary indexes (and each row
 * its generation and position), to show how much of the gap to the plain loop they account for.
 */
function rawLoop(page: Page, url: string, likeStore = false): Promise<{ ms: number }> {
  return page.evaluate(async ({ url, likeStore }) => {
    const tables = ['companies', 'articles', 'mentions', 'facts', 'people', 'relations'];
    await new Promise((res) => {
      const del = indexedDB.deleteDatabase('bench-raw');
      del.onsuccess = del.onerror = del.onblocked = res;
    });
    const t0 = performance.now();
    const data = (await (await fetch(url)).json()) as Record<string, unknown[]>;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('bench-raw', 1);
      open.onupgradeneeded = () => {
        for (const t of tables) {
          if (!likeStore) {
            open.result.createObjectStore(t, { autoIncrement: true });
            continue;
          }
          // As SCHEMA_V1 in lib/store/db.ts.
          const key = t === 'mentions' ? ['gen', 'n'] : t === 'relations' ? ['gen', 'a', 'b'] : ['gen', 'id'];
          const store = open.result.createObjectStore(t, { keyPath: key });
          if (t === 'facts' || t === 'mentions') store.createIndex('[gen+companyId]', ['gen', 'companyId']);
          if (t === 'relations') ['a', 'b'].forEach((f) => store.createIndex(`[gen+${f}]`, ['gen', f]));
          if (t === 'people') store.createIndex('ck', 'ck', { multiEntry: true });
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const t of tables) {
      const rows = data[t] ?? [];
      for (let i = 0; i < rows.length; i += 1000) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(t, 'readwrite');
          const store = tx.objectStore(t);
          rows.slice(i, i + 1000).forEach((row, k) => store.put(likeStore ? { ...(row as object), gen: 1, n: i + k } : row));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
    }
    const ms = performance.now() - t0;
    db.close();
    // Waited for: deleting 140,000 rows takes IndexedDB a while, which would otherwise overlap
    // the sync measured next.
    await new Promise((res) => {
      const del = indexedDB.deleteDatabase('bench-raw');
      del.onsuccess = del.onerror = del.onblocked = res;
    });
    return { ms };
  }, { url, likeStore });
}
