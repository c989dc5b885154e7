import { splitSentences } from '../sentences';
import { contextOf, isPlaceOrTime, shapeOf, type KindHint } from './cues';
import { initialsOf, nameKey } from './key';
import { profileLines, type ProfileLine } from './profile';
import { sides, spansOf, type Span } from './spans';
import { HEAD_NOUNS, LEGAL_SUFFIXES } from './words';

/**
 * Per-article organisation analysis. It depends on the article text alone, so its result can be
 * cached and merged with other articles' results (resolve.ts) when one article is added.
 */

export interface NameEvidence {
  /** Spellings as written, with how often each occurs. */
  forms: Record<string, number>;
  key: string;
  /** Occurrences that look like an organisation, and that look like a person or an ordinary word. */
  orgVotes: number;
  personVotes: number;
  /** A few of the reasons, for the report. */
  reasons: string[];
  /** Every occurrence is a place or a date word, or the name is a bare head noun ("Bank"). */
  excluded: boolean;
  /** Every occurrence opens a sentence, where a capital says nothing. */
  initialOnly: boolean;
  kinds: Partial<Record<KindHint, number>>;
  /** Acronyms the article defines for it: "Korvex Aeronautics (KVA)". */
  acronyms: string[];
  profile: ProfileLine[];
}

export interface ArticleOrgs {
  articleId: string;
  names: NameEvidence[];
  /**
   * Pairs of name keys the article ties together: listed side by side ("Boeing and Airbus"), or
   * owner and owned ("Korvex's Lumo Labs"). An organisation confirmed anywhere in the corpus
   * makes its partner here one too (resolve.ts).
   */
  links: [string, string][];
}

interface Occurrence {
  span: Span;
  sentence: number;
  org: string[];
  person: string[];
  kind?: KindHint;
  profile: ProfileLine[];
  acronym?: string;
  place: boolean;
}

const CONTEXT = 100;
const ACRONYM_AFTER = /^['’]?s?\s*\((?:the\s+)?(\p{Lu}[\p{Lu}\p{N}&.-]{1,7})\)/u;

function occurrence(span: Span, sentence: number, text: string, from: number, to: number, articleId: string): Occurrence {
  // A place or a date needs no further evidence: most capitalised words of news are these.
  if (isPlaceOrTime(span)) return { span, sentence, org: [], person: [], profile: [], place: true };
  // Cues sit within a few words of the name; bounded context keeps every test linear.
  const before = text.slice(Math.max(from, span.start - CONTEXT), span.start);
  const after = text.slice(span.end, Math.min(to, span.end + 2 * CONTEXT));
  const ev = contextOf(span, before, after);
  const shape = shapeOf(span);
  const org = shape.why ? [shape.why, ...ev.org] : ev.org;
  const acronym = ACRONYM_AFTER.exec(after)?.[1].replace(/\.$/, '');
  const profile = profileLines(span, before, after, () => text.slice(from, to), articleId);
  return { span, sentence, org, person: ev.person, kind: shape.kind ?? ev.kind, profile, acronym, place: false };
}

/** Collects the candidate names of one article with the evidence each occurrence gives. */
export function analyseArticle(articleId: string, body: string): ArticleOrgs {
  const occurrences: Occurrence[] = [];
  const alone = new Set<string>();
  const joined: { whole: Occurrence; parts: Occurrence[] }[] = [];
  const lowercase = new Set(body.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]*/gu) ?? []);
  splitSentences(body).forEach((s, i) => {
    const { spans } = spansOf(body.slice(s.start, s.end), s.start, body, lowercase);
    for (const span of spans) {
      const whole = occurrence(span, i, body, s.start, s.end, articleId);
      if (span.andAt === undefined) {
        occurrences.push(whole);
        alone.add(span.text);
      } else joined.push({ whole, parts: sides(span, body).map((p) => occurrence(p, i, body, s.start, s.end, articleId)) });
    }
  });
  // "Procter and Gamble" is one name unless it ends a list, or a side stands alone in the
  // article, is a place or a person, or is a name by its own shape ("Korvex and Brightwater Holdings") —
  // except when the article defines the whole name's acronym ("... and Shipping Company (KTSC)").
  for (const j of joined) {
    const defined = j.whole.acronym !== undefined && j.whole.acronym.replace(/\W/g, '') === initialsOf(j.whole.span.text);
    const inList = /,\s*$/.test(body.slice(Math.max(0, j.whole.span.start - 3), j.whole.span.start)) || j.whole.org.includes('in a list of firms');
    // "Securities and Exchange Commission": a body's head noun on the right covers both sides;
    // "Ministry of Electronics and Information Technology": a body "of" two things.
    const bodyHead = shapeOf(j.parts[j.parts.length - 1].span).kind === 'government' || j.parts[0].span.tokens.some((t) => t.text === 'of' || t.text === 'for');
    const split =
      !defined &&
      (inList || j.parts.some((p) => alone.has(p.span.text) || p.place || p.person.length || (!bodyHead && shapeOf(p.span).why)));
    if (split) occurrences.push(...j.parts);
    else occurrences.push(j.whole);
  }
  occurrences.sort((a, b) => a.span.start - b.span.start);
  personOf(occurrences, body);
  const links = linksOf(occurrences, body);
  const surnames = new Set(
    occurrences
      .filter((o) => o.person.length && !o.org.length && (o.span.tokens.length > 1 || /^(?:Mr|Mrs|Ms|Dr|Sir)\.?$/.test(o.span.afterTitle ?? '')))
      .map((o) => o.span.tokens[o.span.tokens.length - 1].text),
  );
  const byKey = new Map<string, NameEvidence>();
  for (const o of occurrences) {
    const key = nameKey(o.span.text);
    if (!key) continue;
    let n = byKey.get(key);
    if (!n) {
      n = { forms: {}, key, orgVotes: 0, personVotes: 0, reasons: [], excluded: true, initialOnly: true, kinds: {}, acronyms: [], profile: [] };
      byKey.set(key, n);
    }
    n.forms[o.span.text] = (n.forms[o.span.text] ?? 0) + 1;
    const single = o.span.tokens.length === 1;
    const isSurname = single && surnames.has(o.span.text) && !o.org.length;
    // "People", "Shell": a word the article also writes in lower case needs evidence each time.
    const ordinary = single && lowercase.has(o.span.text.toLowerCase());
    if (o.org.length) n.orgVotes++;
    if (o.person.length || isSurname || (ordinary && !o.org.length)) n.personVotes++;
    for (const r of o.org) if (n.reasons.length < 4 && !n.reasons.includes(r)) n.reasons.push(r);
    if (!o.place) n.excluded = false;
    if (!(o.span.tokens[0].initial && single)) n.initialOnly = false;
    if (o.kind) n.kinds[o.kind] = (n.kinds[o.kind] ?? 0) + 1;
    if (o.acronym && !n.acronyms.includes(o.acronym)) n.acronyms.push(o.acronym);
    n.profile.push(...o.profile);
  }
  for (const n of byKey.values()) if (isGenericHead(n)) n.excluded = true;
  return { articleId, names: [...byKey.values()], links };
}

/** "Bank", "Commission" alone refer back to a fuller name; they are not names of their own. */
function isGenericHead(n: NameEvidence): boolean {
  return Object.keys(n.forms).every((f) => !/\s/.test(f) && (HEAD_NOUNS.has(f) || LEGAL_SUFFIXES.has(f)));
}

const LIST_GAP = /^(?:['’]s?)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:\p{Ll}+['’]s\s+)?$/u;
const COUNTRY_OWNER = /^(?:['’]s?)?(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)\p{Lu}[\p{L}-]*['’]s\s+$/u;
const OWNER = /^['’]s?\s+$/u;

/**
 * Names listed together ("Korvex and Lumo", "Hale Aviation, Norway's Brightwater and Chile's
 * Andes-Vega") are of one sort, and what an organisation owns by name ("Korvex's Lumo Labs")
 * is one too. Names that are persons or places here take no part.
 */
function linksOf(occurrences: Occurrence[], body: string): [string, string][] {
  const out: [string, string][] = [];
  const usable = (o: Occurrence) => !o.person.length && !o.place && !(o.span.tokens[0].initial && o.span.tokens.length === 1 && !o.org.length);
  for (let i = 0; i + 1 < occurrences.length; i++) {
    const a = occurrences[i];
    const b = occurrences[i + 1];
    if (a.sentence !== b.sentence || !usable(a) || !usable(b)) continue;
    const gap = body.slice(a.span.end, b.span.start);
    // What an organisation owns by a model-like name ("DB9", "EV") is a product, not a unit.
    const owner = a.span.tokens[a.span.tokens.length - 1].possessive && OWNER.test(gap) && !/\p{N}|^\p{Lu}{1,2}$/u.test(b.span.text);
    if (owner || LIST_GAP.test(gap) || COUNTRY_OWNER.test(gap)) out.push([nameKey(a.span.text), nameKey(b.span.text)]);
  }
  return out;
}

/** "Ann Varga, a director of Korvex Holdings", "Lee Moss of Hale and Dorn". */
function personOf(occurrences: Occurrence[], body: string): void {
  for (let i = 0; i + 1 < occurrences.length; i++) {
    const [a, b] = [occurrences[i], occurrences[i + 1]];
    if (a.sentence !== b.sentence || !a.person.length || a.org.length || b.person.length) continue;
    if (/^\s+(?:of|at|from)\s+(?:the\s+)?$/u.test(body.slice(a.span.end, b.span.start))) b.org.push('person of');
  }
}
