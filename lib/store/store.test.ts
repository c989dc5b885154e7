import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../detect/lexicon';
import type { CompanyLensDB } from './db';
import * as read from './read';
import { getSearchIndex, makeDataset } from '../../test/support/datasets';
import { discardUnfinished, writeDataset, type WriteInput } from './write';
import type { Dataset } from '../dataset/schema';
import { useFreshDb } from '../../test/support/fresh-db';

let db: CompanyLensDB;

function input(dataset: Dataset): WriteInput {
  return { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: `{"index":"${dataset.meta.contentHash}"}` }) };
}

useFreshDb('store-test', (fresh) => (db = fresh));

describe('store read API', () => {
  it('answers empty values before any sync', async () => {
    expect(await read.getStatus()).toEqual(read.EMPTY_STATUS);
    expect(await read.getCompany('x')).toBeNull();
    expect(await read.getAllCompanies()).toEqual([]);
    expect(await read.getLexiconPayload()).toBeNull();
    expect(await getSearchIndex()).toBeNull();
  });

  it('reads back exactly what was written', async () => {
    const d = makeDataset('alpha', 5);
    const gen = await writeDataset(db, input(d));
    const status = await read.getStatus();
    expect(status).toMatchObject({ companies: 5, articles: 1, facts: 1, people: 1, source: 'test alpha', version: `hash-alpha-5:${gen.gen}` });
    expect(status.syncedAt).toBeGreaterThan(0);
    expect(await read.getAllCompanies()).toEqual(d.companies);
    expect(await read.getCompany('alpha-co-2')).toEqual(d.companies[2]);
    expect(await read.getCompanies(['alpha-co-3', 'nope', 'alpha-co-1'])).toEqual([d.companies[3], d.companies[1]]);
    expect(await read.getFactsFor('alpha-co-0')).toEqual(d.facts);
    expect(await read.getPeopleFor('alpha-co-0')).toEqual(d.people);
    expect(await read.getPeopleFor('alpha-co-1')).toEqual([]);
    expect(await read.getRelationsFor('alpha-co-1')).toEqual(d.relations);
    expect(await read.getMentionsFor('alpha-co-1')).toEqual([d.mentions[1]]);
    expect(await read.getArticles(['alpha-article-0'])).toEqual(d.articles);
    const lexicon = await read.getLexiconPayload();
    expect(lexicon?.version).toBe(status.version);
    // Typed arrays survive IndexedDB's structured clone, so the payload rebuilds a working lexicon.
    const rebuilt = Lexicon.fromPayload(lexicon!.payload);
    expect(rebuilt.companyIds).toEqual(d.companies.map((c) => c.id));
    expect((await getSearchIndex())?.json).toContain('hash-alpha-5');
  });

  it('replaces a dataset completely and deletes the old generation', async () => {
    await writeDataset(db, input(makeDataset('alpha', 5)));
    await writeDataset(db, input(makeDataset('beta', 2)));
    expect((await read.getAllCompanies()).map((c) => c.id)).toEqual(['beta-co-0', 'beta-co-1']);
    expect(await read.getCompany('alpha-co-0')).toBeNull();
    expect(await db.companies.count()).toBe(2);
    expect(await db.generations.count()).toBe(1);
  });

  it('reads the typed relations of a company in both directions and replaces them with the dataset', async () => {
    const d = makeDataset('alpha', 4);
    const links: Dataset['links'] = [
      { from: 'alpha-co-0', to: 'alpha-co-1', type: 'invested-in', factId: 'f-0' },
      { from: 'alpha-co-2', to: 'alpha-co-0', type: 'acquired' },
      { from: 'alpha-co-2', to: 'alpha-co-3', type: 'rival' },
    ];
    await writeDataset(db, input({ ...d, links }));
    expect(await read.getLinksFor('alpha-co-0')).toEqual([links[0], links[1]]);
    expect(await read.getLinksFor('alpha-co-3')).toEqual([links[2]]);
    expect(await read.getLinksFor('alpha-co-9')).toEqual([]);
    await writeDataset(db, input(makeDataset('alpha', 4)));
    expect(await read.getLinksFor('alpha-co-0')).toEqual([]);
    expect(await db.links.count()).toBe(0);
  });

  it('discards a generation left unfinished by a stopped worker, keeping the active one', async () => {
    await writeDataset(db, input(makeDataset('alpha', 4)));
    // Simulate a worker stopped mid-write: a registered 'writing' generation with some rows.
    await db.generations.add({ gen: 99, state: 'writing', startedAt: 1, sourceKind: 'url', meta: { source: 'x', contentHash: 'x', generator: 'x' }, counts: { companies: 1, articles: 0, facts: 0, people: 0, relations: 0, mentions: 0 } });
    await db.companies.add({ ...makeDataset('zeta', 1).companies[0], gen: 99, n: 0 });
    expect(await discardUnfinished(db)).toBe(1);
    expect(await db.companies.count()).toBe(4);
    expect((await read.getStatus()).companies).toBe(4);
  });
});
