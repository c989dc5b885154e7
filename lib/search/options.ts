import type { Options } from 'minisearch';
import { processIndexTerm, tokenizeForIndex } from './terms';

/**
 * Bump when the document shape, the tokenizer or the text fold (lib/text/normalize.ts) changes:
 * stored indexes of another version are rebuilt.
 */
export const SEARCH_INDEX_FORMAT = 'company-lens-search';
export const SEARCH_INDEX_VERSION = 3;

export type HitKind = 'company' | 'person' | 'article';

/**
 * What each indexed document keeps for display, with short keys because the stored fields of
 * every document are serialised into the persisted index.
 */
export interface StoredFields {
  /** Kind of document. */
  t: HitKind;
  /** Display name: company name, person name or article title. */
  n: string;
  /** Small label: the company's kind, or a person's first role. */
  k: string;
  /** One line of context. */
  x: string;
  /** Company the result leads to: the company itself, a person's company, an article's main company. */
  r?: string;
  /** Mentions in the corpus, used as a gentle popularity boost. */
  m: number;
  /** Aliases, for companies that have any: filtering by a last typed word looks at them too. */
  a?: string;
  /** The document's facts, one a line, as "kind words<TAB>sentence": the snippet shown when one matched. */
  f?: string;
}

/** A document as indexed: its searchable fields, plus what it keeps for display. */
export interface SearchDocument extends StoredFields, Partial<Record<SearchField, string>> {
  id: string;
  /** Position in the index: the full-text index's document id and the quick index's line. */
  o?: number;
}

export const FIELDS = ['name', 'aliases', 'people', 'roles', 'companies', 'tags', 'description', 'titles', 'facts'] as const;
export type SearchField = (typeof FIELDS)[number];

/**
 * Names weigh most, then aliases (which carry the Chinese names and tickers), then people and
 * the companies a person works for; running text weighs least.
 */
export const BOOST: Record<SearchField, number> = {
  name: 10,
  aliases: 7,
  people: 2.5,
  roles: 1,
  companies: 2,
  tags: 1,
  description: 1,
  titles: 0.6,
  facts: 1.5,
};

/**
 * Options shared by the build (background) and the load (popup, lookup); they must agree. Names,
 * kinds and companies are not stored with each document: they are in the quick index, which is
 * always loaded first, so storing them again would only make the full index bigger and slower
 * to load. What only full-text results need (context, aliases, mentions) is stored here.
 */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'o',
  fields: [...FIELDS],
  storeFields: ['x', 'a', 'm', 'f'],
  tokenize: tokenizeForIndex,
  processTerm: processIndexTerm,
};
