import type { Change, Fact, Money, Party } from '../dataset/schema';

/**
 * The one place a fact is put into words, for the card, popup, profile and the Markdown export.
 * Figures are written from their numbers, never by pasting the source text, so a qualifier is
 * said once ("over $1 billion", never "over over"), and a count is never repeated beside its unit.
 */

const SYMBOL: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥', INR: '₹', HKD: 'HK$', AUD: 'A$', CAD: 'C$', SGD: 'S$' };
const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "1.5 billion", "150,000": short scale words above a million, grouped digits below. */
export function formatNumber(n: number): string {
  for (const [size, word] of SCALES) {
    if (Math.abs(n) >= size) return `${Number((n / size).toFixed(2))} ${word}`;
  }
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function figure(amount: number, currency: string): string {
  const symbol = SYMBOL[currency];
  return symbol ? `${symbol}${formatNumber(amount)}` : `${formatNumber(amount)} ${currency}`;
}

/** "over $1 billion", "200 billion CNY ($28 billion)"; the qualifier once, the USD figure when known. */
export function formatMoney(m: Money | undefined): string {
  if (!m) return '';
  const main = figure(m.amount, m.currency);
  const usd = m.currency !== 'USD' && m.usd !== undefined ? ` (${figure(m.usd, 'USD')})` : '';
  return [m.qualifier, `${main}${usd}`].filter(Boolean).join(' ');
}

/** "up 2.8%" / "down 36%"; the signed figure of older datasets is read the same way. */
export function formatChange(change: Change | undefined, signed?: number): string {
  const c = change ?? (signed === undefined ? undefined : { percent: Math.abs(signed), direction: signed < 0 ? 'down' : 'up' });
  return c ? `${c.direction} ${c.percent}%` : '';
}

const names = (ps: readonly Party[]) => ps.map((p) => p.name).join(', ');
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function countText(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return '';
  return unit === '%' ? `${value}%` : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/** One short line stating what a fact says, built from its values (the sentence is shown apart). */
export function formatFact(fact: Fact): string {
  switch (fact.type) {
    case 'funding': {
      const v = fact.values;
      return join(formatMoney(v.amount) || 'Funding round', v.round, v.leadInvestors.length > 0 && `led by ${names(v.leadInvestors)}`, v.investors.length > 0 && `with ${names(v.investors)}`);
    }
    case 'valuation':
      return formatMoney(fact.values.amount);
    case 'acquisition': {
      const v = fact.values;
      return join(`${v.acquirer.name} acquires ${v.stakePercent !== undefined ? `${v.stakePercent}% of ` : ''}${v.target.name}`, formatMoney(v.amount));
    }
    case 'stake':
      return `${fact.values.holder.name} holds ${fact.values.percent}% of ${fact.values.target.name}`;
    case 'ipo': {
      const v = fact.values;
      return join('IPO', v.venue, v.amount && `raising ${formatMoney(v.amount)}`, v.valuation && `valued at ${formatMoney(v.valuation)}`, v.sharePrice && `at ${formatMoney(v.sharePrice)} a share`);
    }
    case 'revenue': {
      const v = fact.values;
      return join(capital(v.metric ?? 'revenue'), formatMoney(v.amount), formatChange(v.change, v.changePercent), v.period);
    }
    case 'metric': {
      const v = fact.values;
      // "150,000 customers", not "customers · 150000 customers": the unit already names the metric.
      const value = formatMoney(v.amount) || countText(v.value, v.unit);
      const label = v.unit && v.metric.toLowerCase() === v.unit.toLowerCase() ? '' : capital(v.metric);
      return join(label, value, formatChange(v.change, v.changePercent), v.period);
    }
    case 'founding':
      return join(fact.values.year !== undefined && `Founded ${fact.values.year}`, fact.values.founders.length > 0 && `by ${fact.values.founders.join(', ')}`) || 'Founding';
    case 'headquarters':
      return `Based in ${fact.values.place}`;
    case 'leadership': {
      const v = fact.values;
      const status = v.status === 'former' && !/\bformer\b/i.test(v.role) ? 'former ' : v.status === 'appointed' ? 'new ' : '';
      return `${v.person}, ${status}${v.role}${v.status === 'left' ? ' (leaving)' : ''}`;
    }
    case 'legal': {
      const v = fact.values;
      return join(capital(v.action), v.by && `by ${v.by.name}`, formatMoney(v.amount));
    }
    case 'partnership':
      return `Partner of ${fact.values.partner.name}`;
    case 'rival':
      return `Rival of ${fact.values.rival.name}`;
    case 'commitment':
      return join(`Committed ${formatMoney(fact.values.amount)}`, fact.values.purpose, fact.values.period && `over ${fact.values.period}`);
  }
}
