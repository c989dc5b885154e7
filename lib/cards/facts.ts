import type { Fact, Money } from '../dataset/schema';
import { formatFact, formatMoney } from '../knowledge/format';

/**
 * Picks the few facts a card has room for and words them. The corpus has no publication dates,
 * so "latest" means the fact from the article that comes last in corpus order (source file, then
 * position), which is the order the seed documents were collected in.
 */

export type FundingFact = Extract<Fact, { type: 'funding' }>;
type Order = (fact: Fact) => number;

/** Money in words, by the one formatter. */
export const moneyText = formatMoney;

/** Comparable size of a sum: USD when known, else the raw amount (same-currency comparisons). */
export function moneySize(m: Money | undefined): number {
  return m ? (m.usd ?? m.amount) : -1;
}

/** A fact in words, by the one formatter. */
export const factText = formatFact;

export interface PickedFact {
  key: string;
  label: string;
  fact: Fact;
}

const largestBy = <T extends Fact>(facts: T[], size: (f: T) => number) =>
  facts.reduce<T | undefined>((best, f) => (best === undefined || size(f) > size(best) ? f : best), undefined);
const latestBy = <T extends Fact>(facts: T[], order: Order) =>
  facts.reduce<T | undefined>((best, f) => (best === undefined || order(f) >= order(best) ? f : best), undefined);

export const MAX_KEY_FACTS = 6;
const DEAL_TYPES = new Set<Fact['type']>(['funding', 'valuation', 'ipo', 'acquisition', 'stake']);
const OTHER_LABELS: Partial<Record<Fact['type'], string>> = {
  revenue: 'Revenue',
  metric: 'Figure',
  leadership: 'Leadership',
  legal: 'Legal or regulatory',
  partnership: 'Partnership',
  rival: 'Rival',
  commitment: 'Commitment',
};

/**
 * Latest first: a fact's own date (the period it states, or its article's date) when it has one,
 * else the corpus order of its article.
 */
export function dated(order: Order): Order {
  return (f) => (f.date ? Number(f.date.slice(0, 4)) * 1e6 + order(f) : order(f));
}

/** The key facts, in card order: funding (largest, latest), valuation, IPO, acquisitions, stakes. */
export function pickKeyFacts(facts: readonly Fact[], order: Order, limitPerKind = 2): PickedFact[] {
  const of = <T extends Fact['type']>(type: T) => facts.filter((f): f is Extract<Fact, { type: T }> => f.type === type);
  const out: PickedFact[] = [];
  const funding = of('funding');
  const largest = largestBy(funding, (f) => moneySize(f.values.amount));
  const latest = latestBy(funding, order);
  if (largest && largest === latest) out.push({ key: 'funding', label: 'Largest and latest funding', fact: largest });
  else {
    if (largest) out.push({ key: 'funding-largest', label: 'Largest funding', fact: largest });
    if (latest) out.push({ key: 'funding-latest', label: 'Latest funding', fact: latest });
  }
  const valuation = latestBy(of('valuation'), order);
  if (valuation) out.push({ key: 'valuation', label: 'Valuation', fact: valuation });
  const ipo = latestBy(of('ipo'), order);
  if (ipo) out.push({ key: 'ipo', label: 'IPO', fact: ipo });
  const byLatest = (a: Fact, b: Fact) => order(b) - order(a);
  of('acquisition')
    .sort(byLatest)
    .slice(0, limitPerKind)
    .forEach((fact, i) => out.push({ key: `acquisition-${i}`, label: 'Acquisition', fact }));
  of('stake')
    .sort(byLatest)
    .slice(0, limitPerKind)
    .forEach((fact, i) => out.push({ key: `stake-${i}`, label: 'Stake', fact }));
  // Then the latest of everything else the corpus reports (results, people, legal action, ...),
  // leaving out identity lines the card shows apart.
  facts
    .filter((f) => !DEAL_TYPES.has(f.type) && f.type !== 'founding' && f.type !== 'headquarters')
    .sort(byLatest)
    .slice(0, Math.max(0, MAX_KEY_FACTS - out.length))
    .forEach((fact, i) => out.push({ key: `other-${i}`, label: OTHER_LABELS[fact.type] ?? 'Reported', fact }));
  return out;
}
