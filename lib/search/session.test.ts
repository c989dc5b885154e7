import { describe, expect, it } from 'vitest';
import { SearchSession } from './session';
import { buildSearchIndex } from './build';
import { loadSearchIndex } from './query';
import { fixtureDataset } from '../../test/fixtures/search-dataset';

describe('SearchSession', () => {
  it('drops a stale query when a newer one starts', async () => {
    const index = loadSearchIndex(buildSearchIndex(fixtureDataset));
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let first = true;
    const session = new SearchSession(async () => {
      if (first) {
        first = false;
        await slow;
      }
      return index;
    });
    const older = session.run('alibaba');
    const newer = session.run('tencent');
    release();
    expect(await older).toBeNull();
    expect((await newer)?.companies[0]?.id).toBe('tencent');
  });
  it('answers null without an index', async () => {
    expect(await new SearchSession(async () => null).run('x')).toBeNull();
  });
});
