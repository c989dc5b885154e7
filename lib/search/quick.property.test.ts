import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from './options';
import { buildQuickText, keyGroupOf, pack, QuickIndex } from './quick';
import { normaliseTerm } from './terms';

/**
 * The quick index's ranking against a reference that knows nothing of its line format: every
 * word start of every name and alias is a key, a key holding the typed prefix ranks by exactness,
 * by starting the name, by mentions and by its length, and a document ranks by its best key.
 * Names are drawn from a handful of words so that keys are often starts of one another, which
 * is what the format merges into one line (see mergeKeys in quick.ts).
 */

const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;
const word = fc.constantFrom('go', 'gou', 'goucom', 'net', 'networks', 'ag', 'a', 'vision', '阿里', '阿', 'Go-Net', 'GOU');
const nameArb = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const docArb = fc.record({ name: nameArb, aliases: fc.array(nameArb, { maxLength: 3 }), mentions: fc.nat(60_000), person: fc.boolean() });

function documents(specs: { name: string; aliases: string[]; mentions: number; person: boolean }[]): SearchDocument[] {
  return specs.map(({ name, aliases, mentions, person }, i) => {
    const t = person ? 'person' : 'company';
    return { id: `${t}:d${i}`, t, n: name, k: t, x: '', m: mentions, ...(aliases.length ? { aliases: aliases.join(' · ') } : {}) };
  });
}

/** The best rank of each document with a key holding `typed`, as match() ranks them. */
function reference(docs: SearchDocument[], typed: string): Map<number, number> {
  const best = new Map<number, number>();
  const prefix = pack(typed);
  docs.forEach((d, ordinal) => {
    for (const variant of [d.n, ...(d.aliases ? d.aliases.split(' · ') : [])]) {
      const folded = normaliseTerm(variant);
      for (const { index: at } of folded.matchAll(WORD_START)) {
        const key = pack(folded.slice(at));
        if (!key.startsWith(prefix)) continue;
        const rank = (key.length === prefix.length ? 1e9 : 0) + (at === 0 ? 1e8 : 0) + Math.min(d.m, 36 ** 3 - 1) * 100 - Math.min(key.length, 99);
        best.set(ordinal, Math.max(best.get(ordinal) ?? -Infinity, rank));
      }
    }
  });
  return best;
}

describe('the quick index ranking', () => {
  it('ranks every document by its best name key, with starts of longer keys merged into them', () => {
    const typedArb = fc.oneof(word, nameArb, fc.string({ minLength: 1, maxLength: 4 })).map(normaliseTerm).filter((t) => t.length > 0);
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 12 }), fc.array(typedArb, { minLength: 1, maxLength: 6 }), (specs, typedList) => {
        const docs = documents(specs);
        const index = QuickIndex.parse(buildQuickText(docs, 'stamp'));
        for (const typed of typedList) {
          const found = index.match(typed, 1_000);
          expect(new Map(found.map((m) => [m.doc, m.rank]))).toEqual(reference(docs, typed));
          // Best first.
          expect(found.map((m) => m.rank)).toEqual(found.map((m) => m.rank).sort((a, b) => b - a));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ranks a prefix in its first letter's own text (groupTexts) as in the whole index", () => {
    const typedArb = fc.oneof(word, nameArb, fc.string({ minLength: 1, maxLength: 4 })).map(normaliseTerm).filter((t) => t.length > 0);
    // Documents by id and rank: a group's text numbers its documents afresh.
    const ranked = (index: QuickIndex, typed: string) => index.match(typed, 1_000).map((m) => [index.doc(m.doc)?.id, m.rank]);
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 12 }), fc.array(typedArb, { minLength: 1, maxLength: 6 }), (specs, typedList) => {
        const whole = QuickIndex.parse(buildQuickText(documents(specs), 'stamp'));
        const groups = whole.groupTexts();
        for (const typed of typedList) {
          const text = groups.get(keyGroupOf(typed));
          if (!text) {
            expect(whole.match(typed)).toEqual([]);
            continue;
          }
          const group = QuickIndex.parse(text);
          expect(group.covers(typed)).toBe(true);
          expect(ranked(group, typed)).toEqual(ranked(whole, typed));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps one line for a name and the alias it starts with', () => {
    const docs = documents([{ name: 'Goucom Networks', aliases: ['Goucom'], mentions: 5, person: false }]);
    const keyLines = buildQuickText(docs, 'stamp').split('\n').slice(2).filter(Boolean);
    // "goucom networks" (standing for "goucom" too) and "networks".
    expect(keyLines.map((line) => line.split('\t')[0])).toEqual(['goucom networks', 'networks']);
    const index = QuickIndex.parse(buildQuickText(docs, 'stamp'));
    expect(index.match('goucom')[0].rank).toBeGreaterThanOrEqual(1e9);
    expect(index.match('goucom n')[0].rank).toBeLessThan(1e9);
  });
});
