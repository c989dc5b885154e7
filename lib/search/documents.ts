import type { Article, Company, Dataset, Fact, Person } from '../dataset/schema';
import { aliasObject } from '../registry/schema';
import type { SearchDocument } from './options';

/**
 * Per-company lists are capped: a giant company mentioned in thousands of articles would
 * otherwise carry thousands of titles into the index, bloating it without improving ranking.
 */
const MAX_TITLES = 30;
const MAX_TAGS = 30;
const CONTEXT_CHARS = 160;

export function oneLine(text: string, max = CONTEXT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What the index knows of facts: each fact's sentence plus the plain words for its kind, so that
 * a deal word finds the facts of that kind however the sentence put it ("raised" finds a round
 * reported as "pulled in $138 million", "ipo" a listing reported as "floated on Nasdaq").
 */
const KIND_WORDS: Partial<Record<Fact['type'], string>> = {
  funding: 'funding round raised raises investment',
  valuation: 'valuation valued',
  acquisition: 'acquisition acquired acquires bought buys',
  stake: 'stake',
  ipo: 'ipo listing listed public offering',
  revenue: 'revenue sales',
};
/** Facts per document: every deal of most companies, few enough to keep the index small. */
const MAX_FACTS = 12;
const FACT_CHARS = 220;

function factsOf(facts: readonly Fact[] | undefined): { facts?: string; f?: string } {
  if (!facts?.length) return {};
  const kept = facts.slice(0, MAX_FACTS);
  return {
    facts: kept.map((f) => `${KIND_WORDS[f.type] ?? ''} ${'round' in f.values && f.values.round ? f.values.round : ''} ${f.sentence}`).join(' · '),
    // "kind words<TAB>sentence": a row found by a kind word shows the sentence of that fact.
    f: kept.map((f) => `${KIND_WORDS[f.type] ?? f.type}\t${oneLine(f.sentence, FACT_CHARS)}`).join('\n'),
  };
}

function pushCapped(map: Map<string, Set<string>>, key: string, value: string, cap: number): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  if (set.size < cap) set.add(value);
}

/** Which articles mention each company, and each article's most-mentioned company. */
function mentionIndex(dataset: Dataset) {
  const articlesOf = new Map<string, Set<string>>();
  const countsIn = new Map<string, Map<string, number>>();
  for (const m of dataset.mentions) {
    pushCapped(articlesOf, m.companyId, m.articleId, MAX_TITLES);
    let counts = countsIn.get(m.articleId);
    if (!counts) countsIn.set(m.articleId, (counts = new Map()));
    counts.set(m.companyId, (counts.get(m.companyId) ?? 0) + 1);
  }
  const mainCompanyOf = new Map<string, string>();
  for (const [articleId, counts] of countsIn) {
    let best: string | undefined;
    let bestCount = 0;
    for (const [companyId, n] of counts) if (n > bestCount) [best, bestCount] = [companyId, n];
    if (best) mainCompanyOf.set(articleId, best);
  }
  return { articlesOf, mainCompanyOf };
}

/** What the quick index reads of a document (quick.ts): kind, id, name, label, the company it leads to, mentions, aliases. */
export type QuickFields = Pick<SearchDocument, 'id' | 't' | 'n' | 'k' | 'r' | 'm' | 'aliases'>;

function companyHead(c: Company): QuickFields & { a?: string } {
  const aliases = c.aliases.map((a) => aliasObject(a).text).concat(c.tickers ?? []);
  return {
    id: `company:${c.id}`,
    t: 'company',
    n: c.name,
    k: c.kind,
    r: c.id,
    m: c.mentionCount,
    ...(aliases.length ? { a: aliases.join(' · ') } : {}),
    aliases: aliases.join(' · '),
  };
}

function companyDocument(c: Company, articles: Article[], people: Person[], facts: Fact[] | undefined): SearchDocument {
  const tags = new Set<string>();
  for (const a of articles) for (const t of a.tags) if (tags.size < MAX_TAGS) tags.add(t);
  return {
    ...companyHead(c),
    x: oneLine(c.description),
    name: c.name,
    description: c.description,
    people: people.map((p) => p.name).join(' · '),
    tags: [...tags].join(' · '),
    titles: articles.map((a) => a.title).join(' · '),
    ...factsOf(facts),
  };
}

function personHead(p: Person): QuickFields {
  return { id: `person:${p.id}`, t: 'person', n: p.name, k: 'person', r: p.roles[0]?.companyId ?? p.companyIds[0], m: p.articleIds.length };
}

function personDocument(p: Person, companies: Map<string, Company>): SearchDocument {
  const names = p.companyIds.map((id) => companies.get(id)?.name).filter((n): n is string => !!n);
  const first = p.roles[0];
  const firstCompany = first?.companyId ? companies.get(first.companyId)?.name : names[0];
  return {
    ...personHead(p),
    x: oneLine([first?.title, firstCompany].filter(Boolean).join(', ') || names.join(', ')),
    name: p.name,
    roles: [...new Set(p.roles.map((r) => r.title))].join(' · '),
    companies: names.join(' · '),
  };
}

function articleHead(a: Article, mainCompany: string | undefined): QuickFields {
  return { id: `article:${a.id}`, t: 'article', n: a.title, k: 'article', r: mainCompany, m: 0 };
}

function articleDocument(a: Article, mainCompany: string | undefined, facts: Fact[] | undefined): SearchDocument {
  return {
    ...articleHead(a, mainCompany),
    // The article's opening words say what it is about; its tags are for matching, not reading.
    x: oneLine(a.body || a.source),
    name: a.title,
    tags: a.tags.join(' · '),
    ...factsOf(facts),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The documents of the search index: one per company, person and article. */
export function documentsFor(dataset: Dataset): SearchDocument[] {
  const companies = new Map(dataset.companies.map((c) => [c.id, c]));
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  const { articlesOf, mainCompanyOf } = mentionIndex(dataset);
  const peopleOf = new Map<string, Person[]>();
  for (const p of dataset.people) {
    for (const id of p.companyIds) {
      const list = peopleOf.get(id);
      if (list) list.push(p);
      else peopleOf.set(id, [p]);
    }
  }
  const factsOfCompany = groupBy(dataset.facts, (f) => f.companyId);
  const factsOfArticle = groupBy(dataset.facts, (f) => f.articleId);
  const docs: SearchDocument[] = [];
  for (const c of dataset.companies) {
    const mentioned = [...(articlesOf.get(c.id) ?? [])].map((id) => articles.get(id)).filter((a): a is Article => !!a);
    docs.push(companyDocument(c, mentioned, peopleOf.get(c.id) ?? [], factsOfCompany.get(c.id)));
  }
  for (const p of dataset.people) docs.push(personDocument(p, companies));
  for (const a of dataset.articles) docs.push(articleDocument(a, mainCompanyOf.get(a.id), factsOfArticle.get(a.id)));
  return docs;
}

/**
 * The same documents as `documentsFor`, in the same order, with only what the quick index reads:
 * a sync stores the quick index at its switch, and building the full documents (every fact
 * sentence and article opening) would cost it as much as the rest of a small library change.
 */
export function quickDocumentsFor(dataset: Dataset): QuickFields[] {
  const { mainCompanyOf } = mentionIndex(dataset);
  return [...dataset.companies.map(companyHead), ...dataset.people.map(personHead), ...dataset.articles.map((a) => articleHead(a, mainCompanyOf.get(a.id)))];
}
