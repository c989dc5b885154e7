import type { Link, LinkType } from '../dataset/schema';

/**
 * How a typed relation reads from one company's side. A link's direction reads "from <type> to";
 * seen from `to`, the words turn round ("Acquired by"), and symmetric types read the same.
 * The card and the profile both use these words, so a relation is named one way everywhere.
 */
const WORDS: Record<LinkType, { out: string; in: string }> = {
  'invested-in': { out: 'Invested in', in: 'Backed by' },
  acquired: { out: 'Acquired', in: 'Acquired by' },
  'holds-stake-in': { out: 'Holds a stake in', in: 'Stake held by' },
  'unit-of': { out: 'Unit of', in: 'Parent of' },
  partner: { out: 'Partner of', in: 'Partner of' },
  rival: { out: 'Rival of', in: 'Rival of' },
  'regulator-of': { out: 'Regulator of', in: 'Regulated by' },
};

/** Types in the order a reader values them: ownership and money first, then the rest. */
export const LINK_ORDER: readonly LinkType[] = ['unit-of', 'acquired', 'holds-stake-in', 'invested-in', 'regulator-of', 'partner', 'rival'];

export interface LinkSide {
  link: Link;
  /** The company at the other end. */
  other: string;
  /** The relation in words from this company's side, without the other company's name. */
  label: string;
}

/**
 * The company's links as seen from its side, best first (by LINK_ORDER, then dataset order), one
 * per other company, type and direction: the same relation read from several facts shows once,
 * with its first fact. A link from the company to itself is dropped.
 */
export function linkSides(companyId: string, links: readonly Link[]): LinkSide[] {
  const seen = new Set<string>();
  const sides: LinkSide[] = [];
  for (const link of links) {
    const outgoing = link.from === companyId;
    const other = outgoing ? link.to : link.from;
    if (other === companyId || (!outgoing && link.to !== companyId)) continue;
    const words = WORDS[link.type];
    const label = outgoing ? words.out : words.in;
    const key = `${other}\u0000${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sides.push({ link, other, label });
  }
  const rank = (s: LinkSide) => LINK_ORDER.indexOf(s.link.type);
  return sides.map((s, i) => ({ s, i })).sort((x, y) => rank(x.s) - rank(y.s) || x.i - y.i).map(({ s }) => s);
}
