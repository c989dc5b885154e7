import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset, EMPTY_REGISTRY } from './build';
import { BuildCache } from './cache';
import type { Article } from './schema';

/**
 * Any sequence of libraries built one after another with one cache gives, at every step, the
 * dataset a build from scratch gives: articles added, removed, edited and re-dated in any order,
 * with names that become organisations, acronyms and short forms only once other articles say so.
 */

// Made-up organisations and people, and sentences in the ways news names them.
const ORGS = ['Quorvane', 'Telvio Systems', 'Brindle Analytics', 'Korvex Motor', 'Lumo Cloud', 'Pellisar Bank'];
const FRAMES = [
  (a: string, b: string) => `${a}, the robotics firm, said it had raised $40m from investors including ${b}.`,
  (a: string) => `Shares in ${a} rose 4% after the company reported higher sales.`,
  (a: string, b: string) => `"We are pleased," said Maria Lopez, ${a}'s chief executive, adding that ${b} remained a partner.`,
  (a: string) => `The bank ${a} said it would cut 300 jobs by the end of the year.`,
  (a: string, b: string) => `${a} and ${b} agreed a deal valued at $1.2bn.`,
  (a: string) => `${a} (${a.split(' ').map((w) => w[0]).join('')}) said on Tuesday that demand was strong.`,
  (a: string) => `Analysts said ${a.split(' ')[0]} would gain.`,
  () => 'Warehouse owners said prices rose in March.',
];

const sentence = fc.tuple(fc.nat(FRAMES.length - 1), fc.constantFrom(...ORGS), fc.constantFrom(...ORGS)).map(([f, a, b]) => FRAMES[f](a, b));
const body = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
const date = fc.option(fc.constantFrom('2024-01-05', '2025-03-02'), { nil: undefined });

function article(n: number, text: string, day: string | undefined): Article {
  return { id: `lib-${n}`, title: `Article ${n}`, body: text, tags: [], source: `${n}.txt`, position: 0, library: true, ...(day ? { date: day } : {}) };
}

/** A library: up to six articles by number, each with its text and date. */
const library = fc.uniqueArray(fc.tuple(fc.nat(7), body, date), { maxLength: 6, selector: ([n]) => n }).map((list) => list.map(([n, text, day]) => article(n, text, day)));

/**
 * Libraries that share articles, as a user's library changes: a pool of eight articles in two
 * versions each (an edit, or another date), and each step takes some of them in one version.
 */
const POOL = 8;
const changingLibrary = fc
  .record({
    pool: fc.array(fc.tuple(body, date, body, date), { minLength: POOL, maxLength: POOL }),
    steps: fc.array(fc.array(fc.tuple(fc.nat(POOL - 1), fc.boolean()), { maxLength: POOL }), { minLength: 2, maxLength: 6 }),
  })
  .map(({ pool, steps }) =>
    steps.map((picks) => {
      const seen = new Set<number>();
      return picks.filter(([n]) => !seen.has(n) && seen.add(n)).map(([n, edited]) => (edited ? article(n, pool[n][2], pool[n][3]) : article(n, pool[n][0], pool[n][1])));
    }),
  );

const build = (articles: Article[], cache?: BuildCache) => JSON.stringify(buildDataset({ documents: [], articles, registry: EMPTY_REGISTRY, source: 'test', ...(cache ? { cache } : {}) }));

describe('builds with the cache of earlier builds (property)', () => {
  it('equal builds from scratch, step after step', () => {
    fc.assert(
      fc.property(changingLibrary, (steps) => {
        const cache = new BuildCache();
        for (const articles of steps) expect(build(articles, cache)).toBe(build(articles));
      }),
      { numRuns: 60 },
    );
  });

  it('read again only what a change reaches when one article is added', () => {
    fc.assert(
      fc.property(library, body, (articles, text) => {
        const cache = new BuildCache();
        build(articles, cache);
        const grown = [...articles.filter((a) => a.id !== 'lib-99'), article(99, text, undefined)];
        expect(build(grown, cache)).toBe(build(grown));
        expect(cache.misses.orgs).toBe(1);
      }),
      { numRuns: 30 },
    );
  });
});
