import type { Party } from '../../dataset/schema';
import type { Ctx } from '../context';
import { C, M, re } from '../grammar';

/**
 * Events between organisations that carry no figure of their own, or a commitment of money:
 * legal and regulatory action ("was hit with a probe by X", "X sued Y", "got banned"),
 * partnerships ("signed a strategic partnership with X"), rivalry ("X's arch rival Y") and
 * investment commitments ("committed to spend 200 billion yuan over three years").
 */

const ACTION: [RegExp, 'probe' | 'fine' | 'ban' | 'lawsuit'][] = [
  [/^(?:probe|investigation|inquiry|review)/i, 'probe'],
  [/^fine/i, 'fine'],
  [/^(?:ban|banned)/i, 'ban'],
  [/^(?:sued|lawsuit|suit|sues)/i, 'lawsuit'],
];
const actionOf = (word: string) => ACTION.find(([r]) => r.test(word))?.[1];
const DESC = String.raw`(?:(?:[\p{L}&.-]+|⟦C\d+⟧'s)\s){0,4}?`;

function legal(x: Ctx): void {
  const tpl = x.v.tpl;
  const add = (target: string | number, action: string, by?: Party, amount?: string) => {
    const kind = actionOf(action);
    if (!kind || (by && by.companyId === x.id(target))) return;
    x.add({ companyId: x.id(target), type: 'legal', values: { action: kind, ...(by ? { by } : {}), ...(amount ? { amount: x.money(amount) } : {}) } });
  };
  // "the ride-hailing giant was hit with a probe by China's Cybersecurity Review Office"
  const passive = String.raw`${C} (?:(?:has|had|was|were|is|been|got|reportedly|also) )*(?:hit with|slapped with|handed|faced with|facing|faces|subjected to|(?:was |were |been |got |is |are )(?:sued|fined|banned))(?: (?:a |an )?(?:[\p{L}-]+ ){0,2}?(probe|investigation|inquiry|fine|ban|lawsuit))?(?: of ${M})?(?: by (?:[\p{L}'-]+ ){0,3}?${C})?`;
  for (const m of tpl.matchAll(re(passive))) {
    if (!x.acting(tpl, m.index!)) continue;
    const verb = m[2] ?? /(sued|fined|banned)/.exec(m[0])?.[1];
    if (verb) add(m[1], verb, m[4] ? x.party(m[4]) : undefined, m[3]);
  }
  // "triggering a government probe into Didi's data practice"; "a fine of $X on Y"
  for (const m of tpl.matchAll(re(String.raw`\b(probe|investigation|inquiry) (?:into|of) ${C}`))) add(m[2], m[1], undefined);
  // "SAMR said that it's investigating Alibaba"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:said |says )?(?:that )?(?:it(?:'s| is| was| has been) |(?:is|was|has been) )(investigating|probing|suing) ${C}(?!')`))) {
    if (x.acting(tpl, m.index!)) add(m[3], m[2] === 'suing' ? 'sued' : 'probe', x.party(m[1]));
  }
  // "Tencent sued a hot sauce brand" needs the defendant named: "X sued Y"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:(?:has|had|also) )?(sued|fined|banned) ${DESC}${C}(?!')(?: (?:for|over) ${M})?`))) {
    if (x.acting(tpl, m.index!)) add(m[3], m[2], x.party(m[1]), m[4]);
  }
}

function partnership(x: Ctx): void {
  const tpl = x.v.tpl;
  const seen = new Set<string>();
  const add = (a: string | number, b: string | number) => {
    const key = `${x.id(a)}|${x.id(b)}`;
    if (x.id(a) === x.id(b) || seen.has(key)) return;
    seen.add(key);
    x.add({ companyId: x.id(a), type: 'partnership', values: { partner: x.party(b) } });
  };
  const deal = String.raw`(?:(?:strategic |long-term |global |exclusive |distribution |commercial |joint )*(?:partnership|alliance|distribution deal|joint venture|tie-up|collaboration))`;
  const signed = String.raw`${C}(?!')(?:[^⟦;]|⟦C\d+⟧'s){0,60}? (?:signed|formed|struck|announced|entered into|is offering [^⟦;]{0,30}? in|in|through|via) (?:a |an |its )?(?:[\p{L}-]+ )?${deal} (?:with|between) ${DESC}${C}(?!')`;
  for (const m of tpl.matchAll(re(signed))) {
    if (!x.acting(tpl, m.index!)) continue;
    add(m[1], m[2]);
    add(m[2], m[1]);
  }
}

function rivalry(x: Ctx): void {
  const tpl = x.v.tpl;
  const add = (a: string, b: string) => {
    if (x.id(a) === x.id(b)) return;
    x.add({ companyId: x.id(a), type: 'rival', values: { rival: x.party(b) } });
  };
  // "Alipay's arch rival WeChat Pay"; "JD.com, a rival to Alibaba"; "JD.com, Alibaba's long-time archrival"
  for (const m of tpl.matchAll(re(String.raw`${C}'s (?:(?:arch|long-time|longtime|main|biggest|chief|fierce|closest) ?)*(?:rival|archrival|competitor) ${C}`))) add(m[2], m[1]);
  for (const m of tpl.matchAll(re(String.raw`${C}, (?:a |an |the )?(?:[\p{L}-]+ )?(?:rival|archrival|competitor) (?:to|of) ${C}`))) add(m[1], m[2]);
  for (const m of tpl.matchAll(re(String.raw`${C}, (?:[^⟦,]{0,20})?${C}'s (?:(?:arch|long-time|longtime|main|biggest|chief|fierce|closest) ?)*(?:rival|archrival|competitor)\b`))) add(m[1], m[2]);
}

/** "Alibaba committed in April to spend 200 billion yuan ($28 billion) over the next three years" */
function commitment(x: Ctx): void {
  const tpl = x.v.tpl;
  const pattern = String.raw`${C} (?:(?:has|had|also|will|would) )*(?:committed|commits|pledged|pledges|promised|promises|vowed|vows)(?: [^⟦;]{0,30}?)? to (?:spend|invest|inject|pour) ${M}(?: (?:in|into|on) ((?:(?!over\b|during\b)[^⟦;,.]){3,60}))?`;
  for (const m of tpl.matchAll(re(pattern))) {
    if (!x.acting(tpl, m.index!)) continue;
    const over = /\bover the (?:next|coming) ((?:\w+ ){0,2}(?:years?|months?))/.exec(tpl.slice(m.index!));
    x.add({
      companyId: x.id(m[1]),
      type: 'commitment',
      values: { amount: x.money(m[2]), ...(m[3] ? { purpose: m[3].trim() } : {}), ...(over ? { period: over[0].replace(/^over /, '') } : {}) },
    });
  }
}

const HINT = /probe|investigat|inquiry|review|fine|ban|sue|suit|partner|alliance|deal|joint venture|tie-up|collaborat|rival|competitor|commit|pledg|promis|vow|plan/i;

export function events(x: Ctx): void {
  const s = x.v.tpl;
  if (!s.includes('⟦C') || !HINT.test(s)) return;
  legal(x);
  partnership(x);
  rivalry(x);
  if (s.includes('⟦M')) commitment(x);
}
