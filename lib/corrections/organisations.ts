import type { OrgCompany } from '../knowledge/orgs';
import type { Correction } from './schema';

const sameText = (a: string, b: string) => a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();

/**
 * The corrections that decide which names are organisations, applied to the organisations a
 * build resolved, before the articles are read for mentions and facts: a name that is not an
 * organisation is not looked for, and a name the user added is found like any other, facts
 * included. The rest (and these again, which then change nothing) apply to the built dataset
 * (applyCorrections), which is the step every dataset goes through, built or synced.
 */
export function correctOrganisations(orgs: OrgCompany[], corrections: readonly Correction[]): OrgCompany[] {
  if (corrections.length === 0) return orgs;
  const dropped = new Set<string>();
  const added = new Map<string, string[]>();
  for (const c of corrections) {
    if (c.kind === 'not-organisation') dropped.add(c.companyId);
    if (c.kind === 'alias') added.set(c.companyId, [...(added.get(c.companyId) ?? []), c.alias]);
  }
  return orgs
    .filter((o) => !dropped.has(o.id))
    .map((o) => {
      const texts = (added.get(o.id) ?? []).filter((t, i, all) => !sameText(t, o.name) && !o.aliases.some((a) => sameText(a.text, t)) && all.findIndex((x) => sameText(x, t)) === i);
      return texts.length === 0 ? o : { ...o, aliases: [...o.aliases, ...texts.map((text) => ({ text }))] };
    });
}
