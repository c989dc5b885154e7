import { describe, expect, it } from 'vitest';
import { parsePageMentions } from './page-mentions';

const good = { url: 'https://example.org/', mentions: [{ companyId: 'acme', name: 'Acme', count: 2 }] };

describe("checking a content script's page.mentions answer", () => {
  it('accepts a well-formed answer and keeps only the known fields', () => {
    const extra = { ...good, mentions: [{ ...good.mentions[0], html: '<b>x</b>' }], other: 1 };
    expect(parsePageMentions(extra)).toEqual(good);
    expect(parsePageMentions({ url: 'https://example.org/', mentions: [] })).toEqual({ url: 'https://example.org/', mentions: [] });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'acme'],
    ['no url', { mentions: [] }],
    ['mentions not a list', { url: 'x', mentions: {} }],
    ['a negative count', { url: 'x', mentions: [{ companyId: 'a', name: 'A', count: -1 }] }],
    ['a fractional count', { url: 'x', mentions: [{ companyId: 'a', name: 'A', count: 1.5 }] }],
    ['a numeric id', { url: 'x', mentions: [{ companyId: 7, name: 'A', count: 1 }] }],
    ['a null entry', { url: 'x', mentions: [null] }],
    ['an over-long id', { url: 'x', mentions: [{ companyId: 'a'.repeat(201), name: 'A', count: 1 }] }],
    ['an over-long name', { url: 'x', mentions: [{ companyId: 'a', name: 'A'.repeat(301), count: 1 }] }],
    ['too many entries', { url: 'x', mentions: Array.from({ length: 10_001 }, () => good.mentions[0]) }],
  ])('refuses %s', (_, answer) => {
    expect(parsePageMentions(answer)).toBeNull();
  });
});
