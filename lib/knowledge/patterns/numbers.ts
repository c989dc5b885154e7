import type { Ctx } from '../context';
import { C, COUNT, M, PERCENT, parseCount, re } from '../grammar';
import { periodOf as period } from '../period';

/** Revenue and other reported figures: users, customers, GMV, market share, market value. */

const REPORT = String.raw`(?:announced|reported|posted|recorded|generated|booked|brought in|made)`;

function revenue(x: Ctx): void {
  const tpl = x.v.tpl;
  const seen = new Set<string>();
  const add = (company: string, money: string, at: number) => {
    const id = x.id(company);
    if (seen.has(id) || !x.acting(tpl, at)) return;
    seen.add(id);
    const p = period(x.v.sentence);
    x.add({ companyId: id, type: 'revenue', values: { amount: x.money(money), ...(p ? { period: p } : {}) } });
  };
  for (const m of tpl.matchAll(re(String.raw`${C}'s ${M} (?:in )?revenue`))) add(m[1], m[2], m.index!);
  for (const m of tpl.matchAll(re(String.raw`${C} ${REPORT} (?:[\p{L}-]+ ){0,3}?revenues? of ${M}`))) add(m[1], m[2], m.index!);
  for (const m of tpl.matchAll(re(String.raw`${C} ${REPORT} ${M} in (?:[\p{L}-]+ ){0,3}?revenues?`))) add(m[1], m[2], m.index!);
}

/** Who is counted, after up to three describing words ("active online marketing customers"); the singular too, as some copy has it. */
const PEOPLE = String.raw`((?:(?!(?:of|in|for|per|at|on|from|to|and|or|the|a|an|percent|per cent)\s)[\p{Ll}-]+\s){0,3}?(?:users|customers|subscribers|consumers|merchants|sellers|buyers|members|employees|readers|viewers|players|drivers|riders|shoppers|students|user|customer|subscriber|buyer|shopper)(?: count| base)?)(?![\p{L}-])`;
/** The counted noun, plural: "active online marketing customer" → "customers", "shopper count" → "shoppers". */
const peopleUnit = (people: string) => {
  const noun = people.replace(/ (?:count|base)$/, '').split(' ').pop()!;
  return noun.endsWith('s') ? noun : `${noun}s`;
};
const QUALIFY = String.raw`(?:(?:over|more than|nearly|almost|about|around|roughly|some) )?`;

function metric(x: Ctx): void {
  const tpl = x.v.tpl;
  const sentence = x.v.sentence;
  const seen = new Set<string>();
  const add = (company: string, values: { metric: string; value?: number; unit?: string; amount?: ReturnType<Ctx['money']> }) => {
    const id = x.id(company);
    const key = `${id}|${values.metric}|${values.value ?? values.amount?.amount}`;
    if (seen.has(key)) return;
    seen.add(key);
    const p = period(sentence);
    const own = p !== undefined && values.metric.toLowerCase().includes(p.toLowerCase());
    x.add({ companyId: id, type: 'metric', values: { ...values, ...(p && !own ? { period: p } : {}) } });
  };
  // "Alipay, which has over one billion annual users"; "Ant ..., a fintech company that ... and that has 1.3 billion active users"
  // A relative clause describes the company before it whatever role that company plays in the sentence.
  const which = String.raw`${C}(?: (?:is|was) [^⟦;,]{0,80})?(?:,(?:[^⟦;]|⟦M\d+⟧){0,160}?\b(?:which|that))(?:,? and that)? (?:has|had|have|now has|counts|boasts|serves|claims) ${QUALIFY}${COUNT} ${PEOPLE}`;
  const has = String.raw`${C} (?:(?:now|still|already) )?(?:has|had|have|counts|boasts|serves|claims) ${QUALIFY}${COUNT} ${PEOPLE}`;
  for (const [pattern, needsActing] of [[which, false], [has, true]] as const) {
    for (const m of tpl.matchAll(re(pattern))) {
      const value = parseCount(m[2]);
      if (value !== undefined && (!needsActing || x.acting(tpl, m.index!))) add(m[1], { metric: m[3], value, unit: peopleUnit(m[3]) });
    }
  }
  // "Lumo runs an online platform with more than 160 million monthly users"; "Korvex's 512m active buyers"
  // The figure belongs to the clause's first acting company, not to the last one listed before "with" ("X overtook Y and Z with 788m buyers").
  for (const m of tpl.matchAll(re(String.raw`\bwith ${QUALIFY}${COUNT} ${PEOPLE}`))) {
    const clause = tpl.slice(0, m.index!).split(/[;:]|\b(?:as|when|while|after|since|because|but|although|though) (?=⟦C)/).pop()!;
    const offset = m.index! - clause.length;
    const first = [...clause.matchAll(/⟦C(\d+)⟧/g)].find((t) => x.acting(tpl, offset + t.index!));
    const value = parseCount(m[1]);
    if (first && value !== undefined && value > 1) add(first[1], { metric: m[2], value, unit: peopleUnit(m[2]) });
  }
  for (const m of tpl.matchAll(re(String.raw`${C}'s ${QUALIFY}${COUNT} ${PEOPLE}`))) {
    const value = parseCount(m[2]);
    if (value !== undefined && value > 1) add(m[1], { metric: m[3], value, unit: peopleUnit(m[3]) });
  }
  // "XTransfer's customers had surpassed 150,000"
  const grew = String.raw`${C}'s ${PEOPLE} (?:had |have |has )?(?:surpassed|exceeded|reached|topped|hit|crossed|passed) ${QUALIFY}${COUNT}`;
  for (const m of tpl.matchAll(re(grew))) {
    const value = parseCount(m[3]);
    if (value !== undefined) add(m[1], { metric: m[2], value, unit: peopleUnit(m[2]) });
  }
  // "Alibaba achieved ... US$1 trillion in GMV"; "Kuaishou hit about $14B out of their target $37B GMV"; "Alibaba alone did $38 billion on 11.11"
  const did = String.raw`${C} (?:alone |only )?(?:did|hit|achieved|generated|recorded|reached|sold) (?:[\p{L}-]+ ){0,4}?${M}`;
  for (const m of tpl.matchAll(re(did))) {
    if (!x.acting(tpl, m.index!)) continue;
    const rest = tpl.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    const name = /^ in GMV\b|GMV/.test(rest) || /\bGMV\b/.test(tpl) ? 'GMV' : /\b(?:sales?|sell|sold|did)\b/.test(m[0] + rest) ? 'sales' : undefined;
    if (name) add(m[1], { metric: name, amount: x.money(m[2]) });
  }
  // "Synergy pegged Google at 9% market share"; "Tencent handled nearly 40% of the payments"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:at|with|has|holds|had) (?:a )?${PERCENT} (?:market )?share`)))
    add(m[1], { metric: 'market share', value: Number(m[2]), unit: '%' });
  for (const m of tpl.matchAll(re(String.raw`${C} (?:handled|processed|accounted for|commands?|commanded) ${QUALIFY}${PERCENT} of (?:the |all )?((?:[\p{L}-]+ ){0,3}?[\p{L}-]+)\b`)))
    if (x.acting(tpl, m.index!)) add(m[1], { metric: `share of ${m[3]}`, value: Number(m[2]), unit: '%' });
  // "SoftBank's shareholder value now stands at $218 billion"
  const worth = String.raw`${C}'s (shareholder value|market (?:cap|capitalization|value)|net worth|GMV|sales) (?:now |still )?(?:stands at|stood at|is|was|reached|hit|of|rose to|fell to) ${M}`;
  for (const m of tpl.matchAll(re(worth))) add(m[1], { metric: m[2], amount: x.money(m[3]) });
}

export function numbers(x: Ctx): void {
  // Every pattern here needs a company and a figure.
  if (!x.v.tpl.includes('⟦C') || !/\d|⟦M/.test(x.v.tpl)) return;
  if (/revenue/i.test(x.v.tpl)) revenue(x);
  metric(x);
}
