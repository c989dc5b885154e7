import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, launchExtension, type Extension } from '../e2e/harness';
import { startServer } from '../e2e/server';
import { PAGES_DIR, writeSearchBoxExtension } from './pages';

/**
 * Shared browser plumbing: one Chromium with the built extension (the thing measured) and one
 * without it (where peers run, so the extension never competes with them), both serving the
 * benchmark pages from 127.0.0.1.
 */

export interface Browsers {
  ext: Extension;
  /** The search box page loaded beside the extension (see writeSearchBoxExtension). */
  searchBoxUrl: string;
  /** A context of a second Chromium, without the extension. */
  plain: BrowserContext;
  url: string;
  close(): Promise<void>;
}

export async function openBrowsers(): Promise<Browsers> {
  const server = await startServer(PAGES_DIR);
  const searchBox = writeSearchBoxExtension();
  const ext = await launchExtension({ alsoLoad: [searchBox.dir] });
  const plainBrowser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  // tsx compiles with esbuild's keepNames, which wraps named functions in a __name() helper that
  // does not exist in the page: functions passed to page.evaluate would throw without this.
  for (const c of [ext.context, plain]) await c.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)');
  return {
    ext,
    searchBoxUrl: `chrome-extension://${searchBox.id}/${searchBox.page}`,
    plain,
    url: server.url,
    async close() {
      await ext.close().catch(() => {});
      await plainBrowser.close().catch(() => {});
      server.server.closeAllConnections();
      await server.close();
    },
  };
}

/** The floor: one TreeWalker pass reading every text node's characters, median of runs. */
export async function treeWalkerFloor(page: Page, runs = 5): Promise<{ ms: number; chars: number }> {
  return page.evaluate((runs) => {
    const times: number[] = [];
    let chars = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      let sum = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        n += data.length;
        sum = (sum + data.charCodeAt(data.length >> 1)) | 0;
      }
      times.push(performance.now() - t0);
      chars = n + (sum & 0);
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], chars };
  }, runs);
}

/** Mentions the content script reports, or null when it does not answer. */
export interface PageMentions {
  mentions: { companyId: string; count: number }[];
  scan: { chars: number; ms: number; startedAt?: number | null };
}

/**
 * Waits until the content script's scan has covered the page: `page.mentions` answers with a
 * character count that stops growing. Returns the last answer and the wall time it took from
 * the load event, or null if the content script never answered.
 */
export async function waitForScan(ext: Extension, page: Page, timeoutMs = 90_000): Promise<{ report: PageMentions; wallMs: number } | null> {
  const begin = Date.now();
  let last: PageMentions | null = null;
  let stable = 0;
  while (Date.now() - begin < timeoutMs) {
    const r = (await ext.sendToTab<PageMentions>(page, { type: 'page.mentions' }).catch(() => null)) ?? null;
    if (r?.scan && last?.scan && r.scan.chars === last.scan.chars && r.scan.chars > 0) {
      if (++stable >= 2) return { report: r, wallMs: Date.now() - begin };
    } else stable = 0;
    last = r?.scan ? r : last;
    // A content script that has scanned nothing after 20 s has no lexicon (or no scanner).
    if (Date.now() - begin > 20_000 && !(last?.scan.chars)) return null;
    await new Promise((res) => setTimeout(res, 150));
  }
  return null;
}

/**
 * Waits until the extension has finished what a sync leaves for after its answer: deleting the
 * replaced dataset and deriving the full-text search index. Figures measured meanwhile would
 * time that work along with their own (or, for the raw IndexedDB loop, compete with it).
 * `page` is an extension page; the store is read with plain IndexedDB calls.
 */
export async function extensionSettled(page: Page, timeoutMs = 60_000): Promise<void> {
  const busy = () =>
    page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('company-lens');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = <T>(store: string, key?: IDBValidKey) =>
        new Promise<T>((resolve) => {
          const request = key === undefined ? db.transaction(store).objectStore(store).count() : db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result as T);
        });
      try {
        if ((await get<number>('generations')) > 1) return true;
        const active = await get<{ gen: number } | undefined>('meta', 'active');
        const search = active && (await get<{ value: Blob | string; quickEnd?: number } | undefined>('artifacts', [active.gen, 'search']));
        // The full text follows the quick part, which ends at `quickEnd` (lib/store/db.ts).
        return !!search && typeof search.value !== 'string' && search.value.size <= (search.quickEnd ?? Infinity);
      } finally {
        db.close();
      }
    });
  for (const begin = Date.now(); (await busy()) && Date.now() - begin < timeoutMs; ) await new Promise((r) => setTimeout(r, 200));
}

let shared: Promise<Browsers> | null = null;

/** One pair of browsers for the whole run, opened by the first suite that needs it. */
export function browsers(): Promise<Browsers> {
  shared ??= openBrowsers();
  return shared;
}

export async function closeBrowsers(): Promise<void> {
  if (shared) await (await shared.catch(() => null))?.close();
  shared = null;
}

/** Heap in use by the page's renderer after a full GC (main world and extension worlds share it). */
export async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
