import type { Fact, Money, Party } from '../dataset/schema';

/**
 * Picks the few facts a card has room for and words them. The corpus has no publication dates,
 * so "latest" means the fact from the article that comes last in corpus order (source file, then
 * position), which is the order the seed documents were collected in.
 */

export type FundingFact = Extract<Fact, { type: 'funding' }>;
type Order = (fact: Fact) => number;

export function moneyText(m: Money | undefined): string {
  if (!m) return '';
  // The text usually keeps the qualifier as written ("over $1 billion"); add it only when not.
  return m.qualifier && !m.text.toLowerCase().startsWith(m.qualifier.toLowerCase()) ? `${m.qualifier} ${m.text}` : m.text;
}

/** Comparable size of a sum: USD when known, else the raw amount (same-currency comparisons). */
export function moneySize(m: Money | undefined): number {
  return m ? (m.usd ?? m.amount) : -1;
}

const partyNames = (parties: readonly Party[]) => parties.map((p) => p.name).join(', ');

export function fundingText(f: FundingFact): string {
  const parts = [moneyText(f.values.amount), f.values.round].filter(Boolean).join(' ');
  const led = f.values.leadInvestors.length > 0 ? `led by ${partyNames(f.values.leadInvestors)}` : '';
  const withInvestors = !led && f.values.investors.length > 0 ? `from ${partyNames(f.values.investors)}` : '';
  return [parts || 'Funding round', led || withInvestors].filter(Boolean).join(', ');
}

export function factText(f: Fact): string {
  switch (f.type) {
    case 'funding':
      return fundingText(f);
    case 'valuation':
      return moneyText(f.values.amount);
    case 'acquisition': {
      const price = f.values.amount ? ` for ${moneyText(f.values.amount)}` : '';
      const stake = f.values.stakePercent !== undefined ? ` (${f.values.stakePercent}%)` : '';
      return `${f.values.acquirer.name} acquired ${f.values.target.name}${stake}${price}`;
    }
    case 'stake':
      return `${f.values.holder.name} holds ${f.values.percent}% of ${f.values.target.name}`;
    case 'ipo':
      return ['IPO', f.values.venue ? `on ${f.values.venue}` : '', f.values.amount ? `raising ${moneyText(f.values.amount)}` : '']
        .filter(Boolean)
        .join(' ');
    default:
      return f.sentence;
  }
}

export interface PickedFact {
  key: string;
  label: string;
  fact: Fact;
}

const largestBy = <T extends Fact>(facts: T[], size: (f: T) => number) =>
  facts.reduce<T | undefined>((best, f) => (best === undefined || size(f) > size(best) ? f : best), undefined);
const latestBy = <T extends Fact>(facts: T[], order: Order) =>
  facts.reduce<T | undefined>((best, f) => (best === undefined || order(f) >= order(best) ? f : best), undefined);

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
  return out;
}
