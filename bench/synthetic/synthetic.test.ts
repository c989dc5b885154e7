import { describe, expect, it } from 'vitest';
import { Dataset } from '../../lib/dataset/schema';
import { Lexicon } from '../../lib/detect/lexicon';
import { aliasObject } from '../../lib/registry/schema';
import { Prng } from './prng';
import { syntheticDataset, syntheticText } from './synthetic';

describe('Prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const run = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.int(1000))(new Prng(seed)));
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});

describe('syntheticDataset', () => {
  const ds = syntheticDataset({ companies: 1000 });

  it('passes the dataset schema', () => {
    expect(() => Dataset.parse(ds)).not.toThrow();
    expect(ds.companies).toHaveLength(1000);
    expect(ds.articles).toHaveLength(50);
  });

  it('is byte-for-byte reproducible', () => {
    expect(JSON.stringify(syntheticDataset({ companies: 1000 }))).toBe(JSON.stringify(ds));
  });

  it('gives every name and alias to exactly one company', () => {
    const texts = ds.companies.flatMap((c) => [c.name, ...c.aliases.map((a) => aliasObject(a).text)].map((t) => t.toLowerCase()));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('has the name shapes the matcher must handle', () => {
    const all = ds.companies.flatMap((c) => [c.name, ...c.aliases.map((a) => a.text)]);
    expect(all.some((t) => /\.(ai|io|com|co|tech)$/.test(t))).toBe(true);
    expect(all.some((t) => /[\u4e00-\u9fff]{3}/.test(t))).toBe(true);
    expect(all.some((t) => t.split(' ').length >= 3)).toBe(true);
    expect(ds.companies.some((c) => c.aliases.some((a) => a.caseSensitive))).toBe(true);
  });

  it('records mention offsets that point at the named company', () => {
    const bodies = new Map(ds.articles.map((a) => [a.id, a.body]));
    for (const m of ds.mentions) expect(bodies.get(m.articleId)!.slice(m.start, m.end)).toBe(m.alias);
  });

  it('produces text in which the one matcher finds the recorded mentions', () => {
    const lexicon = Lexicon.build(ds.companies);
    const article = ds.articles[0];
    const found = lexicon.mentions(article.body).map((m) => lexicon.companyIds[m.companyIndex]);
    const expected = ds.mentions.filter((m) => m.articleId === article.id).map((m) => m.companyId);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('assembles long text of the requested size', () => {
    expect(syntheticText(ds, 50_000)).toHaveLength(50_000);
  });
});
