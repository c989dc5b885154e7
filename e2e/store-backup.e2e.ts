import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';
import { Dataset } from '../lib/dataset/schema';
import type { DatasetStatus } from '../lib/store/read';
import { openOptions, storeFacts, waitForDataset, writeUserData, textOf } from './fixtures/datasets/helpers';

/**
 * Export and backup from the options page, in Chromium: the dataset export is a valid dataset
 * that syncs back to the same counts, and a user-data backup restores stars, notes and settings.
 */

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('export and backup', () => {
  it('exports the dataset as valid JSON that imports back unchanged', async () => {
    const status = await waitForDataset(ext);
    const page = await openOptions(ext);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dataset').click()]);
    // Saved under its suggested name: the file picker goes by the .json extension.
    const path = join(mkdtempSync(join(tmpdir(), 'cl-export-')), download.suggestedFilename());
    await download.saveAs(path);
    expect(path).toMatch(/company-lens-dataset-.*\.json$/);
    const exported = Dataset.parse(JSON.parse(readFileSync(path, 'utf8')));
    expect(exported.companies).toHaveLength(status.companies);
    expect(exported.articles).toHaveLength(status.articles);

    await page.getByTestId('file-input').setInputFiles(path);
    await expect.poll(() => textOf(page, 'sync-ok'), { timeout: 20_000 }).toContain('Synced');
    const after = await ext.send<DatasetStatus>({ type: 'dataset.status' });
    expect({ ...after, syncedAt: 0, version: '', source: '' }).toEqual({ ...status, syncedAt: 0, version: '', source: '' });
    expect(after.version.split(':')[0]).toBe(status.version.split(':')[0]);
    await page.close();
  });

  it('backs up user data and restores it', async () => {
    const page = await openOptions(ext);
    await writeUserData(page);
    const before = await storeFacts(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-backup').click()]);
    const path = await download.path();

    // Lose the user data, then restore it from the file.
    await page.evaluate(async () => {
      await chrome.storage.local.remove('settings');
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('company-lens');
        r.onsuccess = () => ok(r.result);
      });
      const tx = db.transaction(['stars', 'notes'], 'readwrite');
      tx.objectStore('stars').clear();
      tx.objectStore('notes').clear();
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    });
    expect((await storeFacts(page)).stars).toEqual([]);
    await page.getByTestId('import-backup').setInputFiles(path);
    await expect.poll(() => textOf(page, 'backup-message')).toContain('Restored 1 starred');
    const after = await storeFacts(page);
    expect(after.stars).toEqual(before.stars);
    expect(after.notes).toEqual(before.notes);
    expect(after.settings).toEqual(before.settings);

    await page.getByTestId('import-backup').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nope"}') });
    await expect.poll(() => textOf(page, 'backup-message')).toContain('not a Company Lens backup');
    expect((await storeFacts(page)).stars).toEqual(before.stars);
    await page.close();
  });
});
