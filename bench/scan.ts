import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { seedDataset, synthetic } from './data';
import { LONG_TASK_INIT, browsers, longTasksAfterLoad, treeWalkerFloor, waitForScan } from './browser';
import { registryNames, writePages, type Pages } from './pages';
import { atLeast, atMost, info, type Recorder } from './report';

/**
 * Scan and mark in real Chromium with the seed dataset: the extension's content script on a
 * 1 MB+ article page and a long list page, against a bare TreeWalker pass over the same page
 * (the floor, same tab) and mark.js marking the same names (the peer, in a browser without the
 * extension so the two never compete for the main thread).
 */

const MARK_JS = createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js');
const MARK_TIMEOUT_MS = 180_000;

export async function scanSuite(rec: Recorder, quick: boolean): Promise<void> {
  const seed = await seedDataset();
  const pages = writePages(seed.dataset ?? synthetic(1_000), quick ? 1_050_000 : 1_500_000, quick ? 5_000 : 20_000);
  rec.add('big page text', pages.big.textChars / 1e6, 'M chars', info());
  const names = registryNames() ?? synthetic(1_000).companies.slice(0, 150).map((c) => c.name);
  // mark.js makes one pass over the page per name, so its time is linear in the number of names;
  // the quick run times a sample of names and scales the figure up.
  const markNames = quick ? names.slice(0, 60) : names;
  const markScale = names.length / markNames.length;
  const b = await browsers();
  for (const [label, file] of [['1 MB page', pages.big.file], [`list page (${pages.list.items} items)`, pages.list.file]] as const) {
    const url = `${b.url}/${file}`;
    const peer = await markJs(b.plain, url, markNames, markScale);
    const baseline = await plainLongTasks(b.plain, url);
    const page = await b.ext.context.newPage();
    await page.addInitScript(LONG_TASK_INIT);
    await page.goto(url, { waitUntil: 'load' });
    const scan = await waitForScan(b.ext, page);
    const floor = await treeWalkerFloor(page);
    const tasks = await longTasksAfterLoad(page);
    await page.close();
    if (!scan) {
      rec.missing(`scan+mark ${label}`, 'ms', '≤ 2× TreeWalker', 'the content script did not answer page.mentions with a scan report');
      rec.add(`TreeWalker floor ${label}`, floor.ms, 'ms', info(), { peer: peer.ms ?? undefined }, `mark.js: ${peer.note}`);
      continue;
    }
    const ms = scan.report.scan.ms;
    rec.add(`scan+mark ${label}`, ms, 'ms', info(), { floor: floor.ms, peer: peer.ms ?? undefined }, `${scan.report.mentions.length} companies; ${scan.report.scan.chars} chars scanned; peer mark.js ${peer.note}`);
    rec.add(`scan ÷ TreeWalker, ${label}`, ms / floor.ms, '×', atMost(2, '≤ 2×'));
    // When mark.js runs out of time, its time is at least the time-out: the ratio is then a
    // lower bound, still a fair verdict against "at least 20×".
    const peerMs = peer.ms ?? MARK_TIMEOUT_MS;
    const bound = peer.ms === null ? `lower bound: mark.js ${peer.note}` : undefined;
    rec.add(`mark.js ÷ scan, ${label}`, peerMs / ms, '×', atLeast(20, '≥ 20×'), {}, bound);
    rec.add(`long tasks ≥ 50 ms after load, ${label}`, tasks.count, 'tasks', atMost(0, 'none'), { floor: baseline, maxMs: tasks.max }, 'floor: same page without the extension');
  }
}

/** mark.js marking every name (whole phrases, no diacritics expansion) on a fresh copy of the page. */
async function markJs(browser: BrowserContext, url: string, names: string[], scale: number): Promise<{ ms: number | null; note: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: MARK_JS });
    const run = page.evaluate(
      (names) =>
        new Promise<{ ms: number; marks: number }>((resolve) => {
          const t0 = performance.now();
          const Mark = (window as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }).Mark;
          new Mark(document.body).mark(names, {
            separateWordSearch: false,
            diacritics: false,
            accuracy: 'exactly',
            done: (marks: number) => resolve({ ms: performance.now() - t0, marks }),
          });
        }),
      names,
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((res) => (timer = setTimeout(() => res(null), MARK_TIMEOUT_MS)));
    const r = await Promise.race([run, timeout]);
    clearTimeout(timer);
    if (!r) return { ms: null, note: `did not finish within ${MARK_TIMEOUT_MS / 1000} s` };
    if (scale === 1) return { ms: r.ms, note: `${names.length} names, ${r.marks} marks` };
    return { ms: r.ms * scale, note: `${names.length} names timed, ×${scale.toFixed(1)} for all, ${r.marks} marks` };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Long tasks after load on the same page without the extension: the page's own share. */
async function plainLongTasks(browser: BrowserContext, url: string): Promise<number> {
  const page = await browser.newPage();
  await page.addInitScript(LONG_TASK_INIT);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1_000);
  const t = await longTasksAfterLoad(page);
  await page.close();
  return t.count;
}

export type { Pages };
