import { nextBackgroundTask } from '../util/yield';
import { readSearchIndexDirect, type StoredSearchIndex } from '../store/direct';
import { quickEndOf, quickEndOfBlob } from './artifact';
import { loadFullTextAsync, loadQuickIndex, loadSearchIndex, namePrefixOf, SearchIndex } from './query';
import { keyGroupOf, QuickIndex, type QuickGroups } from './quick';


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
 * The group of key lines (see QuickIndex.groupTexts) a query typed while the quick part is being
 * read needs: the read hands it over on its own as soon as it can.
 */
let wanted = '';

/**
 * Asks the read in progress to hand over the names `query` is found in before the others, as an
 * index that covers them alone (SearchIndex.covers). The popup calls it for a query typed before
 * the quick part has loaded: a first letter's group is 0.06 to 1.4 MB at 100k companies, against
 * 8.5 MB for all the names. Does nothing when no read is in progress.
 */
export function wantKeysFor(query: string): void {
  const group = keyGroupOf(namePrefixOf(query));
  if (pending && group) wanted = group;
}

/**
 * The quick part is read this many bytes at a time, so that a first letter asked for meanwhile
 * waits for one step rather than the whole 8.5 MB: reads of one Blob are served in order.
 */
const QUICK_STEP = 1 << 20;
let quickStep = QUICK_STEP;

/** Unit tests read their small index in small steps. */
export function setQuickStepForTests(bytes = QUICK_STEP): void {
  quickStep = bytes;
}

/** One group's index, from the stored groups; null when the group or its text is not usable. */
async function readGroup({ value, ranges }: QuickGroups, group: string): Promise<SearchIndex | null> {
  const range = Object.hasOwn(ranges, group) ? ranges[group] : undefined;
  if (!Array.isArray(range) || !(Number.isInteger(range[0]) && range[0] >= 0 && range[0] <= range[1] && range[1] <= value.size)) return null;
  try {
    const quick = QuickIndex.parse(await value.slice(range[0], range[1]).text());
    // The text must be the group the layout says it is.
    return quick.group === group ? new SearchIndex(quick) : null;
  } catch {
    return null;
  }
}

/**
 * The text of the whole quick part, read in steps beside the stored groups: a first letter asked
 * for (see wantKeysFor) before or during the read has its group read between two steps and
 * handed to `publish` on its own.
 */
async function readQuickInSteps(blob: Blob, end: number, groups: QuickGroups): Promise<string> {
  let handed = '';
  // Set once the whole part is read, or its read has failed.
  let over = false;
  const handOver = async () => {
    handed = wanted;
    const index = await readGroup(groups, handed);
    // The whole part may have been read meanwhile: nothing partial is handed over after it.
    if (index && !over) {
      performance.mark('company-lens:search-quick-part');
      publish(index);
    }
  };
  const parts: string[] = [];
  try {
    for (let at = 0; at < end; at += quickStep) {
      if (wanted && wanted !== handed) await handOver();
      parts.push(await blob.slice(at, Math.min(end, at + quickStep)).text());
    }
  } finally {
    over = true;
  }
  // One byte per character (see `pack` in quick.ts): steps cut no character in two.
  return parts.join('');
}

/**
 * The quick part of a stored index, read from the start of its Blob: up to its stored end (in
 * steps, beside its key line groups, where the store has them) when its header agrees, else
 * after reading the header for it.
 */
async function readQuick(stored: StoredSearchIndex): Promise<{ index: SearchIndex; end: number } | null> {
  const { blob, quickEnd, quickGroups } = stored;
  if (quickEnd !== undefined && quickEnd <= blob.size) {
    const text = quickGroups ? await readQuickInSteps(blob, quickEnd, quickGroups) : await blob.slice(0, quickEnd).text();
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
  // Loaded one background-priority step at a time, so it never holds back a keystroke or a paint.
  await nextBackgroundTask();
  const index = await loadFullTextAsync(quick.index, await stored.blob.slice(quick.end).text(), nextBackgroundTask);
  cached = { version: stored.version, index };
  performance.mark('company-lens:search-full');
  publish(index);
  return index;
}
