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
    ['nearly a billion dollars', { amount: 1e9, currency: 'USD', qualifier: 'nearly', text: 'a billion dollars' }],
    ['200 billion yuan ($28 billion)', { amount: 2e11, currency: 'CNY', usd: 2.8e10 }],
    ['1.6 billion yuan (around $250 million)', { amount: 1.6e9, currency: 'CNY', usd: 2.5e8 }],
    ['almost 12 billion yuan or $1.69 billion', { amount: 1.2e10, currency: 'CNY', usd: 1.69e9, qualifier: 'nearly', text: '12 billion yuan or $1.69 billion' }],
    ['north of $300 billion', { amount: 3e11, currency: 'USD', qualifier: 'over', text: '$300 billion' }],
    ['$676m (£352m)', { amount: 6.76e8, currency: 'USD', usd: 6.76e8 }],
    ['400m euros ($527.61m; £274.73m)', { amount: 4e8, currency: 'EUR', usd: 5.2761e8 }],
    ['9.5bn kronor (£722m; $1.3bn)', { amount: 9.5e9, currency: 'SEK', usd: 1.3e9 }],
    ['2.4bn Australian dollars ($1.8bn; £990m)', { amount: 2.4e9, currency: 'AUD', usd: 1.8e9 }],
    ['7.5bn yen ($71.5m; £38.4m)', { amount: 7.5e9, currency: 'JPY', usd: 7.15e7 }],
  ])('%s', (text, want) => {
    expect(parseMoney(text)).toMatchObject({ text, ...want });
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
