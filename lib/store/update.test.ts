import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import { BuildCache } from '../dataset/cache';
import type { Article, Dataset } from '../dataset/schema';
import { added, libraryA } from '../dataset/test-library';
import { Lexicon } from '../detect/lexicon';
import { parseRegistry } from '../registry/load';
import type { CompanyLensDB } from './db';
import { readActiveDataset } from './export';
import { getStatus } from './read';
import { useFreshDb } from './test-db';
import { storeDataset } from './update';
import { writeDataset, type WriteInput } from './write';

let db: CompanyLensDB;
useFreshDb('update-test', (fresh) => (db = fresh));

const registry = parseRegistry(readFileSync('seeds/companies.json', 'utf8'), 'seeds/companies.json');
const documents = readdirSync('seeds/corpus').sort().slice(0, 8).map((name) => ({ name, text: readFileSync(`seeds/corpus/${name}`, 'utf8') }));
const cache = new BuildCache();
const build = (articles: Article[]) => buildDataset({ documents, articles, registry, source: 'test', cache });
const input = (dataset: Dataset): WriteInput => ({ dataset, sourceKind: 'bundled', derive: () => ({ lexicon: Lexicon.build(dataset.companies).toPayload(), searchIndex: `{"index":"${dataset.meta.contentHash}"}` }) });

describe('storing a dataset over the one written last', () => {
  it('adds and removes a library article in place, and the store reads back as the new dataset', async () => {
    const first = await storeDataset(db, undefined, input(build(libraryA)));
    expect(first.how).toBe('new generation');
    const grown = build([...libraryA, added]);
    const second = await storeDataset(db, first.written, input(grown));
    expect(second.how).toBe('update');
    expect(second.row.gen).toBe(first.row.gen);
    expect(JSON.stringify(await readActiveDataset())).toBe(JSON.stringify(grown));
    expect((await getStatus()).version).toBe(`${grown.meta.contentHash}:${first.row.gen}`);
    expect((await db.library.count()) + (await db.generations.count())).toBe(1);

    const shrunk = build(libraryA.slice(1));
    const third = await storeDataset(db, second.written, input(shrunk));
    expect(third.how).toBe('update');
    expect(JSON.stringify(await readActiveDataset())).toBe(JSON.stringify(shrunk));
    // Positions found between kept rows read back in order after further changes too.
    const again = build([...libraryA.slice(1), added, libraryA[0]]);
    expect((await storeDataset(db, third.written, input(again))).how).toBe('update');
    expect(JSON.stringify(await readActiveDataset())).toBe(JSON.stringify(again));
  });

  it('writes a new generation when the store changed since', async () => {
    const first = await storeDataset(db, undefined, input(build(libraryA)));
    // Another writer stored a dataset meanwhile: `first.written` is no longer what the store holds.
    await writeDataset(db, input(build([added])));
    const grown = build([...libraryA, added]);
    const second = await storeDataset(db, first.written, input(grown));
    expect(second.how).toBe('new generation');
    expect(JSON.stringify(await readActiveDataset())).toBe(JSON.stringify(grown));
    // A dataset that shares little with the stored one reads back right, however it is stored.
    const bare = buildDataset({ documents: documents.slice(0, 1), registry, source: 'test' });
    await storeDataset(db, second.written, input(bare));
    expect(JSON.stringify(await readActiveDataset())).toBe(JSON.stringify(bare));
  });
});
