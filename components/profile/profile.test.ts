import { describe, expect, it } from 'vitest';
import type { Fact } from '../../lib/dataset/schema';
import { fixtureDataset } from '../../test/fixtures/search-dataset';
import type { Profile } from './data';
import { escapeMarkdown, profileJson, profileMarkdown } from './export';
import { factSummary, groupFacts, snippet } from './text';

const base = { id: 'f', companyId: 'xtransfer', sentence: 'XTransfer raised $138 million.', articleId: 'a3' };
const funding = { ...base, type: 'funding', values: { amount: { amount: 138e6, currency: 'USD', text: '$138 million' }, round: 'Series D', leadInvestors: [{ name: 'D1' }], investors: [] } } as Fact;
const hq = { ...base, id: 'g', type: 'headquarters', values: { place: 'Shanghai' } } as Fact;

function profile(overrides: Partial<Profile> = {}): Profile {
  const company = fixtureDataset.companies.find((c) => c.id === 'xtransfer')!;
  return { company, parent: null, facts: [hq, funding], people: [], links: [], related: [], articles: [], articleTotal: 0, titles: new Map([['a3', 'XTransfer raises Series D']]), starred: true, note: '', ...overrides };
}

describe('fact text', () => {
  it('summarises facts from their values', () => {
    expect(factSummary(funding)).toBe('$138 million · Series D · led by D1');
    expect(factSummary(hq)).toBe('Based in Shanghai');
  });
  it('groups facts by type in a fixed order', () => {
    expect(groupFacts([hq, funding]).map((g) => g.label)).toEqual(['Funding', 'Headquarters']);
  });
});

describe('snippet', () => {
  const body = 'one two three four five six seven Tencent eight nine ten eleven twelve';
  it('cuts at spaces and keeps the mention offsets right', () => {
    const start = body.indexOf('Tencent');
    const s = snippet(body, start, start + 7, 12);
    expect(s.text.slice(s.start, s.end)).toBe('Tencent');
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
  });
  it('collapses whitespace and clamps bad offsets', () => {
    const s = snippet('a\n\n  Bb c', 5, 7);
    expect(s.text).toBe('a Bb c');
    expect(s.text.slice(s.start, s.end)).toBe('Bb');
    expect(snippet('abc', 10, 20).text).toBe('abc');
  });
});

describe('export', () => {
  it('writes Markdown with facts, sources and the note, escaping dataset text', () => {
    const md = profileMarkdown(profile({ note: 'Call [them](javascript:alert(1))' }));
    expect(md).toMatch(/^# XTransfer\n/);
    expect(md).toContain('## Funding');
    expect(md).toContain('(XTransfer raises Series D)');
    expect(md).toContain('Call \\[them\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('<img src=x>')).toBe('\\<img src=x\\>');
  });
  it('writes the typed relations with their sentences', () => {
    const d1 = { ...fixtureDataset.companies.find((c) => c.id === 'xtransfer')!, id: 'd1', name: 'D1 Partners' };
    const link = { from: 'd1', to: 'xtransfer', type: 'invested-in' as const, factId: 'f' };
    const md = profileMarkdown(profile({ links: [{ link, other: 'd1', label: 'Backed by', company: d1, fact: funding }] }));
    expect(md).toContain('## Relations\n\n- Backed by D1 Partners (“XTransfer raised $138 million.”)');
    expect(JSON.parse(profileJson(profile({ links: [{ link, other: 'd1', label: 'Backed by', company: d1, fact: funding }] }))).links).toEqual([
      { type: 'invested-in', from: 'd1', to: 'xtransfer', label: 'Backed by', name: 'D1 Partners', factId: 'f' },
    ]);
  });
  it('writes JSON including the user data', () => {
    const json = JSON.parse(profileJson(profile({ note: 'mine' })));
    expect(json.company.id).toBe('xtransfer');
    expect(json.user).toEqual({ starred: true, note: 'mine' });
    expect(json.facts).toHaveLength(2);
  });
});
