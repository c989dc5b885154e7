import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../registry/load';
import { buildDataset, type BuildInput } from './build';
import { BuildCache } from './cache';
import type { Article } from './schema';
import { added, libraryA } from './test-library';

const registry = parseRegistry(readFileSync('seeds/companies.json', 'utf8'), 'seeds/companies.json');
const documents = readdirSync('seeds/corpus').map((name) => ({ name, text: readFileSync(`seeds/corpus/${name}`, 'utf8') }));

const input = (articles: Article[], cache?: BuildCache): BuildInput => ({ documents, articles, registry, source: 'test', ...(cache ? { cache } : {}) });
const fresh = (articles: Article[]) => JSON.stringify(buildDataset(input(articles)));

describe('a build with the cache of earlier builds', () => {
  it('adds an article reading only what changed, and equals a build from scratch', () => {
    const cache = new BuildCache();
    const first = buildDataset(input(libraryA, cache));
    const total = first.articles.length;
    expect(cache.misses).toEqual({ orgs: total, extractions: total, scans: total });
    const grown = buildDataset(input([...libraryA, added], cache));
    expect(JSON.stringify(grown)).toBe(fresh([...libraryA, added]));
    // Only the new article is analysed; the articles the new organisation appears in are read again.
    expect(cache.misses.orgs).toBe(1);
    expect(grown.mentions.filter((m) => m.articleId === 'lib-a2').map((m) => m.alias)).toContain('QRX');
    expect(first.mentions.filter((m) => m.articleId === 'lib-a2').map((m) => m.alias)).not.toContain('QRX');
    expect(cache.misses.extractions).toBeGreaterThanOrEqual(2);
    expect(cache.misses.extractions).toBeLessThan(total);
    // Only the articles holding a word that starts a name read differently are scanned again.
    expect(cache.misses.scans).toBeGreaterThanOrEqual(2);
    expect(cache.misses.scans).toBeLessThan(total);
  });

  it('removes an article and changes an article, and still equals a build from scratch', () => {
    const cache = new BuildCache();
    buildDataset(input([...libraryA, added], cache));
    expect(JSON.stringify(buildDataset(input(libraryA, cache)))).toBe(fresh(libraryA));
    const edited = [libraryA[0], { ...libraryA[1], body: `${libraryA[1].body} Telvio Systems, the robot maker, said it would cut 30 jobs.` }, libraryA[2]];
    expect(JSON.stringify(buildDataset(input(edited, cache)))).toBe(fresh(edited));
    const redated = [libraryA[0], { ...libraryA[1], date: '2024-01-01' }, libraryA[2]];
    expect(JSON.stringify(buildDataset(input(redated, cache)))).toBe(fresh(redated));
  });

  it('follows a changed registry', () => {
    const cache = new BuildCache();
    buildDataset(input(libraryA, cache));
    const smaller = { ...registry, companies: registry.companies.filter((c) => c.id !== 'tencent') };
    const withCache = buildDataset({ ...input(libraryA, cache), registry: smaller });
    expect(JSON.stringify(withCache)).toBe(JSON.stringify(buildDataset({ ...input(libraryA), registry: smaller })));
  });
});
