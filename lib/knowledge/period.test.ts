import { describe, expect, it } from 'vitest';
import { dateOf, periodOf } from './period';
import { splitSentences } from './sentences';

/** When a reported figure holds, as the sentence says it, and the date a fact is filed under. */

describe('periodOf', () => {
  it.each([
    ['Profits rose 5% in the last three months of 2004.', 'the last three months of 2004'],
    ['Sales fell in the fourth quarter.', 'the fourth quarter'],
    ['Revenue for the year ending March 2005 was £2bn.', 'the year ending March 2005'],
    ['It earned $3m in Q3 2004.', 'Q3 2004'],
    ['It made a loss in 2003.', '2003'],
    ['It grew last year.', 'last year'],
    ['The first-half results were strong.', 'The first-half'],
    ['Over the whole of 2004 it sold more.', 'the whole of 2004'],
    ['It posted its annual profit.', 'annual'],
  ])('%s → %s', (sentence, period) => {
    expect(periodOf(sentence)).toBe(period);
  });

  it('finds nothing when the sentence states no period', () => {
    expect(periodOf('Acme sold widgets to shops.')).toBeUndefined();
  });
});

describe('dateOf', () => {
  it('files a figure under the stated year, quarter or half', () => {
    expect(dateOf('2004', undefined)).toBe('2004');
    expect(dateOf('the fourth quarter of 2004', undefined)).toBe('2004-Q4');
    expect(dateOf('the final quarter of 2004', undefined)).toBe('2004-Q4');
    expect(dateOf('the 2nd fiscal quarter of 2005', undefined)).toBe('2005-Q2');
    expect(dateOf('Q1 2003', undefined)).toBe('2003-Q1');
    expect(dateOf('the last three months of 2004', undefined)).toBe('2004-Q4');
    expect(dateOf('the first half of 2005', undefined)).toBe('2005-H1');
    expect(dateOf('second-half of 2005', undefined)).toBe('2005-H2');
  });

  it('resolves "last year" against the article\'s date, and only then', () => {
    expect(dateOf('last year', '2005-02-10')).toBe('2004');
    expect(dateOf('last year', undefined)).toBeUndefined();
  });

  it('falls back to the article\'s date, else nothing', () => {
    expect(dateOf('the fourth quarter', '2005-01-20')).toBe('2005-01-20');
    expect(dateOf(undefined, '2005-01')).toBe('2005-01');
    expect(dateOf(undefined, undefined)).toBeUndefined();
  });

  it('prefers the stated year to the article\'s', () => {
    expect(dateOf('2003', '2005-01-20')).toBe('2003');
  });
});

describe('splitSentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

  it('ends a sentence at . ! ? or … before a capital, digit or quote, and at every line break', () => {
    expect(split('Acme grew. Profits rose! Why? 2005 was good… "Yes," he said.\nHeading\n\n  Next line.  ')).toEqual([
      'Acme grew.',
      'Profits rose!',
      'Why?',
      '2005 was good…',
      '"Yes," he said.',
      'Heading',
      'Next line.',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside their sentence', () => {
    expect(split('Mr. Smith of Acme Inc. joined. The U.S. market grew $5.3 bn. It ended.')).toEqual(['Mr. Smith of Acme Inc. joined.', 'The U.S. market grew $5.3 bn.', 'It ended.']);
    expect(split('J. Smith spoke. Then he left.')).toEqual(['J. Smith spoke.', 'Then he left.']);
  });

  it('keeps a closing quote with its sentence and does not split before a lower-case word', () => {
    expect(split('He said "we grew." Then he left. It was e.g. fine.')).toEqual(['He said "we grew."', 'Then he left.', 'It was e.g. fine.']);
  });

  it('gives offsets into the body, blank text giving nothing', () => {
    const body = '  First one.  Second one.';
    expect(splitSentences(body)).toEqual([
      { start: 2, end: 12 },
      { start: 14, end: 25 },
    ]);
    expect(splitSentences(' \n \n')).toEqual([]);
  });
});
