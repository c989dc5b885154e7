import { readSearchIndexDirect, type StoredSearchIndex } from '../store/direct';
import { HEADER_MAX, quickLength } from './artifact';
import { loadFullTextAsync, loadQuickIndex, loadSearchIndex, type SearchIndex } from './query';

/**
 * Waits until the page has nothing more urgent to do: a background-priority task runs after
 * input, rendering and other tasks, so loading the full-text index one step at a time never
 * holds back a keystroke or the paint of results. Where `scheduler.postTask` is missing, a
 * timer does.
 */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
  return scheduler?.postTask ? scheduler.postTask(() => undefined, { priority: 'background' }) : new Promise((resolve) => setTimeout(resolve, 0));
}

/** How often a page looks again for a full-text part that is still being derived. */
const FULL_TEXT_POLL_MS = 250;

let cached: { version: string; index: SearchIndex } | null = null;
let pending: Promise<SearchIndex | null> | null = null;
/**
 * Everyone waiting on the read in progress, and the newest index it handed over. A caller that
 * joins late (the popup starts the read before its first render, then subscribes from a hook)
 * still gets the quick index at once rather than waiting for the full text.
 */
let listeners: ((index: SearchIndex) => void)[] = [];
let latest: SearchIndex | null = null;

function publish(index: SearchIndex): void {
  latest = index;
  // A copy: a listener may subscribe another one, which has been handed `index` already.
  for (const listener of [...listeners]) listener(index);
}

/**
 * The quick part of a stored index, read from the start of its Blob: in one read when the store
 * says where it ends (and its header agrees), else after reading the header for it.
 */
async function readQuick({ blob, quickEnd }: StoredSearchIndex): Promise<{ index: SearchIndex; end: number } | null> {
  if (quickEnd !== undefined && quickEnd <= blob.size) {
    const text = await blob.slice(0, quickEnd).text();
    const nl = text.indexOf('\n');
    if (nl !== -1 && quickLength(text.slice(0, nl)) === quickEnd) return { index: loadQuickIndex(text), end: quickEnd };
  }
  const head = await blob.slice(0, HEADER_MAX).text();
  const nl = head.indexOf('\n');
  const end = nl === -1 ? null : quickLength(head.slice(0, nl));
  return end === null ? null : { index: loadQuickIndex(await blob.slice(0, end).text()), end };
}

/**
 * Opens the active dataset's search index in two steps: `onIndex` first receives the quick
 * index (names only, read from the start of the stored Blob in a few milliseconds even at 100k
 * companies), then the complete index once the full-text part has loaded in small steps. The
 * promise resolves with the complete index, or null when no dataset is stored yet; it rejects
 * with SearchIndexError when the stored index is unusable. The complete index is kept per
 * dataset version, so the background loads it once for all omnibox keystrokes.
 */
export function openSearchIndex(onIndex?: (index: SearchIndex) => void): Promise<SearchIndex | null> {
  if (pending) {
    if (onIndex) {
      if (latest) onIndex(latest);
      listeners.push(onIndex);
    }
    return pending;
  }
  listeners = onIndex ? [onIndex] : [];
  latest = null;
  pending = (async () => {
    try {
      const index = await readIndex();
      // The one-go loader's index (an older stored format) was not handed over on the way.
      if (index && index !== latest) publish(index);
      return index;
    } finally {
      pending = null;
      listeners = [];
      latest = null;
    }
  })();
  return pending;
}

/** Reads the stored index, handing each usable step to `publish`; see openSearchIndex. */
async function readIndex(): Promise<SearchIndex | null> {
  let stored = await readSearchIndexDirect();
  if (!stored) return (cached = null);
  const known = cached;
  if (known?.version === stored.version) {
    publish(known.index);
    return known.index;
  }
  let quick = await readQuick(stored);
  // Without a quick part (an index stored by an older version), the whole text goes to the
  // one-go loader, which says why it cannot be used.
  if (!quick) return loadSearchIndex(await stored.blob.text());
  // User-timing marks, so benchmarks and DevTools can see when each part became usable.
  performance.mark('company-lens:search-quick');
  publish(quick.index);
  // Right after a sync the store holds the quick part alone while the background derives the
  // full text (lib/background/search-index.ts): names are answered meanwhile, and the index
  // row is looked at again until its full text is there (the same version has the same quick
  // part, which is not read again). Another dataset version means another sync switched in: its
  // index is read instead, from the start, never mixed with this one.
  while (quick.end >= stored.blob.size) {
    await new Promise((resolve) => setTimeout(resolve, FULL_TEXT_POLL_MS));
    const next = await readSearchIndexDirect();
    if (!next) return (cached = null);
    if (next.version !== stored.version) {
      const again = await readQuick(next);
      if (!again) return loadSearchIndex(await next.blob.text());
      publish(again.index);
      quick = again;
    }
    stored = next;
  }
  // Let the first results paint before the full-text part is read and parsed.
  await pause();
  const index = await loadFullTextAsync(quick.index, await stored.blob.slice(quick.end).text(), pause);
  cached = { version: stored.version, index };
  performance.mark('company-lens:search-full');
  publish(index);
  return index;
}
