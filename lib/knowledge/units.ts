/**
 * Units of an organisation named by description ("Alibaba's cloud unit", "the firm's cloud
 * computing division"): the child organisation whose name carries a word of the description,
 * so a unit's figures stay on the unit. Children come from the registry's parent links.
 */

export type UnitOf = (parentId: string, description: string) => string | undefined;

export function unitsFrom(entries: readonly { id: string; name: string; parent?: string }[]): UnitOf {
  const children = new Map<string, { id: string; words: string[] }[]>();
  const names = new Map(entries.map((e) => [e.id, e.name.toLowerCase()]));
  for (const e of entries) {
    if (!e.parent) continue;
    const parentWords = new Set((names.get(e.parent) ?? '').split(/\W+/));
    const words = e.name.toLowerCase().split(/\W+/).filter((w) => w.length >= 4 && !parentWords.has(w));
    children.set(e.parent, [...(children.get(e.parent) ?? []), { id: e.id, words }]);
  }
  return (parentId, description) => {
    const said = new Set(description.toLowerCase().split(/\W+/));
    const hits = (children.get(parentId) ?? []).filter((c) => c.words.some((w) => said.has(w)));
    return hits.length === 1 ? hits[0].id : undefined;
  };
}

/** "'s cloud computing division" after a company token: the words describing the unit. */
export const UNIT_AFTER = /^'s ((?:[\p{L}-]+ ){1,3})(?:division|unit|arm|business|subsidiary|wing|segment)\b/u;
