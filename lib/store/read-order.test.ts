import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../detect/lexicon';
import type { Dataset } from '../dataset/schema';
import type { CompanyLensDB } from './db';
import { listSyncLog } from './log';
import * as read from './read';
import { rederiveArtifact } from './rederive';
import { useFreshDb } from './test-db';
import { makeDataset } from './testing';
import { writeDataset } from './write';

/** What a card and a profile read: each company's own rows, in a stable, meaningful order. */

let db: CompanyLensDB;
useFreshDb('read-order-test', (fresh) => (db = fresh));

const write = (dataset: Dataset) =>
  writeDataset(db, { dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: '{}' }) });

/** Six companies; company 0 is in several relations, facts, mentions and people. */
function rich(): Dataset {
  const d = makeDataset('r', 6);
  const [c0, c1, c2, c3, c4] = d.companies.map((c) => c.id);
  const article = d.articles[0].id;
  d.relations = [
    { a: c0, b: c1, weight: 1, articleIds: [article] },
    { a: c2, b: c0, weight: 5, articleIds: [article] },
    { a: c0, b: c3, weight: 5, articleIds: [article] },
    { a: c3, b: c4, weight: 9, articleIds: [article] },
  ];
  const fact = (id: string, place: string) => ({ id, companyId: c0, type: 'headquarters' as const, values: { place }, sentence: 'S.', articleId: article });
  d.facts = [fact('f-b', 'First'), { ...fact('f-x', 'Other'), companyId: c1 }, fact('f-a', 'Second')];
  d.people.push({ id: 'p-2', name: 'Second Person', roles: [], companyIds: [c1, c0], articleIds: [article] });
  d.links = [
    { from: c0, to: c0, type: 'unit-of' },
    { from: c1, to: c0, type: 'invested-in', factId: 'f-x' },
    { from: c0, to: c2, type: 'partner' },
  ];
  return d;
}

describe('reads of one company', () => {
  it('lists relations on either side, heaviest first, ties in dataset order', async () => {
    const d = rich();
    await write(d);
    expect(await read.getRelationsFor('r-co-0')).toEqual([d.relations[1], d.relations[2], d.relations[0]]);
    expect(await read.getRelationsFor('r-co-4')).toEqual([d.relations[3]]);
  });

  it('lists facts, people and mentions of the company in dataset order, and nobody else\'s', async () => {
    const d = rich();
    await write(d);
    expect((await read.getFactsFor('r-co-0')).map((f) => f.id)).toEqual(['f-b', 'f-a']);
    expect((await read.getPeopleFor('r-co-0')).map((p) => p.id)).toEqual(['r-person-0', 'p-2']);
    expect((await read.getPeopleFor('r-co-1')).map((p) => p.id)).toEqual(['p-2']);
    expect(await read.getMentionsFor('r-co-2')).toEqual([d.mentions[2]]);
    expect(await read.getMentionsFor('r-co-5')).toEqual([]);
  });

  it('lists a link to the company itself once, with links both ways, in dataset order', async () => {
    const d = rich();
    await write(d);
    expect(await read.getLinksFor('r-co-0')).toEqual(d.links);
    expect(await read.getLinksFor('r-co-2')).toEqual([d.links![2]]);
  });

  it('reads facts and articles by id in the order asked, skipping unknown ids', async () => {
    const d = rich();
    await write(d);
    expect((await read.getFacts(['f-a', 'gone', 'f-b'])).map((f) => f.id)).toEqual(['f-a', 'f-b']);
    expect(await read.getArticles(['gone', d.articles[0].id])).toEqual(d.articles);
    expect(await read.getCompanies([])).toEqual([]);
  });

  it('reads nothing of a replaced dataset and only the new one\'s rows', async () => {
    await write(rich());
    const next = makeDataset('s', 2);
    await write(next);
    expect(await read.getFactsFor('r-co-0')).toEqual([]);
    expect(await read.getRelationsFor('r-co-0')).toEqual([]);
    expect(await read.getFacts(['f-a'])).toEqual([]);
    expect(await read.getFactsFor('s-co-0')).toEqual(next.facts);
    expect(await read.getAllCompanies()).toEqual(next.companies);
  });

  it('answers empty values for every read when no dataset is active', async () => {
    expect(await read.getFactsFor('x')).toEqual([]);
    expect(await read.getPeopleFor('x')).toEqual([]);
    expect(await read.getRelationsFor('x')).toEqual([]);
    expect(await read.getLinksFor('x')).toEqual([]);
    expect(await read.getMentionsFor('x')).toEqual([]);
    expect(await read.getFacts(['x'])).toEqual([]);
    expect(await read.getArticles(['x'])).toEqual([]);
    expect(await read.getCompanies(['x'])).toEqual([]);
  });
});

describe('status', () => {
  it('gives the active dataset\'s counts, source, time and version', async () => {
    const before = Date.now();
    const gen = await write(rich());
    const status = await read.getStatus();
    expect(status).toEqual({ companies: 6, articles: 1, facts: 3, people: 2, source: 'test r', syncedAt: expect.any(Number), version: `hash-r-6:${gen.gen}` });
    expect(status.syncedAt).toBeGreaterThanOrEqual(before);
  });

  it('ignores a pointer to a generation that is not ready', async () => {
    await write(rich());
    const active = (await db.meta.get('active')) as { gen: number };
    await db.generations.update(active.gen, { state: 'writing' });
    expect(await read.getStatus()).toEqual(read.EMPTY_STATUS);
    expect(await read.activeGeneration(db)).toBeUndefined();
  });
});

describe('sync history', () => {
  it('lists the most recent syncs first, up to the limit', async () => {
    for (let i = 1; i <= 12; i++) await db.syncLog.add({ startedAt: i, source: `s${i}`, sourceKind: 'url', outcome: 'ok' });
    expect((await listSyncLog()).map((r) => r.source)).toEqual(['s12', 's11', 's10', 's9', 's8', 's7', 's6', 's5', 's4', 's3']);
    expect((await listSyncLog(2)).map((r) => r.source)).toEqual(['s12', 's11']);
  });
});

describe('rederiveArtifact', () => {
  const job = (build: (companies: string[]) => Promise<string> | string) => ({
    db,
    tables: (d: CompanyLensDB) => [d.companies],
    read: async (d: CompanyLensDB, gen: { gen: number }) => (await d.companies.where('[gen+id]').between([gen.gen, ''], [gen.gen, '\uffff']).toArray()).map((c) => c.id),
    build,
    row: (gen: number, value: string) => ({ gen, name: 'searchIndex' as const, value: new Blob([value]), version: 'v' }) as never,
  });

  it('answers null when no dataset is active', async () => {
    expect(await rederiveArtifact(job(() => 'x'))).toBeNull();
  });

  it('builds from the active rows and stores the result', async () => {
    const gen = await write(makeDataset('t', 2));
    const result = await rederiveArtifact(job((ids) => ids.join(',')));
    expect(result).toMatchObject({ value: 't-co-0,t-co-1', stored: true, gen: { gen: gen.gen } });
    expect(await db.artifacts.get([gen.gen, 'searchIndex'])).toBeTruthy();
  });

  it('stores nothing when another dataset became active while it built', async () => {
    const first = await write(makeDataset('t', 2));
    const result = await rederiveArtifact(
      job(async (ids) => {
        await write(makeDataset('u', 3));
        return ids.join(',');
      }),
    );
    expect(result).toMatchObject({ value: 't-co-0,t-co-1', stored: false, gen: { gen: first.gen } });
    const active = (await read.activeGeneration(db))!;
    expect(active.gen).not.toBe(first.gen);
  });
});
