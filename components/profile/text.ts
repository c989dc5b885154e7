import type { Fact, FactType, Money, Party } from '../../lib/dataset/schema';

export const FACT_LABELS: Record<FactType, string> = {
  funding: 'Funding',
  valuation: 'Valuation',
  acquisition: 'Acquisitions',
  stake: 'Stakes',
  ipo: 'IPO',
  revenue: 'Revenue',
  metric: 'Metrics',
  founding: 'Founding',
  headquarters: 'Headquarters',
  leadership: 'Leadership',
};

const money = (m: Money | undefined) => (m ? [m.qualifier, m.text].filter(Boolean).join(' ') : '');
const names = (ps: Party[]) => ps.map((p) => p.name).join(', ');
const pct = (n: number | undefined) => (n === undefined ? '' : `${n > 0 ? '+' : ''}${n}%`);
const join = (...parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');

/** One short line stating what a fact says, built from its values (the sentence is shown apart). */
export function factSummary(fact: Fact): string {
  switch (fact.type) {
    case 'funding': {
      const v = fact.values;
      return join(money(v.amount) || 'Funding round', v.round, v.leadInvestors.length > 0 && `led by ${names(v.leadInvestors)}`, v.investors.length > 0 && `with ${names(v.investors)}`);
    }
    case 'valuation':
      return `Valued at ${money(fact.values.amount)}`;
    case 'acquisition': {
      const v = fact.values;
      return join(`${v.acquirer.name} acquires ${v.stakePercent !== undefined ? `${v.stakePercent}% of ` : ''}${v.target.name}`, money(v.amount));
    }
    case 'stake':
      return `${fact.values.holder.name} holds ${fact.values.percent}% of ${fact.values.target.name}`;
    case 'ipo':
      return join('IPO', fact.values.venue, money(fact.values.amount) && `raising ${money(fact.values.amount)}`, money(fact.values.valuation) && `valued at ${money(fact.values.valuation)}`);
    case 'revenue':
      return join(money(fact.values.amount) || 'Revenue', pct(fact.values.changePercent), fact.values.period);
    case 'metric': {
      const v = fact.values;
      const value = money(v.amount) || (v.value !== undefined ? `${v.value}${v.unit ? ` ${v.unit}` : ''}` : '');
      return join(v.metric, value, pct(v.changePercent), v.period);
    }
    case 'founding':
      return join(fact.values.year !== undefined && `Founded ${fact.values.year}`, fact.values.founders.length > 0 && `by ${fact.values.founders.join(', ')}`) || 'Founding';
    case 'headquarters':
      return `Based in ${fact.values.place}`;
    case 'leadership':
      return `${fact.values.person}, ${fact.values.role}`;
  }
}

/** Facts grouped by type, groups in the order of FACT_LABELS, facts in dataset order. */
export function groupFacts(facts: Fact[]): { type: FactType; label: string; facts: Fact[] }[] {
  return (Object.keys(FACT_LABELS) as FactType[])
    .map((type) => ({ type, label: FACT_LABELS[type], facts: facts.filter((f) => f.type === type) }))
    .filter((g) => g.facts.length > 0);
}

/**
 * A window of `body` around [start, end), cut at spaces where possible, with the mention's
 * offsets translated into the window. Ellipses mark cut ends.
 */
export function snippet(body: string, start: number, end: number, radius = 100): { text: string; start: number; end: number } {
  const s = Math.max(0, Math.min(start, body.length));
  const e = Math.max(s, Math.min(end, body.length));
  let from = Math.max(0, s - radius);
  let to = Math.min(body.length, e + radius);
  if (from > 0) {
    const space = body.indexOf(' ', from);
    if (space !== -1 && space < s) from = space + 1;
  }
  if (to < body.length) {
    const space = body.lastIndexOf(' ', to);
    if (space > e) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const text = `${lead}${body.slice(from, to).replace(/\s+/g, ' ')}${to < body.length ? '…' : ''}`;
  // Whitespace collapsing may shift offsets; recompute them on the collapsed prefix.
  const before = lead + body.slice(from, s).replace(/\s+/g, ' ');
  const inside = body.slice(s, e).replace(/\s+/g, ' ');
  return { text, start: before.length, end: before.length + inside.length };
}
