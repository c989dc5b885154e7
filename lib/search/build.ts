import MiniSearch from 'minisearch';
import type { Dataset } from '../dataset/schema';
import { INDEX_OPTIONS, SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type SearchDocument } from './options';
import { documentsFor } from './documents';

/**
 * Builds the popup's search index from a dataset and serialises it. The background calls this
 * once when a dataset is stored and keeps the JSON next to it, so opening the popup only loads
 * the index and never rebuilds it.
 */
export function buildSearchIndex(dataset: Dataset): string {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documentsFor(dataset));
  return JSON.stringify({ format: SEARCH_INDEX_FORMAT, version: SEARCH_INDEX_VERSION, index });
}
