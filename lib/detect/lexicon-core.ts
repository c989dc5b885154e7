import { CompanyIds, LEXICON_VERSION, checkPayload } from './lexicon-data';
import { MatcherCore, type MatcherPayload } from './matcher-core';
import { MentionResolver } from './resolver';

/**
 * What a content script needs of the lexicon: a lexicon read from its payload, a resolver for
 * the mentions it finds, and company ids. Building and whole-text helpers live in lexicon.ts
 * (`Lexicon`), so the content script's bundle leaves them out.
 */



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
   * The same ids joined by "\n", in a payload received in a message (wire.ts), where
   * `companyIds` is then empty: one string costs a tab far less heap than 100k small ones.
   */
  idText?: string;
  /**
   * The number of companies, in a payload received without its ids (they follow in a second
   * message, wire.ts); `companyIds` is then empty and `idText` absent.
   */
  companyCount?: number;
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

export class LexiconCore {
  protected ids: CompanyIds;

  protected constructor(
    readonly matcher: MatcherCore,
    protected readonly p: LexiconPayload,
  ) {
    this.ids = new CompanyIds(p);
  }

  /** Throws a clear error for a payload of an older release or a damaged one. */
  static fromPayload(p: LexiconPayload): LexiconCore {
    checkPayload(p);
    return new LexiconCore(MatcherCore.fromPayload(p.matcher), p).checked();
  }

  /** Checks what needs the ids: every company index in the payload names a known company. */
  protected checked(): this {
    const p = this.p;
    const lexicon = this;
    const companies = lexicon.ids.length;
    for (let k = 0; k < p.company.length; k++) {
      if (p.company[k] < -1 || p.company[k] >= companies) throw new Error(`Lexicon payload is malformed: entry ${k} names an unknown company`);
    }
    for (let k = 0; k < p.contextList.length; k++) {
      if (p.contextList[k] < 0 || p.contextList[k] >= companies) throw new Error('Lexicon payload is malformed: a context list names an unknown company');
    }
    return lexicon;
  }

  companyId(index: number): string {
    return this.ids.get(index);
  }

  /** Whether the company ids are here (they follow the tables in a content script). */
  get hasIds(): boolean {
    return this.ids.known;
  }

  /** Resolves once the company ids are here. */
  whenIds(): Promise<void> {
    return this.ids.ready;
  }

  /** Adds the ids of a lexicon received without them; throws when they do not fit it. */
  provideIds(ids: string | string[]): void {
    this.ids.provide(ids);
  }

  /** A resolver for one scope (an article, a page); see MentionResolver and its `keep`. */
  resolver(keep = true): MentionResolver {
    return new MentionResolver(this.p, keep);
  }
}
