import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_DIR } from '../e2e/harness';
import { Lexicon } from '../lib/detect/lexicon';
import type { Dataset } from '../lib/dataset/schema';
import { browsers, extensionSettled, pageHeap, waitForScan } from './browser';
import { contentWorld } from '../e2e/security-helpers';
import { seedDataset, synthetic } from './data';
import { atMost, info, type Recorder } from './report';
import { median } from './timing';

/**
 * What the extension costs every tab and every popup: bundle sizes (gzip) per entrypoint, the
 * content script's heap (the same page's renderer heap with and without the extension, after a
 * full GC), how soon marks appear after load, and popup open → first results. Run after the sync
 * suite, so the active dataset is the largest synthetic one synced.
 */

/**
 * Notes when the first name is marked: a highlight holds a range. It polls on a short timer
 * rather than once a frame, which would add up to 16 ms of its own to the figure; each poll
 * reads a few properties, so it takes no time the content script would otherwise have.
 */
const MARKS_PROBE = `(() => {
  const poll = () => {
    if (CSS.highlights && [...CSS.highlights.values()].some((h) => h.size > 0)) { window.__benchMarkedAt = performance.now(); return; }
    setTimeout(poll, 1);
  };
  poll();
})()`;

export async function contentSuite(rec: Recorder, quick: boolean): Promise<void> {
  bundles(rec);
  const b = await browsers();
  const settling = await b.ext.extensionPage('company.html');
  await extensionSettled(settling);
  await settling.close();
  const status = (await b.ext.send<{ companies: number } | null>({ type: 'dataset.status' }).catch(() => null)) ?? { companies: 0 };
  const label = `${status.companies} companies`;
  const heaps: number[] = [];
  const ready: number[] = [];
  const marked: number[] = [];
  const roundTrips: number[] = [];
  const plainHeaps: number[] = [];
  const loaded = { ext: [] as number[], plain: [] as number[] };
  for (let i = 0; i < (quick ? 3 : 8); i++) {
    const page = await b.ext.context.newPage();
    await page.addInitScript(MARKS_PROBE);
    await page.goto(`${b.url}/plain.html`, { waitUntil: 'load' });
    const scan = await waitForScan(b.ext, page);
    const dcl = await domContentLoaded(page);
    if (typeof scan?.report.scan.startedAt === 'number') ready.push(scan.report.scan.startedAt - dcl);
    if (scan) marked.push(await firstMarkAfterLoad(page));
    // The floor of "ready": one message from this tab's content script to the background and back,
    // the least the content script must wait for before it has a lexicon.
    const world = await contentWorld(b.ext, page);
    roundTrips.push(await world.evaluate<number>('(async () => { const t0 = performance.now(); await chrome.runtime.sendMessage({ type: "ping" }); return performance.now() - t0; })()'));
    await world.cdp.detach().catch(() => undefined);
    loaded.ext.push(dcl);
    heaps.push(await pageHeap(page));
    await page.close();
    const plain = await b.plain.newPage();
    await plain.goto(`${b.url}/plain.html`, { waitUntil: 'load' });
    loaded.plain.push(await domContentLoaded(plain));
    plainHeaps.push(await pageHeap(plain));
    await plain.close();
  }
  // Runtime.getHeapUsage leaves out ArrayBuffer backing stores, and the lexicon is typed arrays:
  // their size is taken from the same lexicon built in Node and added.
  const dataset = status.companies >= 1000 ? synthetic(status.companies) : (await seedDataset()).dataset;
  const payload = dataset ? payloadBytes(Lexicon.build(dataset.companies).toPayload().matcher) + payloadBytes(Lexicon.build(dataset.companies).toPayload()) : 0;
  const jsHeap = (median(heaps) - median(plainHeaps)) / 1e6;
  rec.add(`content script memory per tab, ${label}`, jsHeap + payload / 1e6, 'MB', atMost(5, '≤ 5 MB'), { jsHeap, typedArrays: payload / 1e6 }, 'JS heap with the extension minus without (same small page, after GC) + lexicon typed arrays');
  if (ready.length === 0) rec.missing(`content script ready after load, ${label}`, 'ms', '≤ 50 ms', 'the content script never started scanning');
  else rec.add(`content script ready after load, ${label}`, median(ready), 'ms', atMost(50, '≤ 50 ms'), { floor: median(roundTrips) }, 'DOMContentLoaded → scanning starts (lexicon fetched and checked, settings read), as the content script reports it; floor: one ping from the content script to the background and back, same tabs');
  if (marked.length > 0) rec.add(`content script first mark after load, ${label}`, median(marked), 'ms', info(), {}, 'DOMContentLoaded → a highlight holds its first range (the first slice scanned, ranges registered at the next frame)');
  // What the extension's document_start scripts (the lexicon request, the mark stylesheet) cost
  // the page itself: its own DOMContentLoaded, with the extension and without.
  rec.add('page DOMContentLoaded, with the extension − without', median(loaded.ext) - median(loaded.plain), 'ms', info(), { with: median(loaded.ext), without: median(loaded.plain) }, 'small plain page, navigation start → DOMContentLoaded end');
  const query = dataset && status.companies >= 1000 ? dataset.companies[0].name.slice(0, 4) : 'al';
  // The seed comparison syncs the seed corpus, so it is left out when that is what is active.
  const seedQuery = status.companies >= 1000 ? seedQueryOf((await seedDataset()).dataset) : null;
  await popup(rec, label, query, seedQuery);
}

/** The first four letters of the seed's most mentioned company, as the 100k query is of its first. */
function seedQueryOf(dataset: Dataset | null): string | null {
  const top = dataset?.companies.reduce((best, c) => (c.mentionCount > best.mentionCount ? c : best));
  return top ? top.name.slice(0, 4) : null;
}

function payloadBytes(o: object): number {
  return Object.values(o).reduce((n: number, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
}

function domContentLoaded(page: Page): Promise<number> {
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
}

async function firstMarkAfterLoad(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return ((window as unknown as { __benchMarkedAt?: number }).__benchMarkedAt ?? NaN) - nav.domContentLoadedEventEnd;
  });
}

type Timeline = { firstRowAt: number; namesAt: number | null; firstKeyAt: number | null };

/**
 * Popup open → first results for a typed query: navigation start to the moment the first result
 * row enters the popup's DOM, timed inside the page by a MutationObserver installed before any
 * popup script runs, so the harness's polling does not count. Typing starts as soon as the
 * search box has focus, as a user's would.
 *
 * Two more timelines in the same run put the figure in context: the same popup over the seed
 * dataset (what the page costs when there is almost no index to read), and a bare search box
 * page of another extension (opening an extension page and typing into it: the floor).
 */
async function popup(rec: Recorder, label: string, query: string, seedQuery: string | null): Promise<void> {
  const b = await browsers();
  const popupUrl = `chrome-extension://${b.ext.id}/popup.html`;
  const samples = await openAndType(b.ext.context, popupUrl, query);
  // A page of the floor's extension stays open meanwhile, as the harness's messenger page does
  // for Company Lens: the pages measured then open in a running extension process, not a new one.
  const keeper = await b.ext.context.newPage();
  await keeper.goto(b.searchBoxUrl);
  const floor = await openAndType(b.ext.context, b.searchBoxUrl, query);
  await keeper.close();
  const seed = seedQuery === null ? [] : await seedTimelines(popupUrl, seedQuery);
  if (seed.length > 0) rec.add('popup open → first results, seed dataset', median(seed.map((s) => s.firstRowAt)), 'ms', info(), { namesReadyMs: medianOf(seed.map((s) => s.namesAt)) }, `the same popup and timing over the seed corpus, synced after the figures above; query "${seedQuery}"`);
  if (samples.length === 0) {
    rec.missing(`popup open → first results, ${label}`, 'ms', '≤ 100 ms', `no result row appeared for "${query}"`);
    return;
  }
  // The first row appears once both the names are loaded and the typed query has been searched,
  // so the two are reported beside it: how soon the index could answer, and when typing began.
  rec.add(
    `popup open → first results, ${label}`,
    median(samples.map((s) => s.firstRowAt)),
    'ms',
    atMost(100, '≤ 100 ms'),
    {
      ...(floor.length ? { floor: median(floor.map((s) => s.firstRowAt)) } : {}),
      ...(seed.length ? { seedDataset: median(seed.map((s) => s.firstRowAt)) } : {}),
      namesReadyMs: medianOf(samples.map((s) => s.namesAt)),
      firstKeyMs: medianOf(samples.map((s) => s.firstKeyAt)),
    },
    `navigation start → first result row for "${query}" in the page's DOM (median of ${samples.length}, includes typing); namesReadyMs: names searchable (those of the typed first letter, or all); firstKeyMs: the harness's first keystroke; floor: a bare extension page with a search box, same typing; seedDataset: this popup over the seed corpus`,
  );
}

/** The popup's timelines over the seed dataset, synced for them (the last thing the suite does). */
async function seedTimelines(popupUrl: string, query: string): Promise<Timeline[]> {
  const b = await browsers();
  const synced = await b.ext.send<{ ok?: boolean }>({ type: 'dataset.sync', source: { kind: 'bundled' } }).catch(() => null);
  if (!synced?.ok) return [];
  const page = await b.ext.extensionPage('company.html');
  await extensionSettled(page);
  await page.close();
  return openAndType(b.ext.context, popupUrl, query);
}

const medianOf = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? Math.round(median(known) * 10) / 10 : -1;
};

/** Nine times: open `url`, type `query` once its input has focus, time the first result row. */
async function openAndType(context: BrowserContext, url: string, query: string): Promise<Timeline[]> {
  const samples: Timeline[] = [];
  for (let i = 0; i < 9; i++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __firstRowAt?: number; __firstKeyAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('[role="option"]')) {
          w.__firstRowAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      document.addEventListener('keydown', () => (w.__firstKeyAt ??= performance.now()), { capture: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT', null, { timeout: 15_000 });
      await page.keyboard.type(query);
      await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined, null, { timeout: 15_000 });
      samples.push(
        await page.evaluate(() => {
          const w = window as unknown as { __firstRowAt: number; __firstKeyAt?: number };
          // The marks lib/search/load.ts sets when names can be searched: all of them, or those
          // starting with the typed query's first letter (read first when typing began early).
          const marks = ['company-lens:search-quick-part', 'company-lens:search-quick'].flatMap((name) => performance.getEntriesByName(name));
          const namesAt = marks.length ? Math.min(...marks.map((m) => m.startTime)) : null;
          return { firstRowAt: w.__firstRowAt, namesAt, firstKeyAt: w.__firstKeyAt ?? null };
        }),
      );
    } catch {
      /* no result: recorded by the caller */
    }
    await page.close();
  }
  return samples;
}

function bundles(rec: Recorder): void {
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
  // Everything the manifest injects into a page counts: the script and the mark stylesheet.
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const injected = (manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
  const injectedKb = injected.reduce((n, f) => n + gz(join(EXTENSION_DIR, f)), 0);
  rec.add('bundle content script (gzip)', injectedKb, 'KB', atMost(30, '≤ 30 KB'), {}, injected.join(' + '));
  rec.add('bundle card module (gzip)', gz(join(EXTENSION_DIR, 'card-ui.js')), 'KB', info(), {}, 'imported by the content script once a page names companies (card code and styles)');
  rec.add('bundle background (gzip)', gz(join(EXTENSION_DIR, 'background.js')), 'KB', info());
  for (const html of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(EXTENSION_DIR, html), 'utf8');
    const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => join(EXTENSION_DIR, m[1]));
    const total = refs.filter((f) => statSync(f, { throwIfNoEntry: false })).reduce((n, f) => n + gz(f), 0);
    rec.add(`bundle ${html.replace('.html', '')} page (gzip, js+css)`, total, 'KB', info());
  }
}
