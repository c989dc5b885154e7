import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexicon, needsCapitals } from '../detect/lexicon';
import { aliasKey } from '../registry/load';
import { normaliseTerm, tokenizeQuery } from '../search/terms';
import { foldCode, foldText, nameKey } from './normalize';

/**
 * The matcher, the search terms and the registry's alias keys must agree on what is one name.
 * A name is generated, then respelled the ways the same name appears on real pages: other case,
 * full-width letters, accents added, dropped or written as combining marks, typographic
 * apostrophes and hyphens, other spaces. Every respelling must be the same alias to the registry,
 * the same terms to search, and must be marked by a lexicon built from the original (and the
 * original by one built from the respelling).
 */

const ACCENTED = ['é', 'è', 'ü', 'ö', 'ñ', 'ç', 'å', 'í'];
const letter = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz') }, { weight: 1, arbitrary: fc.constantFrom(...ACCENTED) });
const word = fc.array(letter, { minLength: 2, maxLength: 7 }).map((l) => l.join(''));
const separator = fc.constantFrom(' ', "'", '-');
const nameArb = fc
  .tuple(fc.array(letter, { minLength: 3, maxLength: 7 }).map((l) => l.join('')), fc.array(fc.tuple(separator, word), { maxLength: 3 }))
  .map(([first, rest]) => first[0].toUpperCase() + first.slice(1) + rest.map(([s, w]) => s + w).join(''));

const fullWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
const ACCENTS = ['\u0301', '\u0308', '\u0327', '\u0300'];

/**
 * One character of the name, respelled as the same character. A name of plain words ("Aaa éa")
 * counts on a page only with its capitals (lib/detect/lexicon.ts, needsCapitals): the matcher
 * then compares its letters as written, so its respellings change only the separators.
 */
function respell(c: string, choice: number, keepCase: boolean): string {
  if (c === "'") return ["'", '\u2019', '\u2018', '\uff07'][choice % 4];
  if (c === '-') return ['-', '\u2010', '\u2011'][choice % 3];
  if (c === ' ') return [' ', '\u00a0', '\u3000', '  '][choice % 4];
  if (keepCase) return c;
  const base = c.normalize('NFD')[0];
  const options = [
    c,
    c.toUpperCase(),
    base, // the accent dropped, as English pages write "Nestle"
    base + ACCENTS[choice % ACCENTS.length], // an accent added, as a combining mark
    (base + ACCENTS[choice % ACCENTS.length]).normalize('NFC'), // ... or precomposed
    /^[a-z]$/.test(c) ? fullWidth(choice % 2 ? c : c.toUpperCase()) : c, // full-width (ASCII letters only)
  ];
  return options[choice % options.length];
}

const pairArb = nameArb.chain((name) => fc.array(fc.nat(), { minLength: name.length, maxLength: name.length }).map((choices) => ({ name, variant: [...name].map((c, i) => respell(c, choices[i], needsCapitals(name))).join('') })));

const terms = (text: string) => tokenizeQuery(text).map(normaliseTerm);

function marks(name: string, text: string): { start: number; end: number }[] {
  return Lexicon.build([{ id: 'co', name, aliases: [] }])
    .mentions(text)
    .map(({ start, end }) => ({ start, end }));
}

describe('one text fold for matcher, search and registry', () => {
  it('treats every respelling of a name as the same name everywhere', () => {
    fc.assert(
      fc.property(pairArb, ({ name, variant }) => {
        expect(nameKey(variant)).toBe(nameKey(name));
        expect(aliasKey(variant)).toBe(aliasKey(name));
        expect(terms(variant)).toEqual(terms(name));
        const page = (text: string) => `Shares of ${text} rose.`;
        expect(marks(name, page(variant))).toEqual([{ start: 10, end: 10 + variant.length }]);
        expect(marks(variant, page(name))).toEqual([{ start: 10, end: 10 + name.length }]);
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('keeps names that differ in a letter apart everywhere', () => {
    fc.assert(
      fc.property(nameArb, fc.nat(), (name, at) => {
        const i = at % name.length;
        if (!/[a-z]/i.test(name[i])) return;
        const other = name.slice(0, i) + (name[i].toLowerCase() === 'z' ? 'q' : 'z') + name.slice(i + 1);
        expect(nameKey(other)).not.toBe(nameKey(name));
        expect(terms(other)).not.toEqual(terms(name));
        expect(marks(name, `Shares of ${other} rose.`)).toEqual([]);
      }),
      { numRuns: 200, seed: 19 },
    );
  });

  it('gives the examples from the issue', () => {
    expect(marks('Nestlé', 'Nestle shares')).toEqual([{ start: 0, end: 6 }]);
    expect(marks('Nestle', 'Nestle\u0301 shares')).toEqual([{ start: 0, end: 7 }]);
    expect(aliasKey('O’Reilly')).toBe(aliasKey("O'Reilly"));
    expect(marks('O’Reilly', "O'Reilly Media")).toEqual([{ start: 0, end: 8 }]);
    expect(terms('Nestlé')).toEqual(terms('NESTLE'));
  });

  it('keeps what is not an accent: kana voicing, Hangul, Devanagari vowel signs', () => {
    expect(foldText('ガ')).toBe('ガ');
    expect(foldText('삼성')).toBe('삼성');
    expect(foldText('हिन्दी')).toBe('हिन्दी');
    expect(foldText('ＡＢＣ')).toBe('abc');
    expect(String.fromCharCode(foldCode('É'.charCodeAt(0)))).toBe('e');
    expect(foldCode(0xd83d)).toBe(0xd83d);
  });
});
