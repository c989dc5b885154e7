import type { SearchHit, SearchResults } from '../../lib/search/query';
import { presentResults } from '../../lib/search/rank';

/** One selectable row of the popup, whatever list it comes from. */
export interface Entry {
  key: string;
  kind: string;
  name: string;
  context: string;
  /** The company profile the row opens; rows without one are shown but cannot be opened. */
  companyId?: string;
  /** Terms to highlight in the name and the context. */
  terms: string[];
}

export interface Group {
  title: string;
  entries: Entry[];
}

function fromHit(hit: SearchHit): Entry {
  return {
    key: `${hit.kind}:${hit.id}`,
    kind: hit.kind === 'company' ? hit.label : hit.kind,
    name: hit.name,
    context: hit.context,
    companyId: hit.companyId,
    terms: hit.terms,
  };
}

/** Search results as groups: the top hit, then companies, people, articles; empty groups are left out. */
export function resultGroups(found: SearchResults): Group[] {
  const results = presentResults(found, found.query);
  return [
    { title: 'Top hit', entries: results.top ? [fromHit(results.top)] : [] },
    { title: 'Companies', entries: results.companies.map(fromHit) },
    { title: 'People', entries: results.people.map(fromHit) },
    { title: 'Articles', entries: results.articles.map(fromHit) },
  ].filter((g) => g.entries.length > 0);
}

/** The rows of all groups in display order, which is the order ↑/↓ move through. */
export function flatten(groups: Group[]): Entry[] {
  return groups.flatMap((g) => g.entries);
}
