import { decodeDocument, splitCorpus, type Document } from '../corpus';
import { Lexicon } from '../detect/lexicon';
import { counts, extractArticle, mentionsOf, people, relations } from '../knowledge';
import { aliasObject, type Registry } from '../registry/schema';
import { contentHash } from './hash';
import { DATASET_FORMAT, DATASET_VERSION, type Article, type Company, type Dataset } from './schema';

/** Bump when extraction changes, so a dataset records which knowledge builder made it. */
export const GENERATOR = 'company-lens-knowledge/1';

export interface BuildInput {
  documents: readonly { name: string; text: string | Uint8Array }[];
  /** Articles already split (the user's library), built together with the documents. */
  articles?: readonly Article[];
  registry: Registry;
  /** Human-readable origin recorded in meta.source. */
  source: string;
}

const byName = (a: Document, b: Document) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Builds the dataset from documents and a registry. The output depends only on the inputs:
 * documents are processed in name order, every list is sorted, and no clock or random value is
 * read, so the same input gives byte-identical JSON. Throws CorpusError on bad documents before
 * anything is produced.
 */
export function buildDataset(input: BuildInput): Dataset {
  // Decoding first means bytes and the same text as a string build the same dataset.
  const documents = [...input.documents].sort(byName).map((d) => ({ name: d.name, text: decodeDocument(d.name, d.text) }));
  const articles = [...splitCorpus(documents), ...(input.articles ?? [])];
  const entries = [...input.registry.companies].sort((a, b) => (a.id < b.id ? -1 : 1));
  const lexicon = Lexicon.build(entries.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases.map(aliasObject) })));
  const names = new Map(entries.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const knowledge = articles.map((a) => extractArticle(a, lexicon, nameOf));
  const tally = counts(knowledge);
  const companies: Company[] = entries.map((e) => ({
    id: e.id,
    name: e.name,
    aliases: e.aliases.map(aliasObject),
    kind: e.kind,
    ...(e.parent ? { parentId: e.parent } : {}),
    ...(e.headquarters ? { headquarters: e.headquarters } : {}),
    ...(e.founded !== undefined ? { founded: e.founded } : {}),
    ...(e.domain ? { domain: e.domain } : {}),
    ...(e.tickers ? { tickers: e.tickers } : {}),
    description: e.description,
    mentionCount: tally.get(e.id)?.mentions ?? 0,
    articleCount: tally.get(e.id)?.articles ?? 0,
  }));
  const hashParts: string[] = [GENERATOR, JSON.stringify(input.registry)];
  for (const d of documents) hashParts.push(d.name, d.text);
  for (const a of input.articles ?? []) hashParts.push(a.id, a.title, a.body);
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { source: input.source, contentHash: contentHash(hashParts), generator: GENERATOR },
    companies,
    articles,
    mentions: mentionsOf(knowledge, new Map(articles.map((a) => [a.id, a.body]))),
    facts: knowledge.flatMap((k) => k.facts),
    people: people(knowledge),
    relations: relations(knowledge),
  };
}
