import type { Mention, Person, Relation } from '../dataset/schema';
import type { ArticleKnowledge } from './extract';

/**
 * Cross-article aggregates: mention counts, co-mention relations and people. Two companies named
 * in the same sentence are far more likely to be related (a deal, a rivalry) than two named
 * somewhere in the same long roundup, so a shared sentence weighs more than a shared article.
 */
export const SAME_ARTICLE_WEIGHT = 1;
export const SAME_SENTENCE_WEIGHT = 3;

export function mentionsOf(all: readonly ArticleKnowledge[], bodies: Map<string, string>): Mention[] {
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

export function relations(all: readonly ArticleKnowledge[]): Relation[] {
  // Pairs by their first company, then their second: no pair key to build and split again, and
  // the output comes out sorted by sorting the companies rather than every pair.
  const byFirst = new Map<string, Map<string, { weight: number; articleIds: string[] }>>();
  const bump = (a: string, b: string, weight: number, articleId: string) => {
    let second = byFirst.get(a);
    if (!second) byFirst.set(a, (second = new Map()));
    let r = second.get(b);
    if (!r) second.set(b, (r = { weight: 0, articleIds: [] }));
    r.weight += weight;
    r.articleIds.push(articleId);
  };
  const pairs = (ids: Set<string>, weight: number, articleId: string) => {
    const list = [...ids].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) bump(list[i], list[j], weight, articleId);
  };
  for (const k of all) {
    pairs(new Set(k.mentions.map((m) => m.companyId)), SAME_ARTICLE_WEIGHT, k.articleId);
    for (const s of k.sentences) {
      const ids = new Set(s.companies.filter((c) => !c.anaphor).map((c) => c.companyId));
      if (ids.size > 1) pairs(ids, SAME_SENTENCE_WEIGHT, k.articleId);
    }
  }
  const out: Relation[] = [];
  for (const a of [...byFirst.keys()].sort()) {
    const second = byFirst.get(a)!;
    for (const b of [...second.keys()].sort()) {
      const r = second.get(b)!;
      out.push({ a, b, weight: r.weight, articleIds: uniqueSorted(r.articleIds) });
    }
  }
  return out;
}

function uniqueSorted(ids: string[]): string[] {
  ids.sort();
  return ids.filter((id, i) => i === 0 || id !== ids[i - 1]);
}

export function personId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `person:${slug}`;
}

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
