import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildInputHash } from '../dataset/build';
import { buildSearchIndexInSteps } from '../search/build';
import { ensureSearchIndex } from '../background/search-index';
import { makeDataset } from '../../test/support/datasets';
import { backgroundSyncDeps } from './deps';

// The search-index check reads the store; here only how the sync hands it work is under test.
vi.mock('../background/search-index', () => ({ ensureSearchIndex: vi.fn() }));

afterEach(() => vi.restoreAllMocks());

// Enough articles for the build to reach a step (it pauses every 20 articles).
const documents = Array.from({ length: 20 }, (_, i) => ({ name: `${i}.txt`, text: `Examplecorp Ltd opened office ${i} in Leeds. Examplecorp Ltd hired staff.` }));

describe('backgroundSyncDeps', () => {
  it('parses the bundled registry once for the worker', () => {
    const deps = backgroundSyncDeps();
    const registry = deps.bundledRegistry();
    expect(registry.companies.length).toBeGreaterThan(0);
    expect(deps.bundledRegistry()).toBe(registry);
  });

  it('builds in steps, pausing between them, only when asked to pause', async () => {
    const deps = backgroundSyncDeps();
    const registry = deps.bundledRegistry();
    const whole = deps.buildDataset({ documents, registry, source: 'test' });
    expect(whole).not.toBeInstanceOf(Promise);
    const pause = vi.fn(async () => undefined);
    const stepped = await deps.buildDataset({ documents, registry, source: 'test', pause });
    expect(pause).toHaveBeenCalled();
    expect(stepped).toEqual(whole);
    expect(deps.buildHash!({ documents, registry })).toBe(buildInputHash({ documents, registry }));
  });

  it('asks for the host permission of the URL', async () => {
    const contains = vi.fn(async () => true);
    (fakeBrowser.permissions as { contains: unknown }).contains = contains;
    expect(await backgroundSyncDeps().hasHostPermission!(new URL('https://data.example:8443/sets/d.json'))).toBe(true);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://data.example/*'] });
  });

  it('completes the search index of the dataset just written, and only warns when that fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = new Error('no room');
    vi.mocked(ensureSearchIndex).mockRejectedValueOnce(failure);
    const dataset = makeDataset('deps', 2);
    await expect(backgroundSyncDeps().completeSearchIndex!(4, dataset)).resolves.toBeUndefined();
    expect(ensureSearchIndex).toHaveBeenCalledWith(buildSearchIndexInSteps, { gen: 4, dataset });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not complete the search index'), failure);
  });
});
