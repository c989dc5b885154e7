import { describe, expect, it } from 'vitest';
import { TAB_ANSWERS } from '../../lib/protocol/answers';
import { checkAnswer } from '../../lib/protocol/send';

/** The check the popup's typed sender applies to a content script's answer. */
const parsePageMentions = (answer: unknown) => {
  try {
    return checkAnswer('page.mentions', TAB_ANSWERS['page.mentions'], answer);
  } catch {
    return null;
  }
};
const scan = { chars: 10, ms: 1, startedAt: null };
const good = { url: 'https://example.org/', mentions: [{ companyId: 'acme', name: 'Acme', count: 2 }], scan };

describe("checking a content script's page.mentions answer", () => {
  it('accepts a well-formed answer and keeps only the known fields', () => {
    const extra = { ...good, mentions: [{ ...good.mentions[0], html: '<b>x</b>' }], other: 1 };
    expect(parsePageMentions(extra)).toEqual(good);
    expect(parsePageMentions({ url: 'https://example.org/', mentions: [], scan })).toEqual({ url: 'https://example.org/', mentions: [], scan });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'acme'],
    ['no url', { mentions: [], scan }],
    ['no scan figures', { url: 'x', mentions: [] }],
    ['mentions not a list', { url: 'x', scan, mentions: {} }],
    ['a negative count', { url: 'x', scan, mentions: [{ companyId: 'a', name: 'A', count: -1 }] }],
    ['a fractional count', { url: 'x', scan, mentions: [{ companyId: 'a', name: 'A', count: 1.5 }] }],
    ['a numeric id', { url: 'x', scan, mentions: [{ companyId: 7, name: 'A', count: 1 }] }],
    ['a null entry', { url: 'x', scan, mentions: [null] }],
    ['an over-long id', { url: 'x', scan, mentions: [{ companyId: 'a'.repeat(201), name: 'A', count: 1 }] }],
    ['an over-long name', { url: 'x', scan, mentions: [{ companyId: 'a', name: 'A'.repeat(301), count: 1 }] }],
    ['too many entries', { url: 'x', scan, mentions: Array.from({ length: 10_001 }, () => good.mentions[0]) }],
  ])('refuses %s', (_, answer) => {
    expect(parsePageMentions(answer)).toBeNull();
  });
});
