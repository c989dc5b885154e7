import { getQuickSearchIndex, getSearchIndex } from '../store/read';
import { loadFullTextAsync, loadQuickIndex, loadSearchIndex, type SearchIndex } from './query';

/**
 * Lets input events and rendering through between two steps of loading the full-text index.
 * `scheduler.yield` resumes sooner than a timer (timers nested this deep wait at least 4 ms).
 */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

let cached: { version: string; index: SearchIndex } | null = null;
let pending: Promise<SearchIndex | null> | null = null;

/**
 * Opens the active dataset's search index in two steps: `onIndex` first receives the quick
 * index (names only, readable in a few milliseconds even at 100k companies), then the complete
 * index once the full-text part has loaded in small steps. The promise resolves with the
 * complete index, or null when no dataset is stored yet; it rejects with SearchIndexError when
 * the stored index is unusable. The complete index is kept per dataset version, so the
 * background loads it once for all omnibox keystrokes.
 */
export function openSearchIndex(onIndex?: (index: SearchIndex) => void): Promise<SearchIndex | null> {
  if (pending) {
    if (onIndex) void pending.then((index) => index && onIndex(index), () => undefined);
    return pending;
  }
  pending = (async () => {
    try {
      const quick = await getQuickSearchIndex();
      if (quick && cached?.version === quick.version) {
        onIndex?.(cached.index);
        return cached.index;
      }
      const partial = quick ? loadQuickIndex(quick.text) : null;
      // User-timing marks, so benchmarks and DevTools can see when each part became usable.
      performance.mark('company-lens:search-quick');
      if (partial) onIndex?.(partial);
      const stored = await getSearchIndex();
      if (!stored) return (cached = null);
      // Without a quick part (an index stored by an older version), the whole text is handed
      // to the one-go loader, which says why it cannot be used.
      const index = partial ? await loadFullTextAsync(partial, stored.json, pause) : loadSearchIndex(stored.json);
      cached = { version: stored.version, index };
      performance.mark('company-lens:search-full');
      onIndex?.(index);
      return index;
    } finally {
      pending = null;
    }
  })();
  return pending;
}
