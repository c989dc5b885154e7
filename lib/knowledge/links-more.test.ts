import { describe, expect, it } from 'vitest';
import type { Fact } from '../dataset/schema';
import { links } from './links';
import { unitsFrom } from './units';

/** More typed relations: stakes, partners, plain investors, and what never becomes a link. */

const base = { sentence: 's', articleId: 'a' };
const party = (companyId?: string) => ({ name: companyId ?? 'Unknown', ...(companyId ? { companyId } : {}) });

describe('links', () => {
  it('links every investor of a round, a stake holder to its target, and partners once in id order', () => {
    const facts = [
      { ...base, id: 'f1', companyId: 'acme', type: 'funding', values: { leadInvestors: [], investors: [party('zeta'), party('beta'), party()] } },
      { ...base, id: 'f2', companyId: 'zeta', type: 'stake', values: { holder: party('zeta'), target: party('beta'), percent: 5 } },
      { ...base, id: 'f3', companyId: 'zeta', type: 'partnership', values: { partner: party('acme') } },
      { ...base, id: 'f4', companyId: 'acme', type: 'partnership', values: { partner: party('zeta') } },
    ] as Fact[];
    expect(links(facts, [])).toEqual([
      { from: 'acme', to: 'zeta', type: 'partner', factId: 'f3' },
      { from: 'beta', to: 'acme', type: 'invested-in', factId: 'f1' },
      { from: 'zeta', to: 'acme', type: 'invested-in', factId: 'f1' },
      { from: 'zeta', to: 'beta', type: 'holds-stake-in', factId: 'f2' },
    ]);
  });

  it('makes no link to an unknown party, to itself, or from a fact that names no other company', () => {
    const facts = [
      { ...base, id: 'f1', companyId: 'acme', type: 'acquisition', values: { acquirer: party('acme'), target: party() } },
      { ...base, id: 'f2', companyId: 'acme', type: 'legal', values: { action: 'fine' } },
      { ...base, id: 'f3', companyId: 'acme', type: 'rival', values: { rival: party('acme') } },
      { ...base, id: 'f4', companyId: 'acme', type: 'headquarters', values: { place: 'Leeds' } },
    ] as Fact[];
    expect(links(facts, [{ id: 'acme' }, { id: 'loop', parentId: 'loop' }])).toEqual([]);
  });

  it('keeps a one-way relation in both directions as two links', () => {
    const facts = [
      { ...base, id: 'f1', companyId: 'b', type: 'acquisition', values: { acquirer: party('a'), target: party('b') } },
      { ...base, id: 'f2', companyId: 'a', type: 'acquisition', values: { acquirer: party('b'), target: party('a') } },
    ] as Fact[];
    expect(links(facts, []).map((l) => `${l.from}>${l.to}`)).toEqual(['a>b', 'b>a']);
  });
});

describe('unitsFrom', () => {
  const unitOf = unitsFrom([
    { id: 'acme', name: 'Acme Group' },
    { id: 'acme-cloud', name: 'Acme Cloud Computing', parent: 'acme' },
    { id: 'acme-pay', name: 'Acme Payments', parent: 'acme' },
    { id: 'acme-net', name: 'Acme Net', parent: 'acme' },
    { id: 'other', name: 'Other Cloud', parent: 'elsewhere' },
  ]);

  it('finds the unit whose name carries a word of the description', () => {
    expect(unitOf('acme', 'cloud computing')).toBe('acme-cloud');
    expect(unitOf('acme', 'Payments')).toBe('acme-pay');
  });

  it('never takes a word the unit shares with its parent\'s name as distinctive', () => {
    const only = unitsFrom([
      { id: 'zeta', name: 'Zeta Holdings' },
      { id: 'zeta-cloud', name: 'Zeta Holdings Cloud', parent: 'zeta' },
    ]);
    expect(only('zeta', "the holdings' business")).toBeUndefined();
    expect(only('zeta', 'HOLDINGS')).toBeUndefined();
    expect(only('zeta', 'the  CLOUD,  unit')).toBe('zeta-cloud');
  });

  it('finds nothing for words of the parent\'s own name, short words, another parent, or two matches', () => {
    expect(unitOf('acme', 'acme')).toBeUndefined();
    expect(unitOf('acme', 'net')).toBeUndefined();
    expect(unitOf('nobody', 'cloud')).toBeUndefined();
    expect(unitOf('acme', 'cloud payments')).toBeUndefined();
  });
});
