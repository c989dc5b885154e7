import type { Fact, Money, Party } from '../dataset/schema';
import { APPOSITIVE, EXCHANGE_NAMES, TOKEN_RE } from './grammar';
import type { UnitOf } from './units';
import { UNIT_AFTER } from './units';
import { actingPosition, type SentenceView } from './view';

type Omitted<T> = T extends unknown ? Omit<T, 'id' | 'articleId' | 'sentence'> : never;
/** A fact before it gets its id and source. */
export type FactDraft = Omitted<Fact>;

export interface PersonRoleDraft {
  name: string;
  title: string;
  companyId?: string;
}

/**
 * What a pattern sees: one prepared sentence plus helpers to turn tokens into ids, parties and
 * money, and to collect what it found.
 */
export class Ctx {
  readonly facts: FactDraft[] = [];
  readonly people: PersonRoleDraft[] = [];
  /** The template with asides removed, for patterns where an aside sits between subject and verb. */
  readonly bare: string;

  constructor(
    readonly v: SentenceView,
    readonly nameOf: (companyId: string) => string,
    /** Full names of people the article mentions, to expand "Xue" into "Xue Zhixiang". */
    readonly fullNames: readonly string[],
    readonly unitOf: UnitOf = () => undefined,
  ) {
    // Exchanges are registry entries too ("floats on the Nasdaq"); in the bare template they read
    // as plain words so they neither interrupt a pattern nor pass for the company acting.
    this.bare = withoutAsides(v.tpl)
      .replace(/ {2,}/g, ' ')
      .replace(/⟦C(\d+)⟧/g, (t, i) => (EXCHANGE.test(v.companies[Number(i)].text) ? v.companies[Number(i)].text : t));
  }

  id(token: string | number): string {
    return this.v.companies[Number(token)].companyId;
  }

  party(token: string | number): Party {
    const ref = this.v.companies[Number(token)];
    return { name: ref.anaphor ? this.nameOf(ref.companyId) : ref.text, companyId: ref.companyId };
  }

  /** A token for the company the passage is about, for sentences that name none ("Operating profits were ..."). */
  topicToken(): number | undefined {
    const topic = this.v.topic;
    if (!topic) return undefined;
    const known = this.v.companies.findIndex((c) => c.companyId === topic);
    if (known >= 0) return known;
    this.v.companies.push({ companyId: topic, text: this.nameOf(topic), anaphor: true });
    return this.v.companies.length - 1;
  }

  /**
   * The unit a token's description names ("⟦C0⟧'s cloud computing division" → Alibaba Cloud), as a
   * token of its own, or the token itself when the registry knows no such unit.
   */
  unitToken(token: number, following: string): number {
    const m = UNIT_AFTER.exec(following);
    const unit = m ? this.unitOf(this.id(token), m[1]) : undefined;
    if (!unit) return token;
    this.v.companies.push({ companyId: unit, text: this.nameOf(unit), anaphor: true });
    return this.v.companies.length - 1;
  }

  money(token: string | number): Money {
    return this.v.money[Number(token)];
  }

  /** First money token in a piece of template. */
  firstMoney(text: string): Money | undefined {
    const m = /⟦M(\d+)⟧/.exec(text);
    return m ? this.money(m[1]) : undefined;
  }

  acting(tpl: string, at: number): boolean {
    return actingPosition(tpl, at);
  }

  add(fact: FactDraft): void {
    this.facts.push(fact);
  }

  person(name: string, title: string, companyId?: string): void {
    this.people.push({ name, title, companyId });
  }

  /** Expands a one-word name into the unique full name the article uses for it, if any. */
  fullName(name: string): string | undefined {
    if (/\s/.test(name)) return name;
    const hits = this.fullNames.filter((n) => n.split(/\s+/).some((w) => w === name));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /**
   * The company acting just before position `at` in the template: the nearest token that is not
   * inside an aside and not the object of a preposition, with nothing but auxiliaries ("has",
   * "just", "reportedly", ", which") between it and `at`.
   */
  subjectBefore(at: number, tpl = this.v.tpl): number | undefined {
    const asides = [...tpl.matchAll(APPOSITIVE)].map((m) => [m.index!, m.index! + m[0].length] as const);
    const within = (i: number) => asides.some(([a, b]) => i > a && i < b);
    const tokens = [...tpl.slice(0, at).matchAll(TOKEN_RE)].filter((t) => !within(t.index!));
    const last = tokens[tokens.length - 1];
    if (!last) return undefined;
    let between = tpl.slice(last.index! + last[0].length, at);
    // A short aside set off by commas that names no company ("X, well placed in a fast market, has raised") does not change the subject.
    between = between.replace(APPOSITIVE, ' ').replace(/^,\s[^⟦,;()]{1,80},(?=\s)/, ' ');
    if (!BRIDGE.test(between)) return undefined;
    // A relative clause's subject is the company it hangs on, whatever that company's own role: "harmful to X, which had raised ...".
    if (/^\s*,\s(?:which|who)\s/.test(between)) return Number(last[1]);
    return actingPosition(tpl, last.index!) ? Number(last[1]) : undefined;
  }

  /** Parties listed after a cue ("led by", "from investors including"), e.g. "Alibaba, X and Chinese automaker Geely". */
  partiesAfter(cue: RegExp, tpl = this.v.tpl): Party[] {
    const m = cue.exec(tpl);
    if (!m) return [];
    // The list ends where a phrase about the deal starts: "backed by X and Y at a $650m valuation".
    const rest = tpl.slice(m.index + m[0].length).split(/[.;:]\s|[.;:]$|\s\(|\s(?:at|on|for|after|before|to) (?:a|an|the|⟦M)/)[0];
    const out: Party[] = [];
    for (const raw of rest.split(/,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+/)) {
      const part = raw.trim();
      const token = DESCRIBED_TOKEN.exec(part);
      if (token) {
        const p = this.party(token[1]);
        if (!out.some((o) => o.companyId === p.companyId)) out.push(p);
        continue;
      }
      const named = /^(?:[\p{Ll}-]+\s){0,3}((?:\p{Lu}[\p{L}\p{N}.&'-]*)(?:\s(?:\p{Lu}[\p{L}\p{N}.&'-]*|of|&)){0,4})$/u.exec(part);
      if (named && !/^(?:The|A|An|Its|Their)$/.test(named[1])) {
        out.push({ name: named[1] });
        continue;
      }
      break;
    }
    return out;
  }
}

/**
 * The template with its asides removed, including asides in a row (", a rival of X, the maker of Y,"):
 * each comma-enclosed aside leaves its closing comma behind a private-use mark (which templates never
 * contain), so the next aside can still start at that comma; marks and their commas go at the end.
 */
function withoutAsides(tpl: string): string {
  let out = tpl;
  for (let i = 0; i < 4; i++) {
    const next = out.replace(APPOSITIVE, (m) => (m.startsWith(',') && m.endsWith(',') ? '\ue000,' : ' '));
    if (next === out) break;
    out = next;
  }
  return out.replace(/\ue000,?/g, ' ');
}

/** "Chinese automaker ⟦C3⟧": a company after a few lower-case words that are not prepositions. */
export const DESCRIBED_TOKEN = /^(?:(?!(?:by|from|of|in|with|to|for|at|on|including|like|than|via|into)\s)[\p{Ll}-]+\s){0,3}⟦C(\d+)⟧$/u;

export const EXCHANGE = new RegExp(`^(?:${EXCHANGE_NAMES})$`);

const BRIDGE =
  /^\s*,?\s*(?:(?:which|that|who)\s)?(?:(?:has|had|have|just|recently|reportedly|also|now|finally|successfully|already|officially|itself|only|will|would|still|first|then|quickly|swiftly|this week|today|yesterday|last week|meanwhile|earlier|previously|again|[\p{Ll}]+ly)\s)*$/u;
