import { DATASET_FORMAT, DATASET_VERSION, type Article, type Company, type Dataset, type Fact, type Mention } from '../../lib/dataset/schema';
import { syntheticName } from './names';
import { Prng } from './prng';

/**
 * Synthetic datasets for scale benchmarks (1k, 10k, 100k companies), in the one dataset format
 * so they can be fed to the store, sync and search code unchanged. Everything is labelled
 * synthetic (ids, source, descriptions) so it can never be mistaken for corpus knowledge.
 */

export interface SyntheticOptions {
  companies: number;
  /** Articles per company; 0.05 gives 5k articles for 100k companies (a 40 MB dataset, under the URL sync cap). */
  articlesPerCompany?: number;
  /** Companies named per article. */
  mentionsPerArticle?: number;
  seed?: number;
}

const FILLER = [
  'Analysts said the quarter was shaped by weaker demand in export markets and higher input costs.',
  'The company did not comment on the figures, which were first reported by local media.',
  'Regulators have asked platform operators to publish clearer rules for merchants and users.',
  'Shares rose in early trading before giving back most of their gains by the close.',
  'The deal is expected to close in the second half of the year, subject to approval.',
  'Competition in the sector has intensified as smaller rivals cut prices to win share.',
  'Executives told investors on a call that margins would recover as the new plant ramps up.',
  '据报道，该公司计划在未来两年内扩大海外业务。',
];
const ROUNDS = ['seed', 'Series A', 'Series B', 'Series C', 'Series D'];
const CITIES = ['Shanghai', 'Shenzhen', 'Beijing', 'Hangzhou', 'Singapore', 'Berlin', 'London', 'San Francisco'];

export function syntheticDataset(options: SyntheticOptions): Dataset {
  const rng = new Prng(options.seed ?? 0x5eed);
  const taken = new Set<string>();
  const companies: Company[] = [];
  for (let i = 0; i < options.companies; i++) {
    const n = syntheticName(rng, taken);
    companies.push({
      id: `syn-${i.toString(36).padStart(4, '0')}`,
      name: n.name,
      aliases: n.aliases,
      kind: 'company',
      headquarters: rng.pick(CITIES),
      founded: 1980 + rng.int(45),
      ...(n.domain ? { domain: n.domain } : {}),
      ...(n.tickers ? { tickers: n.tickers } : {}),
      description: `Synthetic company ${i} generated for benchmarks; not a real organisation.`,
      mentionCount: 0,
      articleCount: 0,
    });
  }
  const articleCount = Math.max(1, Math.round(options.companies * (options.articlesPerCompany ?? 0.05)));
  const perArticle = options.mentionsPerArticle ?? 6;
  const articles: Article[] = [];
  const mentions: Mention[] = [];
  const facts: Fact[] = [];
  for (let a = 0; a < articleCount; a++) {
    const id = `syn-article-${a}`;
    const named = Array.from({ length: perArticle }, () => rng.int(companies.length));
    const { body, spans } = articleBody(rng, named.map((c) => companies[c]));
    articles.push({ id, title: `Synthetic report ${a}: ${companies[named[0]].name}`, body, tags: ['synthetic'], source: 'synthetic', position: a });
    for (const s of spans) {
      const c = companies[named[s.company]];
      mentions.push({ companyId: c.id, articleId: id, start: s.start, end: s.end, alias: body.slice(s.start, s.end) });
      c.mentionCount++;
    }
    for (const c of new Set(named)) companies[c].articleCount++;
    const first = companies[named[0]];
    const usd = (1 + rng.int(500)) * 1_000_000;
    facts.push({
      id: `syn-fact-${a}`,
      companyId: first.id,
      type: 'funding',
      sentence: spans[0].sentence,
      articleId: id,
      values: { amount: { amount: usd, currency: 'USD', text: `$${usd / 1_000_000} million`, usd }, round: rng.pick(ROUNDS), leadInvestors: [], investors: [] },
    });
  }
  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    meta: { source: `synthetic benchmark data (${options.companies} companies)`, contentHash: `synthetic-${options.seed ?? 0x5eed}-${options.companies}`, generator: 'bench/synthetic' },
    companies,
    articles,
    mentions,
    facts,
    people: [],
    relations: [],
  };
}

interface Span {
  /** Index into the article's list of named companies. */
  company: number;
  start: number;
  end: number;
  sentence: string;
}

/** Paragraphs of filler with the named companies placed in funding-style sentences. */
function articleBody(rng: Prng, named: Company[]): { body: string; spans: Span[] } {
  let body = '';
  const spans: Span[] = [];
  named.forEach((c, k) => {
    if (body) body += '\n\n';
    body += rng.pick(FILLER) + ' ';
    const label = c.aliases.length > 0 && rng.chance(0.4) ? rng.pick(c.aliases).text : c.name;
    const usd = 1 + rng.int(500);
    const before = `On ${1 + rng.int(28)} March, `;
    const after = ` said it had raised $${usd} million in a ${rng.pick(ROUNDS)} round.`;
    const start = body.length + before.length;
    body += before + label + after;
    spans.push({ company: k, start, end: start + label.length, sentence: before + label + after });
    body += ' ' + rng.pick(FILLER);
  });
  return { body, spans };
}

/** Long plain text assembled from the articles of a dataset, for Node matcher runs. */
export function syntheticText(dataset: Dataset, chars: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i = (i + 1) % dataset.articles.length) {
    parts.push(dataset.articles[i].body);
    size += dataset.articles[i].body.length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}
