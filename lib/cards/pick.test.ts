import { describe, expect, it } from 'vitest';
import type { Fact } from '../dataset/schema';
import { dated, pickKeyFacts } from './facts';

const fact = (id: string, type: string, values: object, date?: string) =>
  ({ id, companyId: 'acme', sentence: id, articleId: id, type, values, ...(date ? { date } : {}) }) as unknown as Fact;

describe('pickKeyFacts', () => {
  it('shows a company with no deals its reported figures, latest dated first', () => {
    const facts = [
      fact('old', 'metric', { metric: 'net profit', amount: { amount: 1e9, currency: 'EUR', text: '1bn euros' } }, '2003'),
      fact('new', 'revenue', { metric: 'sales', change: { percent: 2, direction: 'down' } }, '2004-Q4'),
      fact('hq', 'headquarters', { place: 'Gaydon' }),
    ];
    const order = (f: Fact) => ['new', 'old', 'hq'].indexOf(f.id);
    expect(pickKeyFacts(facts, dated(order)).map((p) => [p.label, p.fact.id])).toEqual([
      ['Revenue', 'new'],
      ['Figure', 'old'],
    ]);
  });
});
