import { describe, expect, it } from 'vitest';
import { findMoney, parseMoney } from './money';
import { splitSentences } from './sentences';

describe('money', () => {
  it.each([
    ['$5.3 billion', { amount: 5.3e9, currency: 'USD', usd: 5.3e9 }],
    ['$5.3 bn', { amount: 5.3e9, currency: 'USD' }],
    ['US$1 trillion', { amount: 1e12, currency: 'USD' }],
    ['$100m', { amount: 1e8, currency: 'USD' }],
    ['HK$226', { amount: 226, currency: 'HKD' }],
    ['U$73K', { amount: 73000, currency: 'USD' }],
    ['RMB10 trillion', { amount: 1e13, currency: 'CNY' }],
    ['16M RMB', { amount: 1.6e7, currency: 'CNY' }],
    ['$500,000', { amount: 500000, currency: 'USD' }],
    ['nearly a billion dollars', { amount: 1e9, currency: 'USD', qualifier: 'nearly' }],
    ['200 billion yuan ($28 billion)', { amount: 2e11, currency: 'CNY', usd: 2.8e10 }],
    ['1.6 billion yuan (around $250 million)', { amount: 1.6e9, currency: 'CNY', usd: 2.5e8 }],
    ['almost 12 billion yuan or $1.69 billion', { amount: 1.2e10, currency: 'CNY', usd: 1.69e9, qualifier: 'nearly' }],
    ['north of $300 billion', { amount: 3e11, currency: 'USD', qualifier: 'over' }],
  ])('%s', (text, want) => {
    expect(parseMoney(text)).toMatchObject({ ...want, text });
  });
  it('keeps the original currency without inventing a USD figure', () => {
    expect(parseMoney('180 billion RMB')).not.toHaveProperty('usd');
  });
  it('ignores numbers without a currency, and does not count a bracketed USD twice', () => {
    expect(findMoney('5,000 engineers, 60% growth, 11.11 sales')).toEqual([]);
    expect(findMoney('spend 200 billion yuan ($28 billion) over three years')).toHaveLength(1);
  });
});

describe('sentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it('does not cut at abbreviations, initials or decimals', () => {
    expect(split('Mr. Li of Acme Inc. said so. Greenville, N.C.-based B.A.A.B.S. Beauty grew. It earned $5.3 bn in the U.S. market! Fine.')).toEqual([
      'Mr. Li of Acme Inc. said so.',
      'Greenville, N.C.-based B.A.A.B.S. Beauty grew.',
      'It earned $5.3 bn in the U.S. market!',
      'Fine.',
    ]);
  });
  it('cuts after closing quotes and at line breaks, not before a lower-case word', () => {
    expect(split('“Really?” she said. He left.\nNext')).toEqual(['“Really?” she said.', 'He left.', 'Next']);
  });
});
