import { describe, expect, it } from 'vitest';
import type { Fact } from '../dataset/schema';
import { links } from './links';

const base = { sentence: 's', articleId: 'a' };
const facts = [
  { ...base, id: 'f1', companyId: 'acme', type: 'funding', values: { leadInvestors: [{ name: 'Gamma', companyId: 'gamma' }], investors: [{ name: 'Someone' }] } },
  { ...base, id: 'f2', companyId: 'beta', type: 'acquisition', values: { acquirer: { name: 'Beta', companyId: 'beta' }, target: { name: 'Acme', companyId: 'acme' } } },
  { ...base, id: 'f3', companyId: 'beta', type: 'rival', values: { rival: { name: 'Acme', companyId: 'acme' } } },
  { ...base, id: 'f4', companyId: 'acme', type: 'rival', values: { rival: { name: 'Beta', companyId: 'beta' } } },
  { ...base, id: 'f5', companyId: 'acme', type: 'legal', values: { action: 'probe', by: { name: 'Watchdog', companyId: 'watchdog' } } },
] as Fact[];

describe('typed relations', () => {
  it('derives each from the fact behind it, once per pair, plus registry parents', () => {
    expect(links(facts, [{ id: 'acme-cloud', parentId: 'acme' }, { id: 'acme' }])).toEqual([
      { from: 'acme', to: 'beta', type: 'rival', factId: 'f3' },
      { from: 'acme-cloud', to: 'acme', type: 'unit-of' },
      { from: 'beta', to: 'acme', type: 'acquired', factId: 'f2' },
      { from: 'gamma', to: 'acme', type: 'invested-in', factId: 'f1' },
      { from: 'watchdog', to: 'acme', type: 'regulator-of', factId: 'f5' },
    ]);
  });
});
