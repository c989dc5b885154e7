import { describe, expect, it } from 'vitest';
import type { Fact } from '../dataset/schema';
import { formatChange, formatFact, formatMoney, formatNumber } from './format';

/** The line a card, the popup and the profile show for each kind of fact. */

const base = { id: 'f', companyId: 'c', sentence: 's', articleId: 'a' };
const fact = (type: string, values: object) => ({ ...base, type, values }) as Fact;
const usd = (amount: number, qualifier?: string) => ({ amount, currency: 'USD', text: 'x', ...(qualifier ? { qualifier } : {}) });
const party = (name: string) => ({ name });

describe('numbers and money', () => {
  it('uses scale words from a million up, grouped digits below', () => {
    expect(formatNumber(1_500_000_000)).toBe('1.5 billion');
    expect(formatNumber(2e12)).toBe('2 trillion');
    expect(formatNumber(1e6)).toBe('1 million');
    expect(formatNumber(999_999)).toBe('999,999');
    expect(formatNumber(12.345)).toBe('12.35');
    expect(formatNumber(-3_250_000)).toBe('-3.25 million');
  });

  it('writes known currencies with their symbol, others by code, and the USD figure beside a foreign amount', () => {
    expect(formatMoney({ amount: 5e6, currency: 'GBP', text: 'x' })).toBe('£5 million');
    expect(formatMoney({ amount: 7e9, currency: 'HKD', text: 'x', usd: 9e8 })).toBe('HK$7 billion ($900 million)');
    expect(formatMoney({ amount: 300, currency: 'CHF', text: 'x' })).toBe('300 CHF');
    expect(formatMoney({ amount: 2e6, currency: 'USD', text: 'x', usd: 2e6 })).toBe('$2 million');
    expect(formatMoney(undefined)).toBe('');
  });

  it('words a change by its direction, from either form', () => {
    expect(formatChange({ percent: 4, direction: 'up' })).toBe('up 4%');
    expect(formatChange(undefined, 2.5)).toBe('up 2.5%');
    expect(formatChange(undefined, -7)).toBe('down 7%');
    expect(formatChange(undefined, 0)).toBe('up 0%');
    expect(formatChange(undefined)).toBe('');
  });
});

describe('formatFact', () => {
  it('funding: amount, round, leads and other investors; "Funding round" without an amount', () => {
    expect(formatFact(fact('funding', { amount: usd(2e7), round: 'Series B', leadInvestors: [party('Alpha'), party('Beta')], investors: [party('Gamma')] }))).toBe('$20 million · Series B · led by Alpha, Beta · with Gamma');
    expect(formatFact(fact('funding', { leadInvestors: [], investors: [] }))).toBe('Funding round');
  });

  it('valuation, acquisition (with a stake) and stake', () => {
    expect(formatFact(fact('valuation', { amount: usd(1e9, 'over') }))).toBe('over $1 billion');
    expect(formatFact(fact('acquisition', { acquirer: party('Acme'), target: party('Beta'), amount: usd(5e8) }))).toBe('Acme acquires Beta · $500 million');
    expect(formatFact(fact('acquisition', { acquirer: party('Acme'), target: party('Beta'), stakePercent: 30 }))).toBe('Acme acquires 30% of Beta');
    expect(formatFact(fact('stake', { holder: party('Acme'), target: party('Beta'), percent: 12.5 }))).toBe('Acme holds 12.5% of Beta');
  });

  it('ipo with what is known', () => {
    expect(formatFact(fact('ipo', { venue: 'Nasdaq', amount: usd(1e9), valuation: usd(1e10), sharePrice: usd(20) }))).toBe('IPO · Nasdaq · raising $1 billion · valued at $10 billion · at $20 a share');
    expect(formatFact(fact('ipo', {}))).toBe('IPO');
  });

  it('metric: a count with its unit, a money figure, a percentage, a label when the unit does not name it', () => {
    expect(formatFact(fact('metric', { metric: 'staff', value: 1200, unit: 'employees' }))).toBe('Staff · 1,200 employees');
    expect(formatFact(fact('metric', { metric: 'Market share', value: 12, unit: '%' }))).toBe('Market share · 12%');
    expect(formatFact(fact('metric', { metric: 'profit', amount: usd(3e6), change: { percent: 5, direction: 'up' }, period: '2004' }))).toBe('Profit · $3 million · up 5% · 2004');
    expect(formatFact(fact('metric', { metric: 'Users', value: 5e6, unit: 'users' }))).toBe('5 million users');
    expect(formatFact(fact('metric', { metric: 'outlets', value: 40 }))).toBe('Outlets · 40');
  });

  it('revenue names its metric or says Revenue', () => {
    expect(formatFact(fact('revenue', { amount: usd(4e9), period: '2004' }))).toBe('Revenue · $4 billion · 2004');
  });

  it('founding, headquarters, partners, rivals', () => {
    expect(formatFact(fact('founding', { year: 1999, founders: ['Ana Ruiz', 'Bo Li'] }))).toBe('Founded 1999 · by Ana Ruiz, Bo Li');
    expect(formatFact(fact('founding', { founders: [] }))).toBe('Founding');
    expect(formatFact(fact('founding', { founders: ['Ana Ruiz'] }))).toBe('by Ana Ruiz');
    expect(formatFact(fact('headquarters', { place: 'Leeds' }))).toBe('Based in Leeds');
    expect(formatFact(fact('partnership', { partner: party('Beta') }))).toBe('Partner of Beta');
    expect(formatFact(fact('rival', { rival: party('Beta') }))).toBe('Rival of Beta');
  });

  it('leadership says new, former or leaving, and "former" only once', () => {
    expect(formatFact(fact('leadership', { person: 'Ana Ruiz', role: 'chief executive' }))).toBe('Ana Ruiz, chief executive');
    expect(formatFact(fact('leadership', { person: 'Ana Ruiz', role: 'chief executive', status: 'appointed' }))).toBe('Ana Ruiz, new chief executive');
    expect(formatFact(fact('leadership', { person: 'Ana Ruiz', role: 'chair', status: 'former' }))).toBe('Ana Ruiz, former chair');
    expect(formatFact(fact('leadership', { person: 'Ana Ruiz', role: 'Former chair', status: 'former' }))).toBe('Ana Ruiz, Former chair');
    expect(formatFact(fact('leadership', { person: 'Ana Ruiz', role: 'chair', status: 'left' }))).toBe('Ana Ruiz, chair (leaving)');
  });

  it('legal action with who took it and the amount', () => {
    expect(formatFact(fact('legal', { action: 'fine', by: party('The regulator'), amount: usd(2e6) }))).toBe('Fine · by The regulator · $2 million');
    expect(formatFact(fact('legal', { action: 'probe' }))).toBe('Probe');
  });

  it('commitment with its purpose and period', () => {
    expect(formatFact(fact('commitment', { amount: usd(1e9), purpose: 'new factories', period: 'five years' }))).toBe('Committed $1 billion · new factories · over five years');
    expect(formatFact(fact('commitment', { amount: usd(1e9) }))).toBe('Committed $1 billion');
  });
});
