import type { Page } from 'playwright-core';
import { zipSync } from 'fflate';
import { launchExtension, type Extension } from '../e2e/harness';
import { openOptions, waitForDataset } from '../e2e/fixtures/datasets/helpers';
import { discoveredId } from '../lib/knowledge/orgs/key';
import { newsCorpus } from './news';
import { atMost, type Recorder } from './report';
import { median } from './timing';
import { extensionSettled } from './browser';

/**
 * The user's library in Chromium, through the built extension and its real IndexedDB: importing
 * a zip of 1,000 BBC-size articles from the options page (file chosen → import report shown), then
 * adding one more article to that library of 1,000 (the `dataset.sync` message → its answer, after
 * which the new article's organisation has a card). The extension runs in a browser of its own, so
 * the library it builds never changes what the other suites measure.
 */

const LIBRARY = 1_000;
const ADDS = 3;

type SyncAnswer = { ok: boolean; error?: { code?: string; message: string }; report?: { files: { discovered: string[] }[] } };

export async function librarySuite(rec: Recorder, quick: boolean): Promise<void> {
  const corpus = newsCorpus(LIBRARY + ADDS);
  const zip = Buffer.from(zipSync(Object.fromEntries(corpus.slice(0, LIBRARY).map((a) => [`news/${a.name}`, new TextEncoder().encode(a.text)]))));
  const ext = await launchExtension();
  // tsx's __name() helper wraps the functions passed to page.evaluate (see browser.ts).
  await ext.context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)');
  try {
    await waitForDataset(ext);
    const page = await openOptions(ext);
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles({ name: 'news.zip', mimeType: 'application/zip', buffer: zip });
    await waitForText(page, 'import-report', `${LIBRARY.toLocaleString('en')} articles added`, 600_000);
    const importMs = Date.now() - started;
    rec.add(`library: import ${LIBRARY.toLocaleString('en')} articles (zip)`, importMs, 'ms', atMost(15_000, '≤ 15000 ms'), await lastStages(page), 'options page: file chosen → import report; stage times from the sync log');

    const adds: number[] = [];
    const builds: number[] = [];
    for (const extra of corpus.slice(LIBRARY, quick ? LIBRARY + 1 : LIBRARY + ADDS)) {
      // Measured from a quiet extension: the previous change's full-text index is done.
      await extensionSettled(page);
      const t0 = Date.now();
      const answer = await page.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'dataset.sync', source: { kind: 'files', files: [extra] } }) as SyncAnswer;
      const ms = Date.now() - t0;
      if (!answer?.ok) throw new Error(`adding one article failed: ${answer?.error?.message ?? 'no answer'}`);
      await expectCards(ext, answer, extra.text.slice(0, extra.text.indexOf('\n')));
      adds.push(ms);
      builds.push((await lastStages(page)).build ?? NaN);
    }
    rec.add(`library: add one article at ${LIBRARY.toLocaleString('en')}`, median(adds), 'ms', atMost(300, '≤ 300 ms'), { runs: adds.join(' / '), buildStage: builds.join(' / '), ...(await lastStages(page)) }, 'dataset.sync of one file → answer (store switched: lexicon and cards know it); stages of the last run');
    await page.close();
  } finally {
    await ext.close();
  }
}

async function waitForText(page: Page, testId: string, text: string, timeoutMs: number): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout: timeoutMs });
}

/** Every organisation the import report says the article taught the extension has a card. */
async function expectCards(ext: Extension, answer: SyncAnswer, title: string): Promise<void> {
  const discovered = answer.report?.files[0]?.discovered ?? [];
  if (discovered.length === 0) throw new Error(`adding "${title}" taught the extension no organisation: ${JSON.stringify(answer.report)}`);
  for (const name of discovered) {
    const card = await ext.send<{ articleCount: number } | null>({ type: 'company.card', id: discoveredId(name) });
    if (!card || card.articleCount < 1) throw new Error(`after adding "${title}", ${name} has no card`);
  }
}

/** Milliseconds by stage of the last sync, from the sync log (lib/sync/runner.ts). */
async function lastStages(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('company-lens');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const cursor = await new Promise<{ stageMs?: Record<string, number>; startedAt: number; finishedAt?: number } | undefined>((ok) => {
      const r = db.transaction('syncLog').objectStore('syncLog').openCursor(null, 'prev');
      r.onsuccess = () => ok(r.result?.value);
    });
    db.close();
    return { ...cursor?.stageMs, inWorker: (cursor?.finishedAt ?? NaN) - (cursor?.startedAt ?? NaN) };
  });
}
