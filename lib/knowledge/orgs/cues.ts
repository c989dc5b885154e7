import type { Span } from './spans';
import {
  CALENDAR,
  COMMON_WORDS,
  DESCRIPTORS,
  FUNCTION_WORDS,
  GIVEN_NAMES,
  SURNAMES_FIRST,
  HEAD_NOUNS,
  LEGAL_SUFFIXES,
  MULTI_WORD_PLACES,
  OF_HEADS,
  OWNED_BY_ORG,
  PLACES,
  ROLE_BEFORE_OF,
} from './words';

/**
 * Evidence about one occurrence of a candidate name, read from its own shape and from the words
 * around it in the sentence. Nothing here knows any particular organisation.
 */

export type KindHint = 'company' | 'product' | 'investor' | 'bank' | 'government' | 'media' | 'university' | 'other';

export interface Evidence {
  /** Why the name looks like an organisation here (empty when nothing says so). */
  org: string[];
  /** Why it looks like a person here. */
  person: string[];
  kind?: KindHint;
}

const DESCRIPTOR_KIND: Record<string, KindHint> = {
  bank: 'bank', banks: 'bank', lender: 'bank', lenders: 'bank', insurer: 'company', broker: 'company', brokerage: 'company',
  regulator: 'government', watchdog: 'government', agency: 'government', agencies: 'government', body: 'other', council: 'other',
  shareholder: 'investor', newspaper: 'media', newspapers: 'media', daily: 'media', broadcaster: 'media', publisher: 'media',
  fund: 'investor', funds: 'investor', investor: 'investor', investors: 'investor', backer: 'investor', backers: 'investor',
  union: 'other', app: 'product', platform: 'product', brand: 'product', service: 'product',
};

const lastWord = (s: string) => /([\p{L}-]+)\s*$/u.exec(s.slice(-30))?.[1].toLowerCase();

/** Funding rounds and company bodies, which look like names: "Series D", "Board of Directors". */
const NOT_NAMES = /^(?:(?:Pre-)?Series [A-H]\d?\+?|Board of (?:Directors|Governors|Trustees)|Annual General Meeting)$/u;

const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

/** True when every word is a place, calendar or function word: "Hong Kong", "New York", "December". */
export function isPlaceOrTime(span: Span): boolean {
  if (MULTI_WORD_PLACES.has(span.text) || NOT_NAMES.test(span.text) || COMMON_WORDS.has(span.text)) return true;
  return span.tokens.every((t) => PLACES.has(t.text) || PLACES.has(titleCase(t.text)) || CALENDAR.has(t.text) || FUNCTION_WORDS.has(t.text) || t.text === 'of' || t.text === 'and');
}

/** Evidence from the name itself: a legal form, a head noun, "Bank of ...". */
export function shapeOf(span: Span): { why?: string; kind?: KindHint } {
  const words = span.tokens.map((t) => t.text);
  if (words.length < 2) return {};
  const last = words[words.length - 1];
  if (LEGAL_SUFFIXES.has(last)) return { why: 'legal form', kind: 'company' };
  const ofAt = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for') && OF_HEADS.has(words[i - 1]));
  const head = ofAt > 0 ? words[ofAt - 1] : last;
  const kind = HEAD_NOUNS.get(head) as KindHint | undefined;
  if (kind) return { why: `head noun ${head}`, kind };
  if (/^(?:Bank|Banco|Banca|Banque)$/.test(words[0])) return { why: 'head noun Bank', kind: 'bank' };
  return {};
}

const ROLE_AFTER = /^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:chief|analyst|economist|strategist|head|director|president|chairman|chairwoman|founder|co-founder|spokesman|spokeswoman|spokesperson|minister|governor|professor|secretary|executive|manager|lawyer|editor|boss|ceo|cfo|deputy|senior|who)\b/u;
const SPEECH_BEFORE = /\b(?:mr|mrs|ms|dr|said|says|told|added)\s*,?\s*$/iu;
const ROLE_BEFORE = /\b(?:chairman|chairwoman|president|director|executive|officer|founder|co-founder|analyst|economist|strategist|minister|secretary|governor|boss|spokesman|spokeswoman|editor|lawyer|professor|chancellor|treasurer|ceo|cfo|co-chairman|manager|colleague|son|daughter|wife|husband|banker|entrepreneur|businessman|businesswoman|tycoon|billionaire|official|lawyer|professor)\s*,?\s*$/iu;
const OWNED_AFTER = /^['’]s?\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)/u;
const APPOSITIVE_AFTER = /^\s*,\s*(?:a|an|the|its|one of the|\p{Lu}[\p{L}-]*['’]s?)\s+([^,;()]{1,80}?)(?:,|;|\.|$|\s(?:of|in|at|for|with|which|that|who|whose|based|to|by)\b)/u;

/** The organisation noun of an appositive after the name: "X, the German carmaker," → "carmaker". */
function appositiveHead(after: string): string | undefined {
  const m = APPOSITIVE_AFTER.exec(after);
  if (!m) return undefined;
  const words = m[1].toLowerCase().split(/\s+/);
  return words.find((w, i) => DESCRIPTORS.has(w) && i >= words.length - 2);
}
const PLURAL_LIST = /\b(?:firms|companies|rivals|giants|banks|lenders|groups|carriers|airlines|operators|retailers|makers|carmakers|manufacturers|investors|funds|insurers|newspapers|broadcasters|players|competitors|suppliers)\s*(?:such\s+as|such|like|including|as|[-–—:])\s*$/iu;

/** Evidence from the words around one occurrence; `before` and `after` are within its sentence. */
export function contextOf(span: Span, wholeBefore: string, after: string): Evidence {
  // Every cue before a name ends within a few words of it.
  const before = wholeBefore.slice(-60);
  const org: string[] = [];
  const person: string[] = [];
  let kind: KindHint | undefined;
  const lastToken = span.tokens[span.tokens.length - 1];
  const prev = lastWord(before);
  if (span.afterTitle) person.push(`after title ${span.afterTitle}`);
  if (prev && DESCRIPTORS.has(prev) && !/\b(?:a|an)\s+[\p{Ll}-]+\s*$/u.test(before)) {
    org.push(`after "${prev}"`);
    kind ??= DESCRIPTOR_KIND[prev];
  }
  if (PLURAL_LIST.test(before)) org.push('in a list of firms');
  if (/\b(?:shares|stake|stakes|holding|holdings|interest|investment|investments)\s+(?:in|of)\s+(?:the\s+)?$/iu.test(before)) org.push('shares in');
  if (/\b(?:profits?|sales|revenues?|earnings|losses|jobs|staff|workers|employees|bosses|executives|shareholders)\s+at\s+(?:the\s+)?$/iu.test(before)) org.push('profits at');
  if (/^\s+(?:group|company|unit|division|subsidiary|conglomerate)\b/u.test(after)) org.push('X group');
  if (/^\s+(?:has\s+|had\s+|have\s+|also\s+)?\p{Ll}+\s+its\s/u.test(after) && !/^\s+(?:said|says|told)\b/u.test(after)) org.push('verb its');
  if (/\b\p{Lu}[\p{L}.]*-(?:based|headquartered)\s+(?:[\p{Ll}-]+\s+){0,2}$/u.test(before)) org.push('X-based');
  const roleOf = /\b([\p{L}-]+)\s+(?:of|at|with|for|from)\s+(?:the\s+)?$/u.exec(before);
  if (roleOf && ROLE_BEFORE_OF.has(roleOf[1].toLowerCase())) org.push(`${roleOf[1]} of`);
  if (/\b(?:told|according to|reported by|quoted by|reports in|report in|interview with)\s+(?:the\s+)?$/iu.test(before)) {
    org.push('source');
    kind ??= 'media';
  }
  if (/\b(?:offer from|bid from|bid by|offer by|approach from|participation from|spun off from|spin-off from|spin-off of|funding in|round in|list on|listed on|listing on|float on|floated on|debut on|traded on|acquire|acquired|acquiring|acquisition of|buy|bought|buying|takeover of|merger with|merge with|deal with|contract with|agreement with|sold to|sell to|sale to|subsidiary of|owned by|backed by|unit of|division of|rival|rivals|versus|against|invest in|invested in|investment from|funding from|spin off|spun off|joint venture with|partnership with|customers of|clients of)\s+(?:the\s+)?$/iu.test(before))
    org.push('deal');
  if (/\b(\p{Lu}[\p{L}-]+)['’]s?\s+$/u.test(before)) {
    const owner = /\b(\p{Lu}[\p{L}-]+)['’]s?\s+$/u.exec(before)![1];
    if (PLACES.has(owner)) org.push(`${owner}'s`);
  }
  if (lastToken.possessive) {
    const owned = OWNED_AFTER.exec(after);
    if (owned && OWNED_BY_ORG.has(owned[1])) org.push(`'s ${owned[1]}`);
  }
  const app = appositiveHead(after);
  if (app) {
    org.push(`, the ${app}`);
    kind ??= DESCRIPTOR_KIND[app];
  }
  const named = /(?:\b[Tt]he|\b[Ii]ts|\b[Tt]heir|\b[Aa]n?|\p{Lu}[\p{L}-]*['’]s?)\s+(?:[\p{L}-]+\s+){0,2}?([\p{Ll}-]+)\s*,\s*$/u.exec(before);
  if (named && DESCRIPTORS.has(named[1])) {
    org.push(`the ${named[1]}, X`);
    kind ??= DESCRIPTOR_KIND[named[1]];
  }
  if (/^-(?:backed|owned|controlled|listed|funded|run|led)\b/.test(after)) org.push('-backed');
  if (/^\s+participating\b/u.test(after) && /\bwith\s+(?:the\s+)?$/u.test(before)) org.push('with X participating');
  if (/^\s+reported\b/u.test(after) || /\breported\s+$/u.test(before)) {
    org.push('reported');
    kind ??= 'media';
  }
  if (/^\s+(?:said|says|announced|reported|posted|confirmed|revealed|expects|added|warned|denied)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|its)\b/u.test(after)) org.push('said it');
  if (/^\s*,\s*which\s+(?:owns|makes|runs|operates|employs|sells|produces|helps|provides|offers|develops|builds|specialises|specializes|has\s+(?:\d|its|a\s+market))/u.test(after)) org.push('which owns');
  if (/^(?:['’]s?)?\s+(?:Chief Executive|Chairman|CEO|boss|chief executive|chairman|shares|stock|executives|bosses|shareholders|spokesman|spokeswoman)\b/u.test(after)) org.push('boss/shares after');
  // "chief executive John Smith" is a person; "senior vice president Boeing" names the employer.
  if (!lastToken.possessive && (SPEECH_BEFORE.test(before) || (span.tokens.length > 1 && ROLE_BEFORE.test(before)))) person.push('after role or said');
  if (ROLE_AFTER.test(after) && !app) person.push('role after');
  if (/^\s+(?:said|says|told)\s+(?:he|she|him|her)\b|^\s*,\s*who\b|^\s+(?:who|he|she)\s/u.test(after)) person.push('he/she');
  if (span.tokens.length >= 2 && span.tokens.length <= 3 && (GIVEN_NAMES.has(span.tokens[0].text) || SURNAMES_FIRST.has(span.tokens[0].text))) person.push('given name');
  return { org, person, kind };
}
