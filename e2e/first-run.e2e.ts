/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { bundledDatasetInNode, waitForDataset } from './fixtures/datasets/helpers';
import { FIXTURES_DIR, launchExtension, type Extension } from './harness';
import { startServer } from './server';

/**
 * The first run: the welcome page opens on install, and while the store has no dataset every
 * page says it is being built. A first build of the bundled corpus is over in about a second, too
 * quick to look at, so the second test empties the store and holds a URL sync's response until
 * the popup has been checked: the same state (no dataset, a build running), under the test's
 * control rather than a race.
 */
let ext: Extension;
let server: Awaited<ReturnType<typeof startServer>>;
let held: ServerResponse | null = null;
let requested: () => void;
const request = new Promise<void>((resolve) => (requested = resolve));

beforeAll(async () => {
  server = await startServer(FIXTURES_DIR, [
    (req, res) => {
      if (req.url !== '/held.json') return false;
      held = res;
      requested();
      return true;
    },
  ]);
  ext = await launchExtension();
});
afterAll(async () => {
  held?.destroy();
  await ext?.close();
  await server?.close();
});

describe('the first run', () => {
  it('opens the welcome page on install, which says what stays local and when the dataset is ready', async () => {
    const welcomeUrl = `chrome-extension://${ext.id}/welcome.html`;
    await expect.poll(() => ext.context.pages().some((p) => p.url() === welcomeUrl), { timeout: 15_000 }).toBe(true);
    const welcome = ext.context.pages().find((p) => p.url() === welcomeUrl)!;
    await welcome.getByRole('heading', { name: 'Welcome to Company Lens' }).waitFor();
    expect(await welcome.getByRole('heading', { name: 'Everything stays in this browser' }).count()).toBe(1);
    await welcome.getByTestId('ready').waitFor({ timeout: 30_000 });
    expect(await welcome.getByTestId('ready').textContent()).toMatch(/Ready: \d+ organisations/);
  });

  it('shows "building your dataset" in the popup while the store is being filled, then searches', async () => {
    await waitForDataset(ext);
    const page = await ext.extensionPage('company.html');
    // Empty the store the way a fresh install finds it: no active dataset.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('company-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('meta', 'readwrite');
            tx.objectStore('meta').delete('active');
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.evaluate((url) => void chrome.runtime.sendMessage({ type: 'dataset.sync', source: { kind: 'url', url } }).catch(() => undefined), `${server.url}/held.json`);
    await request;

    const popup = await ext.extensionPage('popup.html');
    await popup.getByTestId('building').waitFor();
    expect(await popup.getByTestId('building').textContent()).toContain('Building your dataset');
    expect(await popup.getByTestId('sync-status').textContent()).toBe('Building your dataset…');
    expect(await popup.getByText('No dataset yet').count()).toBe(0);
    // A profile asked for meanwhile says the same, instead of "Company not found".
    const profile = await ext.extensionPage('company.html?id=tencent');
    await profile.getByTestId('building').waitFor();
    expect(await profile.getByTestId('not-found').count()).toBe(0);
    // And the options page, instead of "No dataset yet".
    const options = await ext.extensionPage('options.html');
    await options.getByTestId('status-building').waitFor();
    expect(await options.getByTestId('status-empty').count()).toBe(0);

    held!.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(bundledDatasetInNode()));
    held = null;
    await popup.getByTestId('building').waitFor({ state: 'detached', timeout: 30_000 });
    await popup.getByRole('combobox').fill('tencen');
    await expect.poll(() => popup.locator('.cl-row-name').first().textContent(), { timeout: 10_000 }).toBe('Tencent');
    await profile.locator('h1', { hasText: 'Tencent' }).waitFor({ timeout: 10_000 });
  });
});
