import type { Company, Dataset, Fact, Link, Party, Person, Relation } from '../dataset/schema';

/**
 * Moving everything a dataset says about one company to another (a merge), or dropping it (a name
 * that is not an organisation), across every list that refers to companies by id.
 */

/** Where an id goes: another id, or nowhere (null). Ids it does not name stay as they are. */
export type IdMap = ReadonlyMap<string, string | null>;

const isParty = (value: unknown): value is Party => typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && !Array.isArray(value);

function remapParty(party: Party, ids: IdMap): Party {
  if (!party.companyId || !ids.has(party.companyId)) return party;
  const to = ids.get(party.companyId);
  const { companyId: _, ...rest } = party;
  return to ? { ...rest, companyId: to } : rest;
}

/**
 * The other parties a fact names (an acquirer, investors, a partner…) are found by shape, so a
 * fact type added later is covered without being listed here.
 */
function remapValues<T extends Fact>(fact: T, ids: IdMap): T {
  const values: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(fact.values)) {
    let next = value;
    if (isParty(value)) next = remapParty(value, ids);
    else if (Array.isArray(value)) next = value.map((v) => (isParty(v) ? remapParty(v, ids) : v));
    changed ||= next !== value && JSON.stringify(next) !== JSON.stringify(value);
    values[key] = next;
  }
  return changed ? { ...fact, values: values as T['values'] } : fact;
}

const moved = (id: string, ids: IdMap) => (ids.has(id) ? ids.get(id)! : id);

function remapRelations(relations: readonly Relation[], ids: IdMap): Relation[] {
  const out = new Map<string, Relation>();
  for (const r of relations) {
    const x = moved(r.a, ids);
    const y = moved(r.b, ids);
    if (!x || !y || x === y) continue;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    const seen = out.get(key);
    out.set(key, seen ? { a, b, weight: seen.weight + r.weight, articleIds: [...new Set([...seen.articleIds, ...r.articleIds])] } : { ...r, a, b });
  }
  return [...out.values()];
}

function remapLinks(links: readonly Link[], ids: IdMap): Link[] {
  const out = new Map<string, Link>();
  for (const l of links) {
    const from = moved(l.from, ids);
    const to = moved(l.to, ids);
    if (!from || !to || from === to) continue;
    const link = { ...l, from, to };
    const key = [from, to, l.type, l.factId ?? ''].join('\u0000');
    if (!out.has(key)) out.set(key, link);
  }
  return [...out.values()];
}

function remapPerson(p: Person, ids: IdMap): Person | null {
  const companyIds = [...new Set(p.companyIds.map((id) => moved(id, ids)).filter((id): id is string => !!id))];
  if (companyIds.length === 0 && p.companyIds.length > 0) return null;
  const roles = p.roles.map((r) => {
    if (!r.companyId || !ids.has(r.companyId)) return r;
    const { companyId: _, ...rest } = r;
    const to = ids.get(r.companyId);
    return to ? { ...rest, companyId: to } : rest;
  });
  return { ...p, companyIds, roles };
}

/**
 * The dataset with every reference to a mapped id moved or dropped. Companies themselves are the
 * caller's: only their parent links are followed here.
 */
export function remapCompanies(dataset: Dataset, companies: Company[], ids: IdMap): Dataset {
  if (ids.size === 0) return { ...dataset, companies };
  const facts: Fact[] = [];
  for (const f of dataset.facts) {
    const owner = moved(f.companyId, ids);
    if (!owner) continue;
    facts.push(remapValues(owner === f.companyId ? f : { ...f, companyId: owner }, ids));
  }
  const keptFacts = new Set(facts.map((f) => f.id));
  return {
    ...dataset,
    companies: companies.map((c) => {
      if (!c.parentId || !ids.has(c.parentId)) return c;
      const { parentId: _, ...rest } = c;
      const to = ids.get(c.parentId);
      return to && to !== c.id ? { ...rest, parentId: to } : rest;
    }),
    mentions: dataset.mentions.flatMap((m) => {
      const to = moved(m.companyId, ids);
      return to ? [to === m.companyId ? m : { ...m, companyId: to }] : [];
    }),
    facts,
    people: dataset.people.map((p) => remapPerson(p, ids)).filter((p): p is Person => p !== null),
    relations: remapRelations(dataset.relations, ids),
    links: remapLinks(dataset.links ?? [], ids).filter((l) => !l.factId || keptFacts.has(l.factId)),
  };
}
