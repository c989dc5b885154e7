import { browser } from 'wxt/browser';
import { buildDataset, buildDatasetInSteps, buildInputHash } from '../dataset/build';
import { BuildCache } from '../dataset/cache';
import { parseDataset } from '../dataset/parse';
import { Lexicon } from '../detect/lexicon';
import { parseRegistry } from '../registry/load';
import { buildQuickSearchIndex, buildSearchIndex, buildSearchIndexInSteps } from '../search/build';
import { ensureSearchIndex } from '../background/search-index';
import { getDb } from '../store/db';
import { BUNDLED_REGISTRY_NAME, bundledDocuments, bundledRegistryText } from './bundled';
import { permissionPattern } from './fetch';
import type { SyncDeps } from './runner';

/** The real knowledge-base code and browser APIs behind the sync runner, as the background uses them. */
export function backgroundSyncDeps(): SyncDeps {
  let registry: ReturnType<typeof parseRegistry> | undefined;
  // Kept for the worker's life: the next library change reads only the articles it changes.
  const cache = new BuildCache();
  return {
    db: getDb,
    bundledDocuments,
    // Parsed once per worker: the bundled registry never changes while the worker runs.
    bundledRegistry: () => (registry ??= parseRegistry(bundledRegistryText(), BUNDLED_REGISTRY_NAME)),
    buildDataset: (input) => (input.pause ? buildDatasetInSteps({ ...input, cache }, input.pause) : buildDataset({ ...input, cache })),
    buildHash: buildInputHash,
    parseDataset,
    buildSearchIndex,
    buildQuickSearchIndex,
    completeSearchIndex: (gen, dataset) => ensureSearchIndex(buildSearchIndexInSteps, { gen, dataset }).catch((error) => console.warn('[company-lens] could not complete the search index', error)),
    buildLexicon: (companies) => Lexicon.build(companies).toPayload(),
    hasHostPermission: (url) => browser.permissions.contains({ origins: [permissionPattern(url)] }),
  };
}
