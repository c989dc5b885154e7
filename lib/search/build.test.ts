import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../bench/synthetic/synthetic';
import { buildQuickSearchIndex, buildSearchIndex, buildSearchIndexInSteps } from './build';
import { fixtureDataset } from '../../test/fixtures/search-dataset';

describe('building the search index in steps', () => {
  it('gives the very text of the one-piece build, over several steps', async () => {
    expect(await buildSearchIndexInSteps(fixtureDataset)).toBe(buildSearchIndex(fixtureDataset));
    // More documents than one step takes, so the stepped path really runs in steps.
    const larger = syntheticDataset({ companies: 2_500 });
    expect(await buildSearchIndexInSteps(larger)).toBe(buildSearchIndex(larger));
  });

  it('lets other work run while it builds', async () => {
    const dataset = syntheticDataset({ companies: 2_500 });
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    await buildSearchIndexInSteps(dataset);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(1);
  });
});

describe('the quick index alone', () => {
  it('is the quick part of the whole index, built from the quick fields of the documents alone', () => {
    for (const dataset of [fixtureDataset, syntheticDataset({ companies: 800 })]) {
      const quick = buildQuickSearchIndex(dataset);
      expect(quick.length).toBeGreaterThan(0);
      expect(buildSearchIndex(dataset).startsWith(quick)).toBe(true);
    }
  });
});
