import type { Mention, Person, Relation } from '../dataset/schema';
import type { ArticleKnowledge } from './extract';
import { RelationTotals } from './relation-totals';
import { memoized } from '../util/memo';

/** Cross-article aggregates: mention counts, co-mention relations and people. */
export { SAME_ARTICLE_WEIGHT, SAME_SENTENCE_WEIGHT } from './relation-totals';

export function mentionsOf(all: readonly ArticleKnowledge[], bodies: ReadonlyMap<string, string>): Mention[] {
  const out: Mention[] = [];
  for (const k of all) {
    const body = bodies.get(k.articleId) ?? '';
    for (const m of k.mentions) out.push({ companyId: m.companyId, articleId: k.articleId, start: m.start, end: m.end, alias: body.slice(m.start, m.end) });
  }
  return out;
}

export function counts(all: readonly ArticleKnowledge[]): Map<string, { mentions: number; articles: number }> {
  const out = new Map<string, { mentions: number; articles: number }>();
  for (const k of all) {
    const seen = new Set<string>();
    for (const m of k.mentions) {
      const c = out.get(m.companyId) ?? { mentions: 0, articles: 0 };
      c.mentions++;
      if (!seen.has(m.companyId)) c.articles++;
      seen.add(m.companyId);
      out.set(m.companyId, c);
    }
  }
  return out;
}

/** The co-mention relations of these articles (relation-totals.ts), counted afresh. */
export function relations(all: readonly ArticleKnowledge[]): Relation[] {
  return new RelationTotals().update(all);
}

export const personId: (name: string) => string = memoized((name) => {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `person:${slug}`;
});

export function people(all: readonly ArticleKnowledge[]): Person[] {
  const byId = new Map<string, Person>();
  for (const k of all) {
    for (const p of k.people) {
      const id = personId(p.name);
      const person = byId.get(id) ?? { id, name: p.name, roles: [], companyIds: [], articleIds: [] };
      if (!person.roles.some((r) => r.title === p.title && r.companyId === p.companyId && r.articleId === p.articleId)) {
        person.roles.push({ title: p.title, ...(p.companyId ? { companyId: p.companyId } : {}), articleId: p.articleId, sentence: p.sentence });
      }
      if (p.companyId && !person.companyIds.includes(p.companyId)) person.companyIds.push(p.companyId);
      if (!person.articleIds.includes(p.articleId)) person.articleIds.push(p.articleId);
      byId.set(id, person);
    }
  }
  return [...byId.values()]
    .map((p) => ({ ...p, companyIds: p.companyIds.sort(), articleIds: p.articleIds.sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
