import { describe, expect, it } from 'vitest';
import type { Article, Fact } from '../dataset/schema';
import { Lexicon } from '../detect/lexicon';
import { extractArticle } from './extract';
import { unitsFrom } from './units';

/** Small made-up articles, one form of English each, run through the real extractor. */

const entries = [
  { id: 'acme', name: 'Acme Robotics', aliases: [{ text: 'Acme' }] },
  { id: 'acme-cloud', name: 'Acme Cloud', aliases: [], parent: 'acme' },
  { id: 'ggv', name: 'GGV Capital', aliases: [] },
  { id: 'beta', name: 'Beta Motors', aliases: [{ text: 'Beta' }] },
  { id: 'gamma', name: 'Gamma Ventures', aliases: [] },
  { id: 'regulator', name: 'Market Watchdog Authority', aliases: [] },
];
const lexicon = Lexicon.build(entries);
const names = new Map(entries.map((e) => [e.id, e.name]));
const facts = (body: string): Fact[] => {
  const article: Article = { id: 'a', title: 't', body, tags: [], source: 't.txt', position: 0 };
  return extractArticle(article, lexicon, (id) => names.get(id) ?? id, { unitOf: unitsFrom(entries) }).facts;
};
// Values are compared loosely here; the schema test checks their shape.
const of = (list: Fact[], type: string, companyId: string) =>
  list.filter((f) => f.type === type && f.companyId === companyId) as unknown as { values: Record<string, any>; date?: string }[];

describe('extraction rules', () => {
  it('does not take a venture firm raising a fund for a funding round', () => {
    expect(facts('GGV Capital raised a $2.5 billion fund to back startups in Asia.').filter((f) => f.type === 'funding')).toEqual([]);
    expect(of(facts('Beta Motors raised $40 million in a Series B round led by Gamma Ventures.'), 'funding', 'beta')).toHaveLength(1);
  });

  it('reads a possessive "its" as the company acting before it', () => {
    const got = facts('Beta Motors said its profits fell 9% last year to $6.2bn.');
    expect(of(got, 'metric', 'beta')[0]?.values).toMatchObject({ amount: { amount: 6.2e9 }, change: { percent: 9, direction: 'down' } });
  });

  it('resolves a definite description and a relative clause to the company they refer to', () => {
    const got = facts('Investors in Acme saw the move as harmful to the startup, which had raised at least $140 million up to that point.');
    expect(of(got, 'funding', 'acme')[0]?.values.amount).toMatchObject({ amount: 1.4e8, qualifier: 'at least' });
  });

  it('gives a sentence naming no company to the company the story is about', () => {
    const got = facts('Acme Robotics reported results on Monday.\n\nOperating profits were at 380m euros, up 12%.');
    expect(of(got, 'metric', 'acme')[0]?.values).toMatchObject({ amount: { amount: 3.8e8, currency: 'EUR' } });
  });

  it('keeps a unit\'s figure on the unit', () => {
    const got = facts('Acme said sales in the firm\'s cloud computing division jumped 58% in the first quarter of 2021.');
    expect(of(got, 'revenue', 'acme-cloud')[0]?.values.change).toEqual({ percent: 58, direction: 'up' });
    expect(of(got, 'revenue', 'acme-cloud')[0]?.date).toBe('2021-Q1');
  });

  it('skips forecasts and reads regulators, partners and commitments', () => {
    expect(facts('Acme expects sales to rise 20% to $3bn next year.').filter((f) => f.type === 'revenue')).toEqual([]);
    expect(of(facts('Beta Motors was hit with a probe by Market Watchdog Authority on Friday.'), 'legal', 'beta')[0]?.values).toMatchObject({ action: 'probe', by: { companyId: 'regulator' } });
    expect(of(facts('Acme has signed a strategic partnership with Beta Motors.'), 'partnership', 'beta')).toHaveLength(1);
    expect(of(facts('Acme committed in April to spend 200 billion yuan ($28 billion) over the next three years.'), 'commitment', 'acme')[0]?.values.amount.usd).toBe(2.8e10);
  });
});

describe('short forms within an article', () => {
  it('folds a later short form or initials into the full name, never the other way round', async () => {
    const { foldShortForms, isShortForm } = await import('./shortforms');
    expect(isShortForm('Marsh', 'Marsh & McLennan')).toBe(true);
    expect(isShortForm('SMFG', 'Sumitomo Mitsui Financial Group')).toBe(true);
    expect(isShortForm('BOA', 'Bank of America')).toBe(true);
    expect(isShortForm('Barclays Capital', 'Barclays')).toBe(false);
    const name = (id: string) => ({ mm: 'Marsh & McLennan', m: 'Marsh', b: 'Barclays', bc: 'Barclays Capital', g: 'Google', gc: 'Google Cloud' })[id]!;
    const at = (companyId: string, start: number) => ({ companyId, start, end: start + 1 });
    const none = () => false;
    expect(foldShortForms([at('mm', 0), at('m', 50)], name, none).map((m) => m.companyId)).toEqual(['mm', 'mm']);
    expect(foldShortForms([at('b', 0), at('bc', 50), at('b', 90)], name, none).map((m) => m.companyId)).toEqual(['b', 'bc', 'b']);
    expect(foldShortForms([at('gc', 0), at('g', 50)], name, (id) => id === 'g').map((m) => m.companyId)).toEqual(['gc', 'g']);
  });
});

describe('an opening clause', () => {
  it('gives its "its" to the description the main clause opens with', () => {
    const got = facts('The first blow fell on Acme.\nJust two days after its $4 billion IPO in New York, the robotics giant was hit with a probe by Market Watchdog Authority.');
    expect(of(got, 'ipo', 'acme')[0]?.values.amount).toMatchObject({ amount: 4e9 });
    expect(of(got, 'legal', 'acme')[0]?.values).toMatchObject({ action: 'probe', by: { companyId: 'regulator' } });
  });
});
