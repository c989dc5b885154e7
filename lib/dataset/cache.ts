import type { Article } from './schema';
import { extractFromMentions, lexiconMentions, type ArticleKnowledge, type ExtractOptions } from '../knowledge/extract';
import type { BodyMention } from '../knowledge/view';
import type { Lexicon } from '../detect/lexicon';
import { changedFirstTokens, entryGroups, hasAnyToken, tokenHashes, type EntryGroups } from '../detect/lexicon-changes';
import { analyseArticle, type ArticleOrgs } from '../knowledge/orgs';
import { RelationTotals } from '../knowledge/relation-totals';
import { mentionsOf } from '../knowledge/graph';
import { splitCorpus } from '../corpus';
import type { Mention, Relation } from './schema';

/**
 * What a build learnt from each article, kept for the next build so that adding one article to a
 * library of a thousand reads one article, not a thousand. The organisation analysis depends on
 * the article alone. The extraction also depends on the organisations the whole corpus resolved
 * to, so each extraction is kept with what it read of them: the names found in the article and
 * every answer `nameOf`, `unitOf` and `curated` gave. It is reused only when the same article
 * finds the same names and gets the same answers, which makes a cached build equal to a fresh one.
 */

type Lookups = { names: Map<string, string>; units: Map<string, string | undefined>; curated: Map<string, boolean> };

interface Extraction {
  body: string;
  /** The lexicon `found` was read with (BuildCache.lexicons). */
  lexicon: number;
  date: string | undefined;
  found: BodyMention[];
  lookups: Lookups;
  knowledge: ArticleKnowledge;
}

export class BuildCache {
  private orgs = new Map<string, { body: string; analysis: ArticleOrgs }>();
  private extractions = new Map<string, Extraction>();
  private used = new Set<string>();
  private tokens = new Map<string, { body: string; hashes: Int32Array }>();
  /**
   * Lexicons are numbered as builds use them; `changed` holds the first tokens of the names the
   * last one reads differently from the one before (lexicon-changes.ts), or null when unknown.
   */
  private lexicons = { current: undefined as Lexicon | undefined, number: 0, groups: undefined as EntryGroups | undefined, changed: null as Set<number> | null };
  private split?: { documents: readonly { name: string; text: string }[]; articles: Article[] };
  private readonly relationTotals = new RelationTotals();
  private readonly mentionRows = new WeakMap<ArticleKnowledge, Mention[]>();
  /** Articles analysed, extracted and scanned for names afresh by the last build (for tests and the bench). */
  misses = { orgs: 0, extractions: 0, scans: 0 };

  /** Called at the start of a build: entries no build has used since are dropped at its end. */
  begin(): void {
    this.used.clear();
    this.misses = { orgs: 0, extractions: 0, scans: 0 };
  }

  /** Keeps only the articles of the build that just ended, so the cache never outgrows the corpus. */
  end(): void {
    for (const id of this.orgs.keys()) if (!this.used.has(id)) this.orgs.delete(id);
    for (const id of this.extractions.keys()) if (!this.used.has(id)) this.extractions.delete(id);
    for (const id of this.tokens.keys()) if (!this.used.has(id)) this.tokens.delete(id);
  }

  analysis(article: Article): ArticleOrgs {
    this.used.add(article.id);
    const kept = this.orgs.get(article.id);
    if (kept?.body === article.body) return kept.analysis;
    this.misses.orgs++;
    const analysis = analyseArticle(article.id, article.body);
    this.orgs.set(article.id, { body: article.body, analysis });
    return analysis;
  }

  extraction(article: Article, lexicon: Lexicon, nameOf: (id: string) => string, options: Required<ExtractOptions>): ArticleKnowledge {
    this.used.add(article.id);
    this.use(lexicon);
    const kept = this.extractions.get(article.id);
    const reuse = kept !== undefined && this.sameReading(kept, article);
    if (!reuse) {
      this.misses.scans++;
      // Read now, with the scan, so that the next change does not read every article for it.
      this.tokensOf(article);
    }
    const found = reuse ? kept.found : lexiconMentions(article.body, lexicon);
    if (kept && kept.body === article.body && kept.date === article.date && sameMentions(kept.found, found) && sameAnswers(kept.lookups, nameOf, options)) {
      kept.lexicon = this.lexicons.number;
      return kept.knowledge;
    }
    this.misses.extractions++;
    const lookups: Lookups = { names: new Map(), units: new Map(), curated: new Map() };
    const knowledge = extractFromMentions(article, found, recorded(lookups.names, nameOf), {
      unitOf: (parentId, description) => {
        const unit = options.unitOf(parentId, description);
        lookups.units.set(`${parentId}\u0000${description}`, unit);
        return unit;
      },
      curated: recorded(lookups.curated, options.curated),
    });
    this.extractions.set(article.id, { body: article.body, lexicon: this.lexicons.number, date: article.date, found, lookups, knowledge });
    return knowledge;
  }

  /** Starts numbering a lexicon the first time a build reads with it, noting what it changed. */
  private use(lexicon: Lexicon): void {
    const l = this.lexicons;
    if (l.current === lexicon) return;
    const groups = entryGroups(lexicon.entries());
    this.lexicons = { current: lexicon, number: l.number + 1, groups, changed: l.groups ? changedFirstTokens(l.groups, groups) : null };
  }

  /** Whether the current lexicon finds what the one before found in this article, already kept. */
  private sameReading(kept: Extraction, article: Article): boolean {
    const { number, changed } = this.lexicons;
    if (kept.body !== article.body) return false;
    if (kept.lexicon === number) return true;
    if (!changed || kept.lexicon !== number - 1) return false;
    if (changed.size === 0) return true;
    return !hasAnyToken(this.tokensOf(article), changed);
  }

  private tokensOf(article: Article): Int32Array {
    let t = this.tokens.get(article.id);
    if (t?.body !== article.body) this.tokens.set(article.id, (t = { body: article.body, hashes: tokenHashes(article.body) }));
    return t.hashes;
  }

  /** The articles of these documents: split again only when a document changed (the bundled corpus never does). */
  articlesOf(documents: readonly { name: string; text: string }[]): Article[] {
    const kept = this.split;
    if (kept && kept.documents.length === documents.length && kept.documents.every((d, i) => d.name === documents[i].name && d.text === documents[i].text)) return kept.articles;
    const articles = splitCorpus(documents);
    this.split = { documents, articles };
    return articles;
  }

  /** The co-mention relations of these articles: only the pairs of changed articles are counted again. */
  relations(all: readonly ArticleKnowledge[]): Relation[] {
    return this.relationTotals.update(all);
  }

  /** The mention rows of each article, the same objects as long as its knowledge is. */
  mentions(all: readonly ArticleKnowledge[], bodies: ReadonlyMap<string, string>): Mention[] {
    const out: Mention[] = [];
    for (const k of all) {
      let rows = this.mentionRows.get(k);
      if (!rows) this.mentionRows.set(k, (rows = mentionsOf([k], bodies)));
      for (const row of rows) out.push(row);
    }
    return out;
  }
}

function sameMentions(a: readonly BodyMention[], b: readonly BodyMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].companyId !== b[i].companyId) return false;
  return true;
}

function recorded<T>(answers: Map<string, T>, ask: (id: string) => T): (id: string) => T {
  return (id) => {
    const answer = ask(id);
    answers.set(id, answer);
    return answer;
  };
}

function sameAnswers(lookups: Lookups, nameOf: (id: string) => string, options: Required<ExtractOptions>): boolean {
  for (const [id, name] of lookups.names) if (nameOf(id) !== name) return false;
  for (const [id, curated] of lookups.curated) if (options.curated(id) !== curated) return false;
  for (const [key, unit] of lookups.units) {
    const [parentId, description] = key.split('\u0000');
    if (options.unitOf(parentId, description) !== unit) return false;
  }
  return true;
}
