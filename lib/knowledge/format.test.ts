import { describe, expect, it } from 'vitest';
import type { Fact } from '../dataset/schema';
import { formatFact, formatMoney } from './format';
import { parseMoney } from './money';

const base = { id: 'f', companyId: 'c', sentence: 's', articleId: 'a' };

describe('the one fact formatter', () => {
  it('says a qualifier once, whatever the source wrote', () => {
    expect(formatMoney(parseMoney('over $1 billion')!)).toBe('over $1 billion');
    expect(formatMoney(parseMoney('north of $300 billion')!)).toBe('over $300 billion');
    expect(formatMoney({ amount: 3.6e9, currency: 'USD', text: 'about $3.6 billion', qualifier: 'about' })).toBe('about $3.6 billion');
    expect(formatMoney(parseMoney('200 billion yuan ($28 billion)')!)).toBe('200 billion CNY ($28 billion)');
  });
  it('never repeats a metric beside its unit, and words a fall as a fall', () => {
    const customers = { ...base, type: 'metric', values: { metric: 'customers', value: 150000, unit: 'customers' } } as Fact;
    expect(formatFact(customers)).toBe('150,000 customers');
    const sales = { ...base, type: 'revenue', values: { metric: 'European sales', change: { percent: 2.8, direction: 'down' }, period: 'last year' } } as Fact;
    expect(formatFact(sales)).toBe('European sales · down 2.8% · last year');
    const old = { ...base, type: 'revenue', values: { changePercent: -3 } } as Fact;
    expect(formatFact(old)).toBe('Revenue · down 3%');
  });
});
