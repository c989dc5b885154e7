import type { Article, Company, Fact, Link, Mention, Person, Relation } from '../dataset/schema';
import { dated, factText, pickKeyFacts } from './facts';
import { linkSides } from './links';
import { bestMentionSentence } from './mention';
import type { CardData, CardSource } from './types';

/**
 * The part of the store's read API a card needs (lib/store/read.ts). Passing it in keeps card
 * assembly testable with a plain fixture dataset.
 */
export interface CardReader {
  getCompany(id: string): Promise<Company | null | undefined>;
  getCompanies(ids: string[]): Promise<readonly (Company | null | undefined)[]>;
  getFactsFor(companyId: string): Promise<Fact[]>;
  getPeopleFor(companyId: string): Promise<Person[]>;
  getRelationsFor(companyId: string): Promise<Relation[]>;
  getLinksFor(companyId: string): Promise<Link[]>;
  getFacts(ids: string[]): Promise<readonly (Fact | null | undefined)[]>;
  getArticles(ids: string[]): Promise<readonly (Article | null | undefined)[]>;
  getMentionsFor(companyId: string): Promise<Mention[]>;
}

/** Co-occurrence is a weak signal: a few of the most frequent, after the typed relations. */
export const MAX_RELATED = 5;
export const MAX_LINKS = 8;
export const MAX_PEOPLE = 5;
/** Articles read for the best sentence naming a company that has no facts. */
const MAX_MENTION_ARTICLES = 30;
const MAX_SENTENCE = 600;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

async function byId<T extends { id: string }>(rows: Promise<readonly (T | null | undefined)[]>): Promise<Map<string, T>> {
  const map = new Map<string, T>();
  for (const row of await rows) if (row) map.set(row.id, row);
  return map;
}

/** Assembles the card for one company, or null when the store does not know the id. */
export async function assembleCard(reader: CardReader, id: string): Promise<CardData | null> {
  const company = await reader.getCompany(id);
  if (!company) return null;
  const [facts, people, relations, links] = await Promise.all([
    reader.getFactsFor(id),
    reader.getPeopleFor(id),
    reader.getRelationsFor(id),
    reader.getLinksFor(id),
  ]);
  const sides = linkSides(id, links).slice(0, MAX_LINKS);
  const linkFacts = await byId(reader.getFacts([...new Set(sides.flatMap((s) => (s.link.factId ? [s.link.factId] : [])))]));
  const described = company.descriptionSource === 'text' ? company.profile?.find((p) => p.field === 'description') : undefined;
  const articles = await byId(reader.getArticles([...new Set([...facts.map((f) => f.articleId), ...[...linkFacts.values()].map((f) => f.articleId), ...(described ? [described.articleId] : [])])]));
  const order = (f: Fact) => {
    const a = articles.get(f.articleId);
    return a ? articleRank(a) : -1;
  };
  const picked = pickKeyFacts(facts, dated(order));

  const mention = picked.length === 0 ? await mentionSentence(reader, id) : null;

  const typed = new Set(sides.map((s) => s.other));
  const related = relations
    .map((r) => ({ id: r.a === id ? r.b : r.a, weight: r.weight }))
    .filter((r) => r.id !== id && !typed.has(r.id))
    .sort((x, y) => y.weight - x.weight || x.id.localeCompare(y.id))
    .slice(0, MAX_RELATED);
  const linked = await byId(reader.getCompanies([...related.map((r) => r.id), ...typed, ...(company.parentId ? [company.parentId] : [])]));

  const source = (f: Fact): CardSource | null => {
    const a = articles.get(f.articleId);
    return a ? { articleId: a.id, title: clip(a.title, 300), sentence: clip(f.sentence, MAX_SENTENCE) } : null;
  };
  const founding = facts.find((f): f is Extract<Fact, { type: 'founding' }> => f.type === 'founding' && f.values.year !== undefined);
  const hq = facts.find((f): f is Extract<Fact, { type: 'headquarters' }> => f.type === 'headquarters');
  const parent = company.parentId ? linked.get(company.parentId) : undefined;

  return {
    id: company.id,
    name: company.name,
    kind: company.kind,
    description: company.description,
    ...descriptionSource(company, described && articles.get(described.articleId) ? { articleId: described.articleId, title: clip(articles.get(described.articleId)!.title, 300), sentence: clip(described.sentence, MAX_SENTENCE) } : undefined),
    parent: parent ? { id: parent.id, name: parent.name } : undefined,
    headquarters: company.headquarters ?? hq?.values.place,
    founded: company.founded ?? founding?.values.year,
    domain: company.domain,
    facts: picked.map(({ key, label, fact }) => ({ key, label, text: factText(fact), source: source(fact) })),
    ...(mention ? { mention: { ...mention, title: clip(mention.title, 300), sentence: clip(mention.sentence, MAX_SENTENCE) } } : {}),
    links: sides.flatMap(({ link, other, label }) => {
      const c = linked.get(other);
      const fact = link.factId ? linkFacts.get(link.factId) : undefined;
      const key = `${link.type}:${other}${link.from === id ? '' : ':in'}`;
      return c ? [{ key, id: c.id, name: c.name, label, source: fact ? source(fact) : null }] : [];
    }),
    related: related.flatMap((r) => {
      const c = linked.get(r.id);
      return c ? [{ id: c.id, name: c.name, weight: r.weight }] : [];
    }),
    people: people
      .map((p) => ({ name: p.name, role: p.roles.find((r) => r.companyId === id)?.title ?? p.roles[0]?.title ?? '' }))
      .slice(0, MAX_PEOPLE),
    articleCount: company.articleCount,
    mentionCount: company.mentionCount,
  };
}

/** The most informative sentence naming a company, read from the latest articles that name it. */
async function mentionSentence(reader: CardReader, id: string) {
  const mentions = await reader.getMentionsFor(id);
  const ids = [...new Set(mentions.map((m) => m.articleId))].slice(-MAX_MENTION_ARTICLES);
  const articles = await byId(reader.getArticles(ids));
  return bestMentionSentence(mentions.filter((m) => articles.has(m.articleId)), articles, articleRank);
}

/**
 * Corpus order of an article as one number: source files are named so that they sort in the
 * order they were collected, and position orders articles within a file.
 */
function articleRank(a: Article): number {
  const file = /^(\d+)/.exec(a.source.split('/').pop() ?? '');
  return (file ? Number(file[1]) : 0) * 100_000 + a.position;
}

/** A description read from the corpus carries its sentence; a curated one carries nothing. */
function descriptionSource(company: Company, source: CardSource | undefined): Pick<CardData, 'descriptionSource'> {
  return company.descriptionSource === 'text' && source ? { descriptionSource: source } : {};
}
