import { describe, expect, it } from 'vitest';
import type { Article, Company, Fact, Link, Person, Relation } from '../dataset/schema';
import { assembleCard, type CardReader } from './assemble';

const company = (id: string, name: string, extra: Partial<Company> = {}): Company => ({
  id,
  name,
  aliases: [],
  kind: 'company',
  description: `${name} description`,
  mentionCount: 3,
  articleCount: 2,
  ...extra,
});
const usd = (amount: number, text: string) => ({ amount, currency: 'USD', text, usd: amount });
const article = (id: string, source: string, position: number): Article => ({
  id,
  title: `Title of ${id}`,
  body: '',
  tags: [],
  source,
  position,
});

const companies = [
  company('xtransfer', 'XTransfer', { headquarters: 'Shanghai', parentId: 'ant-group' }),
  company('ant-group', 'Ant Group'),
  company('d1-partners', 'D1 Partners', { kind: 'investor' }),
  company('paypal', 'PayPal'),
];
const articles = [article('a1', 'seeds/corpus/001_x.txt', 0), article('a2', 'seeds/corpus/004_y.txt', 2)];
const facts: Fact[] = [
  {
    id: 'f1',
    companyId: 'xtransfer',
    type: 'funding',
    sentence: 'The Series C round, led by D1 Partners, pulled in $138 million.',
    articleId: 'a1',
    values: { amount: usd(138e6, '$138 million'), round: 'Series C', leadInvestors: [{ name: 'D1 Partners', companyId: 'd1-partners' }], investors: [] },
  },
  {
    id: 'f2',
    companyId: 'xtransfer',
    type: 'funding',
    sentence: 'XTransfer raised $10 million more.',
    articleId: 'a2',
    values: { amount: usd(10e6, '$10 million'), leadInvestors: [], investors: [{ name: 'PayPal' }] },
  },
  {
    id: 'f3',
    companyId: 'xtransfer',
    type: 'valuation',
    sentence: 'catapulted Xtransfer’s valuation to over $1 billion',
    articleId: 'a1',
    values: { amount: { ...usd(1e9, 'over $1 billion'), qualifier: 'over' } },
  },
  { id: 'f4', companyId: 'xtransfer', type: 'founding', sentence: 'Founded in 2017', articleId: 'a1', values: { year: 2017, founders: [] } },
];
const relations: Relation[] = [
  { a: 'ant-group', b: 'xtransfer', weight: 2, articleIds: ['a1'] },
  { a: 'paypal', b: 'xtransfer', weight: 5, articleIds: ['a2'] },
  { a: 'ghost', b: 'xtransfer', weight: 9, articleIds: ['a2'] },
];
const people: Person[] = [
  { id: 'p1', name: 'Bill Deng', roles: [{ title: 'CEO', companyId: 'xtransfer', articleId: 'a1', sentence: '...' }], companyIds: ['xtransfer'], articleIds: ['a1'] },
];

const reader: CardReader = {
  getCompany: async (id) => companies.find((c) => c.id === id),
  getCompanies: async (ids) => ids.map((id) => companies.find((c) => c.id === id)),
  getFactsFor: async (id) => facts.filter((f) => f.companyId === id),
  getPeopleFor: async (id) => people.filter((p) => p.companyIds.includes(id)),
  getRelationsFor: async (id) => relations.filter((r) => r.a === id || r.b === id),
  getArticles: async (ids) => ids.map((id) => articles.find((a) => a.id === id)),
  getLinksFor: async () => [],
  getFacts: async (ids) => ids.map((id) => facts.find((f) => f.id === id)),
  getMentionsFor: async () => [],
};

describe('moneyText', () => {
  it('adds a qualifier only when the text does not already carry it', async () => {
    const { moneyText } = await import('./facts');
    expect(moneyText({ ...usd(1e9, 'over $1 billion'), qualifier: 'over' })).toBe('over $1 billion');
    expect(moneyText({ ...usd(1e9, '$1 billion'), qualifier: 'about' })).toBe('about $1 billion');
    expect(moneyText(undefined)).toBe('');
  });
});

describe('assembleCard', () => {
  it('gives a curated description no source, and gives a description read from text its sentence', async () => {
    const curated = await assembleCard({ ...reader, getCompany: async () => company('xtransfer', 'XTransfer', { descriptionSource: 'curated' }) }, 'xtransfer');
    expect(curated!.descriptionSource).toBeUndefined();
    const sentence = 'Shanghai-based XTransfer, which helps exporters collect payments, grew.';
    const fromText = company('xtransfer', 'XTransfer', {
      description: 'Helps exporters collect payments',
      descriptionSource: 'text',
      profile: [{ field: 'description', text: 'which helps exporters collect payments', sentence, articleId: 'a2' }],
    });
    const card = await assembleCard({ ...reader, getCompany: async () => fromText }, 'xtransfer');
    expect(card!.descriptionSource).toEqual({ articleId: 'a2', title: 'Title of a2', sentence });
  });
  it('returns null for an unknown company', async () => {
    expect(await assembleCard(reader, 'nobody')).toBeNull();
  });

  it('shows the identity, with founding year read from a fact when the registry has none', async () => {
    const card = await assembleCard(reader, 'xtransfer');
    expect(card).toMatchObject({
      id: 'xtransfer',
      name: 'XTransfer',
      kind: 'company',
      headquarters: 'Shanghai',
      founded: 2017,
      parent: { id: 'ant-group', name: 'Ant Group' },
      articleCount: 2,
      mentionCount: 3,
      people: [{ name: 'Bill Deng', role: 'CEO' }],
    });
  });

  it('picks the largest and the latest funding separately, each with its source', async () => {
    const card = (await assembleCard(reader, 'xtransfer'))!;
    expect(card.facts.map((f) => [f.key, f.text])).toEqual([
      ['funding-largest', '$138 million · Series C · led by D1 Partners'],
      ['funding-latest', '$10 million · with PayPal'],
      ['valuation', 'over $1 billion'],
    ]);
    expect(card.facts[0].source).toEqual({
      articleId: 'a1',
      title: 'Title of a1',
      sentence: 'The Series C round, led by D1 Partners, pulled in $138 million.',
    });
  });

  it('lists related companies by weight and skips ids the store does not know', async () => {
    const card = (await assembleCard(reader, 'xtransfer'))!;
    expect(card.related).toEqual([
      { id: 'paypal', name: 'PayPal', weight: 5 },
      { id: 'ant-group', name: 'Ant Group', weight: 2 },
    ]);
  });

  it('merges one funding round that is both the largest and the latest', async () => {
    const card = (await assembleCard({ ...reader, getFactsFor: async () => [facts[0]] }, 'xtransfer'))!;
    expect(card.facts.map((f) => f.label)).toEqual(['Largest and latest funding']);
  });

  it('lists typed relations first, each with its fact, and keeps only the other co-named companies as related', async () => {
    const links: Link[] = [
      { from: 'xtransfer', to: 'paypal', type: 'rival' },
      { from: 'd1-partners', to: 'xtransfer', type: 'invested-in', factId: 'f1' },
      // The same relation read again from another fact shows once, with its first fact.
      { from: 'd1-partners', to: 'xtransfer', type: 'invested-in', factId: 'f2' },
      { from: 'paypal', to: 'ghost', type: 'partner' },
    ];
    const card = (await assembleCard({ ...reader, getLinksFor: async (id) => links.filter((l) => l.from === id || l.to === id) }, 'xtransfer'))!;
    expect(card.links).toEqual([
      { key: 'invested-in:d1-partners:in', id: 'd1-partners', name: 'D1 Partners', label: 'Backed by', source: { articleId: 'a1', title: 'Title of a1', sentence: facts[0].sentence } },
      { key: 'rival:paypal', id: 'paypal', name: 'PayPal', label: 'Rival of', source: null },
    ]);
    expect(card.related).toEqual([{ id: 'ant-group', name: 'Ant Group', weight: 2 }]);
  });

  it('shows the most informative recent sentence naming a company that has no facts, with its source and date', async () => {
    const body = 'Quillon Tools\n\nQuillon Tools opened a plant in Leeds last year, hiring 200 people for Beta Motors.\n\nQuillon Tools is a name.';
    const dated: Article = { ...article('a3', 'x/009_z.txt', 0), body, date: '2025-03-03' };
    const at = (text: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = body.indexOf(text, i + 1);
      return { companyId: 'quillon', articleId: 'a3', start: i, end: i + text.length, alias: text };
    };
    const card = (await assembleCard(
      {
        ...reader,
        getCompany: async () => company('quillon', 'Quillon Tools'),
        getFactsFor: async () => [],
        getArticles: async (ids) => ids.map((id) => (id === 'a3' ? dated : undefined)),
        getMentionsFor: async () => [at('Quillon Tools', 0), at('Quillon Tools', 1), at('Quillon Tools', 2)],
      },
      'quillon',
    ))!;
    expect(card.facts).toEqual([]);
    expect(card.mention).toEqual({ articleId: 'a3', title: 'Title of a3', sentence: 'Quillon Tools opened a plant in Leeds last year, hiring 200 people for Beta Motors.', date: '2025-03-03' });
    expect((await assembleCard(reader, 'xtransfer'))!.mention).toBeUndefined();
  });
});
