import { describe, expect, it } from 'vitest';
import { planUpdate, positionsOf, sameValue, type Written } from './delta';
import { makeDataset } from './testing';

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
});
