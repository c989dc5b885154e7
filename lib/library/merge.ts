import { contentHash } from '../dataset/hash';
import type { Article, Company, Dataset, Person, Relation } from '../dataset/schema';
import type { Registry } from '../registry/schema';

/**
 * The library over a synced dataset: the library's articles are read with the synced dataset's
 * organisations as the known ones, and the two are joined. (Over the bundled corpus the library is
 * built together with the corpus instead, in lib/sync/sources.ts.)
 */

/** A dataset's organisations as a registry, so the builder recognises them in library articles. */
export function registryOf(companies: readonly Company[]): Registry {
  return {
    companies: companies.map((c) => ({
      id: c.id,
      name: c.name,
      aliases: c.aliases,
      kind: c.kind,
      description: c.description,
      ...(c.parentId ? { parent: c.parentId } : {}),
      ...(c.headquarters ? { headquarters: c.headquarters } : {}),
      ...(c.founded !== undefined ? { founded: c.founded } : {}),
      ...(c.domain ? { domain: c.domain } : {}),
      ...(c.tickers ? { tickers: c.tickers } : {}),
    })),
    excludedTags: {},
  };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function mergeBy<T>(key: (item: T) => string, join: (a: T, b: T) => T, lists: readonly (readonly T[])[]): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const item of list) {
    const k = key(item);
    const seen = out.get(k);
    out.set(k, seen ? join(seen, item) : item);
  }
  return [...out.values()];
}

/** Joins `library` (built from the library's articles) into `base`; counts add up, lists are united. */
export function joinDatasets(base: Dataset, library: Dataset, source: string): Dataset {
  return {
    format: base.format,
    version: base.version,
    meta: { source, contentHash: contentHash([base.meta.contentHash, library.meta.contentHash]), generator: base.meta.generator },
    companies: mergeBy<Company>((c) => c.id, (a, b) => ({ ...a, mentionCount: a.mentionCount + b.mentionCount, articleCount: a.articleCount + b.articleCount }), [base.companies, library.companies]),
    articles: mergeBy<Article>((a) => a.id, (a) => a, [base.articles, library.articles]),
    mentions: [...base.mentions, ...library.mentions],
    facts: mergeBy((f) => f.id, (a) => a, [base.facts, library.facts]),
    people: mergeBy<Person>((p) => p.id, (a, b) => ({ ...a, roles: [...a.roles, ...b.roles], companyIds: union(a.companyIds, b.companyIds), articleIds: union(a.articleIds, b.articleIds) }), [base.people, library.people]),
    relations: mergeBy<Relation>((r) => `${r.a}\u0000${r.b}`, (a, b) => ({ ...a, weight: a.weight + b.weight, articleIds: union(a.articleIds, b.articleIds) }), [base.relations, library.relations]),
    links: mergeBy((l) => [l.from, l.to, l.type, l.factId ?? ''].join('\u0000'), (a) => a, [base.links ?? [], library.links ?? []]),
  };
}
