import type { AliasObject } from '../registry/schema';
import { CompanyIds, LEXICON_VERSION, checkPayload, contextRange } from './lexicon-data';
import { Matcher, type BuildReport, type MatcherPayload } from './matcher';

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

const AMBIGUOUS = 1;
const ALIAS = 2;
/** The entry is a context word for some companies (listed in the sparse context table). */
const CONTEXT = 4;

export { LEXICON_VERSION };

/**
 * Compact, structured-clone-friendly form, stored with the dataset and sent to content scripts.
 * Entries are numbered by their position in the matcher (`Matcher.buildDense`), so the matcher
 * needs no index table and every per-entry array is dense.
 */
export interface LexiconPayload {
  format: 'company-lens-lexicon';
  version: typeof LEXICON_VERSION;
  matcher: MatcherPayload;
  companyIds: string[];
  /**
   * The same ids joined by "\n", in a payload decoded from a message (wire.ts), where
   * `companyIds` is then empty: one string costs a tab far less heap than 100k small ones.
   */
  idText?: string;
  /** Per entry: the company it names, or -1 for a context-only word. */
  company: Int32Array;
  flags: Uint8Array;
  /** Sorted entries that are context words, and CSR lists of the companies each one confirms. */
  contextEntry: Int32Array;
  contextStart: Int32Array;
  contextList: Int32Array;
}

export interface Mention {
  start: number;
  end: number;
  companyIndex: number;
  entry: number;
  /** Caller's tag for the text the hit came from (the scanner's block number). */
  block?: number;
}

export class Lexicon {
  private ids: CompanyIds;

  private constructor(
    readonly matcher: Matcher,
    private readonly p: LexiconPayload,
  ) {
    this.ids = new CompanyIds(p);
  }

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
      flags[t++] = ALIAS;
      for (const a of c.aliases) {
        texts[t] = a.text;
        company[t] = i;
        cased[t] = (a.caseSensitive ?? a.ambiguous === true) ? 1 : 0;
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
    return new Lexicon(matcher, {
      format: 'company-lens-lexicon',
      version: LEXICON_VERSION,
      matcher: matcher.toPayload(),
      companyIds: companies.map((c) => c.id),
      ...byPosition,
      contextEntry: Int32Array.from(contextEntry),
      contextStart: Int32Array.from(contextStart),
      contextList: Int32Array.from(contextList),
    });
  }

  /** Throws a clear error for a payload of an older release or a damaged one. */
  static fromPayload(p: LexiconPayload): Lexicon {
    checkPayload(p);
    const lexicon = new Lexicon(Matcher.fromPayload(p.matcher), p);
    const companies = lexicon.ids.length;
    for (let k = 0; k < p.company.length; k++) {
      if (p.company[k] < -1 || p.company[k] >= companies) throw new Error(`Lexicon payload is malformed: entry ${k} names an unknown company`);
    }
    for (let k = 0; k < p.contextList.length; k++) {
      if (p.contextList[k] < 0 || p.contextList[k] >= companies) throw new Error('Lexicon payload is malformed: a context list names an unknown company');
    }
    return lexicon;
  }

  toPayload(): LexiconPayload {
    return this.p;
  }

  /**
   * All company ids, indexed by company index. In a content script this builds one string per
   * company on first use; `companyId(index)` reads a single id without that cost.
   */
  get companyIds(): readonly string[] {
    return this.ids.all();
  }

  companyId(index: number): string {
    return this.ids.get(index);
  }

  companyOf(entry: number): number {
    return this.p.company[entry];
  }

  isAmbiguous(entry: number): boolean {
    return (this.p.flags[entry] & AMBIGUOUS) !== 0;
  }

  /** A resolver for one scope (an article, a page); see MentionResolver. */
  resolver(): MentionResolver {
    return new MentionResolver(this.p);
  }

  /** All mentions in one text, with the ambiguity rule applied over the whole text. */
  mentions(text: string): Mention[] {
    const r = this.resolver();
    r.add(this.matcher.scan(text));
    return r.mentions();
  }
}

/**
 * Applies the ambiguity rule incrementally, because a page is scanned in slices: an ambiguous
 * hit stays pending until something confirms its company. An unambiguous name confirms the
 * company for the whole scope (a page, an article). A context word confirms it only within the
 * same block of text when hits carry a `block` tag (the page scanner's paragraphs), so "Ant
 * colony" in one paragraph is not confirmed by "Alibaba" in another; untagged hits form one block.
 */
export class MentionResolver {
  private readonly confirmed = new Set<number>();
  /** Companies confirmed by a context word, per block ("company:block" keys). */
  private readonly inBlock = new Set<string>();
  /**
   * Pending ambiguous mentions by company, so that a confirmation looks only at that company's
   * pending mentions: a long page adds a context key per paragraph, and scanning every pending
   * mention each time would make the scan quadratic.
   */
  private readonly pending = new Map<number, Mention[]>();
  private readonly accepted: Mention[] = [];

  constructor(private readonly p: LexiconPayload) {}

  private isConfirmed(c: number, block: number | undefined): boolean {
    return this.confirmed.has(c) || this.inBlock.has(`${c}:${block ?? -1}`);
  }

  /** Moves pending mentions of `c` (only those in `block`, when given) to `out`. */
  private release(c: number, block: number | undefined | null, out: Mention[]): void {
    const list = this.pending.get(c);
    if (!list) return;
    if (block === null) {
      this.pending.delete(c);
      out.push(...list);
      return;
    }
    const keep = list.filter((m) => (m.block ?? -1) !== (block ?? -1));
    if (keep.length === list.length) return;
    for (const m of list) if ((m.block ?? -1) === (block ?? -1)) out.push(m);
    if (keep.length === 0) this.pending.delete(c);
    else this.pending.set(c, keep);
  }

  /** Adds raw matcher hits; returns the mentions accepted by this call (new and released). */
  add(hits: readonly { start: number; end: number; value: number; block?: number }[]): Mention[] {
    const { company, flags, contextStart, contextList } = this.p;
    const fresh: Mention[] = [];
    for (const h of hits) {
      const at = (flags[h.value] & CONTEXT) !== 0 ? contextRange(this.p.contextEntry, h.value) : -1;
      for (let k = at < 0 ? 0 : contextStart[at], last = at < 0 ? 0 : contextStart[at + 1]; k < last; k++) {
        const c = contextList[k];
        const key = `${c}:${h.block ?? -1}`;
        if (!this.inBlock.has(key)) {
          this.inBlock.add(key);
          this.release(c, h.block, fresh);
        }
      }
      const c = company[h.value];
      if (c < 0 || (flags[h.value] & ALIAS) === 0) continue;
      const mention: Mention = { start: h.start, end: h.end, companyIndex: c, entry: h.value, block: h.block };
      const ambiguous = (flags[h.value] & AMBIGUOUS) !== 0;
      if (!ambiguous && !this.confirmed.has(c)) {
        this.confirmed.add(c);
        this.release(c, null, fresh);
      }
      if (!ambiguous || this.isConfirmed(c, h.block)) fresh.push(mention);
      else {
        const list = this.pending.get(c);
        if (list) list.push(mention);
        else this.pending.set(c, [mention]);
      }
    }
    this.accepted.push(...fresh);
    return fresh;
  }

  /** Everything accepted so far, in text order when hits were added in text order. */
  mentions(): Mention[] {
    return [...this.accepted].sort((a, b) => a.start - b.start);
  }
}
