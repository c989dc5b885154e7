import type { Money } from '../dataset/schema';
import { APPOSITIVE, PREPOSITIONS, TOKEN_RE } from './grammar';
import { findMoney } from './money';
import { splitSentences } from './sentences';

/**
 * A sentence prepared for pattern matching: company mentions become ⟦C<n>⟧, money becomes ⟦M<n>⟧,
 * and references that clearly point back to a company ("it", "its", "the company", "the startup")
 * become that company's token. Resolution is deliberately timid: a pronoun takes the nearest
 * company before it that is acting (not after "by", "from", "of", ... and not inside an aside), a
 * noun phrase like "the startup" takes the sentence's subject, or the paragraph's topic when no
 * other company has been named before it. Anything unclear stays unresolved, so no fact attaches.
 */

export interface TokenRef {
  companyId: string;
  /** Text as written (the alias, or the pronoun for resolved references). */
  text: string;
  anaphor?: boolean;
}

export interface SentenceView {
  articleId: string;
  /** The sentence, verbatim. */
  sentence: string;
  start: number;
  end: number;
  paragraph: number;
  tpl: string;
  companies: TokenRef[];
  money: Money[];
  /** Token index of the company the sentence is about, when it has one. */
  subject?: number;
  /** The company the preceding sentences were about, if still current. */
  topic?: string;
}

export interface BodyMention {
  start: number;
  end: number;
  companyId: string;
}

const CONJUNCTIONS = new Set('after before when while as because since and but that which who if once until whereas'.split(' '));

const normalise = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00a0/g, ' ');

function appositiveSpans(tpl: string): [number, number][] {
  return [...tpl.matchAll(APPOSITIVE)].map((m) => [m.index!, m.index! + m[0].length]);
}

const inside = (spans: [number, number][], at: number) => spans.some(([a, b]) => at > a && at < b);

/** True when the words just before `at` (within the clause) do not make the token an object. */
export function actingPosition(tpl: string, at: number): boolean {
  // A company listed after another ("from Alibaba and SAIC Motor") plays the first one's role.
  const listed = /⟦C\d+⟧(?:,| and| or|, and)\s$/.exec(tpl.slice(Math.max(0, at - 12), at));
  if (listed) return actingPosition(tpl, at - listed[0].length);
  const before = tpl.slice(Math.max(0, at - 60), at);
  const clause = before.split(/[,;:()—–"]/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-4);
  // A conjunction starts a new clause: "in China after PayPal bought" leaves PayPal acting.
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i].toLowerCase();
    if (CONJUNCTIONS.has(w)) return true;
    if (PREPOSITIONS.has(w)) return false;
  }
  return true;
}

function tokensOf(tpl: string): { index: number; at: number; end: number }[] {
  return [...tpl.matchAll(TOKEN_RE)].map((m) => ({ index: Number(m[1]), at: m.index!, end: m.index! + m[0].length }));
}

/** "The Korvex-led round", "a Korvex-backed startup": a company inside a compound adjective is neither subject nor referent. */
const MODIFIER_AFTER = /^-(?:led|co-led|backed|owned|funded|controlled|run|operated|listed)\b/;
const isModifier = (tpl: string, t: { end: number }) => MODIFIER_AFTER.test(tpl.slice(t.end, t.end + 14));

/** Words that, before a company, show it is not what the sentence is about ("came from X", "said X"). */
const NOT_SUBJECT = /^(?:will|would|can|could|may|might|must|should|shall|to|did|does|do|said|says|say|told|is|are|was|were|be|been|has|have|had|came|comes|come|went|goes|got|gets|saw|sees|made|makes|put|puts|called|named|like|such|than)$/i;

/**
 * The sentence's subject: a company at the start of the main clause, after at most a short
 * introductory phrase ("Despite ..., Meituan") and a few descriptive words ("Chip company Eswin").
 */
function subjectOf(tpl: string, spans: [number, number][]): number | undefined {
  for (const t of tokensOf(tpl)) {
    if (t.at > 140) break;
    if (inside(spans, t.at) || isModifier(tpl, t)) continue;
    const lead = /^(?:[^,⟦]{0,80},\s)?((?:[\p{L}\p{N}'.&-]+\s){0,5})$/u.exec(tpl.slice(0, t.at));
    if (!lead) return undefined;
    const words = lead[1].trim().split(/\s+/).filter(Boolean);
    if (words.some((w) => PREPOSITIONS.has(w.toLowerCase()) || NOT_SUBJECT.test(w))) return undefined;
    return t.index;
  }
  return undefined;
}

const NOMINAL = /\b[Tt]he (?:(?![\p{L}-]*-(?:based|headquartered)\b)[\p{L}-]+ ){0,3}?(?:company|firm|startup|giant|unicorn|conglomerate|retailer|chain|group|airline|carrier|bank|lender|insurer|broker|carmaker|automaker|chipmaker|manufacturer|maker|operator|brewer|miner|producer|supplier|platform|corporation|multinational|e-commerce player|vehicle)\b(?!'s? (?:own|rivals?|competitors?))(?! of\b)/gu;
const SUBORDINATE_BEFORE = /\b(?:when|after|before|as|because|since|until|once|while|if)\s$/;
const EMPTY_IT = /^It (?:is|was|'s|has been|seems|seemed|appears|appeared|remains|remained) (?:(?:not|also|still|now|very|too|quite) )?(?:[\p{Ll}-]+ )?(?:that|whether|to|how|why|if|unclear|likely|possible|expected)\b/u;
const PRONOUN = /\b(its|it)\b(?!')|^(Its|It)\b/g;

interface Topic {
  companyId: string;
  paragraph: number;
}

function buildTemplate(sentence: string, mentions: BodyMention[], offset: number) {
  const companies: TokenRef[] = [];
  const money: Money[] = [];
  const spans: { start: number; end: number; token: string }[] = [];
  for (const m of mentions) {
    spans.push({ start: m.start - offset, end: m.end - offset, token: `⟦C${companies.length}⟧` });
    companies.push({ companyId: m.companyId, text: sentence.slice(m.start - offset, m.end - offset) });
  }
  // Most sentences hold no sum; a figure or a scale word is needed for one.
  const sums = /[\d$€£¥₹]|illion|thousand/.test(sentence) ? findMoney(sentence) : [];
  for (const s of sums) {
    if (spans.some((x) => s.start < x.end && s.end > x.start)) continue;
    spans.push({ start: s.start, end: s.end, token: `⟦M${money.length}⟧` });
    money.push(s.money);
  }
  spans.sort((a, b) => a.start - b.start);
  let tpl = '';
  let at = 0;
  for (const s of spans) {
    tpl += normalise(sentence.slice(at, s.start)) + s.token;
    at = s.end;
  }
  return { tpl: tpl + normalise(sentence.slice(at)), companies, money };
}

/** Resolves pronouns and "the company"-style references; returns the rewritten template. */
function resolve(tpl: string, companies: TokenRef[], topic: string | undefined, previous?: string): { tpl: string; subject?: number } {
  const spans = appositiveSpans(tpl);
  let subject = subjectOf(tpl, spans);
  const tokens = tokensOf(tpl).filter((t) => !isModifier(tpl, t));
  const edits: { at: number; end: number; text: string }[] = [];
  const refer = (companyId: string, text: string) => {
    companies.push({ companyId, text, anaphor: true });
    return companies.length - 1;
  };
  for (const m of tpl.matchAll(PRONOUN)) {
    const at = m.index!;
    const word = m[0];
    const possessive = /^its$/i.test(word);
    let target: number | undefined;
    const before = tokens.filter((t) => t.end <= at && !inside(spans, t.at) && actingPosition(tpl, t.at));
    if (before.length > 0) target = before[before.length - 1].index;
    // "became part of X when it snapped up Y": the subject of a subordinate clause is the one company named before it, whatever that company's role.
    const named = tokens.filter((t) => t.end <= at && !inside(spans, t.at));
    if (target === undefined && !possessive && SUBORDINATE_BEFORE.test(tpl.slice(Math.max(0, at - 10), at)) && new Set(named.map((t) => companies[t.index].companyId)).size === 1)
      target = named[named.length - 1].index;
    // "Just two days after its $4 billion IPO, the ride-hailing giant ...": an opening clause's "its"
    // is the main clause's subject when that follows right after the comma.
    const comma = tpl.indexOf(',', at);
    if (target === undefined && possessive && comma > 0 && !tpl.slice(0, at).includes(',')) {
      const rest = tpl.slice(comma + 2);
      const named = /^⟦C(\d+)⟧/.exec(rest);
      if (named) target = Number(named[1]);
      else if (topic && !tokens.some((t) => t.at < comma + 2) && new RegExp(`^${NOMINAL.source}`, 'u').test(rest)) target = refer(topic, word);
    }
    // "It is notable that ...", "It was unclear whether ...": an empty "it" refers to nothing.
    if (at === 0 && EMPTY_IT.test(tpl)) continue;
    // A sentence opening with "It" continues the company the previous sentence was about.
    if (target === undefined && at === 0 && previous) target = refer(previous, word);
    // In a sentence naming no company (or before any is named, as a clause's subject), "its"/"it" is the passage's company.
    if (target === undefined && topic && (tokens.length === 0 || (/(?:^|, )$/.test(tpl.slice(0, at)) && !tpl.slice(0, at).includes('⟦'))))
      target = refer(topic, word);
    if (target === undefined) continue;
    if (at === 0 && subject === undefined) subject = target;
    edits.push({ at, end: at + word.length, text: possessive ? `⟦C${target}⟧'s` : `⟦C${target}⟧` });
  }
  for (const m of tpl.matchAll(NOMINAL)) {
    const at = m.index!;
    const earlier = tokens.filter((t) => t.end <= at);
    let target: number | undefined;
    if (subject !== undefined && earlier.some((t) => t.index === subject)) target = subject;
    else if (earlier.length === 0 && topic) target = refer(topic, m[0]);
    // "Investors in Roadstar ... the startup, which had raised ...": the one company named before.
    else if (earlier.length > 0 && new Set(earlier.map((t) => companies[t.index].companyId)).size === 1 && tokens.every((t) => companies[t.index].companyId === companies[earlier[0].index].companyId))
      target = earlier[0].index;
    if (target === undefined) continue;
    if (subject === undefined && actingPosition(tpl, at)) subject = target;
    edits.push({ at, end: at + m[0].length, text: `⟦C${target}⟧` });
  }
  edits.sort((a, b) => b.at - a.at);
  let out = tpl;
  let last = Infinity;
  for (const e of edits) {
    if (e.end > last) continue;
    out = out.slice(0, e.at) + e.text + out.slice(e.end);
    last = e.at;
  }
  return { tpl: out, subject };
}

/**
 * The company an article is about, when one clearly leads: named most often and at least twice as
 * often as any other. Sentences that name no company ("Operating profits were ...", "the airline
 * said") fall back to it when no nearer topic is current.
 */
const LEAD_CHARS = 400;

function mainCompany(mentions: readonly BodyMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.companyId, (counts.get(m.companyId) ?? 0) + 1);
  // A story about a company names it in its headline or opening; one only quoted as a source later is not its subject.
  const opening = new Set(mentions.filter((m) => m.start < LEAD_CHARS).map((m) => m.companyId));
  for (const id of counts.keys()) if (!opening.has(id)) counts.delete(id);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length) return undefined;
  return ranked.length === 1 || ranked[0][1] >= 2 * ranked[1][1] ? ranked[0][0] : undefined;
}

/** Prepares every sentence of an article, tracking the topic from sentence to sentence. */
export function sentenceViews(articleId: string, body: string, mentions: readonly BodyMention[]): SentenceView[] {
  const views: SentenceView[] = [];
  let topic: Topic | undefined;
  let paragraph = 0;
  let scanned = 0;
  let k = 0;
  const main = mainCompany(mentions);
  let recent: string | undefined;
  for (const s of splitSentences(body)) {
    for (let i = body.indexOf('\n\n', scanned); i !== -1 && i < s.start; i = body.indexOf('\n\n', i + 2)) {
      paragraph++;
      scanned = i + 2;
    }
    while (k < mentions.length && mentions[k].start < s.start) k++;
    const inSentence: BodyMention[] = [];
    for (let j = k; j < mentions.length && mentions[j].start < s.end; j++) if (mentions[j].end <= s.end) inSentence.push(mentions[j]);
    const sentence = body.slice(s.start, s.end);
    const built = buildTemplate(sentence, inSentence, s.start);
    const live = topic && paragraph - topic.paragraph <= 1 ? topic.companyId : (main ?? recent);
    const { tpl, subject } = resolve(built.tpl, built.companies, live, recent);
    if (subject !== undefined) topic = { companyId: built.companies[subject].companyId, paragraph };
    // A sentence that names companies but neither acts through one nor names the topic moves
    // the story elsewhere; "it" in the next sentence would be a guess.
    else if (topic && inSentence.length > 0 && !inSentence.some((m) => m.companyId === topic!.companyId)) topic = undefined;
    // With no topic, the one company the previous sentence named is the likeliest referent ("... dropped on Didi. ... the ride-hailing giant").
    // A sentence naming several companies leaves the one it goes on to describe ("came from Banma, which ...").
    const named = new Set(inSentence.map((m) => m.companyId));
    const described = /^[^⟦]*⟦C(\d+)⟧,? (?:which|a|an|the|who)\b/.exec(built.tpl);
    recent = named.size === 1 ? [...named][0] : described ? built.companies[Number(described[1])].companyId : named.size > 1 ? undefined : recent;
    views.push({ articleId, sentence, start: s.start, end: s.end, paragraph, tpl, companies: built.companies, money: built.money, subject, topic: live });
  }
  return views;
}
