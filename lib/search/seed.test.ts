import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import { Registry } from '../registry/schema';
import type { Dataset } from '../dataset/schema';
import { buildSearchIndex } from './build';
import { loadSearchIndex, type SearchIndex } from './query';
import { lookupTarget, omniboxSuggestions } from './lookup';
import { nearNames, presentResults } from './rank';

const SEEDS = resolve(import.meta.dirname, '../../seeds');
let dataset: Dataset;
let index: SearchIndex;

beforeAll(() => {
  const dir = join(SEEDS, 'corpus');
  const documents = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const registry = Registry.parse(JSON.parse(readFileSync(join(SEEDS, 'companies.json'), 'utf8')));
  dataset = buildDataset({ documents, registry, source: 'bundled seed corpus' });
  index = loadSearchIndex(buildSearchIndex(dataset));
});

const first = (q: string) => index.search(q).companies[0]?.name;

describe('search over the seed dataset', () => {
  it('ranks Tencent first while "tencen" is typed', () => {
    for (const q of ['ten', 'tenc', 'tence', 'tencen', 'Tencent']) expect(first(q), q).toBe('Tencent');
  });
  it('finds XTransfer, Alibaba Group by Chinese, and a typo', () => {
    expect(first('xtrans')).toBe('XTransfer');
    expect(first('阿里')).toBe('Alibaba Group');
    expect(first('阿里巴巴')).toBe('Alibaba Group');
    expect(first('alibabba')).toBe('Alibaba Group');
  });
  it('finds a person and their company', () => {
    const person = dataset.people.find((p) => p.name === 'Daniel Zhang') ?? dataset.people.find((p) => p.companyIds.length > 0)!;
    const r = index.search(person.name);
    expect(r.people.map((p) => p.id)).toContain(person.id);
    const companyIds = r.companies.map((c) => c.id);
    expect(person.companyIds.some((id) => companyIds.includes(id))).toBe(true);
    expect(lookupTarget(index, person.name).companyId).toBeDefined();
  });
});

const present = (q: string) => presentResults(index.search(q), q);

describe('how results are presented over the seed dataset', () => {
  it('puts the exact person first: the top hit for "daniel zhang" and "jack ma"', () => {
    expect(present('daniel zhang').top).toMatchObject({ kind: 'person', name: 'Daniel Zhang' });
    expect(present('jack ma').top).toMatchObject({ kind: 'person', name: 'Jack Ma' });
    // The company found through its people says which person.
    expect(present('daniel zhang').companies[0]?.context).toContain('Daniel Zhang');
  });
  it('makes an alias or the start of a name the top hit, and leaves unexplained companies out', () => {
    expect(present('alibaba').top?.name).toBe('Alibaba Group');
    expect(present('tencen').top?.name).toBe('Tencent');
    const xtrans = present('xtrans');
    expect(xtrans.top?.name).toBe('XTransfer');
    // Companies that only share an article tag with XTransfer are not listed.
    expect(xtrans.companies.map((c) => c.name)).toEqual([]);
  });
  it('finds deal words in facts and shows the sentence that matched', () => {
    // Read from the corpus first: the sentences that report Series C rounds.
    const seriesC = new Set(dataset.facts.filter((f) => f.type === 'funding' && /series c\b/i.test(f.sentence)).map((f) => f.companyId));
    expect(seriesC.size).toBeGreaterThan(0);
    const r = present('series c');
    expect(r.top).toBeNull();
    expect(seriesC.has(r.companies[0]!.id)).toBe(true);
    expect(r.companies[0]!.context).toMatch(/Series C/);
    for (const word of ['ipo', 'raised', 'acquired']) {
      const found = present(word);
      expect(found.companies.length + found.articles.length, word).toBeGreaterThan(0);
    }
    // Every company "acquired" lists has an acquisition fact or says "acquired" where it is shown.
    const acquirers = new Set(dataset.facts.filter((f) => f.type === 'acquisition').map((f) => f.companyId));
    for (const c of present('acquired').companies) expect(acquirers.has(c.id) || /acqui/i.test(c.context), c.name).toBe(true);
  });
  it('suggests only names a small edit away', () => {
    expect(nearNames('series c', index.suggest('series c'))).toEqual([]);
    expect(nearNames('tencnt', ['Tencent', 'Tesla'])).toEqual(['Tencent']);
  });
  it('looks up and suggests in the omnibox the way the popup ranks', () => {
    const jackMa = dataset.people.find((p) => p.name === 'Jack Ma')!;
    expect(lookupTarget(index, 'jack ma').companyId).toBe(jackMa.companyIds[0]);
    expect(omniboxSuggestions(index, 'jack ma', false)[0]?.content).toBe('Jack Ma');
  });
});
