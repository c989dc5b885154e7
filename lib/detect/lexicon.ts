import type { AliasObject } from '../registry/schema';
import { CompanyIds, LEXICON_VERSION, checkPayload, contextRange } from './lexicon-data';
import { Matcher, type MatcherPayload } from './matcher';

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
    const texts: { text: string; caseSensitive: boolean }[] = [];
    const company: number[] = [];
    const flags: number[] = [];
    const contexts: number[][] = [];
    const byKey = new Map<string, number>();
    const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    const add = (text: string, c: number, ambiguous: boolean, caseSensitive: boolean) => {
      const k = key(text);
      if (byKey.has(k)) return;
      byKey.set(k, texts.length);
      texts.push({ text, caseSensitive });
      company.push(c);
      flags.push(ALIAS | (ambiguous ? AMBIGUOUS : 0));
      contexts.push([]);
    };
    companies.forEach((c, i) => {
      add(c.name, i, false, false);
      for (const a of c.aliases) add(a.text, i, a.ambiguous === true, a.caseSensitive ?? a.ambiguous === true);
    });
    // Context words go last so they never displace an alias; a context word that is itself an
    // alias (Ant Group's "Alipay") simply gains a context role on the existing entry.
    companies.forEach((c, i) => {
      for (const a of c.aliases) {
        for (const word of a.context ?? []) {
          let at = byKey.get(key(word));
          if (at === undefined) {
            at = texts.length;
            byKey.set(key(word), at);
            texts.push({ text: word, caseSensitive: false });
            company.push(-1);
            flags.push(0);
            contexts.push([]);
          }
          if (!contexts[at].includes(i)) contexts[at].push(i);
        }
      }
    });
    // Texts that are empty to the matcher, or differ from an earlier one only in ways it
    // normalises away, get no position: the first spelling wins.
    const { matcher, order } = Matcher.buildDense(texts);
    const size = order.length;
    const byPosition = { company: new Int32Array(size), flags: new Uint8Array(size) };
    const contextEntry: number[] = [];
    const contextStart = [0];
    const contextList: number[] = [];
    for (let p = 0; p < size; p++) {
      const t = order[p];
      byPosition.company[p] = company[t];
      byPosition.flags[p] = flags[t] | (contexts[t].length > 0 ? CONTEXT : 0);
      if (contexts[t].length > 0) {
        contextEntry.push(p);
        contextList.push(...contexts[t]);
        contextStart.push(contextList.length);
      }
    }
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
  private readonly pending: Mention[] = [];
  private readonly accepted: Mention[] = [];

  constructor(private readonly p: LexiconPayload) {}

  private isConfirmed(c: number, block: number | undefined): boolean {
    return this.confirmed.has(c) || this.inBlock.has(`${c}:${block ?? -1}`);
  }

  /** Adds raw matcher hits; returns the mentions accepted by this call (new and released). */
  add(hits: readonly { start: number; end: number; value: number; block?: number }[]): Mention[] {
    const { company, flags, contextStart, contextList } = this.p;
    const fresh: Mention[] = [];
    let released = false;
    for (const h of hits) {
      const at = (flags[h.value] & CONTEXT) !== 0 ? contextRange(this.p.contextEntry, h.value) : -1;
      for (let k = at < 0 ? 0 : contextStart[at], last = at < 0 ? 0 : contextStart[at + 1]; k < last; k++) {
        const key = `${contextList[k]}:${h.block ?? -1}`;
        if (!this.inBlock.has(key)) {
          this.inBlock.add(key);
          released = true;
        }
      }
      const c = company[h.value];
      if (c < 0 || (flags[h.value] & ALIAS) === 0) continue;
      const mention: Mention = { start: h.start, end: h.end, companyIndex: c, entry: h.value, block: h.block };
      const ambiguous = (flags[h.value] & AMBIGUOUS) !== 0;
      if (!ambiguous && !this.confirmed.has(c)) {
        this.confirmed.add(c);
        released = true;
      }
      if (!ambiguous || this.isConfirmed(c, h.block)) fresh.push(mention);
      else this.pending.push(mention);
    }
    if (released && this.pending.length > 0) {
      for (let i = this.pending.length - 1; i >= 0; i--) {
        const m = this.pending[i];
        if (this.isConfirmed(m.companyIndex, m.block)) fresh.push(...this.pending.splice(i, 1));
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
