import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useFreshDb } from '../../test/support/fresh-db';
import type { SyncSource } from '../messages';
import type { SyncResult } from '../sync/protocol';
import { addPage } from './add-page';

/** The injected reader's result comes from the page's process: only a well-formed article is imported. */
describe('add this page', () => {
  useFreshDb('add-page', () => undefined);

  const inject = (result: unknown) => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, documentId: 'd', result }] as never);
  const runner = () => vi.fn(async (_source: SyncSource): Promise<SyncResult> => ({ ok: false, error: { code: 'internal', message: 'not run in this test' } }) as SyncResult);

  it('imports the article the reader returned, as a file named by its address', async () => {
    inject({ title: 'Made-up News', text: 'Quorvex Ltd opened a plant.', url: 'https://example.test/a' });
    const run = runner();
    await addPage(1, run);
    expect(run).toHaveBeenCalledWith({ kind: 'files', files: [{ name: 'https://example.test/a', text: 'Quorvex Ltd opened a plant.', page: { title: 'Made-up News', url: 'https://example.test/a' } }] });
  });

  it('says there is no article when the reader found none', async () => {
    inject(null);
    const run = runner();
    const result = await addPage(1, run);
    expect(run).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'no-article' } });
  });

  it('refuses a malformed result, naming the field, and imports nothing', async () => {
    inject({ title: 'Made-up News', text: 42 });
    const run = runner();
    const result = await addPage(1, run);
    expect(run).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'page-access', detail: expect.stringMatching(/malformed answer at "text"/) } });
  });
});
