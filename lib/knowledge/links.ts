import type { Fact, Link, LinkType, Party } from '../dataset/schema';

/**
 * Typed relations derived from facts, each keeping the fact it came from, plus the registry's
 * parent links. Co-mention relations stay apart (graph.ts) as "also named with".
 */

export function links(facts: readonly Fact[], parents: readonly { id: string; parentId?: string }[]): Link[] {
  const out = new Map<string, Link>();
  const add = (from: string | undefined, to: string | undefined, type: LinkType, factId?: string) => {
    if (!from || !to || from === to) return;
    // Partners and rivals are mutual: one link per pair, in id order.
    const [a, b] = (type === 'partner' || type === 'rival') && to < from ? [to, from] : [from, to];
    const key = `${a}|${b}|${type}`;
    if (!out.has(key)) out.set(key, { from: a, to: b, type, ...(factId ? { factId } : {}) });
  };
  const parties = (list: readonly Party[]) => list.map((p) => p.companyId);
  for (const f of facts) {
    switch (f.type) {
      case 'funding':
        for (const investor of [...parties(f.values.leadInvestors), ...parties(f.values.investors)]) add(investor, f.companyId, 'invested-in', f.id);
        break;
      case 'acquisition':
        add(f.values.acquirer.companyId, f.values.target.companyId, 'acquired', f.id);
        break;
      case 'stake':
        add(f.values.holder.companyId, f.values.target.companyId, 'holds-stake-in', f.id);
        break;
      case 'partnership':
        add(f.companyId, f.values.partner.companyId, 'partner', f.id);
        break;
      case 'rival':
        add(f.companyId, f.values.rival.companyId, 'rival', f.id);
        break;
      case 'legal':
        add(f.values.by?.companyId, f.companyId, 'regulator-of', f.id);
        break;
    }
  }
  for (const c of parents) add(c.id, c.parentId, 'unit-of');
  const order = (l: Link) => [l.from, l.to, l.type];
  return [...out.values()].sort((x, y) => {
    const [a, b] = [order(x), order(y)];
    const i = a.findIndex((v, k) => v !== b[k]);
    return i < 0 ? 0 : a[i] < b[i] ? -1 : 1;
  });
}
