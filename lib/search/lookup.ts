import type { SearchIndex } from './query';
import { presentResults } from './rank';

/** Longest selection a look-up considers; longer selections are not a name. */
const MAX_LOOKUP = 200;

/**
 * Cleans selected text into a query: collapses whitespace, drops possessives ("Tencent's") and
 * the quotes and punctuation a sloppy selection picks up at either end.
 */
export function cleanLookup(text: string): string {
  return text
    .slice(0, MAX_LOOKUP)
    .replace(/\s+/g, ' ')
    .replace(/['’]s\b/gi, '')
    .replace(/^[\s"'“”‘’«»()[\]{}.,;:!?]+|[\s"'“”‘’«»()[\]{}.,;:!?]+$/g, '')
    .trim();
}

/** The company a look-up of `text` should open, or the cleaned query to search instead. */
export function lookupTarget(index: SearchIndex | null, text: string): { query: string; companyId?: string } {
  const query = cleanLookup(text);
  // The popup's top hit first (an exact person opens their company), then the index's own pick.
  const top = query && index ? presentResults(index.search(query, 3), query).top : null;
  const best = top?.companyId ? top : query && index ? index.bestCompany(query) : null;
  return best?.companyId ? { query, companyId: best.companyId } : { query };
}

/** Chrome's omnibox descriptions are XML: dataset text must be escaped before it goes in. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface OmniboxSuggestion {
  content: string;
  description: string;
  companyId: string;
}

/**
 * Company suggestions for the `co` keyword. `content` must be unique per suggestion (the browser
 * hands it back on Enter), so a repeated name gets the company's id appended.
 */
export function omniboxSuggestions(index: SearchIndex | null, text: string, markup: boolean, limit = 6): OmniboxSuggestion[] {
  const query = cleanLookup(text);
  if (!index || !query) return [];
  const seen = new Set<string>();
  const out: OmniboxSuggestion[] = [];
  // In the popup's order: its top hit, then companies, then people (each opens their company).
  const results = presentResults(index.search(query, limit), query);
  const hits = [...(results.top ? [results.top] : []), ...results.companies, ...results.people.filter((p) => p.companyId)].slice(0, limit);
  for (const hit of hits) {
    const companyId = hit.companyId!;
    let content = hit.name;
    if (seen.has(content)) content = `${hit.name} (${companyId})`;
    if (seen.has(content)) continue;
    seen.add(content);
    const context = hit.context.length > 90 ? `${hit.context.slice(0, 89)}…` : hit.context;
    const description = markup ? `<match>${escapeXml(hit.name)}</match> <dim>${escapeXml(`${hit.label} · ${context}`)}</dim>` : `${hit.name} — ${hit.label} · ${context}`;
    out.push({ content, description, companyId });
  }
  return out;
}
