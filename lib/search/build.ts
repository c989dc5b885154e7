import MiniSearch from 'minisearch';
import type { Dataset } from '../dataset/schema';

/**
 * PROVISIONAL (owned by the popup/search work): builds the popup's search index from a dataset
 * and serialises it, so the background can store it with the dataset.
 */
export function buildSearchIndex(dataset: Dataset): string {
  const index = new MiniSearch({ fields: ['name'], storeFields: ['name', 'kind'] });
  index.addAll(dataset.companies.map((c) => ({ id: `company:${c.id}`, name: c.name, kind: 'company' })));
  return JSON.stringify(index);
}
