import { Dataset } from '../../lib/dataset/schema';
import { Lexicon } from '../../lib/detect/lexicon';
import type { Registry } from '../../lib/registry/schema';
import { getDb } from '../../lib/store/db';
import { makeDataset } from './datasets';
import type { SyncDeps } from '../../lib/sync/runner';
import { formatPath } from '../../lib/util/path';

/**
 * A stand-in knowledge base for runner tests: "building" gives a dataset whose size follows the
 * number of documents, and parsing checks the real zod schema. It keeps the runner's tests
 * independent of how the real builder reads the corpus.
 */
export class FakeDatasetError extends Error {
  override name = 'DatasetError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fakeDeps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db: getDb,
    bundledDocuments: () => [{ name: 'seed.txt', text: 'Seed article.' }],
    bundledRegistry: () => ({ companies: [], excludedTags: {} }) as Registry,
    buildDataset: ({ documents, articles = [], source }) => {
      const count = documents.length + articles.length;
      return makeDataset(count === 1 ? 'bundled' : `built${count}`, 3 + count, source);
    },
    parseDataset: (text, origin) => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw new FakeDatasetError('invalid-json', `${origin}: ${String(error)}`);
      }
      const parsed = Dataset.safeParse(raw);
      if (!parsed.success) throw new FakeDatasetError('schema', `${origin}: ${formatPath(parsed.error.issues[0].path)}`);
      return parsed.data;
    },
    buildSearchIndex: (dataset) => JSON.stringify({ ids: dataset.companies.map((c) => c.id) }),
    buildLexicon: (companies) => Lexicon.build(companies).toPayload(),
    ...overrides,
  };
}

/** A fetch that answers from a function, as a server would. */
export function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init ?? {})) as typeof fetch;
}
