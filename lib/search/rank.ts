import { editDistance } from './distance';
import type { SearchHit, SearchResults } from './query';
import { normaliseTerm, tokenizeForIndex, tokenizeQuery } from './terms';

/**
 * How results are presented, on top of the index's scores (query.ts), for the popup, the omnibox
 * and the context menu alike: a top hit first, each row with the text that matched, and rows
 * with nothing to show for themselves left out. Kept apart from the index internals so that
 * either can change without the other.
 */

export interface PresentedResults extends SearchResults {
  /** The name, alias or person the query spells out or starts, shown before everything else. */
  top: SearchHit | null;
}

const words = (text: string) => tokenizeForIndex(text).map(normaliseTerm);
const queryWords = (query: string) => tokenizeQuery(query).map(normaliseTerm);
const squash = (text: string) => words(text).join(' ');

/** 2 when `names` holds the query exactly, 1 when one of them starts with it, else 0. */
function nameFit(query: string, names: string[]): number {
  const q = squash(query);
  if (!q) return 0;
  let best = 0;
  for (const name of names) {
    const n = squash(name);
    if (n === q) return 2;
    if (n.startsWith(q)) best = 1;
  }
  return best;
}

const namesOf = (hit: SearchHit) => [hit.name, ...(hit.aliases ? hit.aliases.split(' · ') : [])];

/**
 * The top hit: a company or person whose name or alias is the query (or starts with it), exact
 * before prefix, a person before a company of the same fit (a person's name typed in full is
 * rarely also the start of a company's), then by score.
 */
export function topHit(results: SearchResults, query: string): SearchHit | null {
  let best: { hit: SearchHit; fit: number } | null = null;
  for (const hit of [...results.people, ...results.companies]) {
    const fit = nameFit(query, hit.kind === 'person' ? [hit.name] : namesOf(hit));
    if (fit === 0) continue;
    if (!best || fit > best.fit || (fit === best.fit && hit.score > best.hit.score && hit.kind === best.hit.kind)) best = { hit, fit };
  }
  return best?.hit ?? null;
}

/** True when every query word starts a word of `text`: the row can show why it was found. */
function covers(text: string, terms: string[]): boolean {
  const w = words(text);
  return terms.every((t) => w.some((x) => x.startsWith(t)));
}

/** The fact sentence that shows why a hit was found: the query as a phrase, else all its words. */
function factSnippet(hit: SearchHit, terms: string[], phrase: string): string | null {
  const lines = (hit.facts ? hit.facts.split('\n') : []).map((line) => {
    const tab = line.indexOf('\t');
    return { kind: line.slice(0, Math.max(0, tab)), sentence: line.slice(tab + 1) };
  });
  const found = lines.find((l) => squash(l.sentence).includes(phrase)) ?? lines.find((l) => covers(`${l.kind} ${l.sentence}`, terms));
  return found?.sentence ?? null;
}

/**
 * A hit's row as shown: its context replaced by the fact sentence or the person that matched
 * when the name did not, and whether it has anything to show for itself at all. A company found
 * only through the tags and titles of articles that also name something else ("xtrans" finding
 * Tencent) has not; an article's tags are its own, so an article always has.
 */
function explain(hit: SearchHit, terms: string[], phrase: string, people: SearchHit[]): { hit: SearchHit; shown: boolean; phrase: boolean } {
  if (hit.nameMatch || !hit.fields) return { hit, shown: true, phrase: squash(hit.name).includes(phrase) };
  const snippet = factSnippet(hit, terms, phrase);
  if (snippet) return { hit: { ...hit, context: snippet }, shown: true, phrase: squash(snippet).includes(phrase) };
  const person = hit.kind === 'company' && hit.fields.includes('people') ? people.find((p) => p.nameMatch && p.companyId === hit.id) : undefined;
  if (person) return { hit: { ...hit, context: `${person.name} · ${person.context}` }, shown: true, phrase: false };
  // An article's tags are its own, so it may be found by them; not by a typo alone, though.
  const typoOnly = hit.terms.some((t) => !terms.includes(t));
  const shown = (hit.kind === 'article' && !typoOnly) || covers(`${hit.name} ${hit.aliases ?? ''} ${hit.context}`, terms);
  return { hit, shown, phrase: false };
}

/** Results as the user sees them: see the module comment. */
export function presentResults(results: SearchResults, query: string): PresentedResults {
  const terms = queryWords(query);
  const phrase = terms.join(' ');
  const top = topHit(results, query);
  const isTop = (h: SearchHit) => top !== null && h.kind === top.kind && h.id === top.id;
  const explained = (['companies', 'people', 'articles'] as const).map((g) => results[g].map((h) => explain(h, terms, phrase, results.people)));
  // Rows with nothing to show are dropped only when others have something: a list of guesses
  // is still better than an empty one.
  const any = top !== null || explained.some((g) => g.some((e) => e.shown));
  const pick = (group: ReturnType<typeof explain>[]) =>
    group
      .filter((e) => (e.shown || !any) && !isTop(e.hit))
      // A row holding the query as a phrase ("series c") goes before rows with its words apart.
      .sort((a, b) => Number(b.phrase) - Number(a.phrase))
      .map((e) => e.hit);
  const [companies, people, articles] = explained.map(pick);
  return { query: results.query, top: top ? explain(top, terms, phrase, results.people).hit : null, companies, people, articles };
}

/**
 * "Did you mean": only names within a small edit distance of what was typed (one edit per four
 * letters, at least one), compared with the name's first words as many as the query has.
 */
export function nearNames(query: string, names: string[]): string[] {
  const q = queryWords(query);
  const typed = q.join(' ');
  if (!typed) return [];
  const max = Math.max(1, Math.floor(typed.length / 4));
  return names.filter((name) => {
    const n = words(name);
    return editDistance(typed, n.join(' '), max) <= max || editDistance(typed, n.slice(0, q.length).join(' '), max) <= max;
  });
}
