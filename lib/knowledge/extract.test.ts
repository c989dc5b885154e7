import { describe, expect, it } from 'vitest';
import type { Article, Fact } from '../dataset/schema';
import { Lexicon } from '../detect/lexicon';
import { extractArticle } from './extract';
import { unitsFrom } from './units';
import { sentenceViews } from './view';

/** Small made-up articles, one form of English each, run through the real extractor. */

const entries = [
  { id: 'acme', name: 'Acme Robotics', aliases: [{ text: 'Acme' }] },
  { id: 'acme-cloud', name: 'Acme Cloud', aliases: [], parent: 'acme' },
  { id: 'ggv', name: 'GGV Capital', aliases: [] },
  { id: 'beta', name: 'Beta Motors', aliases: [{ text: 'Beta' }] },
  { id: 'gamma', name: 'Gamma Ventures', aliases: [] },
  { id: 'regulator', name: 'Market Watchdog Authority', aliases: [] },
  // A one-letter alias, as a discovered or listed name can have: never the letter of a "Series B" round.
  { id: 'bee', name: 'B Holdings', aliases: [{ text: 'B' }] },
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
    expect(isShortForm('Dorn', 'Dorn & Hale')).toBe(true);
    expect(isShortForm('KMFG', 'Korvex Mutual Finance Group')).toBe(true);
    expect(isShortForm('BON', 'Bank of Norland')).toBe(true);
    expect(isShortForm('Brightwater Capital', 'Brightwater')).toBe(false);
    const name = (id: string) => ({ mm: 'Dorn & Hale', m: 'Dorn', b: 'Brightwater', bc: 'Brightwater Capital', g: 'Lumo', gc: 'Lumo Cloud' })[id]!;
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

describe('deal forms', () => {
  it('reads the letter of "Series B" as the round, not as an organisation', () => {
    const got = facts('Acme had earlier raised $30 million in a Series B round.');
    expect(of(got, 'funding', 'acme')[0]?.values).toMatchObject({ amount: { amount: 3e7 }, round: 'Series B' });
    expect(got.some((f) => f.companyId === 'bee')).toBe(false);
  });

  it('looks past adverbs and a comma aside between the company and its verb', () => {
    const got = facts('Beta Motors, well placed in a fast-growing market, has meanwhile raised $100 million in a Series A round.');
    expect(of(got, 'funding', 'beta')[0]?.values.amount).toMatchObject({ amount: 1e8 });
  });

  it('never funds a company in a round it leads', () => {
    const got = facts('Gamma Ventures had a busy week.\nIt has also just received $174m in a Gamma Ventures-led series B round.');
    expect(of(got, 'funding', 'gamma')).toEqual([]);
  });

  it('reads a passive "raised by", a sum provided for a company\'s round and a round owned by the subject', () => {
    expect(of(facts('It follows $1.6 billion raised by carmaker Beta Motors\'s robot unit Acme through a Series B round in 2017.'), 'funding', 'acme')[0]?.values).toMatchObject({
      amount: { amount: 1.6e9 },
      round: 'Series B',
    });
    expect(of(facts('Two funds owned by Gamma Ventures have provided $90m for Acme as part of its $310m series D round.'), 'funding', 'acme')[0]?.values.amount).toMatchObject({ amount: 9e7 });
    const own = facts('Acme followed a $25m pre-series D round in March backed by Gamma Ventures at a $480m valuation.');
    expect(of(own, 'funding', 'acme')[0]?.values).toMatchObject({ amount: { amount: 2.5e7 }, investors: [{ companyId: 'gamma' }] });
    expect(of(own, 'valuation', 'acme')[0]?.values.amount).toMatchObject({ amount: 4.8e8 });
    expect(of(facts('Gamma Ventures led a $40m round in March.'), 'funding', 'gamma')).toEqual([]);
  });

  it('reads "valued X at", IPO proceeds, stakes taken with a percentage and a share sale to investors', () => {
    expect(of(facts('The series E round valued Acme at $2.1bn.'), 'valuation', 'acme')[0]?.values.amount).toMatchObject({ amount: 2.1e9 });
    expect(of(facts('Acme, a rival of Beta Motors, raised $3.7 billion in the IPO.'), 'ipo', 'acme')[0]?.values.amount).toMatchObject({ amount: 3.7e9 });
    expect(of(facts('Beta Motors will also assume 1.46 percent ownership of Acme, amounting to $90 million.'), 'stake', 'beta')[0]?.values.percent).toBe(1.46);
    expect(of(facts('Gamma Ventures had also acquired 2.75 percent shares in Acme.'), 'stake', 'gamma')[0]?.values.percent).toBe(2.75);
    expect(of(facts('Acme sold on Tuesday 9 percent of its shares, worth $1.3 billion, to several new investors.'), 'funding', 'acme')[0]?.values.amount).toMatchObject({ amount: 1.3e9 });
  });
});

describe('profile and count forms', () => {
  it('reads lists of founders and the head office', () => {
    expect(of(facts('Acme founders (from left) Ann Varga, Lee Moss, and Bo Tan met in 2015.'), 'founding', 'acme')[0]?.values.founders).toEqual(['Ann Varga', 'Lee Moss', 'Bo Tan']);
    const got = facts('Acme will keep its head office in Norway under the leadership of founders Ann Varga and Lee Moss.');
    expect(of(got, 'headquarters', 'acme')[0]?.values.place).toBe('Norway');
    expect(of(got, 'founding', 'acme')[0]?.values.founders).toEqual(['Ann Varga', 'Lee Moss']);
  });

  it('reads a place after a description and before a longer one', () => {
    expect(of(facts('Beta Motors is the parent company of Acme, a startup company based in Oslo, Norway which makes robots.'), 'headquarters', 'acme')[0]?.values.place).toBe('Oslo, Norway');
    expect(of(facts('Norway-headquartered robotics and software group Acme said so.'), 'headquarters', 'acme')[0]?.values.place).toBe('Norway');
  });

  it('counts people after describing words, in "with N users" and in short scale words', () => {
    expect(of(facts('Acme runs an online platform with more than 160 million monthly users.'), 'metric', 'acme')[0]?.values).toMatchObject({ value: 1.6e8, unit: 'users' });
    expect(of(facts('Acme has 275,000 active online retail customer in the first quarter.'), 'metric', 'acme')[0]?.values).toMatchObject({ value: 275000, unit: 'customers' });
    const got = facts("Acme's 512m active buyers overtook Beta Motors's 497m annual shopper count.");
    expect(of(got, 'metric', 'acme')[0]?.values.value).toBe(5.12e8);
    expect(of(got, 'metric', 'beta')[0]?.values).toMatchObject({ value: 4.97e8, unit: 'shoppers' });
    expect(of(facts('Acme has 5 percent of users in Norway.'), 'metric', 'acme')).toEqual([]);
  });
});

describe('references and owners', () => {
  it('reads "the X-led round" as no subject, so "the company" is the passage\'s company', () => {
    const got = facts('Acme has received $100m in a series C round.\nThe Gamma Ventures-led round almost doubled the company\'s overall funding to $200m.');
    expect(of(got, 'funding', 'gamma')).toEqual([]);
  });

  it('does not fund a company introduced as an investor, nor resolve an empty "it"', () => {
    expect(facts('An app store has raised $4 million in a Series A deal led by a fund with Beta Motors and seed round investor Gamma Ventures participating.').filter((f) => f.type === 'funding')).toEqual([]);
    const body = 'Beta Motors bought a plant.\nIt is notable that prices rose. It has also raised $5m.';
    const views = sentenceViews('a', body, lexicon.mentions(body).map((m) => ({ start: m.start, end: m.end, companyId: lexicon.companyIds[m.companyIndex] })));
    expect(views.map((v) => v.tpl.slice(0, 12))).toEqual(['⟦C0⟧ bought ', 'It is notabl', '⟦C0⟧ has als']);
  });

  it('gives a count after "with" to the clause\'s first company and skips a handful of people', () => {
    const got = facts('Analysts were surprised as Acme overtook rivals Beta Motors and Gamma Ventures with 512m annual active buyers last year.');
    expect(of(got, 'metric', 'acme')[0]?.values.value).toBe(5.12e8);
    expect(of(got, 'metric', 'gamma')).toEqual([]);
    expect(facts('Acme was criticised after the death of two employees.').filter((f) => f.type === 'metric')).toEqual([]);
  });
});

describe('leadership in a sentence naming one organisation', () => {
  it('gives titled people and changes of role to the one organisation in view, never a head of state\'s style', () => {
    const got = facts('Under the new leadership of chairman Ann Varga and CEO Lee Moss, Acme aims to reverse its fortunes.');
    expect(of(got, 'leadership', 'acme').map((f) => [f.values.person, f.values.role])).toEqual([
      ['Ann Varga', 'chairman'],
      ['Lee Moss', 'CEO'],
    ]);
    const left = facts('Ann Varga founded Acme in 1998.\n\nWith a 14% stake in Acme, Varga will remain chairman of the board.');
    expect(of(left, 'leadership', 'acme')[0]?.values).toMatchObject({ person: 'Ann Varga', role: 'chairman' });
    expect(of(facts('Acme was accused of funding the campaign of President Bo Tan.'), 'leadership', 'acme')).toEqual([]);
    expect(of(facts('Chairman Ann Varga of Beta Motors praised Acme.'), 'leadership', 'acme')).toEqual([]);
  });
});

describe('more figure forms', () => {
  it('funds a company whose round names a fund as investor, reads "X, valued at" and a user base', () => {
    const got = facts('Biotech startup Acme, well placed in its market, has raised a $100 million, Series A investment led by Gamma Ventures, a parallel fund from Beta Motors.');
    expect(of(got, 'funding', 'acme')[0]?.values.amount).toMatchObject({ amount: 1e8 });
    expect(of(facts('Shares in Acme, valued at close to $120bn (£86bn), fell by nearly 6%.'), 'valuation', 'acme')[0]?.values.amount).toMatchObject({ amount: 1.2e11 });
    const base = facts("Sales grew 9% to $4.1bn, with Acme's global internet user base up 17.2 per cent to 318.6 million.");
    expect(of(base, 'metric', 'acme')[0]?.values).toMatchObject({ value: 318.6e6, unit: 'users', change: { percent: 17.2, direction: 'up' } });
  });
});

describe('an investment vehicle', () => {
  it('reads "the vehicle" as the investment company the passage is about', () => {
    const got = facts('Gamma Ventures closed its first fund on Monday.\nThe financial vehicle was co-founded by Ann Varga, a former banker.');
    expect(of(got, 'founding', 'gamma')[0]?.values.founders).toEqual(['Ann Varga']);
  });
});

describe('acquisition forms', () => {
  it('reads "part of X when it snapped up Y in a $N merger" and a sale of a possessed unit to a buyer', () => {
    const got = facts('These businesses became part of Acme when it snapped up rival carmaker Beta Motors in a $31bn merger last May.');
    expect(of(got, 'acquisition', 'acme')[0]?.values).toMatchObject({ target: { companyId: 'beta' }, amount: { amount: 3.1e10 } });
    const sold = facts("The state seized and sold Acme's main unit, Beta Motors, to state-run group Gamma Ventures for $9.3bn.");
    expect(of(sold, 'acquisition', 'gamma')[0]?.values).toMatchObject({ target: { companyId: 'beta' }, amount: { amount: 9.3e9 } });
  });
});

describe('a role held for an organisation', () => {
  it('reads "X, a former managing director for Y" like "of Y"', () => {
    const got = facts('The startup was founded by Ann Varga, a former managing director for Gamma Ventures responsible for health deals.');
    expect(of(got, 'leadership', 'gamma')[0]?.values).toMatchObject({ person: 'Ann Varga', role: 'former managing director', status: 'former' });
  });
});
