import { nextTask } from '../util/yield';
import MiniSearch from 'minisearch';
import type { Dataset } from '../dataset/schema';
import { FIELDS, INDEX_OPTIONS, type SearchDocument } from './options';
import { documentsFor, quickDocumentsFor } from './documents';
import { buildQuickText } from './quick';
import { serialiseFull, serialiseFullInSteps } from './artifact';
import { PROSE_FIELDS, processIndexTerm, tokenizeForIndex } from './terms';

/**
 * A word in the running text of more than this share of documents (and of at least MIN_COMMON
 * documents, so small datasets keep every word) says nothing about any one of them. Dropping such
 * words keeps the index small and, above all, keeps a short prefix such as "re" from expanding
 * to a word present in every description, which would make every keystroke score the whole index.
 */
const COMMON_SHARE = 0.05;
const MIN_COMMON = 500;

export function commonProseTerms(docs: SearchDocument[]): Set<string> {
  const df = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const field of FIELDS) {
      if (!PROSE_FIELDS.has(field) || !doc[field]) continue;
      for (const token of tokenizeForIndex(doc[field]!)) {
        const term = processIndexTerm(token, field);
        if (term && !seen.has(term)) seen.add(term);
      }
    }
    for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const limit = Math.max(MIN_COMMON, docs.length * COMMON_SHARE);
  return new Set([...df].filter(([, n]) => n > limit).map(([t]) => t));
}

/** The documents of a dataset and an empty index set up for them. */
function prepare(dataset: Dataset) {
  const docs = documentsFor(dataset);
  const common = commonProseTerms(docs);
  const index = new MiniSearch<SearchDocument>({
    ...INDEX_OPTIONS,
    processTerm: (term, field) => {
      const t = processIndexTerm(term, field);
      return t && field && PROSE_FIELDS.has(field) && common.has(t) ? null : t;
    },
  });
  docs.forEach((doc, o) => (doc.o = o));
  // Both parts carry the same stamp, so a loader can tell they were built together.
  return { docs, index, stamp: `${dataset.meta.contentHash}:${docs.length}` };
}

/**
 * Builds the popup's search index from a dataset and serialises it: the quick index, then the
 * full-text index (see artifact.ts). The background calls this once when a dataset is stored
 * and keeps the result next to it, so opening the popup only loads the index, never builds it.
 */
export function buildSearchIndex(dataset: Dataset): string {
  const { docs, index, stamp } = prepare(dataset);
  index.addAll(docs);
  return buildQuickText(docs, stamp) + serialiseFull(index as MiniSearch<never>, stamp);
}

/** Documents indexed per step of `buildSearchIndexInSteps`: some 20 ms of work. */
const DOCS_PER_STEP = 1_000;

/**
 * The same index as `buildSearchIndex`, built in steps with a turn of the event loop between
 * them. The background builds the full text this way after a sync: at 100k companies the build
 * takes seconds, and in one piece it held every tab's lexicon request and every search behind it.
 */
export async function buildSearchIndexInSteps(dataset: Dataset): Promise<string> {
  const { docs, index, stamp } = prepare(dataset);
  await nextTask('user-visible');
  await index.addAllAsync(docs, { chunkSize: DOCS_PER_STEP });
  const quick = buildQuickText(docs, stamp);
  await nextTask('user-visible');
  return quick + (await serialiseFullInSteps(index as MiniSearch<never>, stamp, () => nextTask('user-visible')));
}


/**
 * The quick part of `buildSearchIndex(dataset)` alone, with the same stamp: a sync stores it at
 * the switch and the full text follows (lib/background/search-index.ts); the popup answers names
 * from it meanwhile.
 */
export function buildQuickSearchIndex(dataset: Dataset): string {
  const docs = quickDocumentsFor(dataset);
  return buildQuickText(docs, `${dataset.meta.contentHash}:${docs.length}`);
}
