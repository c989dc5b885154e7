import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { BOOST, INDEX_OPTIONS, SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION, type HitKind, type SearchDocument, type StoredFields } from './options';
import { normaliseTerm, tokenizeForIndex, tokenizeQuery } from './terms';
import { NamePrefixes, type NamePrefixJson } from './prefix';

export interface SearchHit {
  kind: HitKind;
  /** The dataset id of the company, person or article. */
  id: string;
  name: string;
  /** The company's kind ("company", "investor", ...), "person" or "article". */
  label: string;
  context: string;
  /** The company profile this hit leads to, when there is one. */
  companyId?: string;
  score: number;
  /** Indexed terms that matched, for highlighting. */
  terms: string[];
  /** True when every query word matched the name or an alias (a confident hit). */
  nameMatch: boolean;
}

export interface SearchResults {
  query: string;
  companies: SearchHit[];
  people: SearchHit[];
  articles: SearchHit[];
}

export class SearchIndexError extends Error {
  constructor(
    readonly code: 'malformed' | 'version',
    message: string,
  ) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

const NAME_FIELDS = ['name', 'aliases'];

/**
 * Fuzzy matching only for words of four letters or more: on shorter words one typo already
 * matches half the dictionary, and two edits are kept for words of nine letters or more because
 * on a large index they match thousands of words. Prefix matching is always on, because results
 * update as you type.
 */
const BASE_OPTIONS: SearchOptions = {
  boost: BOOST,
  prefix: true,
  fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 4 ? 1 : false),
  maxFuzzy: 2,
  tokenize: tokenizeQuery,
  processTerm: normaliseTerm,
  weights: { fuzzy: 0.4, prefix: 0.6 },
  boostDocument: (_id, _term, stored) => 1 + Math.log1p(Number((stored as StoredFields | undefined)?.m ?? 0)) / 20,
};

/** Levenshtein distance of a and b, or Infinity once it must exceed `max` (cheap early exit). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** True when the query word is a prefix of the indexed word or a small typo of it. */
function wordMatches(query: string, term: string): boolean {
  return term.startsWith(query) || (query.length >= 4 && editDistance(query, term, query.length >= 9 ? 2 : 1) < Infinity);
}

/** The words of a result's stored name, aliases and context, for filtering by a last word. */
function storedWords(r: SearchResult): string[] {
  const s = r as SearchResult & StoredFields;
  return tokenizeForIndex(`${s.n} ${s.a ?? ''} ${s.x}`).map(normaliseTerm);
}

/**
 * What to mark in a result: the typed word where it is the start of the matched word (so
 * "tencen" marks "Tencen" in "Tencent"), the matched word itself where a typo was forgiven.
 */
function markTerms(r: SearchResult): string[] {
  return [...r.queryTerms, ...r.terms.filter((t) => !r.queryTerms.some((q) => t.startsWith(q)))];
}

function toHit(r: SearchResult, extraTerms: string[] = []): SearchHit {
  const s = r as SearchResult & StoredFields;
  const id = String(r.id).slice(s.t.length + 1);
  const nameTerms = Object.keys(r.match).filter((t) => r.match[t].some((f) => NAME_FIELDS.includes(f)));
  const nameWords = extraTerms.length ? tokenizeForIndex(`${s.n} ${s.a ?? ''}`).map(normaliseTerm) : [];
  const nameMatch = r.queryTerms.every((q) => nameTerms.some((t) => wordMatches(q, t))) && extraTerms.every((q) => nameWords.some((w) => wordMatches(q, w)));
  return { kind: s.t, id, name: s.n, label: s.k, context: s.x, companyId: s.r, score: r.score, terms: [...markTerms(r), ...extraTerms], nameMatch };
}

/** A loaded search index with the queries the popup, the omnibox and the context menu need. */
/** Above this many candidates for the first words, filtering them in JS is no cheaper. */
const FILTER_LIMIT = 5_000;
/** Fewer exact and prefix matches than this, and the query is retried with typos allowed. */
const FUZZY_BELOW = 3;
/**
 * A Latin word of up to three letters is a word still being typed; prefix-expanding it over the
 * whole index is what makes a keystroke slow, so such words are matched against names only.
 */
const isShortLatin = (term: string) => term.length <= 3 && term.charCodeAt(0) < 0x3000;

export class SearchIndex {
  constructor(
    private readonly index: MiniSearch<SearchDocument>,
    private readonly names: NamePrefixes,
  ) {}

  get documentCount(): number {
    return this.index.documentCount;
  }

  /** Grouped results; each group is sorted by score and cut to `limit`. */
  search(query: string, limit = 8): SearchResults {
    const results: SearchResults = { query, companies: [], people: [], articles: [] };
    const terms = tokenizeQuery(query).map(normaliseTerm);
    if (!terms.length) return results;
    const hits = terms.length === 1 && isShortLatin(terms[0]) ? this.namePrefix(terms[0]) : this.fullText(query, terms);
    for (const hit of hits) {
      const group = hit.kind === 'company' ? results.companies : hit.kind === 'person' ? results.people : results.articles;
      if (group.length < limit) group.push(hit);
    }
    return results;
  }

  /**
   * A few letters are the start of a name being typed. Names and aliases with a word starting
   * with them are found by binary search and ranked by how often the corpus mentions them.
   */
  private namePrefix(prefix: string): SearchHit[] {
    return this.names.match(prefix).flatMap(({ id, rank }) => {
      const s = this.index.getStoredFields(id) as StoredFields | undefined;
      return s ? [{ kind: s.t, id: id.slice(s.t.length + 1), name: s.n, label: s.k, context: s.x, companyId: s.r, score: rank, terms: [prefix], nameMatch: true }] : [];
    });
  }

  /**
   * Full-text search. While a short word is being typed after others ("samiart s"), the earlier
   * words are searched first and their results filtered by the last word in the stored name,
   * aliases and context line; the whole query goes to MiniSearch once the last word is longer
   * or the earlier words match too much to filter.
   */
  private fullText(query: string, terms: string[]): SearchHit[] {
    const last = terms[terms.length - 1];
    if (terms.length > 1 && isShortLatin(last)) {
      const head = this.index.search(terms.slice(0, -1).join(' '), { ...BASE_OPTIONS, combineWith: 'AND' });
      if (head.length <= FILTER_LIMIT) {
        if (isShortLatin(last)) return head.filter((r) => storedWords(r).some((w) => w.startsWith(last))).map((r) => toHit(r, [last]));
      }
    }
    // Fuzzy matching is the expensive part of a query on a large index, and a correctly typed
    // name does not need it: typos are looked for only when exact and prefix matches are few.
    let raw = this.index.search(query, { ...BASE_OPTIONS, fuzzy: false, combineWith: 'AND' });
    if (raw.length < FUZZY_BELOW) raw = this.index.search(query, { ...BASE_OPTIONS, combineWith: 'AND' });
    // With several words, AND is the precise answer; when it finds nothing, any-word matches
    // are still better than an empty list.
    if (raw.length === 0 && terms.length > 1) raw = this.index.search(query, { ...BASE_OPTIONS, combineWith: 'OR' });
    return raw.map((r) => toHit(r));
  }

  /**
   * The company a free-text look-up should open: a company whose name or alias matches every
   * word, else the company of a person whose name matches. Null when nothing is confident.
   */
  bestCompany(query: string): SearchHit | null {
    const { companies, people } = this.search(query, 3);
    if (companies[0]?.nameMatch) return companies[0];
    const person = people.find((p) => p.nameMatch && p.companyId);
    return person ?? null;
  }

  /** Closest company names for a query that found nothing: looser fuzzy matching on names only. */
  suggest(query: string, limit = 3): string[] {
    if (!query.trim()) return [];
    const raw = this.index.search(query, {
      ...BASE_OPTIONS,
      fields: NAME_FIELDS,
      fuzzy: (term) => (term.length >= 3 ? 0.4 : false),
      combineWith: 'OR',
      filter: (r) => r.t === 'company',
    });
    return raw.slice(0, limit).map((r) => String(r.n));
  }
}

/** Loads an index serialised by `buildSearchIndex`; throws SearchIndexError on anything else. */
export function loadSearchIndex(json: string): SearchIndex {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new SearchIndexError('malformed', `The search index is not valid JSON: ${(error as Error).message}`);
  }
  const p = parsed as { format?: unknown; version?: unknown; index?: unknown; names?: Partial<NamePrefixJson> } | null;
  if (!p || typeof p !== 'object' || p.format !== SEARCH_INDEX_FORMAT || !p.index || typeof p.index !== 'object' || !Array.isArray(p.names?.keys) || !Array.isArray(p.names?.ids) || !Array.isArray(p.names?.ranks)) {
    throw new SearchIndexError('malformed', 'The stored search index is not a Company Lens search index');
  }
  if (p.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexError('version', `Search index version ${String(p.version)} is not ${SEARCH_INDEX_VERSION}; it must be rebuilt`);
  }
  try {
    return new SearchIndex(MiniSearch.loadJS(p.index as never, INDEX_OPTIONS), new NamePrefixes(p.names as NamePrefixJson));
  } catch (error) {
    throw new SearchIndexError('malformed', `The search index could not be loaded: ${(error as Error).message}`);
  }
}
