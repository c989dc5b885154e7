import type { Fact, FactType } from '../../lib/dataset/schema';
import { formatFact } from '../../lib/knowledge/format';

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
  legal: 'Legal and regulatory',
  partnership: 'Partners',
  rival: 'Rivals',
  commitment: 'Commitments',
};

/** One short line stating what a fact says; the one formatter shared with the card and popup. */
export const factSummary = formatFact;

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
