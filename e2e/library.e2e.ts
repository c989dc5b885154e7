import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';
import type { DatasetStatus } from '../lib/store/read';
import { attrOf, bundledDatasetInNode, openOptions, textOf, waitForDataset } from './fixtures/datasets/helpers';
import { libraryFacts } from './fixtures/library/store';
import { zipSync } from 'fflate';
import { newsCorpus } from '../bench/news';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await waitForDataset(ext);
});
afterAll(async () => {
  await ext?.close();
});

const first = 'Alibaba results\n\nAlibaba Group said on Monday that its cloud business grew quickly in the quarter.\n';
// Windows-1252 bytes: 0xA3 is "£", which is not valid UTF-8 on its own.
const second = Buffer.concat([Buffer.from('Tencent deal\n\nTencent agreed to pay '), Buffer.from([0xa3]), Buffer.from('75m for a stake in a games studio.\n')]);

describe('the library in Chromium', () => {
  it('keeps both files of two imports in a row, and a Windows-1252 file keeps its pound sign', async () => {
    const bundled = bundledDatasetInNode();
    const page = await openOptions(ext);
    await page.getByTestId('file-input').setInputFiles({ name: 'alibaba.txt', mimeType: 'text/plain', buffer: Buffer.from(first) });
    await expect.poll(() => textOf(page, 'import-report'), { timeout: 30_000 }).toContain('1 article added');
    expect(await textOf(page, 'report-file')).toContain('Known organisations: Alibaba Group');

    await page.getByTestId('file-input').setInputFiles({ name: 'tencent-1252.txt', mimeType: 'text/plain', buffer: second });
    await expect.poll(() => textOf(page, 'import-report'), { timeout: 30_000 }).toContain('tencent-1252.txt');
    expect(await textOf(page, 'report-note')).toMatch(/read as Windows-1252/);
    await expect.poll(() => textOf(page, 'library-count')).toBe('2 articles');

    const facts = await libraryFacts(page);
    expect(facts.library.map((a) => [a.origin, a.title, a.pending])).toEqual([
      ['alibaba.txt', 'Alibaba results', undefined],
      ['tencent-1252.txt', 'Tencent deal', undefined],
    ]);
    expect(facts.library[1].body).toBe('Tencent agreed to pay £75m for a stake in a games studio.');
    expect(facts.libraryCompanies).toEqual(expect.arrayContaining(['alibaba-group', 'tencent']));
    const status = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    expect(status).toMatchObject({ articles: bundled.articles.length + 2, source: 'bundled seed corpus + your library (2 articles)' });

    // The same file again adds nothing and says so.
    await page.getByTestId('file-input').setInputFiles({ name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(first) });
    await expect.poll(() => textOf(page, 'import-report'), { timeout: 30_000 }).toContain('0 articles added to your library, 1 article already there');
    await page.close();
  });

  it('keeps the library through a re-sync of the bundled corpus and a restart of the worker', async () => {
    const before = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    const page = await openOptions(ext);
    await page.getByTestId('sync-bundled').click();
    await expect.poll(() => textOf(page, 'sync-ok'), { timeout: 30_000 }).toBeTruthy();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The next message starts a new worker, which checks the bundled corpus again at start.
    const status = await waitForDataset(ext);
    expect(status.articles).toBe(before.articles);
    expect((await libraryFacts(page)).library).toHaveLength(2);
    await page.close();
  });

  it('removes an article from the library and the knowledge', async () => {
    const page = await openOptions(ext);
    await expect.poll(() => textOf(page, 'library-count')).toBe('2 articles');
    await page.getByRole('button', { name: 'Remove “Tencent deal”' }).click();
    await expect.poll(() => textOf(page, 'library-count'), { timeout: 30_000 }).toBe('1 article');
    const facts = await libraryFacts(page);
    expect(facts.library.map((a) => a.title)).toEqual(['Alibaba results']);
    expect(facts.libraryCompanies).not.toContain('tencent');
    await page.close();
  });

  it('imports a zip of 1,000 articles with progress; a cancel half-way leaves the library as it was', async () => {
    const corpus = newsCorpus(1_000);
    const zip = Buffer.from(zipSync(Object.fromEntries(corpus.map((a) => [`news/${a.name}`, new TextEncoder().encode(a.text)]))));
    const page = await openOptions(ext);
    const before = await libraryFacts(page);
    const statusBefore = await ext.send<DatasetStatus>({ type: 'dataset.status' });

    await page.getByTestId('file-input').setInputFiles({ name: 'news.zip', mimeType: 'application/zip', buffer: zip });
    // Progress is shown while the files are read, then by stage in the background.
    await expect.poll(() => textOf(page, 'progress-stage'), { timeout: 60_000, interval: 50 }).toMatch(/^Building the knowledge base/);
    await page.getByTestId('cancel').click();
    await expect.poll(() => attrOf(page, 'sync-cancelled', 'data-code'), { timeout: 30_000 }).toBe('cancelled');
    expect(await libraryFacts(page)).toEqual(before);
    expect(await ext.send<DatasetStatus>({ type: 'dataset.status' })).toEqual(statusBefore);

    // The same zip, not cancelled: all 1,000 articles are added.
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles({ name: 'news.zip', mimeType: 'application/zip', buffer: zip });
    await expect.poll(() => textOf(page, 'import-report'), { timeout: 400_000 }).toContain('1,000 articles added');
    console.log(`[library] 1,000-article zip imported in ${Date.now() - started} ms (file chosen → import report shown)`);
    expect((await libraryFacts(page)).library).toHaveLength(before.library.length + 1_000);
    await page.close();
  }, 600_000);
});
