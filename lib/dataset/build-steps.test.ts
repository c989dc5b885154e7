import { describe, expect, it } from 'vitest';
import { buildDataset, buildDatasetInSteps, buildInputHash, GENERATOR, type BuildProgress } from './build';
import { contentHash } from './hash';
import type { Article } from './schema';

/** Builds of small made-up corpora: progress, library articles, and the input hash. */

const doc = (i: number) => ({
  name: `news-${String(i).padStart(2, '0')}.txt`,
  text: `Quillfeather Ltd report ${i}\n\nQuillfeather Ltd said on Monday that it raised $${i + 1}m from Brightwater Capital.`,
});

const libraryArticle: Article = {
  id: 'library-1',
  title: 'Saved page',
  body: 'Marrowind Holdings plc bought a stake in Quillfeather Ltd.',
  tags: [],
  source: 'https://news.example/saved',
  position: 0,
  library: true,
};

describe('buildDatasetInSteps', () => {
  it('reports progress every twenty articles over two passes and builds what buildDataset builds', async () => {
    const documents = Array.from({ length: 21 }, (_, i) => doc(i));
    const seen: BuildProgress[] = [];
    const stepped = await buildDatasetInSteps({ documents, source: 'made up' }, async (p) => {
      seen.push(p);
    });
    expect(seen).toEqual([
      { done: 20, total: 42 },
      { done: 41, total: 42 },
    ]);
    expect(JSON.stringify(stepped)).toBe(JSON.stringify(buildDataset({ documents, source: 'made up' })));
  });

  it('stops when the pause throws, with nothing returned', async () => {
    const documents = Array.from({ length: 25 }, (_, i) => doc(i));
    await expect(
      buildDatasetInSteps({ documents, source: 'made up' }, async () => {
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
  });
});

describe('buildDataset with library articles', () => {
  it('reads the saved articles with the documents and records where the dataset came from', () => {
    const found: string[] = [];
    const built = buildDataset({ documents: [doc(1)], articles: [libraryArticle], source: 'my library', onOrganisations: (orgs) => found.push(...orgs.map((o) => o.name)) });
    expect(built.articles.map((a) => a.id)).toContain('library-1');
    expect(built.meta).toEqual({ source: 'my library', contentHash: buildInputHash({ documents: [doc(1)], articles: [libraryArticle] }), generator: GENERATOR });
    // The organisation only the saved article names is found and kept.
    expect(found.some((name) => name.startsWith('Marrowind Holdings'))).toBe(true);
    expect(built.companies.some((c) => c.name.startsWith('Marrowind Holdings'))).toBe(true);
    expect(built.companies.map((c) => c.name)).toContain('Quillfeather Ltd');
  });

  it('gives a different hash when a saved article changes, and the same for the same bytes', () => {
    const documents = [doc(1)];
    const hash = buildInputHash({ documents, articles: [libraryArticle] });
    expect(buildInputHash({ documents })).not.toBe(hash);
    expect(buildInputHash({ documents, articles: [{ ...libraryArticle, title: 'Renamed' }] })).not.toBe(hash);
    expect(buildInputHash({ documents, articles: [{ ...libraryArticle, body: `${libraryArticle.body} ` }] })).not.toBe(hash);
    expect(buildInputHash({ documents, articles: [{ ...libraryArticle, id: 'library-2' }] })).not.toBe(hash);
    const bytes = [{ name: documents[0].name, text: new TextEncoder().encode(documents[0].text) }];
    expect(buildInputHash({ documents: bytes, articles: [libraryArticle] })).toBe(hash);
    expect(buildInputHash({ documents: [{ ...documents[0], name: 'renamed.txt' }], articles: [libraryArticle] })).not.toBe(hash);
    expect(buildInputHash({ documents, articles: [libraryArticle], registry: { companies: [], excludedTags: { x: 'y' } } })).not.toBe(hash);
  });
});

describe('contentHash', () => {
  it('is stable, prefixed, and 16 hex digits', () => {
    expect(contentHash(['a', 'b'])).toBe(contentHash(['a', 'b']));
    expect(contentHash(['a'])).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    expect(contentHash([])).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });

  it('always has sixteen hex digits, leading zeros kept', () => {
    for (let i = 0; i < 300; i++) expect(contentHash([`article ${i}`])).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
  });

  it('tells apart parts split differently, reordered, or changed in one letter', () => {
    const hashes = new Set([
      contentHash([]),
      contentHash(['']),
      contentHash(['', '']),
      contentHash(['ab', 'c']),
      contentHash(['a', 'bc']),
      contentHash(['abc']),
      contentHash(['c', 'ab']),
      contentHash(['abd']),
      contentHash(['Abc']),
    ]);
    expect(hashes.size).toBe(9);
  });

  it('differs in both halves for a one-letter change', () => {
    const a = contentHash(['The company raised $5m.']).slice(8);
    const b = contentHash(['The company raised $6m.']).slice(8);
    expect(a.slice(0, 8)).not.toBe(b.slice(0, 8));
    expect(a.slice(8)).not.toBe(b.slice(8));
  });
});
