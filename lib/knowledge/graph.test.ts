import { describe, expect, it } from 'vitest';
import type { ArticleKnowledge } from './extract';
import { counts, mentionsOf, people, personId, relations, SAME_ARTICLE_WEIGHT, SAME_SENTENCE_WEIGHT } from './graph';
import type { SentenceView } from './view';

/** Aggregates over articles: mention counts, co-mention relations and the people named. */

const sentence = (articleId: string, ids: string[], anaphors: string[] = []): SentenceView => ({
  articleId,
  sentence: 'S.',
  start: 0,
  end: 2,
  paragraph: 0,
  tpl: '',
  companies: [...ids.map((companyId) => ({ companyId, text: companyId })), ...anaphors.map((companyId) => ({ companyId, text: 'it', anaphor: true }))],
  money: [],
});

const article = (articleId: string, mentioned: string[], sentences: SentenceView[] = [], roles: ArticleKnowledge['people'] = []): ArticleKnowledge => ({
  articleId,
  mentions: mentioned.map((companyId, i) => ({ companyId, start: i * 10, end: i * 10 + 4 })),
  sentences,
  facts: [],
  people: roles,
});

describe('counts', () => {
  it('counts every mention and each article once per company', () => {
    const tally = counts([article('a1', ['x', 'y', 'x']), article('a2', ['x'])]);
    expect(Object.fromEntries(tally)).toEqual({ x: { mentions: 3, articles: 2 }, y: { mentions: 1, articles: 1 } });
  });
});

describe('mentionsOf', () => {
  it('takes each mention\'s text from its article body', () => {
    const bodies = new Map([['a1', 'Acme sold. Beta bought.']]);
    const k = { ...article('a1', []), mentions: [{ companyId: 'acme', start: 0, end: 4 }, { companyId: 'beta', start: 11, end: 15 }] };
    expect(mentionsOf([k], bodies)).toEqual([
      { companyId: 'acme', articleId: 'a1', start: 0, end: 4, alias: 'Acme' },
      { companyId: 'beta', articleId: 'a1', start: 11, end: 15, alias: 'Beta' },
    ]);
    expect(mentionsOf([k], new Map())[0].alias).toBe('');
  });
});

describe('relations', () => {
  it('weighs a shared sentence above a shared article, one pair per two companies', () => {
    const found = relations([
      article('a1', ['b', 'a', 'c'], [sentence('a1', ['b', 'a'])]),
      article('a2', ['a', 'b']),
    ]);
    expect(found).toEqual([
      { a: 'a', b: 'b', weight: SAME_ARTICLE_WEIGHT * 2 + SAME_SENTENCE_WEIGHT, articleIds: ['a1', 'a2'] },
      { a: 'a', b: 'c', weight: SAME_ARTICLE_WEIGHT, articleIds: ['a1'] },
      { a: 'b', b: 'c', weight: SAME_ARTICLE_WEIGHT, articleIds: ['a1'] },
    ]);
    expect(SAME_SENTENCE_WEIGHT).toBeGreaterThan(SAME_ARTICLE_WEIGHT);
  });

  it('does not count a pronoun standing for a company as a second company in the sentence', () => {
    const [only] = relations([article('a1', ['a', 'b'], [sentence('a1', ['a'], ['b']), sentence('a1', ['a', 'a'])])]);
    expect(only).toEqual({ a: 'a', b: 'b', weight: SAME_ARTICLE_WEIGHT, articleIds: ['a1'] });
  });

  it('lists pairs sorted by first then second company, with their articles sorted', () => {
    const found = relations([article('z9', ['m', 'n']), article('a1', ['n', 'm', 'b'])]);
    expect(found.map((r) => `${r.a}-${r.b}`)).toEqual(['b-m', 'b-n', 'm-n']);
    expect(found[2].articleIds).toEqual(['a1', 'z9']);
  });
});

describe('people', () => {
  const role = (name: string, title: string, articleId: string, companyId?: string) => ({ name, title, articleId, sentence: `${name} is ${title}.`, ...(companyId ? { companyId } : {}) });

  it('merges one person across articles, keeping each distinct role once', () => {
    const found = people([
      article('a2', [], [], [role('Ana Ruiz', 'chief executive', 'a2', 'acme'), role('Ana Ruiz', 'chief executive', 'a2', 'acme')]),
      article('a1', [], [], [role('Ana Ruiz', 'chair', 'a1', 'beta'), role('Bo Li', 'founder', 'a1')]),
    ]);
    expect(found).toEqual([
      {
        id: 'person:ana-ruiz',
        name: 'Ana Ruiz',
        roles: [
          { title: 'chief executive', companyId: 'acme', articleId: 'a2', sentence: 'Ana Ruiz is chief executive.' },
          { title: 'chair', companyId: 'beta', articleId: 'a1', sentence: 'Ana Ruiz is chair.' },
        ],
        companyIds: ['acme', 'beta'],
        articleIds: ['a1', 'a2'],
      },
      { id: 'person:bo-li', name: 'Bo Li', roles: [{ title: 'founder', articleId: 'a1', sentence: 'Bo Li is founder.' }], companyIds: [], articleIds: ['a1'] },
    ]);
  });

  it('keeps the same title at two companies, or in two articles, as two roles', () => {
    const [ana] = people([article('a1', [], [], [role('Ana Ruiz', 'chair', 'a1', 'acme'), role('Ana Ruiz', 'chair', 'a1', 'beta'), role('Ana Ruiz', 'chair', 'a2', 'acme')])]);
    expect(ana.roles).toHaveLength(3);
    expect(ana.companyIds).toEqual(['acme', 'beta']);
  });
});

describe('order', () => {
  it('keys each pair by its ids in order, whatever order the text named them, and lists people by id', () => {
    const found = relations([article('a1', ['zed', 'mid', 'abe'], [sentence('a1', ['zed', 'abe'])])]);
    expect(found.map((r) => [r.a, r.b, r.weight])).toEqual([
      ['abe', 'mid', SAME_ARTICLE_WEIGHT],
      ['abe', 'zed', SAME_ARTICLE_WEIGHT + SAME_SENTENCE_WEIGHT],
      ['mid', 'zed', SAME_ARTICLE_WEIGHT],
    ]);
    const role = (name: string, companyId: string, articleId: string) => ({ name, title: 'chair', companyId, articleId, sentence: 's' });
    const found2 = people([article('z', [], [], [role('Zoe Park', 'zed', 'z2'), role('Zoe Park', 'abe', 'a1'), role('Al Bo', 'mid', 'm')])]);
    expect(found2.map((p) => [p.id, p.companyIds, p.articleIds])).toEqual([
      ['person:al-bo', ['mid'], ['m']],
      ['person:zoe-park', ['abe', 'zed'], ['a1', 'z2']],
    ]);
  });

  it('does not merge two titles held at one company in one article', () => {
    const [p] = people([article('a', [], [], [{ name: 'Ana Ruiz', title: 'chair', companyId: 'acme', articleId: 'a', sentence: 's' }, { name: 'Ana Ruiz', title: 'chief executive', companyId: 'acme', articleId: 'a', sentence: 's' }])]);
    expect(p.roles.map((r) => r.title)).toEqual(['chair', 'chief executive']);
  });

  it('trims separators from both ends of a person id', () => {
    expect(personId('--Ana Ruiz!!')).toBe('person:ana-ruiz');
  });
});

describe('personId', () => {
  it('is the same for a name written with or without accents and in other case or spacing', () => {
    expect(personId('José  Álvarez')).toBe('person:jose-alvarez');
    expect(personId('JOSE ALVAREZ')).toBe('person:jose-alvarez');
    expect(personId(' Dr. Ana-María Ruiz ')).toBe('person:dr-ana-maría-ruiz'.normalize('NFKD').replace(/\p{M}/gu, ''));
  });
});
