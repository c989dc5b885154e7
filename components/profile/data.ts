import type { Article, Company, Fact, Mention, Person } from '../../lib/dataset/schema';
import { linkSides, type LinkSide } from '../../lib/cards/links';
import { getArticles, getCompanies, getCompany, getFacts, getFactsFor, getLinksFor, getMentionsFor, getPeopleFor, getRelationsFor, readSnapshot } from '../../lib/store/read';
import { getNote, isStarred } from '../../lib/store/user';

/** Articles shown with their mention snippets; the profile lists the rest only as a count. */
export const MAX_ARTICLES = 25;

export interface RelatedCompany {
  company: Company;
  weight: number;
  articleIds: string[];
}

/** A typed relation seen from the profile's company, with the company and the fact behind it. */
export interface TypedRelation extends LinkSide {
  company: Company;
  fact: Fact | null;
}

export interface ArticleMentions {
  article: Article;
  mentions: Mention[];
}

export interface Profile {
  company: Company;
  parent: Company | null;
  facts: Fact[];
  people: Person[];
  /** Typed relations, best first (lib/cards/links.ts). */
  links: TypedRelation[];
  /** Companies named together with this one, heaviest first (typed ones included). */
  related: RelatedCompany[];
  articles: ArticleMentions[];
  /** Articles mentioning the company, including those not loaded. */
  articleTotal: number;
  /** Titles of every article a fact or role cites, by id. */
  titles: Map<string, string>;
  starred: boolean;
  note: string;
}

/** Everything the profile page shows for one company, or null when the dataset lacks it. */
export async function loadProfile(id: string): Promise<Profile | null> {
  const [starred, note] = await Promise.all([isStarred(id), getNote(id)]);
  // One snapshot of the dataset, so a sync finishing meanwhile never mixes two datasets.
  return readSnapshot(() => loadDatasetPart(id, starred, note?.text ?? ''));
}

async function loadDatasetPart(id: string, starred: boolean, note: string): Promise<Profile | null> {
  const company = await getCompany(id);
  if (!company) return null;
  const [parent, facts, people, relations, mentions, links] = await Promise.all([
    company.parentId ? getCompany(company.parentId) : Promise.resolve(null),
    getFactsFor(id),
    getPeopleFor(id),
    getRelationsFor(id),
    getMentionsFor(id),
    getLinksFor(id),
  ]);
  const sides = linkSides(id, links);
  const linkFacts = new Map((await getFacts([...new Set(sides.flatMap((s) => (s.link.factId ? [s.link.factId] : [])))])).map((f) => [f.id, f]));
  const byArticle = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byArticle.get(m.articleId);
    if (list) list.push(m);
    else byArticle.set(m.articleId, [m]);
  }
  const shownIds = [...byArticle.keys()].slice(0, MAX_ARTICLES);
  const cited = new Set([...facts.map((f) => f.articleId), ...[...linkFacts.values()].map((f) => f.articleId), ...people.flatMap((p) => p.roles.map((r) => r.articleId))]);
  const articles = await getArticles([...new Set([...shownIds, ...cited])]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const others = relations.map((r) => (r.a === id ? r.b : r.a));
  const relatedCompanies = new Map((await getCompanies([...new Set([...others, ...sides.map((s) => s.other)])])).map((c) => [c.id, c]));
  return {
    company,
    parent,
    facts,
    people,
    links: sides.flatMap((side) => {
      const other = relatedCompanies.get(side.other);
      return other ? [{ ...side, company: other, fact: (side.link.factId && linkFacts.get(side.link.factId)) || null }] : [];
    }),
    related: relations.flatMap((r) => {
      const other = relatedCompanies.get(r.a === id ? r.b : r.a);
      return other ? [{ company: other, weight: r.weight, articleIds: r.articleIds }] : [];
    }),
    articles: shownIds.flatMap((aid) => {
      const article = articleById.get(aid);
      return article ? [{ article, mentions: byArticle.get(aid)! }] : [];
    }),
    articleTotal: byArticle.size,
    titles: new Map(articles.map((a) => [a.id, a.title])),
    starred,
    note,
  };
}
