import { describe, expect, it } from 'vitest';
import type { DiscoveredOrg } from '../knowledge/orgs';
import type { Registry } from '../registry/schema';
import { makeDataset } from '../store/testing';
import { coverage, formatCoverage } from './report';
import type { Dataset } from './schema';

/** The build report the dataset CLI prints: counts, and where the registry falls short. */

const registry: Registry = {
  companies: [
    { id: 'r-co-0', name: 'Acme Widgets', aliases: ['Acme'], kind: 'company', description: 'Makes widgets.' },
    { id: 'r-co-1', name: 'Beta Bank', aliases: [], kind: 'bank', description: 'A bank.' },
  ],
  excludedTags: { brexit: 'a topic, not an organisation' },
};

function dataset(): Dataset {
  const d = makeDataset('r', 4);
  d.companies[2].origin = 'text';
  d.companies[3].origin = 'text';
  d.companies[3].kind = 'bank';
  d.articles[0].tags = ['acme', 'brexit', 'zeta-corp', 'beta-bank', 'alpha-media'];
  // Two "X-based Y" phrases: one names a known mention, the other an organisation nobody listed.
  const body = 'London-based Quill Ltd grew. The Paris-based software maker Zeta Corp hired. ';
  d.articles.push({ id: 'r-article-1', title: 'More', body, tags: [], source: 'r.txt', position: 1 });
  const at = body.indexOf('Quill');
  d.mentions.push({ companyId: 'r-co-3', articleId: 'r-article-1', start: at, end: at + 9, alias: 'Quill Ltd' });
  d.facts.push({ id: 'r-fact-1', companyId: 'r-co-0', type: 'headquarters', values: { place: 'X' }, sentence: body, articleId: 'r-article-1' });
  d.facts.push({ id: 'r-fact-2', companyId: 'r-co-1', type: 'partnership', values: { partner: { name: 'Zeta Corp' } }, sentence: body, articleId: 'r-article-1' });
  return d;
}

const org = (id: string, name: string, orgVotes: number, personVotes: number, articleCount: number): DiscoveredOrg => ({
  id,
  key: name.toLowerCase(),
  name,
  aliases: [],
  kind: 'company',
  orgVotes,
  personVotes,
  articleCount,
  reasons: ['legal suffix'],
  profile: [],
});

describe('coverage', () => {
  const d = dataset();
  const report = coverage(d, registry);

  it('counts every list of the dataset', () => {
    expect(report.counts).toEqual({ companies: 4, articles: 2, mentions: 4, facts: 3, people: 1, relations: 1 });
  });

  it('counts facts by type and lists mentioned companies without any fact', () => {
    expect(report.factsByType).toEqual({ headquarters: 2, partnership: 1 });
    // makeDataset mentions its first three companies; the first two have facts.
    expect(report.mentionedWithoutFacts).toEqual(['r-co-2']);
    expect(report.neverMentioned).toEqual(['r-co-3']);
  });

  it('lists tags that neither name a registry entry nor are excluded, sorted', () => {
    expect(report.unknownTags).toEqual(['alpha-media', 'zeta-corp']);
  });

  it('lists "X-based Y" names that are not a mention at that place', () => {
    expect(report.unknownBasedNames).toEqual(['Zeta Corp']);
  });

  it('counts text-only organisations by kind', () => {
    expect(report.discoveredByKind).toEqual({ company: 1, bank: 1 });
  });

  it('lists the kept discovered names with the thinnest evidence first', () => {
    const kept = d.companies.map((c) => c.name);
    const discovered = [
      org('b', kept[1], 5, 1, 3),
      org('x', 'Dropped Name', 0, 9, 1),
      org('a', kept[0], 2, 1, 1),
      org('c', kept[2], 2, 1, 4),
      org('d', kept[3], 1, 0, 4),
    ];
    const names = coverage(d, registry, discovered).leastCertain;
    // Net votes first (1, 1, 1, 4), then fewer articles, then id; names not kept are left out.
    expect(names).toEqual([
      `${kept[0]} (company; 2 for, 1 against: legal suffix)`,
      `${kept[2]} (company; 2 for, 1 against: legal suffix)`,
      `${kept[3]} (company; 1 for, 0 against: legal suffix)`,
      `${kept[1]} (company; 5 for, 1 against: legal suffix)`,
    ]);
  });

  it('puts a name most evidence speaks against before one it supports, fewer articles and then id breaking ties', () => {
    const many = makeDataset('t', 6);
    const n = many.companies.map((c) => c.name);
    const discovered = [
      { ...org('e', n[4], 3, 0, 1), reasons: ['legal suffix', 'cue word'] },
      org('d', n[3], 2, 1, 9),
      org('c', n[2], 2, 1, 2),
      org('b', n[1], 2, 1, 2),
      org('a', n[0], 1, 3, 7),
    ];
    expect(coverage(many, registry, discovered).leastCertain).toEqual([
      `${n[0]} (company; 1 for, 3 against: legal suffix)`,
      `${n[1]} (company; 2 for, 1 against: legal suffix)`,
      `${n[2]} (company; 2 for, 1 against: legal suffix)`,
      `${n[3]} (company; 2 for, 1 against: legal suffix)`,
      `${n[4]} (company; 3 for, 0 against: legal suffix, cue word)`,
    ]);
  });

  it('lists the "X-based" names sorted', () => {
    const d = makeDataset('s', 1);
    d.articles[0].body = 'The Leeds-based Zephyr Mills grew, and the York-based Amber Foods shrank.';
    expect(coverage(d, registry).unknownBasedNames).toEqual(['Amber Foods', 'Zephyr Mills']);
  });

  it('keeps at most fifteen least certain names', () => {
    const many = makeDataset('m', 20);
    const discovered = many.companies.map((c, i) => org(c.id, c.name, i, 0, 1));
    const names = coverage(many, registry, discovered).leastCertain;
    expect(names).toHaveLength(15);
    expect(names[0]).toMatch(/ \(company; 0 for/);
  });
});

describe('formatCoverage', () => {
  it('prints each section with its count, and (none) for an empty list', () => {
    const text = formatCoverage(coverage(dataset(), registry));
    expect(text.split('\n')).toEqual([
      'Counts: 4 companies, 2 articles, 4 mentions, 3 facts, 1 people, 1 relations',
      'Organisations discovered in the text (2): bank 1, company 1',
      'Least certain discovered names (0):',
      '  (none)',
      'Facts by type: headquarters 2, partnership 1',
      'Companies mentioned but with no facts (1):',
      '  r-co-2',
      'Registry entries the corpus never mentions (1):',
      '  r-co-3',
      'Tags with no registry entry or exclusion (2):',
      '  alpha-media, zeta-corp',
      '"X-based Y" names with no registry entry (1):',
      '  Zeta Corp',
    ]);
  });

  it('orders kinds by count, then by name, and says none when nothing was found', () => {
    const empty = formatCoverage({
      counts: { companies: 0, articles: 0, mentions: 0, facts: 0, people: 0, relations: 0 },
      factsByType: {},
      mentionedWithoutFacts: [],
      neverMentioned: [],
      unknownTags: [],
      unknownBasedNames: [],
      discoveredByKind: {},
      leastCertain: [],
    });
    expect(empty).toContain('Organisations discovered in the text (0): none');
    expect(empty).toContain('Facts by type: none');
    const kinds = formatCoverage({ ...coverage(dataset(), registry), discoveredByKind: { media: 1, company: 3, university: 1, bank: 1, government: 1 } });
    expect(kinds).toContain('Organisations discovered in the text (7): company 3, bank 1, government 1, media 1, university 1');
    const facts = formatCoverage({ ...coverage(dataset(), registry), factsByType: { valuation: 1, funding: 2, acquisition: 1 } });
    expect(facts).toContain('Facts by type: acquisition 1, funding 2, valuation 1');
  });
});
