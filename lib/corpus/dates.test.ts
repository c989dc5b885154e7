import { describe, expect, it } from 'vitest';
import { articleDate, parseDate } from './dates';
import { splitText } from './split';

describe('parseDate', () => {
  it('reads the unambiguous written forms as calendar dates', () => {
    expect(parseDate('2025-03-03T10:00:00Z')).toBe('2025-03-03');
    expect(parseDate('3 March 2025')).toBe('2025-03-03');
    expect(parseDate('3rd Mar 2025')).toBe('2025-03-03');
    expect(parseDate('March 3, 2025')).toBe('2025-03-03');
    expect(parseDate('Sept. 30, 2024')).toBe('2024-09-30');
    expect(parseDate('2025/3/4')).toBe('2025-03-04');
    expect(parseDate('in March 2025')).toBe('2025-03');
  });

  it('never guesses: no year, an ambiguous order or an impossible day gives nothing', () => {
    expect(parseDate('March 3')).toBeUndefined();
    expect(parseDate('03/04/2025')).toBeUndefined();
    expect(parseDate('31 February 2025')).toBeUndefined();
    expect(parseDate('2025-13-01')).toBeUndefined();
    expect(parseDate('sold 2,025 cars')).toBeUndefined();
  });
});

describe('articleDate', () => {
  it('reads a date line under the title, with a cue word, a weekday and a time', () => {
    expect(articleDate('Acme buys Beta', '3 March 2025\n\nAcme said on Monday ...')).toBe('2025-03-03');
    expect(articleDate('Acme buys Beta', 'Published: Monday 3 March 2025, 10:32 GMT\n\nAcme said ...')).toBe('2025-03-03');
    expect(articleDate('Updated March 4, 2025 at 9:15 a.m.', 'Acme said ...')).toBe('2025-03-04');
  });

  it('reads a news dateline and a "Published" line near the start or the end', () => {
    expect(articleDate('Acme results', 'BEIJING, March 3, 2025 /PRNewswire/ -- Acme reported ...')).toBe('2025-03-03');
    expect(articleDate('Acme results', 'London, 3 March 2025 — Acme reported ...')).toBe('2025-03-03');
    expect(articleDate('Acme results', `Acme reported profits. ${'More text. '.repeat(80)}\n\nPublished 3 March 2025`)).toBe('2025-03-03');
  });

  it('does not take a date the story merely mentions, nor a title that names a month', () => {
    expect(articleDate('Sales fell in March 2024', 'Acme said sales fell in March 2024 and would recover by June 2025.')).toBeUndefined();
    expect(articleDate('Acme results', 'LONDON, March 3 (Reuters) - Acme reported ...')).toBeUndefined();
  });

  it('dates the articles a text file splits into', () => {
    const [article] = splitText('a.txt', 'Acme buys Beta\n\nPublished 5 May 2024\n\nAcme bought Beta for $5m.');
    expect(article.date).toBe('2024-05-05');
    expect(splitText('b.txt', 'Acme buys Beta\n\nAcme bought Beta for $5m.')[0].date).toBeUndefined();
  });
});
