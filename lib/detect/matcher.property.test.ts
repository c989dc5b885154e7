import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon';
import { Matcher, type MatcherEntry, type MatchHit } from './matcher';
import { isDiacritic } from '../text/normalize';
import { charClass, foldChar, separatorChar, CJK, IGNORED, WORD } from './tokens';

/**
 * Properties of the one matcher, for arbitrary names and arbitrary page text: it terminates
 * without throwing, every hit maps to a valid, token-aligned slice of the original string that
 * really spells the entry, hits are sorted and disjoint, and everything is deterministic. The
 * oracle below re-derives "spells the same" from the character classes directly, not from the
 * tokenizer's hashes, so a tokenizer or hashing bug shows up as a disagreement.
 */

/** Characters that stress the tokenizer: CJK, surrogates, ignorables, bidi controls, odd spaces. */
const tricky = fc.constantFrom(
  ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '-', '\u2010', '.', ',', '&', "'", '\u2019', '"',
  '\u200b', '\u00ad', '\ufeff', '\u202e', '\u202d', '\u2066', 'İ', 'ß', 'ǅ', 'Σ', 'ς',
  '阿里巴巴', '腾讯', 'ソニー', '삼성', '😀', '\ud83d', '\ude00', '\u0301', 'e\u0301', '\u0000', 'A', 'a', 'Co', 'co',
);
const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), tricky, fc.constantFrom('Alibaba', 'Group', 'Ant', 'Tencent'));
const textArb = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const entryArb = fc.record({ text: textArb.filter((t) => t.length <= 40), caseSensitive: fc.boolean() });
const entriesArb = fc.array(entryArb, { maxLength: 12 });

/** The normalised token/separator sequence of a span, as the matcher's documentation defines it. */
function spelling(text: string, exact: boolean): string {
  const out: string[] = [];
  let word = '';
  let sep = '';
  let lastSpace = false;
  const flushWord = () => {
    if (word) out.push(`w:${word}`);
    word = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === IGNORED) continue;
    if (cls === WORD) {
      if (!word && out.length > 0) out.push(`s:${sep}`);
      if (!word) sep = '';
      word += String.fromCharCode(exact ? code : foldChar(code));
      lastSpace = false;
    } else if (cls === CJK) {
      flushWord();
      if (out.length > 0) out.push(`s:${sep}`);
      sep = '';
      out.push(`c:${code}`);
      lastSpace = false;
    } else {
      flushWord();
      const s = separatorChar(code);
      if (!(s === 0x20 && lastSpace)) sep += String.fromCharCode(s);
      lastSpace = s === 0x20;
    }
  }
  flushWord();
  return out.join('|');
}

/** Index of the previous / next character that is not ignorable, or -1 / length. */
const prevVisible = (t: string, i: number, from: number) => {
  while (i >= from && charClass(t.charCodeAt(i)) === IGNORED) i--;
  return i;
};

function checkHits(text: string, entries: readonly MatcherEntry[], hits: readonly MatchHit[], from: number, to: number): void {
  let lastEnd = from;
  for (const h of hits) {
    expect(Number.isInteger(h.start) && Number.isInteger(h.end)).toBe(true);
    expect(h.start).toBeGreaterThanOrEqual(lastEnd);
    expect(h.end).toBeGreaterThan(h.start);
    expect(h.end).toBeLessThanOrEqual(to);
    expect(h.value).toBeGreaterThanOrEqual(0);
    expect(h.value).toBeLessThan(entries.length);
    lastEnd = h.end;
    const slice = text.slice(h.start, h.end);
    const entry = entries[h.value];
    // The slice spells the entry (exactly, for a case-sensitive entry).
    expect(spelling(slice, false)).toBe(spelling(entry.text, false));
    if (entry.caseSensitive) expect(spelling(slice, true)).toBe(spelling(entry.text, true));
    // Token-aligned: a word hit neither starts nor ends inside a word.
    const first = charClass(text.charCodeAt(h.start));
    expect(first === WORD || first === CJK).toBe(true);
    const before = prevVisible(text, h.start - 1, from);
    if (first === WORD && before >= from) expect(charClass(text.charCodeAt(before))).not.toBe(WORD);
    // A hit may end with the combining accents of its last letter, never with anything else ignorable.
    const lastVisible = prevVisible(text, h.end - 1, h.start);
    for (let i = lastVisible + 1; i < h.end; i++) expect(isDiacritic(text.charCodeAt(i))).toBe(true);
    const last = charClass(text.charCodeAt(lastVisible));
    expect(last === WORD || last === CJK).toBe(true);
    if (last === WORD && h.end < to) {
      let after = h.end;
      while (after < to && charClass(text.charCodeAt(after)) === IGNORED) after++;
      if (after < to) expect(charClass(text.charCodeAt(after))).not.toBe(WORD);
    }
  }
}

describe('matcher properties', () => {
  it('terminates, never throws, and every hit is a valid token-aligned slice spelling its entry', () => {
    let hits = 0;
    // Half the pages reuse an entry's text, so that hits are common rather than lucky.
    const withNames = fc.tuple(entriesArb, textArb, fc.nat(), fc.boolean()).map(([entries, text, at, plant]) => {
      if (!plant || entries.length === 0) return [entries, text] as const;
      const cut = at % (text.length + 1);
      return [entries, `${text.slice(0, cut)} ${entries[at % entries.length].text} ${text.slice(cut)}`] as const;
    });
    fc.assert(
      fc.property(withNames, ([entries, text]) => {
        const found = Matcher.build(entries).scan(text);
        hits += found.length;
        checkHits(text, entries, found, 0, text.length);
      }),
      { numRuns: 1_500, seed: 8 },
    );
    // The property is only worth something if it saw many hits.
    expect(hits).toBeGreaterThan(500);
  });

  it('keeps hits inside any [from, to) window', () => {
    fc.assert(
      fc.property(entriesArb, textArb, fc.nat(), fc.nat(), (entries, text, x, y) => {
        const from = Math.min(x, y) % (text.length + 1);
        const to = from + (Math.max(x, y) % (text.length - from + 1));
        checkHits(text, entries, Matcher.build(entries).scan(text, from, to), from, to);
      }),
      { numRuns: 800, seed: 8 },
    );
  });

  it('finds every entry standing alone between separators', () => {
    fc.assert(
      fc.property(fc.array(textArb.filter((t) => t.length <= 40), { minLength: 1, maxLength: 10 }), fc.nat(), (texts, pick) => {
        const entries = texts.map((text) => ({ text }));
        const target = entries[pick % entries.length];
        const want = spelling(target.text, false);
        fc.pre(want !== '');
        const page = `\n${target.text}\n`;
        const hits = Matcher.build(entries).scan(page);
        expect(hits.length).toBeGreaterThanOrEqual(1);
        // The whole name is one hit (leftmost-longest), possibly credited to an earlier duplicate.
        const covering = hits.find((h) => spelling(page.slice(h.start, h.end), false) === want);
        expect(covering, JSON.stringify({ page, hits })).toBeDefined();
      }),
      { numRuns: 800, seed: 8 },
    );
  });

  it('is deterministic, including across a structured-clone round trip of its payload', () => {
    fc.assert(
      fc.property(entriesArb, textArb, (entries, text) => {
        const a = Matcher.build(entries);
        const b = Matcher.build(entries);
        const first = a.scan(text);
        expect(a.scan(text)).toEqual(first);
        expect(b.scan(text)).toEqual(first);
        expect(Matcher.fromPayload(structuredClone(a.toPayload())).scan(text)).toEqual(first);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('lexicon mentions over arbitrary companies map to valid offsets and known companies', () => {
    const company = fc.record({
      id: fc.string({ minLength: 1, maxLength: 10 }),
      name: textArb,
      aliases: fc.array(fc.record({ text: textArb, ambiguous: fc.boolean(), context: fc.array(textArb, { maxLength: 2 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(company, { maxLength: 8 }), textArb, (companies, text) => {
        const lexicon = Lexicon.build(companies);
        const mentions = lexicon.mentions(text);
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.companyIndex).toBeGreaterThanOrEqual(0);
          expect(m.companyIndex).toBeLessThan(companies.length);
        }
        expect(Lexicon.fromPayload(structuredClone(lexicon.toPayload())).mentions(text)).toEqual(mentions);
      }),
      { numRuns: 500, seed: 8 },
    );
  });
});
