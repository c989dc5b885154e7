import { tagIndex } from '../registry/load';
import type { Registry } from '../registry/schema';
import type { DiscoveredOrg } from '../knowledge/orgs';
import type { Dataset } from './schema';

/** What the CLI prints after a build: how much was found, and where the registry falls short. */
export interface CoverageReport {
  counts: Record<'companies' | 'articles' | 'mentions' | 'facts' | 'people' | 'relations', number>;
  factsByType: Record<string, number>;
  /** Mentioned in the corpus but with no fact attached. */
  mentionedWithoutFacts: string[];
  neverMentioned: string[];
  /** `#tags` that neither name a registry entry nor are listed in excludedTags. */
  unknownTags: string[];
  /** "X-based Y" where Y is not a registry company. */
  unknownBasedNames: string[];
  /** Organisations known only from the text, by kind. */
  discoveredByKind: Record<string, number>;
  /** Discovered names with the thinnest evidence: "Name (kind; for/against: reason)". */
  leastCertain: string[];
}

const LEAST_CERTAIN = 15;

function leastCertain(data: Dataset, discovered: readonly DiscoveredOrg[]): string[] {
  const kept = new Set(data.companies.map((c) => c.name));
  return discovered
    .filter((d) => kept.has(d.name))
    .sort((a, b) => a.orgVotes - a.personVotes - (b.orgVotes - b.personVotes) || a.articleCount - b.articleCount || (a.id < b.id ? -1 : 1))
    .slice(0, LEAST_CERTAIN)
    .map((d) => `${d.name} (${d.kind}; ${d.orgVotes} for, ${d.personVotes} against: ${d.reasons.join(', ')})`);
}

const BASED = /\b\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?-(?:based|headquartered)\s(?:[\p{Ll}-]+\s){0,3}?((?:\p{Lu}[\p{L}\p{N}.&'-]*)(?:\s\p{Lu}[\p{L}\p{N}.&'-]*){0,3})/gu;

export function coverage(data: Dataset, registry: Registry, discovered: readonly DiscoveredOrg[] = []): CoverageReport {
  const factsByType: Record<string, number> = {};
  const withFacts = new Set<string>();
  for (const f of data.facts) {
    factsByType[f.type] = (factsByType[f.type] ?? 0) + 1;
    withFacts.add(f.companyId);
  }
  const tags = tagIndex(registry);
  const unknownTags = new Set<string>();
  for (const a of data.articles) for (const t of a.tags) if (!tags.has(t) && !(t in registry.excludedTags)) unknownTags.add(t);
  const mentionAt = new Set(data.mentions.map((m) => `${m.articleId}@${m.start}`));
  const unknownBased = new Set<string>();
  for (const a of data.articles) {
    for (const m of a.body.matchAll(BASED)) {
      const at = m.index! + m[0].length - m[1].length;
      if (!mentionAt.has(`${a.id}@${at}`)) unknownBased.add(m[1]);
    }
  }
  return {
    counts: {
      companies: data.companies.length,
      articles: data.articles.length,
      mentions: data.mentions.length,
      facts: data.facts.length,
      people: data.people.length,
      relations: data.relations.length,
    },
    factsByType,
    mentionedWithoutFacts: data.companies.filter((c) => c.mentionCount > 0 && !withFacts.has(c.id)).map((c) => c.id),
    neverMentioned: data.companies.filter((c) => c.mentionCount === 0).map((c) => c.id),
    unknownTags: [...unknownTags].sort(),
    unknownBasedNames: [...unknownBased].sort(),
    discoveredByKind: data.companies.filter((c) => c.origin === 'text').reduce<Record<string, number>>((out, c) => ({ ...out, [c.kind]: (out[c.kind] ?? 0) + 1 }), {}),
    leastCertain: leastCertain(data, discovered),
  };
}

export function formatCoverage(r: CoverageReport): string {
  const list = (items: string[]) => (items.length === 0 ? '  (none)' : `  ${items.join(', ')}`);
  const kinds = Object.entries(r.discoveredByKind).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [
    `Counts: ${Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`,
    `Organisations discovered in the text (${kinds.reduce((n, [, v]) => n + v, 0)}): ${kinds.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `Least certain discovered names (${r.leastCertain.length}):`,
    list(r.leastCertain),
    `Facts by type: ${Object.entries(r.factsByType).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    `Companies mentioned but with no facts (${r.mentionedWithoutFacts.length}):`,
    list(r.mentionedWithoutFacts),
    `Registry entries the corpus never mentions (${r.neverMentioned.length}):`,
    list(r.neverMentioned),
    `Tags with no registry entry or exclusion (${r.unknownTags.length}):`,
    list(r.unknownTags),
    `"X-based Y" names with no registry entry (${r.unknownBasedNames.length}):`,
    list(r.unknownBasedNames),
  ].join('\n');
}
