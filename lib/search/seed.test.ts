import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import { Registry } from '../registry/schema';
import type { Dataset } from '../dataset/schema';
import { buildSearchIndex } from './build';
import { loadSearchIndex, type SearchIndex } from './query';
import { lookupTarget } from './lookup';

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
