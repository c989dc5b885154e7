import { decodeDocument, type Document } from '../corpus';
import { Lexicon } from '../detect/lexicon';
import { counts, people } from '../knowledge';
import { links } from '../knowledge/links';
import { unitsFrom } from '../knowledge/units';
import { organisations, registryKeys, resolveOrgs, type DiscoveredOrg } from '../knowledge/orgs';
import { BuildCache } from './cache';
import type { Registry } from '../registry/schema';
import { companyFields } from './company';
import { correctOrganisations } from '../corrections/organisations';
import type { Correction } from '../corrections/schema';
import { contentHash } from './hash';
import { DATASET_FORMAT, DATASET_VERSION, type Article, type Company, type Dataset } from './schema';

/** Bump when extraction changes, so a dataset records which knowledge builder made it. */
export const GENERATOR = 'company-lens-knowledge/2';

export const EMPTY_REGISTRY: Registry = { companies: [], excludedTags: {} };

export interface BuildInput {
  documents: readonly { name: string; text: string | Uint8Array }[];
  /** Articles already split (the user's library), built together with the documents. */
  articles?: readonly Article[];
  /** Optional curated layer; without it every organisation comes from the text. */
  registry?: Registry;
  /** Human-readable origin recorded in meta.source. */
  source: string;
  /**
   * What earlier builds read from each article (cache.ts): with it a build analyses and extracts
   * only the articles that are new or that the corpus's new organisations change, and gives the
   * same dataset as without it.
   */
  cache?: BuildCache;
  /**
   * The user's corrections that decide which names are organisations (lib/corrections): applied
   * before the articles are read, so an added name brings its facts. The caller applies the whole
   * list to the result too (applyCorrections); the content hash is the caller's to extend.
   */
  corrections?: readonly Correction[];
  /** Receives the organisations resolved from the text, with their evidence (for the report). */
  onOrganisations?: (discovered: readonly DiscoveredOrg[]) => void;
}

const byName = (a: Document, b: Document) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Decoding first means bytes and the same text as a string build the same dataset. */
type Decoded = { name: string; text: string };

function decoded(documents: BuildInput['documents']): Decoded[] {
  return [...documents].sort(byName).map((d) => ({ name: d.name, text: decodeDocument(d.name, d.text) }));
}

function hashOf(documents: readonly Decoded[], registry: Registry, articles: readonly Article[] = []): string {
  const parts: string[] = [GENERATOR, JSON.stringify(registry)];
  for (const d of documents) parts.push(d.name, d.text);
  for (const a of articles) parts.push(a.id, a.title, a.body);
  return contentHash(parts);
}

/**
 * The content hash `buildDataset` records for these inputs, without building: equal hashes mean
 * equal datasets, so a caller can tell an unchanged corpus in milliseconds instead of seconds.
 */
export function buildInputHash(input: Pick<BuildInput, 'documents' | 'articles' | 'registry'>): string {
  return hashOf(decoded(input.documents), input.registry ?? EMPTY_REGISTRY, input.articles);
}

/**
 * Builds the dataset from documents and a registry. The output depends only on the inputs:
 * documents are processed in name order, every list is sorted, and no clock or random value is
 * read, so the same input gives byte-identical JSON. Throws CorpusError on bad documents before
 * anything is produced.
 */
export function buildDataset(input: BuildInput): Dataset {
  const steps = buildSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How far a build has got: articles analysed, then articles read for facts (two passes). */
export interface BuildProgress {
  done: number;
  total: number;
}

/**
 * `buildDataset` with a pause after every few articles: `pause` reports progress and may wait
 * (so a worker stays responsive to a cancel during a long library import) or throw to stop.
 */
export async function buildDatasetInSteps(input: BuildInput, pause: (progress: BuildProgress) => Promise<void>): Promise<Dataset> {
  const steps = buildSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause(step.value);
  }
}

/** Articles between two progress steps. */
const STEP = 20;

function* buildSteps(input: BuildInput): Generator<BuildProgress, Dataset> {
  const documents = decoded(input.documents);
  // Without a cache of its own, a build uses a fresh one: one code path, cached or not.
  const cache = input.cache ?? new BuildCache();
  const articles = [...cache.articlesOf(documents), ...(input.articles ?? [])];
  const registry = input.registry ?? EMPTY_REGISTRY;
  const entries = [...registry.companies].sort((a, b) => (a.id < b.id ? -1 : 1));
  const total = articles.length * 2;
  cache.begin();
  const analyses: ReturnType<BuildCache['analysis']>[] = [];
  for (const a of articles) {
    analyses.push(cache.analysis(a));
    if (analyses.length % STEP === 0) yield { done: analyses.length, total };
  }
  const discovered = resolveOrgs(analyses, registryKeys(entries));
  input.onOrganisations?.(discovered);
  const orgs = correctOrganisations(organisations(discovered, entries), input.corrections ?? []);
  const lexicon = Lexicon.build(orgs);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const unitOf = unitsFrom(entries);
  const curatedIds = new Set(entries.map((e) => e.id));
  const knowledge: ReturnType<BuildCache['extraction']>[] = [];
  const curated = (id: string) => curatedIds.has(id);
  for (const a of articles) {
    knowledge.push(cache.extraction(a, lexicon, nameOf, { unitOf, curated }));
    if (knowledge.length % STEP === 0) yield { done: articles.length + knowledge.length, total };
  }
  const tally = counts(knowledge);
  // A discovered name the lexicon never finds (always inside a longer name) is left out.
  const companies: Company[] = orgs
    .filter((o) => o.entry || tally.has(o.id))
    .map((o) => ({
      ...companyFields(o),
      mentionCount: tally.get(o.id)?.mentions ?? 0,
      articleCount: tally.get(o.id)?.articles ?? 0,
    }));
  const facts = knowledge.flatMap((k) => k.facts);
  const mentions = cache.mentions(knowledge, new Map(articles.map((a) => [a.id, a.body])));
  const relations = cache.relations(knowledge);
  cache.end();
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { source: input.source, contentHash: hashOf(documents, registry, input.articles), generator: GENERATOR },
    companies,
    articles,
    mentions,
    facts,
    people: people(knowledge),
    relations,
    links: links(facts, companies),
  };
}
