import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleOf, rowsOf } from './articles';
import { extractReadable } from './readable';

/** Library articles get the date the page or the text states, and none when neither does. */

const body = 'Zentrova Widgets, a maker of garden robots, said on Tuesday it had raised £12m from investors. '.repeat(4);
const page = (head: string, article: string) =>
  extractReadable(parseHTML(`<!doctype html><html><head><title>Zentrova raises money</title>${head}</head><body><article><h1>Zentrova raises money</h1>${article}<p>${body}</p></article></body></html>`).document as unknown as Document)!;
const dateOfPage = (head: string, article = '') => {
  const { text, ...meta } = page(head, article);
  return articleOf(rowsOf({ name: 'page.html', text, page: meta }, 0)[0]).date;
};

describe('library article dates', () => {
  it('takes a page\'s published time from its meta tags or its <time> element', () => {
    expect(dateOfPage('<meta property="article:published_time" content="2024-03-05T10:00:00Z">')).toBe('2024-03-05');
    expect(dateOfPage('<meta name="pubdate" content="2023-11-30">')).toBe('2023-11-30');
    expect(dateOfPage('', '<p>By A. Writer, <time datetime="2022-07-01T08:00:00+01:00">1 July</time></p>')).toBe('2022-07-01');
  });

  it('falls back to a date line in the page text, else leaves the article undated', () => {
    expect(dateOfPage('', '<p>Published 3 March 2025</p>')).toBe('2025-03-03');
    expect(dateOfPage('')).toBeUndefined();
  });

  it('dates a text file from its date line and keeps a stated non-ISO publication time', () => {
    const [row] = rowsOf({ name: 'a.txt', text: 'Zentrova raises money\n\nMarch 3, 2025\n\n' + body }, 0);
    expect(articleOf(row).date).toBe('2025-03-03');
    expect(articleOf({ ...row, published: 'Tue, 5 Mar 2024 10:00:00 GMT' }).date).toBe('2024-03-05');
    expect(articleOf({ ...row, published: 'sometime last week' }).date).toBeUndefined();
  });
});
