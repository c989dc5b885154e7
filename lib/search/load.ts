import { getSearchIndex } from '../store/read';
import { loadSearchIndex, type SearchIndex } from './query';

let cached: { version: string; index: SearchIndex } | null = null;
let pending: Promise<SearchIndex | null> | null = null;

/**
 * The active dataset's search index, loaded from the store once per dataset version. The popup
 * calls this on open; the background keeps the result between omnibox keystrokes. Returns null
 * when no dataset is stored yet; throws SearchIndexError when the stored index is unusable.
 */
export function openSearchIndex(): Promise<SearchIndex | null> {
  pending ??= (async () => {
    try {
      const stored = await getSearchIndex();
      if (!stored) return (cached = null);
      if (cached?.version !== stored.version) cached = { version: stored.version, index: loadSearchIndex(stored.json) };
      return cached.index;
    } finally {
      pending = null;
    }
  })();
  return pending;
}
