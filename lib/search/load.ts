import { readSearchIndexDirect, type StoredSearchIndex } from '../store/direct';
import { quickEndOf, quickEndOfBlob } from './artifact';
import { loadFullTextAsync, loadQuickIndex, loadSearchIndex, namePrefixOf, SearchIndex } from './query';
import { keyGroupOf, QuickIndex, type QuickKeys } from './quick';

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
 * The group of key lines (see QuickIndex.keyRanges) a query typed while the quick part is being
 * read needs, and how the read in progress hears of it.
 */
let wanted = '';
let onWanted: (() => void) | null = null;

/**
 * Asks the read in progress to hand over the key lines `query` is found in before the others,
 * as an index that covers it alone (SearchIndex.covers). The popup calls it for a query typed
 * before the quick part has loaded: a first letter's key lines are a small part of the 8.5 MB
 * quick part at 100k companies. Does nothing when no read is in progress.
 */
export function wantKeysFor(query: string): void {
  const group = keyGroupOf(namePrefixOf(query));
  if (!pending || !group || group === wanted) return;
  wanted = group;
  onWanted?.();
}

/** The stored layout of a quick part, where it is consistent with the Blob's size. */
function layoutOf({ blob, quickEnd, quickKeys }: StoredSearchIndex): { end: number; keys: QuickKeys } | null {
  if (quickEnd === undefined || quickEnd > blob.size || !quickKeys || !(Number.isInteger(quickKeys.at) && quickKeys.at <= quickEnd)) return null;
  return { end: quickEnd, keys: quickKeys };
}

/**
 * The quick part in two reads along its stored layout: the document lines, then the key lines.
 * A query typed meanwhile (see wantKeysFor) has its group of key lines read on its own and
 * handed to `publish` as soon as it is there. Null when the text does not match the layout.
 */
async function readQuickInParts(blob: Blob, { end, keys: { at, ranges } }: { end: number; keys: QuickKeys }): Promise<{ index: SearchIndex; end: number } | null> {
  const head = await blob.slice(0, at).text();
  if (quickEndOf(head) !== end) return null;
  let docs: QuickIndex;
  try {
    docs = QuickIndex.parse(head);
  } catch {
    return null;
  }
  // The document lines must end exactly where the layout says the key lines start.
  if (docs.keyRanges().at !== at) return null;
  // Set once this read is over, read to the end or failed: nothing partial is handed over after.
  let over = false;
  const readGroup = async (group: string) => {
    const range = ranges[group];
    const valid = Array.isArray(range) && at <= range[0] && range[0] <= range[1] && range[1] <= end;
    const text = valid ? await blob.slice(range[0], range[1]).text() : '';
    // A group whose lines do not start with its letter is not what the layout promised.
    if (!over && text.startsWith(group)) {
      performance.mark('company-lens:search-quick-part');
      publish(new SearchIndex(docs.withKeys(text, group)));
    }
  };
  if (wanted) await readGroup(wanted);
  onWanted = () => void readGroup(wanted).catch(() => undefined);
  try {
    return { index: new SearchIndex(docs.withKeys(await blob.slice(at, end).text())), end };
  } finally {
    onWanted = null;
    over = true;
  }
}

/**
 * The quick part of a stored index, read from the start of its Blob: in parts where the store
 * gives its layout, in one read where it gives only its end (and its header agrees), else after
 * reading the header for it.
 */
async function readQuick(stored: StoredSearchIndex): Promise<{ index: SearchIndex; end: number } | null> {
  const { blob, quickEnd } = stored;
  const layout = layoutOf(stored);
  const inParts = layout && (await readQuickInParts(blob, layout));
  if (inParts) return inParts;
  if (quickEnd !== undefined && quickEnd <= blob.size) {
    const text = await blob.slice(0, quickEnd).text();
    if (quickEndOf(text) === quickEnd) return { index: loadQuickIndex(text), end: quickEnd };
  }
  const end = await quickEndOfBlob(blob);
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
      wanted = '';
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
