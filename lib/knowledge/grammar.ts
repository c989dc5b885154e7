/**
 * Shared pieces of the sentence grammar. Facts are read from a sentence *template* in which every
 * company mention is replaced by ⟦C<n>⟧ and every sum of money by ⟦M<n>⟧ (see view.ts), so the
 * patterns talk about roles ("a company, then 'raised', then money") rather than about names.
 */

export const C = String.raw`⟦C(\d+)⟧`;
export const M = String.raw`⟦M(\d+)⟧`;
/** A company token or the possessive "its" left unresolved. */
export const TOKEN_RE = /⟦C(\d+)⟧/g;

/** Words that make the company after them an object, not the one acting. */
export const PREPOSITIONS = new Set(
  (
    'by from of in with to for at on including like than via into over under about against between among ' +
    'behind through versus vs toward towards within without beyond per featuring alongside'
  ).split(' '),
);

/**
 * Interjected phrases that do not change who the sentence is about: ", a Singapore-based fund,",
 * ", which raised $110 million in February,", "— Turkey's giant online platform —", "(...)".
 */
export const APPOSITIVE =
  /,\s(?:a|an|the|which|who|whose|one of|formerly|now|led by|co-led by|backed by|founded by|known as|also known as|based in|its|itself)\b[^,;]*?,|\s[—–]\s[^—–]*?\s[—–]\s?|\s?\([^()]*\)/gu;

export const PERCENT = String.raw`(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)`;
export const YEAR = String.raw`((?:19|20)\d{2})`;
/** Capitalised place names, with "N.C."-style abbreviations and one inner comma ("Greenville, N.C."). */
export const PLACE = String.raw`((?:\p{Lu}[\p{L}.'’]*)(?:(?:\s|,\s)(?:\p{Lu}[\p{L}.'’]*)){0,3})`;

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*`;
/** A person's name: two to four capitalised words. */
export const NAME = String.raw`(${NAME_WORD}(?:\s${NAME_WORD}){1,3})`;
/** A single capitalised word, later resolved against the full names the article uses ("Xue"). */
export const SHORT_NAME = String.raw`(${NAME_WORD})`;

const NOT_NAME_WORDS = new Set(
  (
    'The A An In On At This That These Those It Its He She They We I You Our Their His Her Today ' +
    'Chinese China American Indian Japanese Korean Turkish European Asian Western Eastern ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Meanwhile However Also And But Or Last Next Earlier Later ' +
    'Chairman Chairwoman President Chief Executive Officer Founder CEO Head Director Manager General Partner ' +
    'Former Co-founder Analyst Technology Digital Global Internet Group Capital Ventures Holdings Inc Ltd'
  ).split(' '),
);

export function isPersonName(name: string): boolean {
  return name.split(/\s+/).every((w) => !NOT_NAME_WORDS.has(w));
}

/** Lets every word of a pattern start with either case: "Chief Executive Officer" or "chief executive officer". */
const anyCase = (source: string) => source.replace(/(^|[|( :-])([a-z])/g, (_, before: string, c: string) => `${before}[${c}${c.toUpperCase()}]`);

/** Leadership titles; "co-founder" and "founder" also produce founding facts. */
const ROLE_WORD = anyCase(String.raw`(?:co-?founder|founder|co-chairman|co-chair|co-chief executive|non-executive chairman|governor|director[ -]general|secretary[ -]general|general secretary|board member|editor|publisher|chairman|chairwoman|chairperson|chair|vice[ -]chairman|president|vice president|chief executive officer|chief executive|chief \p{Ll}+ officer|CEO|CFO|CTO|COO|CMO|general manager|managing director|managing partner|founding partner|general partner|director|head|partner|board chairman|executive chairman|chief(?= \p{Lu}))`);
export const ROLES = String.raw`((?:(?:${anyCase('former|then|current|interim|acting|deputy|senior|global')}|North American|European|North American and European|the)\s)*${ROLE_WORD}(?:(?:,\s|\s)(?:and|&)\s${ROLE_WORD}|,\s${ROLE_WORD}(?=,?\s(?:and|&)\s))*)`;
/** Roles that describe people without making them leaders. */
export const PERSON_ROLES = String.raw`((?:technology |senior |chief |lead |industry )?(?:analyst|spokesperson|spokesman|spokeswoman|economist|researcher|scientist|engineer|investor|venture capitalist))`;

export const isFounderRole = (role: string) => /founder/i.test(role);
export const isFormerRole = (role: string) => /\b(?:former|then)\b/i.test(role);

/** Cleans a role as written into a display title: "Chairman and Chief Executive Officer". */
export function cleanRole(role: string): string {
  return role.replace(/^(?:the)\s+/i, '').replace(/\s+/g, ' ').trim();
}

const ROUND_RE =
  /\b(Series [A-H]\d?\+?|pre-Series [A-H]|pre-IPO|pre-seed|seed|angel|strategic|[A-H]\d?\+?(?= (?:funding |financing )?round\b))/i;

export function roundOf(text: string): string | undefined {
  const m = ROUND_RE.exec(text);
  if (!m) return undefined;
  const r = m[1];
  return /^series/i.test(r) ? `Series ${r.slice(7).toUpperCase()}` : r.length <= 3 ? r.toUpperCase() : r.toLowerCase();
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
export const COUNT = String.raw`((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a)(?:\s(?:thousand|million|billion|trillion)|(?:m|bn)(?![\p{L}\d]))?)`;

/** "1.3 billion" → 1300000000, "150,000" → 150000, "one billion" → 1000000000. */
export function parseCount(text: string): number | undefined {
  const m = /^(\S+?)(?:\s(thousand|million|billion|trillion)|(m|bn))?$/.exec(text.trim());
  if (!m) return undefined;
  const base = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(base)) return undefined;
  // "788m buyers": the short scale words of headlines and business copy.
  const scale = m[2] ? SCALES[m[2]] : m[3] === 'm' ? 1e6 : m[3] === 'bn' ? 1e9 : 1;
  return Math.round(base * scale * 1e4) / 1e4;
}

const compiled = new Map<string, RegExp>();
/**
 * Patterns are assembled from the pieces above; compiling them once per source keeps extraction
 * linear in the corpus (matchAll copies the regex, so sharing one instance is safe).
 */
export function re(source: string, flags = 'gu'): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  return r;
}

/** Stock exchanges named as listing venues, as a RegExp alternation (one list for every pattern). */
export const EXCHANGE_NAMES = 'Nasdaq|NASDAQ|NYSE|New York Stock Exchange|Hong Kong Stock Exchange|HKEX|STAR Market|London Stock Exchange|Shanghai Stock Exchange|Shenzhen Stock Exchange|Tokyo Stock Exchange';
