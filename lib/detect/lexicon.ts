import type { AliasObject } from '../registry/schema';
import { LexiconCore, type LexiconPayload, type Mention } from './lexicon-core';
import { ALIAS, AMBIGUOUS, CONTEXT, LEXICON_VERSION, checkPayload } from './lexicon-data';
import { Matcher, type BuildReport } from './matcher';
import { MatcherCore } from './matcher-core';
import type { LexiconEntry } from './lexicon-changes';

export { LexiconCore } from './lexicon-core';
export { MentionResolver } from './resolver';
export type { LexiconPayload, Mention } from './lexicon-core';
export { LEXICON_VERSION };

/**
 * The lexicon turns companies and their aliases into matcher entries, and decides which raw
 * matches count as mentions. Ordinary-word aliases ("Ant", "Apple") count only when the same
 * scope also names the company unambiguously or contains one of its context words.
 */

export interface LexiconCompany {
  id: string;
  name: string;
  aliases: AliasObject[];
}

/**
 * A name of several plain words ("People's Daily", "Reserve Bank") is also an ordinary phrase
 * ("people's daily lives", "reserve bank capital"), so it counts only with its capitals. Names
 * with a digit, an inner capital, an acronym or a symbol ("JD.com", "HSBC Holdings", "eBay")
 * are not phrases and match in any case. An alias repeating the name can make it case-sensitive.
 */
export function needsCapitals(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 1 && words.every((w) => /^\p{Lu}?[\p{Ll}\p{M}]+(?:['’]s)?$/u.test(w)) && words.some((w) => /^\p{Lu}/u.test(w));
}

const nameNeedsCapitals = (c: LexiconCompany) =>
  needsCapitals(c.name) || c.aliases.some((a) => a.caseSensitive === true && a.text === c.name);

/** The lexicon with its builder (used by the background, the dataset builder and tests). */
export class Lexicon extends LexiconCore {
  static build(companies: readonly LexiconCompany[]): Lexicon {
    let count = 0;
    for (const c of companies) {
      count += 1 + c.aliases.length;
      for (const a of c.aliases) count += a.context?.length ?? 0;
    }
    const texts: string[] = new Array(count);
    const company = new Int32Array(count).fill(-1);
    const flags = new Uint8Array(count);
    const cased = new Uint8Array(count);
    let t = 0;
    companies.forEach((c, i) => {
      texts[t] = c.name;
      company[t] = i;
      cased[t] = nameNeedsCapitals(c) ? 1 : 0;
      flags[t++] = ALIAS;
      for (const a of c.aliases) {
        texts[t] = a.text;
        company[t] = i;
        cased[t] = (a.caseSensitive ?? (a.ambiguous === true || needsCapitals(a.text))) ? 1 : 0;
        flags[t++] = ALIAS | (a.ambiguous === true ? AMBIGUOUS : 0);
      }
    });
    // Context words go last so they never displace an alias. Few texts are context words, so
    // their companies are kept in a map (text index → company) rather than a list per text.
    const contextOf = new Map<number, number>();
    companies.forEach((c, i) => {
      for (const a of c.aliases) {
        for (const word of a.context ?? []) {
          contextOf.set(t, i);
          texts[t++] = word;
        }
      }
    });
    // The matcher keeps the first of texts that spell the same name (as it normalises case,
    // white space, quotes and hyphens) and drops empty ones; kept texts are numbered by their
    // position in it. A context word that repeats a kept text ("Alipay", both a company and
    // Ant Group's context word) adds its role to that entry.
    const report: BuildReport = { skipped: [] };
    const { matcher, order } = Matcher.buildDense({ count, text: (k) => texts[k], caseSensitive: (k) => cased[k] === 1 }, report);
    const size = order.length;
    const position = new Int32Array(texts.length).fill(-1);
    order.forEach((t, p) => (position[t] = p));
    for (const s of report.skipped) if (s.reason === 'duplicate') position[s.index] = position[s.of];
    const contexts = new Map<number, number[]>();
    for (const [t, c] of contextOf) {
      const list = contexts.get(position[t]) ?? [];
      if (position[t] >= 0 && !list.includes(c)) contexts.set(position[t], [...list, c]);
    }
    const byPosition = { company: new Int32Array(size), flags: new Uint8Array(size) };
    for (let p = 0; p < size; p++) {
      byPosition.company[p] = company[order[p]];
      byPosition.flags[p] = flags[order[p]] | (contexts.has(p) ? CONTEXT : 0);
    }
    const contextEntry = [...contexts.keys()].sort((x, y) => x - y);
    const contextList = contextEntry.flatMap((p) => contexts.get(p)!);
    const contextStart = [0];
    for (const p of contextEntry) contextStart.push(contextStart[contextStart.length - 1] + contexts.get(p)!.length);
    const lexicon = new Lexicon(matcher, {
      format: 'company-lens-lexicon',
      version: LEXICON_VERSION,
      matcher: matcher.toPayload(),
      companyIds: companies.map((c) => c.id),
      ...byPosition,
      contextEntry: Int32Array.from(contextEntry),
      contextStart: Int32Array.from(contextStart),
      contextList: Int32Array.from(contextList),
    });
    lexicon.source = { texts, company, flags, cased, contextOf, ids: companies.map((c) => c.id) };
    return lexicon;
  }

  /** What a built lexicon was made from, kept for `entries` (the arrays exist anyway during a build). */
  private source?: { texts: string[]; company: Int32Array; flags: Uint8Array; cased: Uint8Array; contextOf: Map<number, number>; ids: string[] };

  /** The texts this lexicon was built from, in build order, with what it made of each (lexicon-changes.ts). */
  entries(): LexiconEntry[] {
    if (!this.source) throw new Error('Only a lexicon built here (not read from a payload) lists its entries');
    const { texts, company, flags, cased, contextOf, ids } = this.source;
    return texts.map((text, t) => {
      const context = contextOf.get(t);
      return context === undefined ? { text, companyId: ids[company[t]], role: `${flags[t]}:${cased[t]}` } : { text, companyId: ids[context], role: 'context' };
    });
  }

  toPayload(): LexiconPayload {
    return this.p;
  }

  /**
   * All company ids, indexed by company index. For a payload received in a message this builds
   * one string per company on first use; `companyId(index)` reads a single id without that cost.
   */
  get companyIds(): readonly string[] {
    return this.ids.all();
  }

  companyOf(entry: number): number {
    return this.p.company[entry];
  }

  isAmbiguous(entry: number): boolean {
    return (this.p.flags[entry] & AMBIGUOUS) !== 0;
  }

  /** All mentions in one text, with the ambiguity rule applied over the whole text. */
  mentions(text: string): Mention[] {
    const r = this.resolver();
    r.add(this.matcher.scan(text));
    return r.mentions();
  }

  static override fromPayload(p: LexiconPayload): Lexicon {
    checkPayload(p);
    return new Lexicon(MatcherCore.fromPayload(p.matcher), p).checked();
  }
}
