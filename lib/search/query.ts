import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { BOOST, INDEX_OPTIONS, type HitKind, type SearchDocument } from './options';
import { normaliseTerm, tokenizeForIndex, tokenizeQuery } from './terms';
import { QuickIndex, QuickIndexError, type QuickDoc } from './quick';
import { parseFull, parseFullSync, SearchIndexError, splitSearchIndex } from './artifact';

import { wordMatches } from './distance';

export { SearchIndexError } from './artifact';
export { editDistance } from './distance';

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
  /** Full-text hits: the fields that matched, the aliases, and the facts as stored (options.ts `f`). */
  fields?: string[];
  aliases?: string;
  facts?: string;
}

export interface SearchResults {
  query: string;
  companies: SearchHit[];
  people: SearchHit[];
  articles: SearchHit[];
}

const NAME_FIELDS = ['name', 'aliases'];

/**
 * Fuzzy matching only for words of four letters or more: on shorter words one typo already
 * matches half the dictionary, and two edits are kept for words of nine letters or more because
 * on a large index they match thousands of words. Prefix matching is always on, because results
 * update as you type.
 */
function baseOptions(): SearchOptions {
  return {
    boost: BOOST,
    prefix: true,
    fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 4 ? 1 : false),
    maxFuzzy: 2,
    tokenize: tokenizeQuery,
    processTerm: normaliseTerm,
    weights: { fuzzy: 0.4, prefix: 0.6 },
    boostDocument: (_id, _term, stored) => 1 + Math.log1p(Number((stored as Stored | undefined)?.m ?? 0)) / 20,
  };
}

/** What the full-text index stores with each document (see INDEX_OPTIONS). */
type Stored = { x?: string; a?: string; m?: number; f?: string };
/** A result's document with what the full-text index stores for it. */
type Found = { doc: QuickDoc; context: string; aliases: string; facts: string };

/** The words of a result's name, aliases and context, for filtering by a last word. */
function storedWords({ doc, context, aliases }: Found): string[] {
  return tokenizeForIndex(`${doc.name} ${aliases} ${context}`).map(normaliseTerm);
}

/**
 * What to mark in a result: the typed word where it is the start of the matched word (so
 * "tencen" marks "Tencen" in "Tencent"), the matched word itself where a typo was forgiven.
 */
function markTerms(r: SearchResult): string[] {
  return [...r.queryTerms, ...r.terms.filter((t) => !r.queryTerms.some((q) => t.startsWith(q)))];
}

function hitOf(doc: QuickDoc, context: string, score: number, terms: string[], nameMatch: boolean): SearchHit {
  return { kind: doc.kind, id: doc.id, name: doc.name, label: doc.label, context, companyId: doc.companyId, score, terms, nameMatch };
}

function toHit(r: SearchResult, { doc, context, aliases, facts }: Found, extraTerms: string[] = []): SearchHit {
  const nameTerms = Object.keys(r.match).filter((t) => r.match[t].some((f) => NAME_FIELDS.includes(f)));
  const nameWords = extraTerms.length ? tokenizeForIndex(`${doc.name} ${aliases}`).map(normaliseTerm) : [];
  const nameMatch = r.queryTerms.every((q) => nameTerms.some((t) => wordMatches(q, t))) && extraTerms.every((q) => nameWords.some((w) => wordMatches(q, w)));
  const fields = [...new Set(Object.values(r.match).flat())];
  return { ...hitOf(doc, context, r.score, [...markTerms(r), ...extraTerms], nameMatch), fields, aliases, facts };
}

/** Above this many candidates for the first words, filtering them in JS is no cheaper. */
const FILTER_LIMIT = 5_000;
/** Fewer exact and prefix matches than this, and the query is retried with typos allowed. */
const FUZZY_BELOW = 3;
/**
 * A Latin word of up to three letters is a word still being typed; prefix-expanding it over the
 * whole index is what makes a keystroke slow, so such words are matched against names only.
 */
const isShortLatin = (term: string) => term.length <= 3 && term.charCodeAt(0) < 0x3000;

/** What a query is looked up as in the quick index: the start of a name, spaces and case folded. */
export function namePrefixOf(query: string): string {
  return normaliseTerm(query.trim().replace(/\s+/g, ' '));
}

/**
 * A loaded search index with the queries the popup, the omnibox and the context menu need. It
 * can be partial: with only the quick index loaded it finds names by their first letters, and
 * `complete` tells the caller to ask again once the full-text index is there.
 */
export class SearchIndex {
  private readonly options: SearchOptions;

  constructor(
    readonly quick: QuickIndex,
    private readonly index: MiniSearch<SearchDocument> | null = null,
  ) {
    this.options = baseOptions();
  }

  /** True once the full-text index is loaded; before that only names are searched. */
  get complete(): boolean {
    return this.index !== null;
  }

  get documentCount(): number {
    return this.quick.size;
  }

  /**
   * Whether this index can answer `query`: any index with all the key lines can; one holding a
   * single letter's key lines (handed over while the rest are read, see load.ts) answers only
   * queries starting with that letter.
   */
  covers(query: string): boolean {
    return this.index !== null || this.quick.covers(namePrefixOf(query));
  }

  /** The same quick index with its full-text index added. */
  withFullText(index: MiniSearch<SearchDocument>): SearchIndex {
    return new SearchIndex(this.quick, index);
  }

  /** Grouped results; each group is sorted by score and cut to `limit`. */
  search(query: string, limit = 8): SearchResults {
    const results: SearchResults = { query, companies: [], people: [], articles: [] };
    const terms = tokenizeQuery(query).map(normaliseTerm);
    if (!terms.length) return results;
    const hits = !this.index
      ? this.namePrefix(namePrefixOf(query), terms)
      : terms.length === 1 && isShortLatin(terms[0])
        ? [...this.namePrefix(terms[0], terms), ...this.wholeWord(this.index, terms[0])]
        : this.fullText(this.index, query, terms);
    const seen = new Set<string>();
    for (const hit of hits) {
      if (seen.has(`${hit.kind}:${hit.id}`)) continue;
      seen.add(`${hit.kind}:${hit.id}`);
      const group = hit.kind === 'company' ? results.companies : hit.kind === 'person' ? results.people : results.articles;
      if (group.length < limit) group.push(hit);
    }
    return results;
  }

  private found(r: SearchResult): Found | null {
    const doc = this.quick.doc(r.id as number);
    const stored = r as SearchResult & Stored;
    return doc ? { doc, context: String(stored.x ?? ''), aliases: String(stored.a ?? ''), facts: String(stored.f ?? '') } : null;
  }

  private context(ordinal: number): string {
    return String((this.index?.getStoredFields(ordinal) as Stored | undefined)?.x ?? '');
  }

  /**
   * The start of a name being typed. Names and aliases with a word starting with it are found
   * by binary search in the quick index and ranked by how often the corpus mentions them.
   */
  private namePrefix(prefix: string, terms: string[]): SearchHit[] {
    return this.quick.match(prefix).flatMap(({ doc: ordinal, rank }) => {
      const doc = this.quick.doc(ordinal);
      return doc ? [hitOf(doc, this.context(ordinal), rank, terms, true)] : [];
    });
  }

  /**
   * A short word typed on its own ("ipo") as a whole word of the full text, after the names that
   * start with it: one exact term look-up, which costs nothing like expanding it as a prefix.
   */
  private wholeWord(index: MiniSearch<SearchDocument>, term: string): SearchHit[] {
    return index.search(term, { ...this.options, prefix: false, fuzzy: false }).flatMap((r) => {
      const found = this.found(r);
      return found ? [toHit(r, found)] : [];
    });
  }

  /**
   * Full-text search. While a short word is being typed after others ("samiart s"), the earlier
   * words are searched first and their results filtered by the last word in the name, aliases
   * and context line; the whole query goes to MiniSearch once the last word is longer or the
   * earlier words match too much to filter.
   */
  private fullText(index: MiniSearch<SearchDocument>, query: string, terms: string[]): SearchHit[] {
    const last = terms[terms.length - 1];
    const search = (q: string, options: SearchOptions) => index.search(q, { ...this.options, ...options }).flatMap((r) => {
      const found = this.found(r);
      return found ? [{ r, found }] : [];
    });
    if (terms.length > 1 && isShortLatin(last)) {
      const head = search(terms.slice(0, -1).join(' '), { combineWith: 'AND' });
      if (head.length <= FILTER_LIMIT) return head.filter(({ found }) => storedWords(found).some((w) => w.startsWith(last))).map(({ r, found }) => toHit(r, found, [last]));
    }
    // Fuzzy matching is the expensive part of a query on a large index, and a correctly typed
    // name does not need it: typos are looked for only when exact and prefix matches are few.
    let raw = search(query, { fuzzy: false, combineWith: 'AND' });
    if (raw.length < FUZZY_BELOW) raw = search(query, { combineWith: 'AND' });
    // With several words, AND is the precise answer; when it finds nothing, any-word matches
    // are still better than an empty list.
    if (raw.length === 0 && terms.length > 1) raw = search(query, { combineWith: 'OR' });
    return raw.map(({ r, found }) => toHit(r, found));
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
    if (!query.trim() || !this.index) return [];
    const raw = this.index.search(query, {
      ...this.options,
      fields: NAME_FIELDS,
      fuzzy: (term) => (term.length >= 3 ? 0.4 : false),
      combineWith: 'OR',
      filter: (r) => this.quick.doc(r.id as number)?.kind === 'company',
    });
    return raw.slice(0, limit).flatMap((r) => this.quick.doc(r.id as number)?.name ?? []);
  }
}

/** Loads the quick part of a serialised index; throws SearchIndexError when it is not one. */
export function loadQuickIndex(text: string): SearchIndex {
  try {
    return new SearchIndex(QuickIndex.parse(text));
  } catch (error) {
    if (error instanceof QuickIndexError) throw new SearchIndexError('malformed', error.message);
    throw error;
  }
}

/** Adds the full-text part to a quick index; throws SearchIndexError when they do not belong together. */
export function withFullText(quick: SearchIndex, parsed: { stamp: string; js: object }): SearchIndex {
  if (parsed.stamp !== quick.quick.stamp) throw new SearchIndexError('malformed', 'The quick and full-text search indexes come from different builds');
  try {
    return quick.withFullText(MiniSearch.loadJS(parsed.js as never, INDEX_OPTIONS));
  } catch (error) {
    throw new SearchIndexError('malformed', `The search index could not be loaded: ${(error as Error).message}`);
  }
}

/** Loads an index serialised by `buildSearchIndex` in one go; throws SearchIndexError on anything else. */
export function loadSearchIndex(serialised: string): SearchIndex {
  const { quick, full } = splitSearchIndex(serialised);
  const parsed = parseFullSync(full);
  if (quick === null) throw new SearchIndexError('malformed', 'The search index has no quick part');
  return withFullText(loadQuickIndex(quick), parsed);
}

/**
 * Adds the full-text part without freezing the page: the serialised lines are parsed with `pause`
 * between them, then MiniSearch's own `loadJSAsync` builds the index, which yields to the page on
 * a timer every thousand entries.
 */
export async function loadFullTextAsync(quick: SearchIndex, full: string, pause: () => Promise<void>): Promise<SearchIndex> {
  const parsed = await parseFull(full, pause);
  if (parsed.stamp !== quick.quick.stamp) throw new SearchIndexError('malformed', 'The quick and full-text search indexes come from different builds');
  try {
    return quick.withFullText(await MiniSearch.loadJSAsync(parsed.js as never, INDEX_OPTIONS));
  } catch (error) {
    throw new SearchIndexError('malformed', `The search index could not be loaded: ${(error as Error).message}`);
  }
}
