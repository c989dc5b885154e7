import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/build';
import type { Fact } from '../dataset/schema';
import { parseRegistry } from '../registry/load';
import expected from '../../test/fixtures/knowledge/expected-facts.json';

/**
 * Runs the real pipeline on the seed corpus and scores it against expected-facts.json, which was
 * written by reading the corpus (not by copying the extractor's output). A fact matches when the
 * article, company and type agree and every key value the expectation names agrees; for
 * precision an extracted fact may leave a key out ("Eswin completed a funding round") but may
 * never contradict it.
 */

type Key = Record<string, string | number>;
interface Expected {
  article: string;
  companyId: string;
  type: string;
  key: Key;
}

const registry = parseRegistry(readFileSync('seeds/companies.json', 'utf8'), 'seeds/companies.json');
const documents = readdirSync('seeds/corpus')
  .sort()
  .map((name) => ({ name, text: readFileSync(`seeds/corpus/${name}`, 'utf8') }));
const dataset = buildDataset({ documents, registry, source: 'test' });

const near = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-6;

/** The value of one key in an extracted fact, or undefined when the fact does not state it. */
function valueOf(fact: Fact, key: string): string | number | string[] | undefined {
  const v = fact.values as Record<string, any>;
  switch (key) {
    case 'amountUsd':
      return v.amount?.usd ?? v.amount?.amount;
    case 'round':
      return v.round;
    case 'lead':
      return (v.leadInvestors ?? []).map((p: { companyId?: string }) => p.companyId ?? '');
    case 'founder':
      return v.founders?.length ? v.founders : undefined;
    case 'target':
      return v.target?.companyId;
    case 'rival':
    case 'partner':
    case 'by':
      return v[key]?.companyId;
    case 'sharePrice':
      return v.sharePrice?.amount;
    case 'change':
      return v.change ? (v.change.direction === 'down' ? -v.change.percent : v.change.percent) : undefined;
    default:
      return v[key];
  }
}

function agrees(fact: Fact, key: string, want: string | number, strict: boolean): boolean {
  const got = valueOf(fact, key);
  if (got === undefined) return !strict;
  if (Array.isArray(got)) {
    return key === 'founder'
      ? got.some((f) => f.toLowerCase().includes(String(want).toLowerCase()))
      : got.includes(String(want));
  }
  if (typeof want === 'number') return typeof got === 'number' && near(got, want);
  return String(got).toLowerCase() === want.toLowerCase();
}

const matches = (fact: Fact, e: Expected, strict: boolean) =>
  fact.articleId === e.article &&
  fact.companyId === e.companyId &&
  fact.type === e.type &&
  Object.entries(e.key).every(([k, w]) => agrees(fact, k, w, strict));

describe('knowledge extraction on the seed corpus', () => {
  const want = expected.facts as unknown as Expected[];

  it('finds the facts a reader finds, and attaches none to the wrong company', () => {
    const correct = dataset.facts.filter((f) => want.some((e) => matches(f, e, false)));
    const found = want.filter((e) => dataset.facts.some((f) => matches(f, e, true)));
    const precision = correct.length / dataset.facts.length;
    const recall = found.length / want.length;
    const wrong = dataset.facts.filter((f) => !correct.includes(f)).map((f) => `${f.companyId} ${f.type}: ${f.sentence}`);
    const missed = want.filter((e) => !found.includes(e)).map((e) => `${e.article} ${e.companyId} ${e.type} ${JSON.stringify(e.key)}`);
    console.log(`facts: precision ${precision.toFixed(3)} (${correct.length}/${dataset.facts.length}), recall ${recall.toFixed(3)} (${found.length}/${want.length})`);
    if (wrong.length) console.log(`not in the expectations:\n  ${wrong.join('\n  ')}`);
    if (missed.length) console.log(`missed:\n  ${missed.join('\n  ')}`);
    expect(want.length).toBeGreaterThanOrEqual(119);
    // Set to what the extractor reaches, so losing even one correct fact fails.
    expect(precision).toBeGreaterThanOrEqual(1);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it('names the organisations of whole articles', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [articleId, ids] of Object.entries(expected.organisations)) {
      const got = new Set(dataset.mentions.filter((m) => m.articleId === articleId).map((m) => m.companyId));
      const exp = new Set(ids);
      for (const id of got) (exp.has(id) ? tp++ : fp++);
      for (const id of exp) if (!got.has(id)) fn++;
      const extra = [...got].filter((id) => !exp.has(id));
      const lost = [...exp].filter((id) => !got.has(id));
      if (extra.length || lost.length) console.log(`${articleId}: unexpected ${extra.join(', ') || '-'}; missed ${lost.join(', ') || '-'}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`organisations: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(Object.keys(expected.organisations).length).toBeGreaterThanOrEqual(3);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every fact its company, sentence and article', () => {
    const articles = new Map(dataset.articles.map((a) => [a.id, a]));
    for (const f of dataset.facts) {
      expect(articles.get(f.articleId)?.body).toContain(f.sentence);
      expect(dataset.companies.some((c) => c.id === f.companyId)).toBe(true);
    }
  });
});
