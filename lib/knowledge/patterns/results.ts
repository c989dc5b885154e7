import type { Change, Money } from '../../dataset/schema';
import type { Ctx } from '../context';
import { COUNT, parseCount, re } from '../grammar';
import { periodOf } from '../period';

/**
 * Reported results and operating figures, in the many ways business news words them: "posted a
 * $676m loss", "profits fell 9% last year to £6.2bn", "Net profit ... rose 28% to A$458.4m",
 * "Profits at Korvex Card rose by 4% to £310m", "Up to 2,500 jobs are to go at X", "its
 * subscriber base to 5.4 million". A measure word is found first, then its figure in the same
 * stretch of the sentence, then whose figure it is: the possessor ("X's profits"), the company
 * after "at/of" ("sales at X"), the company acting before it, or — in a sentence naming no company
 * at all — the company the passage is about. Forecasts and targets are not results.
 */

const QUALIFIERS = String.raw`(?:net|pre-tax|pretax|operating|gross|annual|full-year|full year|half-year|first-half|quarterly|underlying|record|total|global|worldwide|overall|domestic|international|European|US|UK|unit|vehicle|retail|new|broadband|mobile|online|like-for-like)`;
const MEASURE = re(
  String.raw`\b((?:${QUALIFIERS}\s){0,3})(profits?|loss(?:es)?|earnings|net income|revenues?|sales|turnover|profit margin|output|orders|subscribers|subscriber base|user base|customer base|customers|passengers|users|deliveries|staff|employees|workers|jobs|job cuts|layoffs|market value|market capitalisation|market capitalization|downloads|consumer spending|gross merchandise value)\b`,
  'giu',
);
const COUNTED = /^(?:downloads|output|orders|subscribers|subscriber base|user base|customer base|customers|passengers|users|deliveries|staff|employees|workers|jobs|job cuts|layoffs)$/i;
const REVENUE = /^(?:revenues?|sales|turnover)$/i;
/** Words that make a figure a forecast, a target or a hypothesis rather than a result. */
const HYPOTHETICAL = /\b(?:expect\w*|forecast\w*|predict\w*|target\w*|could|would|might|may|estimat\w*|likely|hopes?|aims?|projected|outlook|guidance|plans? to|want\w*|if|can|should|pledg\w*|promis\w*|vow\w*|will (?:\w+ )?(?:dip|fall|rise|grow|drop|increase|decrease|decline|climb|report|post|announce|make|see|be|reach|top|hit))\b/i;
/** Where the words governing a measure start: the last clause break before it. */
const CLAUSE_BREAK = /[,;:](?=\s)|\b(?:after|as|while|and|but|when|because|since|though|although|whereas)\b/gi;
const FALL = 'fell|fall|falls|falling|dropped|drop|drops|declined|decline|declines|dipped|dip|slid|slide|slipped|slumped|slump|plunged|tumbled|down|lower|decreased|decrease|shrank|shrunk|contracted';
const RISE = 'rose|rise|rises|rising|grew|grow|grows|up|increased|increase|increases|climbed|climb|jumped|jump|added|gained|gain|higher|surged|soared|improved|boosted';
const CHANGE_NOUN = 'rise|fall|increase|decrease|drop|jump|decline|gain|slump|growth|fall-off|improvement';
const PCT = String.raw`(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)`;
const APPROX = String.raw`(?:(?:almost|nearly|about|some|around|just|more than|over|roughly) )?`;
const CHANGE = [
  re(String.raw`\b(${FALL}|${RISE})(?: by)? ${APPROX}${PCT}`, 'iu'),
  re(String.raw`\b(?:a|an) ${APPROX}${PCT} (?:annual |year-on-year |yearly )?(${CHANGE_NOUN})\b`, 'iu'),
  re(String.raw`${PCT} (higher|lower|up|down)\b`, 'iu'),
];
const FALLING = new RegExp(`^(?:${FALL}|decrease|drop|decline|slump|fall-off)$`, 'i');

function changeOf(text: string): Change | undefined {
  for (const [i, r] of CHANGE.entries()) {
    const m = r.exec(text);
    if (!m) continue;
    const [pct, word] = i === 0 ? [m[2], m[1]] : [m[1], m[2]];
    return { percent: Number(pct), direction: FALLING.test(word) ? 'down' : 'up' };
  }
  return undefined;
}

/**
 * The measure's own figure and where it ends in `after`: money after "to"/"of"/"at"/"was", else
 * the first money, else just before the measure ("a $676m loss", end 0).
 */
function moneyFor(x: Ctx, after: string, before: string): { money: Money; end: number } | undefined {
  const to = /\b(?:to|of|at|was|were|is|totalled|totaled|reached|hit|made|posted|reported|has made|had made) (?:just |only |a record |some |about )?⟦M(\d+)⟧/.exec(after);
  if (to) return { money: x.money(to[1]), end: to.index + to[0].length };
  const first = /^[^⟦]{0,40}?⟦M(\d+)⟧/.exec(after);
  if (first && !/\bfrom ⟦M\d+⟧$/.test(first[0])) return { money: x.money(first[1]), end: first[0].length };
  const lead = /⟦M(\d+)⟧ (?:[\p{L}-]+ ){0,3}$/u.exec(before);
  return lead ? { money: x.money(lead[1]), end: 0 } : undefined;
}

/** Counts written in figures or number words; never the article "a" ("a group of employees"). */
const FIGURE = COUNT.replace('|a)', ')');
// "5 percent of users" is a share, not a count of users.
const COUNT_BEFORE = re(String.raw`${APPROX}(?:up to )?(?<![\p{L}\d,.])${FIGURE} (?:(?!(?:percent|per|of)\b)[\p{Ll}-]+ ){0,2}$`, 'iu');
// A change may come first: "user base up 17.2 per cent to 318.6 million".
const COUNT_AFTER = re(String.raw`^(?:[^⟦\d]|⟦C\d+⟧|\d+(?:\.\d+)?\s?(?:%|per ?cent\b)){0,60}?\b(?:to|of|at|reached|hit|topped|tops|passed|surpassed|was|were|employs|employed) ${APPROX}(?<![\p{L}\d,.])${FIGURE}\b`, 'u');

/** A count, never a bare year ("2004 sales"). */
function countFor(before: string, after: string): number | undefined {
  const found = COUNT_BEFORE.exec(before)?.[1] ?? COUNT_AFTER.exec(after)?.[1];
  const value = found === undefined ? undefined : parseCount(found);
  return value !== undefined && /^(?:19|20)\d\d$/.test(found!) ? undefined : value;
}

/** Whose figure the measure at `at` is. */
function ownerOf(x: Ctx, tpl: string, at: number, segment: string, atClauseStart: boolean): number | undefined {
  const before = tpl.slice(0, at);
  const own = /⟦C(\d+)⟧'s? (?:[\p{L}-]+ ){0,3}$/u.exec(before);
  if (own) return x.unitToken(Number(own[1]), own[0].slice(own[0].indexOf('⟧') + 1));
  const of = /^\s*(?:[\p{Ll}-]+ ){0,3}?(?:at|of|for|in) (?:the )?(?:[\p{L}&-]+ ){0,4}?⟦C(\d+)⟧(?!'s? (?:[\p{L}-]+ )?(?:rivals?|competitors?))/u.exec(segment);
  if (of) return x.unitToken(Number(of[1]), segment.slice(of.index + of[0].length));
  const acting = [...before.matchAll(/⟦C(\d+)⟧/g)].filter((t) => x.acting(tpl, t.index!));
  if (acting.length) return Number(acting[acting.length - 1][1]);
  // A measure opening its clause ("Operating profits were ...", "In the US, revenue grew ...") in a
  // sentence that names no company but by reference is the passage's company's figure.
  // "..., Korvex said": the one company named is the one reporting.
  const ids = new Set(x.v.companies.map((c) => c.companyId));
  // ... unless the figure is said to be of something else: "the revenue of Norland's pet-food market, Tally Research said".
  const ofOther = /^\s*(?:of|for|in) (?!⟦C)/.test(segment);
  if (!ofOther && ids.size === 1 && /⟦C\d+⟧ (?:said|says|reported|announced|added)\b|\b(?:said|says|according to) ⟦C\d+⟧/.test(tpl)) return 0;
  if (!x.v.topic) return undefined;
  // Only references to the passage's company ("its", "the airline"): the sentence is about it.
  if (x.v.companies.length > 0 && x.v.companies.every((c) => c.anaphor && c.companyId === x.v.topic)) return x.topicToken();
  return atClauseStart && x.v.companies.length === 0 ? x.topicToken() : undefined;
  return undefined;
}

export function results(x: Ctx): void {
  const tpl = x.v.tpl;
  if (!/\d|⟦M/.test(tpl)) return;
  const measures = [...tpl.matchAll(MEASURE)];
  for (const [k, m] of measures.entries()) {
    const at = m.index! + m[1].length;
    const end = m.index! + m[0].length;
    const next = measures[k + 1]?.index ?? tpl.length;
    const after = tpl.slice(end, Math.min(next, end + 140)).split(/;|, (?:but|while|whereas|although) /)[0];
    const before = tpl.slice(Math.max(0, m.index! - 60), m.index!);
    const lead = tpl.slice(0, m.index!).split(CLAUSE_BREAK).pop() ?? '';
    const clause = lead + m[0] + after;
    if (/\b(?:lost|missed|forgone|foregone) $/.test(before)) continue;
    const noun = m[2].toLowerCase();
    const counted = COUNTED.test(noun) || /^(?:unit|vehicle)\s/i.test(m[1]);
    const found = counted ? undefined : moneyFor(x, after, before);
    const amount = found?.money;
    // Only the words up to the figure decide: "less than the 12.5% forecast by analysts" after it does not.
    const figureEnd = found?.end ?? (/⟦M\d+⟧|\d(?:\.\d+)?\s?(?:%|per ?cent)|\d[\d,.]*(?: (?:thousand|million|billion))?/.exec(after) ?? { index: after.length, 0: '' });
    const upTo = typeof figureEnd === 'number' ? figureEnd : figureEnd.index + figureEnd[0].length;
    if (HYPOTHETICAL.test(lead + m[0] + after.slice(0, upTo))) continue;
    // Counts belong to counted measures only: "four times the loss" is no count of losses.
    // A handful of people ("the death of two employees") is an anecdote, not a company's figure.
    const counts = counted ? countFor(before, after) : undefined;
    const value = counts !== undefined && counts < 10 && !/^(?:jobs?|job cuts|layoffs)$/.test(noun) ? undefined : counts;
    const change = changeOf(after) ?? changeOf(before.split(/[;,] /).pop() ?? '');
    const marginPct = noun === 'profit margin' ? /^ of (\d+(?:\.\d+)?)%/.exec(after) : null;
    if (!amount && value === undefined && !change && !marginPct) continue;
    // A figure for several companies together ("a combined user base") is nobody's own.
    if (/\bcombined\b/i.test(lead)) continue;
    const atClauseStart = /^\s*(?:(?:its|their|the|and|so|total|overall|[\p{Lu}][\p{Ll}]+ly),?\s)*$/u.test(lead) && !/⟦C/.test(lead);
    const owner = ownerOf(x, tpl, m.index!, after, atClauseStart);
    if (owner === undefined) continue;
    const companyId = x.id(owner);
    const numbers = [amount?.amount, value, change?.percent].filter((n) => n !== undefined);
    if (x.facts.some((f) => f.companyId === companyId && numbers.some((n) => JSON.stringify(f.values).includes(`:${n}`)))) continue;
    const period = periodOf(x.v.sentence);
    const isCut = /^jobs?$/.test(noun) && /\b(?:go|cut|cuts|axed|shed|lost|slashed|lose|disappear)\b/.test(clause);
    const metric = isCut ? 'job cuts' : `${m[1]}${m[2]}`.toLowerCase().replace(/\s+/g, ' ').trim();
    if (REVENUE.test(noun) && !counted && (amount || change)) {
      x.add({ companyId, type: 'revenue', values: { ...(amount ? { amount } : {}), ...(change ? { change } : {}), ...(period ? { period } : {}), metric } });
      continue;
    }
    x.add({
      companyId,
      type: 'metric',
      values: {
        metric,
        ...(amount ? { amount } : {}),
        ...(value !== undefined ? { value, ...(counted ? { unit: noun.replace(/^job cuts$/, 'jobs').replace(/^(\w+?)s? base$/, '$1s') } : {}) } : {}),
        ...(marginPct ? { value: Number(marginPct[1]), unit: '%' } : {}),
        ...(change ? { change } : {}),
        ...(period ? { period } : {}),
      },
    });
  }
}
