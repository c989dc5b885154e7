import { describe, expect, it } from 'vitest';
import { planUpdate, positionsOf, sameValue, type Written } from './delta';
import { makeDataset } from '../../test/support/datasets';
import type { Dataset, Link } from '../dataset/schema';

describe('planUpdate', () => {
  it('writes only the rows that differ, placing a new row between its kept neighbours', () => {
    const old = makeDataset('alpha', 6);
    const written: Written = { gen: 3, dataset: old, positions: positionsOf(old) };
    const extra = { ...old.companies[5], id: 'alpha-co-2b', name: 'Alpha Company 2b' };
    const companies = [...old.companies.slice(0, 3), extra, ...old.companies.slice(3, 5), { ...old.companies[5], mentionCount: 9 }];
    const plan = planUpdate(written, { ...old, companies })!;
    expect(plan.tables.companies.puts.map((r) => [(r as { id: string }).id, (r as { n: number }).n])).toEqual([['alpha-co-2b', 2.5], ['alpha-co-5', 5]]);
    expect(plan.tables.companies.deletes).toEqual([]);
    expect(plan.positions.companies).toEqual([0, 1, 2, 2.5, 3, 4, 5]);
    expect(plan.size).toBe(2);
  });

  it('deletes rows that went, and moves position-keyed rows by deleting their old key', () => {
    const old = makeDataset('beta', 4);
    const written: Written = { gen: 1, dataset: old, positions: positionsOf(old) };
    const plan = planUpdate(written, { ...old, companies: old.companies.slice(1), mentions: [old.mentions[2], old.mentions[0]] })!;
    expect(plan.tables.companies.deletes).toEqual([[1, 'beta-co-0']]);
    // The second mention kept its place; the first, now after it, moved (and the middle one went).
    expect(plan.tables.mentions.deletes).toEqual([[1, 0], [1, 1]]);
    expect(plan.positions.mentions).toEqual([2, 3]);
  });

  it('gives up when positions between two rows run out of precision, and on duplicate identities', () => {
    let dataset = makeDataset('gamma', 2);
    let written: Written = { gen: 1, dataset, positions: positionsOf(dataset) };
    let plan;
    let inserted = 0;
    // Each insertion lands just before the last company (at position 1): the gap halves every time.
    for (; inserted < 100; inserted++) {
      const companies = [...dataset.companies.slice(0, -1), { ...dataset.companies[0], id: `gamma-new-${inserted}` }, dataset.companies.at(-1)!];
      const next = { ...dataset, companies };
      plan = planUpdate(written, next);
      if (!plan) break;
      dataset = next;
      written = { gen: 1, dataset, positions: plan.positions };
    }
    expect(plan).toBeNull();
    expect(inserted).toBeGreaterThan(40);
    const twice = makeDataset('delta', 2);
    expect(planUpdate({ gen: 1, dataset: twice, positions: positionsOf(twice) }, { ...twice, companies: [twice.companies[0], twice.companies[0]] })).toBeNull();
  });

  it('compares rows by value', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: 1, c: 2 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('places new rows before the first kept row, after the last, and evenly between two', () => {
    const old = makeDataset('eps', 3);
    const written: Written = { gen: 2, dataset: old, positions: positionsOf(old) };
    const co = (id: string) => ({ ...old.companies[0], id });
    const [a, b, c] = old.companies;
    const plan = planUpdate(written, { ...old, companies: [co('s1'), co('s2'), a, co('m1'), co('m2'), b, c, co('e1'), co('e2')] })!;
    expect(plan.positions.companies).toEqual([-2, -1, 0, 1 / 3, 2 / 3, 1, 2, 3, 4]);
    expect(plan.tables.companies.puts.map((r) => (r as { n: number }).n)).toEqual([-2, -1, 1 / 3, 2 / 3, 3, 4]);
    expect(plan.size).toBe(6);
    // With no kept row at all, positions start again from 0.
    expect(planUpdate(written, { ...old, companies: [co('x'), co('y')] })!.positions.companies).toEqual([0, 1]);
  });

  it('moves a row keyed by id with one put and no delete, and keys relation deletes by both ends', () => {
    const old = makeDataset('zeta', 3);
    const written: Written = { gen: 4, dataset: old, positions: positionsOf(old) };
    const [a, b, c] = old.companies;
    const plan = planUpdate(written, { ...old, companies: [a, c, b], relations: [] })!;
    // `c` stays in place (rising positions), so `b` moves after it: one put, nothing deleted.
    expect(plan.tables.companies.puts.map((r) => [(r as { id: string }).id, (r as { n: number }).n, (r as { gen: number }).gen])).toEqual([['zeta-co-1', 3, 4]]);
    expect(plan.tables.companies.deletes).toEqual([]);
    expect(plan.tables.relations.deletes).toEqual([[4, 'zeta-co-0', 'zeta-co-1']]);
    expect(plan.size).toBe(2);
  });

  it('tells links apart by their ends, type and fact, and mentions by their article, span and company', () => {
    const old = makeDataset('eta', 3);
    const link: Link = { from: 'eta-co-0', to: 'eta-co-1', type: 'partner', factId: 'eta-fact-0' };
    const withLinks = { ...old, links: [link, { ...link, factId: undefined }] } as Dataset;
    const written: Written = { gen: 1, dataset: withLinks, positions: positionsOf(withLinks) };
    expect(planUpdate(written, withLinks)!.size).toBe(0);
    const [m0, m1, m2] = old.mentions;
    for (const changed of [{ ...m1, articleId: 'other' }, { ...m1, start: m1.start + 1 }, { ...m1, end: m1.end + 1 }, { ...m1, companyId: 'eta-co-2' }]) {
      const plan = planUpdate(written, { ...withLinks, mentions: [m0, changed, m2] })!;
      expect(plan.tables.mentions.deletes).toEqual([[1, 1]]);
      expect(plan.tables.mentions.puts).toHaveLength(1);
    }
    for (const changed of [{ ...link, from: 'eta-co-2' }, { ...link, to: 'eta-co-2' }, { ...link, type: 'rival' as const }, { ...link, factId: 'eta-fact-9' }]) {
      const plan = planUpdate(written, { ...withLinks, links: [changed, withLinks.links![1]] })!;
      expect(plan.tables.links.deletes).toEqual([[1, 0]]);
    }
    // Two links that differ only in their fact are two rows; without one, the dataset has none.
    expect(planUpdate(written, { ...withLinks, links: [link, link] })).toBeNull();
    expect(planUpdate(written, { ...old })!.tables.links.deletes).toEqual([[1, 0], [1, 1]]);
  });

  it('gives up when the written dataset itself repeats an identity', () => {
    const old = makeDataset('theta', 2);
    const twice = { ...old, companies: [old.companies[0], old.companies[0]] };
    expect(planUpdate({ gen: 1, dataset: twice, positions: positionsOf(twice) }, old)).toBeNull();
  });

  it('tells values apart by type, length and nesting', () => {
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue({}, null)).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue([1, [2]], [1, [3]])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue({}, [])).toBe(false);
    expect(sameValue({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
    expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
  });
});
