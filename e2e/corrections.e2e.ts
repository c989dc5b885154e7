import { describe, expect, it } from 'vitest';
import type { CardData } from '../lib/cards/types';
import type { DatasetStatus } from '../lib/store/read';
import { makeDataset } from '../lib/store/testing';
import { readFileSync } from 'node:fs';
import { openOptions } from './fixtures/datasets/helpers';
import { CORPUS_DIR, hoverWord, mentionsOf, openScanned, seedFiles, seedRoute } from './fixtures/pages/pages';
import { jsonRoutes, useExtensionWithFixtures } from './session';

/**
 * Corrections in the real extension: made on profile pages, stored in the worker's IndexedDB,
 * applied to the dataset built in the worker, and still applied after the bundled corpus is built
 * again and after the worker is stopped. The two names are ones the bundled corpus gets wrong
 * today: "Ant Groups" (a misspelling of Ant Group) and "Jay Thornhill" (a person).
 */
const session = useExtensionWithFixtures([jsonRoutes({ '/other.json': JSON.stringify(makeDataset('other', 3)) }), seedRoute]);

type SyncAnswer = { ok: boolean; outcome?: string; status?: DatasetStatus; error?: { message: string } };

describe('corrections', () => {
  it('a merge and a "not an organisation" survive a re-sync of the bundled corpus and a restart of the worker, and undo', async () => {
    const { ext, server } = session;
    const card = (id: string) => ext.send<CardData | null>({ type: 'company.card', id });
    const status = () => ext.send<DatasetStatus>({ type: 'dataset.status' });
    const sync = (source: unknown) => ext.send<SyncAnswer>({ type: 'dataset.sync', source });
    const before = await status();
    const antGroup = await card('ant-group');
    expect(antGroup).not.toBeNull();
    expect(await card('ant-groups')).not.toBeNull();
    expect(await card('jay-thornhill')).not.toBeNull();

    // The merge, as a user makes it: on the misspelling's profile, name the organisation it is.
    const page = await ext.extensionPage('company.html?id=ant-groups');
    const target = page.getByLabel('Same organisation as');
    await target.fill('Ant Group');
    await target.press('Enter');
    await page.waitForURL(/id=ant-group$/, { timeout: 60_000 });
    await expect.poll(() => page.locator('.cl-facts-table').textContent()).toContain('Ant Groups');
    await expect.poll(() => page.getByTestId('correction').first().textContent()).toContain('“Ant Groups” merged into “Ant Group”');

    // "Not an organisation", on the person's profile, which then says the company is gone.
    await page.goto(page.url().replace(/id=ant-group$/, 'id=jay-thornhill'));
    await page.locator('[data-action="not-organisation"]').click();
    await page.getByTestId('not-found').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('correction').textContent()).toContain('“Jay Thornhill” is not an organisation');

    const expectCorrected = async () => {
      expect(await card('ant-groups')).toBeNull();
      expect(await card('jay-thornhill')).toBeNull();
      expect((await card('ant-group'))?.mentionCount).toBe(antGroup!.mentionCount + 1);
      expect((await status()).companies).toBe(before.companies - 2);
    };
    await expectCorrected();

    // Another dataset, then the bundled corpus built again in the worker: the corrections apply.
    expect(await sync({ kind: 'url', url: `${server.url}/other.json` })).toMatchObject({ ok: true, outcome: 'ok' });
    expect(await card('ant-group')).toBeNull();
    expect(await sync({ kind: 'bundled' })).toMatchObject({ ok: true, outcome: 'ok' });
    await expectCorrected();

    // The worker stopped, as the browser does when it is idle: a new one reads the same store.
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => ext.send({ type: 'ping' }).catch(() => null), { timeout: 30_000 }).toEqual({ pong: true });
    await expectCorrected();
    // The bundled corpus again: same inputs and corrections, so the stored dataset stands.
    expect(await sync({ kind: 'bundled' })).toMatchObject({ ok: true, outcome: 'unchanged' });
    await expectCorrected();

    // The options page lists both; undoing one brings the person's entity back.
    const options = await openOptions(ext);
    const rows = options.getByTestId('corrections-card').getByTestId('correction');
    await expect.poll(() => rows.count()).toBe(2);
    await options.getByRole('button', { name: 'Undo: “Jay Thornhill” is not an organisation' }).click();
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(1);
    expect(await card('jay-thornhill')).not.toBeNull();
    expect(await card('ant-groups')).toBeNull();
    await options.close();
    await page.close();
  });

  it('are reached from a card, and a name that is not an organisation is no longer marked on pages', async () => {
    const { ext, server } = session;
    const file = seedFiles().find((f) => readFileSync(`${CORPUS_DIR}/${f}`, 'utf8').includes('Jay Thornhill'))!;
    const page = await openScanned(ext, `${server.url}/seed/${file}.html`);
    expect((await mentionsOf(ext, page)).mentions.map((m) => m.companyId)).toContain('jay-thornhill');
    await page.bringToFront();
    // The first time the page names him, his name runs into the next one's and is not marked.
    await hoverWord(page, 'Jay Thornhill', 1);
    const card = page.locator('company-lens-card .cl-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 10_000 }).toBe('ready');
    const [profile] = await Promise.all([ext.context.waitForEvent('page'), card.locator('[data-action="correct"]').click()]);
    await profile.waitForURL(/company\.html\?id=jay-thornhill#corrections$/);
    // The corrections are what the user came for: the keyboard starts there.
    await expect.poll(() => profile.evaluate(() => document.activeElement?.id)).toBe('cl-rename');
    await profile.locator('[data-action="not-organisation"]').focus();
    await profile.keyboard.press('Enter');
    await profile.getByTestId('not-found').waitFor({ timeout: 60_000 });
    // The tab was told of the new dataset and scanned again without the name.
    await expect.poll(async () => (await mentionsOf(ext, page)).mentions.map((m) => m.companyId), { timeout: 30_000 }).not.toContain('jay-thornhill');
    await page.close();
    await profile.close();
  });
});
