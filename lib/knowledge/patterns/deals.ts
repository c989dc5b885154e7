import type { Party } from '../../dataset/schema';
import type { Ctx } from '../context';
import { C, EXCHANGE_NAMES, M, PERCENT, roundOf, re } from '../grammar';

/**
 * Funding, valuation, stake, acquisition and IPO facts. Each pattern names the company by its
 * grammatical role: the one that raised, the one whose valuation it is, the holder of a stake.
 */

const DESC = String.raw`(?:(?:[\p{L}\p{N}&.-]+|⟦C\d+⟧'s|⟦C\d+⟧-[\p{L}]+)\s){0,4}?`;

const FUND_VERB = /\b(raised|raises|pulled in|bagged|nabbed|secured|secures|landed|lands|received|receives|obtained|obtains|netted|nets|grabbed|grabs|snagged|scored|closed|closes|completed|completes)\b/gu;
const STRONG = /^(?:raised|raises|pulled in|bagged|nabbed|secured|secures|landed|lands|received|receives|obtained|obtains|netted|nets|grabbed|grabs|snagged|scored)$/;
const ROUND_WORD = /\b(?:round|funding|financing|Series [A-H])\b/;
const LEAD_CUE = /\b(?:co-)?led by\s/u;
const INVESTOR_CUE = /\b(?:from (?:investors |backers )?(?:including |such as )?|with participation (?:from|of) |investors including |backed by )/u;

function sameCompany(a: Party, b: Party) {
  return a.companyId !== undefined && a.companyId === b.companyId;
}

function funding(x: Ctx): void {
  const tpl = x.v.tpl;
  const lead = x.partiesAfter(LEAD_CUE);
  // "in a Korvex-led series B round"
  for (const t of tpl.matchAll(/⟦C(\d+)⟧-led\b/g)) if (!lead.some((p) => p.companyId === x.id(t[1]))) lead.push(x.party(t[1]));
  const investors = x.partiesAfter(INVESTOR_CUE);
  const seen = new Set<string>();
  for (const m of tpl.matchAll(FUND_VERB)) {
    const at = m.index!;
    const clause = tpl.slice(at).split(/[;]|\.\s|, (?:but|while|whereas) /)[0];
    // The round may be the subject ("The Series C round, led by X, pulled in $138 million").
    const hasRound = ROUND_WORD.test(clause) || ROUND_WORD.test(tpl.slice(0, at));
    // "$1.6bn raised by Korvex's EV unit Lumo through a Series B round": the sum before the verb, the company after "by".
    const passive = re(String.raw`⟦M(\d+)⟧ (?:was |were |had been )?$`, 'u').exec(tpl.slice(0, at)) && re(String.raw`^\S+ by (?:(?:[\p{L}\p{N}&.-]+|⟦C\d+⟧'s)\s){0,7}?${C}(?!')`, 'u').exec(clause);
    const amount = passive ? x.money(/⟦M(\d+)⟧ (?:was |were |had been )?$/.exec(tpl.slice(0, at))![1]) : x.firstMoney(clause.slice(0, 120));
    if (STRONG.test(m[1]) ? !amount && !hasRound : !hasRound) continue;
    // "which the firm raised to A$3.1bn": raising an offer or a price to a level is not being funded.
    if (/^raised (?:it |them )?to ⟦M/.test(clause) || /\b(?:offer|bid|price|forecast|target|rates?|stake|dividend)s?\b[^⟦]{0,40}$/.test(tpl.slice(Math.max(0, at - 50), at))) continue;
    // Closing a fund is a venture firm raising money to invest, not a company being funded.
    // Only a fund that is what was raised counts ("raised a $2.5 billion fund"), not one named later as an investor ("led by X, a parallel fund").
    if (/^\S+(?: (?!led\b|by\b|from\b)\S+){0,5}? fund\b/.test(clause) && !/\bround\b/.test(clause)) continue;
    let company = passive ? Number(passive[1]) : x.subjectBefore(at);
    if (company === undefined && hasRound) company = soleBeneficiary(x, [...lead, ...investors]);
    if (company === undefined) continue;
    const id = x.id(company);
    const key = `${id}|${amount?.amount ?? ''}`;
    // No company leads its own round: "it ... received $298m in a Korvex-led round" with "it" resolved to Korvex is a wrong reference.
    if (seen.has(key) || lead.some((p) => p.companyId === id)) continue;
    seen.add(key);
    const others = (list: Party[]) => list.filter((p) => p.companyId !== id);
    x.add({
      companyId: id,
      type: 'funding',
      values: {
        ...(amount ? { amount } : {}),
        ...(roundOf(clause) ?? roundOf(tpl) ? { round: roundOf(clause) ?? roundOf(tpl) } : {}),
        leadInvestors: others(lead),
        investors: others(investors).filter((p) => !lead.some((l) => sameCompany(l, p) || l.name === p.name)),
      },
    });
  }
  // "Ant Financial had committed an investment of $150 million into the startup"
  const invest = String.raw`${C} (?:(?:had|has|have|also|reportedly) )*(?:committed|made|invested|poured|injected) (?:an? (?:[\p{L}-]+ )?investment of )?${M} (?:in|into) ${DESC}${C}(?!')`;
  for (const m of tpl.matchAll(re(invest))) {
    if (!x.acting(tpl, m.index!) || x.id(m[1]) === x.id(m[3])) continue;
    x.add({ companyId: x.id(m[3]), type: 'funding', values: { amount: x.money(m[2]), leadInvestors: [], investors: [x.party(m[1])] } });
  }
  // "Korvex Capital has led a $60-million round in Lumo"; "Korvex has returned to co-lead a $180 million series D round for Lumo";
  // "The corporate had already co-led Lumo's $120 million series C round"; "Korvex led the funding in Brightwater, with the $1 billion round ..."
  const LEADS = String.raw`(?:(?:has|have|had|also|already|returned to|has returned to|again) )*(?:co-)?(?:led|leads|lead|headed|heads|spearheaded)`;
  const anyRound = re(String.raw`⟦M(\d+)⟧(?:-million)? (?:[\p{L}-]+ ){0,3}?(?:round|funding|financing)\b`, 'u');
  const leadRound = (leader: string | undefined, target: string, piece: string) => {
    if (leader !== undefined && x.id(leader) === x.id(target)) return;
    const amount = x.firstMoney(piece) ?? (anyRound.exec(tpl) ? x.money(anyRound.exec(tpl)![1]) : undefined);
    const round = roundOf(`${piece} round`);
    const key = `${x.id(target)}|${amount?.amount ?? ''}`;
    if (seen.has(key) || x.facts.some((f) => f.type === 'funding' && f.companyId === x.id(target))) return;
    seen.add(key);
    x.add({
      companyId: x.id(target),
      type: 'funding',
      values: { ...(amount ? { amount } : {}), ...(round ? { round } : {}), leadInvestors: leader !== undefined ? [x.party(leader)] : [], investors: [] },
    });
  };
  const leading = /\b(?:led|leads|lead|headed|heads|spearheaded)\b/.test(tpl) ? tpl : '';
  for (const m of leading.matchAll(re(String.raw`(?:${C} )?${LEADS} (?:the|a|an) ((?:(?!⟦C)[^.;]|⟦M\d+⟧){0,80}?)\b(?:round|funding|financing|investment) (?:of|in|for|into) ${DESC}${C}(?!')`))) {
    if (m[1] === undefined || x.acting(tpl, m.index!)) leadRound(m[1], m[3], m[2]);
  }
  for (const m of leading.matchAll(re(String.raw`(?:${C} )?${LEADS} ${C}'s ((?:(?!⟦C)[^.;]|⟦M\d+⟧){0,60}?)\b(?:round|funding|financing)`))) {
    if (m[1] === undefined || x.acting(tpl, m.index!)) leadRound(m[1], m[2], m[3]);
  }
  // "Korvex, Dorn and Hale pledged $7m for Lumo in a series A round"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:(?:has|have|had|also|jointly) )*(?:pledged|invested|put|poured|injected|committed) ${M} (?:for|in|into) ${DESC}${C}(?!')[^⟦;]{0,30}?\b(?:round|funding|financing)`)))
    if (x.id(m[1]) !== x.id(m[3]) && !x.facts.some((f) => f.type === 'funding' && f.companyId === x.id(m[3]))) {
      const list = [...tpl.slice(0, m.index! + m[0].length).matchAll(/⟦C(\d+)⟧(?=(?:,| and|, and) |\s(?:(?:has|have|had|also|jointly) )*(?:pledged|invested|put|poured|injected|committed))/g)].map((t) => x.party(t[1]));
      const round = roundOf(m[0]);
      x.add({ companyId: x.id(m[3]), type: 'funding', values: { amount: x.money(m[2]), ...(round ? { round } : {}), leadInvestors: [], investors: list.filter((p) => p.companyId !== x.id(m[3])) } });
    }
  // "Two funds owned by Korvex have put $90m into Lumo as part of its $310m series D round": the funded company follows the sum.
  for (const m of tpl.matchAll(re(String.raw`\b(?:provided|pledged|invested|put|poured|injected|committed|contributed) ${M} (?:for|in|into|to) ${DESC}${C}(?!')[^⟦;]{0,40}?(?:⟦C\d+⟧'s )?(?:⟦M\d+⟧ )?(?:[\p{L}-]+ ){0,3}?(?:round|funding|financing)\b`))) {
    const id = x.id(m[2]);
    if (x.facts.some((f) => f.type === 'funding' && f.companyId === id)) continue;
    const givers = [...tpl.slice(0, m.index!).matchAll(/⟦C(\d+)⟧/g)].map((t) => x.party(t[1])).filter((p) => p.companyId !== id);
    const round = roundOf(m[0]);
    x.add({ companyId: id, type: 'funding', values: { amount: x.money(m[1]), ...(round ? { round } : {}), leadInvestors: [], investors: givers } });
  }
  // "Lumo's $310m series D round"; "It came after a $25m pre-series D round ... backed by X": a round with its sum, owned by
  // the company it is named after, or else by the sentence's subject when others back or lead it.
  for (const m of tpl.matchAll(re(String.raw`(?:⟦C(\d+)⟧'s|\b(?:a|an|the)) ${M}(?:-million)? ((?:[\p{L}-]+ ){0,3}?)(?:round|funding round|financing round)\b`))) {
    const owner = m[1] ?? (LEAD_CUE.test(tpl.slice(m.index!)) || /\bbacked by\b/.test(tpl.slice(m.index!)) ? x.v.subject : undefined);
    if (owner === undefined) continue;
    const id = x.id(owner);
    // The subject who leads or joins the round is an investor, not its recipient.
    if (m[1] === undefined && /\b(?:led|leads|lead|co-led|co-leads|joined|joins|participated|invested|backed|headed)\b/.test(tpl.slice(0, m.index!))) continue;
    if (x.facts.some((f) => f.type === 'funding' && f.companyId === id) || lead.some((p) => p.companyId === id) || investors.some((p) => p.companyId === id)) continue;
    const round = roundOf(`${m[3]}round`);
    const backers = x.partiesAfter(/\bbacked by\s/u).filter((p) => !investors.some((i) => i.name === p.name));
    x.add({ companyId: id, type: 'funding', values: { amount: x.money(m[2]), ...(round ? { round } : {}), leadInvestors: lead.filter((p) => p.companyId !== id), investors: [...investors, ...backers].filter((p) => p.companyId !== id) } });
  }
  // "Lumo sold 9 percent of its shares, worth $1.3 billion, to several new investors": selling new shares to investors is raising money.
  for (const m of tpl.matchAll(re(String.raw`${C} (?:(?:has|had|also|will) )*(?:sold|sells|issued|issues|placed) (?:[^⟦;]{0,30}? )?(?:(?:${PERCENT} of )?(?:⟦C\d+⟧'s |its |new |fresh )?(?:own )?shares|(?:new |fresh )?equity),? (?:worth|for|valued at|totalling|totaling|amounting to) ${M},? to (?:[\p{L}-]+ ){0,3}?(?:investors|backers|shareholders)\b`))) {
    if (!x.acting(tpl, m.index!) || x.facts.some((f) => f.type === 'funding' && f.companyId === x.id(m[1]))) continue;
    x.add({ companyId: x.id(m[1]), type: 'funding', values: { amount: x.money(m[3]), leadInvestors: [], investors: [] } });
  }
  // "Alibaba co-led the $196 million C3 funding round of Nice Tuan"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:co-)?led (?:the|a|an) ((?:(?!⟦C)[^.;]){0,80}?)\bround (?:of|in|for|into) ${DESC}${C}(?!')`))) {
    if (!x.acting(tpl, m.index!)) continue;
    const amount = x.firstMoney(m[2]);
    x.add({
      companyId: x.id(m[3]),
      type: 'funding',
      values: {
        ...(amount ? { amount } : {}),
        ...(roundOf(`${m[2]}round`) ? { round: roundOf(`${m[2]}round`) } : {}),
        leadInvestors: [x.party(m[1])],
        investors: [],
      },
    });
  }
}

/** When a round is the subject ("The Series C round, led by X, pulled in ..."), the one company left that is not an investor. */
function soleBeneficiary(x: Ctx, investors: Party[]): number | undefined {
  const candidates = new Map<string, number>();
  for (const t of x.bare.matchAll(/⟦C(\d+)⟧/g)) {
    const id = x.id(t[1]);
    if (investors.some((p) => p.companyId === id)) continue;
    if (!x.acting(x.bare, t.index!)) continue;
    // A company introduced as an investor ("seed round investor X", "backers X and Y") is not the one funded.
    if (/\b(?:investors?|backers?|shareholders?|lenders?)\s$/.test(x.bare.slice(Math.max(0, t.index! - 14), t.index!))) continue;
    // The news source quoted for the report ("..., Korvex News reported") is not the one funded.
    if (re(String.raw`^⟦C${t[1]}⟧ (?:reported|reports|said|says|wrote|added|first reported)\b`, 'u').test(x.bare.slice(t.index!))) continue;
    candidates.set(id, Number(t[1]));
  }
  return candidates.size === 1 ? [...candidates.values()][0] : undefined;
}

const VALUATION = String.raw`(?:(?:valued at |valuation (?:[\p{L}]+ ){0,4}?)${M}|(?:a|an) ${M} valuation)`;

function valuation(x: Ctx): void {
  const found = new Set<string>();
  const add = (company: string, money: string) => {
    const id = x.id(company);
    if (found.has(id)) return;
    found.add(id);
    x.add({ companyId: id, type: 'valuation', values: { amount: x.money(money) } });
  };
  for (const m of x.v.tpl.matchAll(re(String.raw`${C}'s valuation (?:[\p{L}]+ ){0,4}?${M}`))) add(m[1], m[2]);
  // "... received $80m in a series C round ... that valued it at $900m": a valuation in a funding sentence is the funded company's.
  const funded = x.facts.find((f) => f.type === 'funding');
  const stated = /\b(?:valued (?:it |the (?:company|startup|firm) |⟦C\d+⟧ )?at |valuation (?:[\p{L}]+ ){0,4}?)(?:(?:about|around|nearly|over|more than|some) )?⟦M(\d+)⟧|\b(?:a|an) ⟦M(\d+)⟧ (?:post-money |pre-money )?valuation\b/u.exec(x.v.tpl);
  if (funded && stated && !found.has(funded.companyId)) {
    const amount = x.money(stated[1] ?? stated[2]);
    if (funded.values.amount?.amount !== amount.amount) {
      found.add(funded.companyId);
      x.add({ companyId: funded.companyId, type: 'valuation', values: { amount } });
    }
  }
  for (const m of x.v.tpl.matchAll(re(String.raw`${C}, (?:a|an|the) [^⟦,;]{0,120}?${VALUATION}`))) add(m[1], m[2] ?? m[3]);
  // "Shares in Korvex, valued at close to $200bn, fell": a participle set off after a company describes that company, whatever its role.
  for (const m of x.v.tpl.matchAll(re(String.raw`${C}, valued at (?:(?:about|around|nearly|over|more than|some|roughly|almost|close to) )?${M}`))) add(m[1], m[2]);
  // "The series D round valued Lumo at $1.4bn": the company valued is the object, whoever values it.
  for (const m of x.v.tpl.matchAll(re(String.raw`\b(?:valued|values|valuing) ${C}(?!') at (?:(?:about|around|nearly|over|more than|some|roughly|almost) )?${M}`))) add(m[1], m[2]);
  for (const m of x.bare.matchAll(re(String.raw`${C}[^⟦;]{0,140}?${VALUATION}`))) {
    if (x.acting(x.bare, m.index!)) add(m[1], m[2] ?? m[3]);
  }
}

function stake(x: Ctx): void {
  const tpl = x.v.tpl;
  const add = (holder: string, target: string, pct: string) => {
    if (x.id(holder) === x.id(target)) return;
    x.add({ companyId: x.id(holder), type: 'stake', values: { holder: x.party(holder), target: x.party(target), percent: Number(pct) } });
  };
  const own = String.raw`${C} (?:(?:only|now|still|will|would|currently|also) )*(?:holds|owns|controls|held|owned|hold|own|control)(?: (?:about|around|roughly|nearly|over|more than|almost))? ${PERCENT} (?:of|in) (?:the )?(?:[\p{L}-]+ ){0,3}?(?:in |of )?${C}`;
  for (const m of tpl.matchAll(re(own))) if (x.acting(tpl, m.index!)) add(m[1], m[3], m[2]);
  // "Korvex Holdings, the Malta-based holding company which controls 40% of Brightwater"
  const which = String.raw`${C},[^⟦;]{0,80}?\b(?:which|that) (?:(?:now|still|currently|also) )?(?:holds|owns|controls|held|owned|controlled) ${PERCENT} (?:of|in) (?:the )?${C}`;
  for (const m of tpl.matchAll(re(which))) add(m[1], m[3], m[2]);
  for (const m of tpl.matchAll(re(String.raw`${C}'s ${PERCENT} (?:stake|share|holding|interest|shareholding) in ${DESC}${C}(?!')`))) add(m[1], m[3], m[2]);
  // "Korvex will also assume 1.46 percent ownership of Lumo"; "Korvex had acquired 2.75 percent shares in Lumo"; "will take 6.1 percent of total shares in Lumo"
  const take = String.raw`${C} (?:(?:will|would|has|had|also|now|is to|agreed to|plans to) )*(?:takes?|took|taking|acquired|acquires|acquire|bought|buys|buy|assumes?|assumed|gets|got|obtained|obtains|picked up|picks up) (?:a |an )?(?:(?:about|around|roughly|nearly|over|more than|almost) )?${PERCENT} (?:of (?:the |total |all )?(?:[\p{Ll}-]+ )?)?(?:stake|shares?|ownership|interest|holding|shareholding|equity|of) (?:in|of) (?:the )?${DESC}${C}(?!')`;
  for (const m of tpl.matchAll(re(take))) if (x.acting(tpl, m.index!)) add(m[1], m[3], m[2]);
  const change = String.raw`${C} (?:ups|raises|raised|increases|increased|boosts|boosted|lifts|lifted|cuts|cut|reduces|reduced|trims|trimmed) ⟦C\d+⟧'s (?:stake|holding|shareholding) in ${DESC}${C}(?!') to ${PERCENT}`;
  for (const m of tpl.matchAll(re(change))) if (x.acting(tpl, m.index!)) add(m[1], m[2], m[3]);
}

const BUY = String.raw`(?:acquire|acquired|acquires|acquiring|buy|buys|bought|buying|purchase|purchased|purchases|take over|took over|takes over|snapped up|snaps up|snap up)`;

function acquisition(x: Ctx): void {
  const tpl = x.v.tpl;
  const add = (acq: string, target: string, amount?: string, pct?: string) => {
    if (x.id(acq) === x.id(target)) return;
    x.add({
      companyId: x.id(acq),
      type: 'acquisition',
      values: {
        acquirer: x.party(acq),
        target: x.party(target),
        ...(amount ? { amount: x.money(amount) } : {}),
        ...(pct ? { stakePercent: Number(pct) } : {}),
      },
    });
  };
  // "Alibaba Group will spend about $3.6 billion to take a controlling stake in Sun Art"
  const spend = String.raw`${C} (?:(?:will|would|has|had|agreed to|plans to|is set to|first) )*(?:spend|spends|spent|spending|pay|pays|paid|paying|invest|invests|invested) ${M} (?:to|for) (?:(?:take|acquire|buy|pick up|purchase|gain) (?:a |an |the )?(?:controlling |majority |remaining |minority )?(?:${PERCENT} )?(?:stake|control|share|interest|shares)(?: in| of) )?${DESC}${C}(?!')`;
  for (const m of tpl.matchAll(re(spend))) if (x.acting(tpl, m.index!)) add(m[1], m[4], m[2], m[3]);
  // "Alibaba first invested in Sun Art back in 2017, spending about $2.88 billion to pick up a 36.16% share"
  const invested = String.raw`${C} (?:(?:first|has|had|also) )*invested in ${C}[^⟦;]{0,60}?${M}[^⟦;]{0,40}?(?:a|an) ${PERCENT} (?:stake|share|interest)`;
  for (const m of tpl.matchAll(re(invested))) if (x.acting(tpl, m.index!)) add(m[1], m[2], m[3], m[4]);
  const buys = String.raw`${C} (?:(?:will|would|has|had|agreed to|plans to|is set to|also) )*${BUY} (?:out )?(?:(?:a|an|the) (?:controlling |majority |remaining )?(?:${PERCENT} )?(?:stake|share|interest) (?:in|of) )?${DESC}${C}(?!')(?: for ${M}| in an? ${M} (?:deal|merger|takeover|acquisition|transaction)\b)?`;
  for (const m of tpl.matchAll(re(buys))) if (x.acting(tpl, m.index!)) add(m[1], m[3], m[4] ?? m[5], m[2]);
  const takeover = String.raw`${C} (?:(?:has|had|also) )?(?:announced|agreed|completed|made|closed) (?:a|an|its|the) (?:${M} )?(?:takeover|acquisition|purchase|buyout) of ${DESC}${C}(?!')`;
  for (const m of tpl.matchAll(re(takeover))) if (x.acting(tpl, m.index!)) add(m[1], m[3], m[2]);
  for (const m of tpl.matchAll(re(String.raw`${C}'s (?:acquisitions?|purchases?|takeovers?) of ${C}(?:,? and ${C})?`))) {
    add(m[1], m[2]);
    if (m[3]) add(m[1], m[3]);
  }
  // "Lumo, the free reading app that ..., has been bought up by Korvex": asides removed first.
  for (const text of new Set([tpl, x.bare]))
    for (const m of text.matchAll(re(String.raw`${C},? \(?(?:which was |was |has been |have been |is being |will be )?(?:acquired|bought|taken over|snapped up)(?: up)? by ${C}(?: for ${M})?`)))
      add(m[2], m[1], m[3]);
  // "...sold Brightwater's main unit, Lumo, to state-run group Korvex for $2bn": the buyer is after "to".
  const sold = String.raw`\b(?:sold|sells|sell|selling) (?:(?:[^⟦;]|⟦C\d+⟧'s?){0,60}?)${C}(?!')[^⟦;]{0,30}? to (?:[\p{L}-]+ ){0,4}?${C}(?!')(?: for ${M})?`;
  for (const m of tpl.matchAll(re(sold))) add(m[2], m[1], m[3]);
}

const VENUE = `(${EXCHANGE_NAMES})`;

function ipo(x: Ctx): void {
  const tpl = x.v.tpl;
  for (const m of x.bare.matchAll(re(String.raw`${C}[^⟦;]{0,100}?\b(?:floats|floated|float|listed|lists|list|debuted|debuts|went public|goes public|IPO'?e?d) on (?:the )?${VENUE}`))) {
    if (!x.acting(x.bare, m.index!)) continue;
    const val = re(String.raw`valuation (?:[\p{L}]+ ){0,3}?${M}`, 'u').exec(x.bare);
    const raised = re(String.raw`rais(?:e|ed|es|ing) ${M}`, 'u').exec(x.bare);
    x.add({
      companyId: x.id(m[1]),
      type: 'ipo',
      values: { venue: m[2], ...(raised ? { amount: x.money(raised[1]) } : {}), ...(val ? { valuation: x.money(val[1]) } : {}) },
    });
  }
  for (const m of tpl.matchAll(re(String.raw`${C}'s ${M} (?:IPO|initial public offering)(?: in ((?:\p{Lu}\p{L}+ ?){1,3}))?`))) {
    x.add({ companyId: x.id(m[1]), type: 'ipo', values: { amount: x.money(m[2]), ...(m[3] ? { venue: m[3].trim() } : {}) } });
  }
  // "Lumo, a rival of ..., raised $3.2 billion in the IPO"; "Korvex raised $1bn in its initial public offering"
  for (const m of x.bare.matchAll(re(String.raw`${C} (?:(?:has|had|also|reportedly|just) )*(?:raised|raises|raising|pulled in|netted) (?:(?:about|around|nearly|over|more than|some|roughly|almost) )?${M} (?:in|from|through|via|with) (?:the|its|an|a|⟦C\d+⟧'s) (?:[\p{L}-]+ ){0,2}?(?:IPO|initial public offering|listing|share sale|stock market debut|flotation)\b`))) {
    if (x.acting(x.bare, m.index!) && !x.facts.some((f) => f.type === 'ipo' && f.companyId === x.id(m[1])))
      x.add({ companyId: x.id(m[1]), type: 'ipo', values: { amount: x.money(m[2]) } });
  }
  for (const m of x.bare.matchAll(re(String.raw`${C} (?:(?:has|had|reportedly|also) )*priced ⟦C\d+⟧'s (?:offering|IPO|shares|listing) at ${M} (?:a|per) share`))) {
    if (x.acting(x.bare, m.index!)) x.add({ companyId: x.id(m[1]), type: 'ipo', values: { sharePrice: x.money(m[2]) } });
  }
}

export function deals(x: Ctx): void {
  const s = x.v.tpl;
  if (!s.includes('⟦C')) return;
  // Deals name a sum, a share or a buying verb; skip the many sentences that have none.
  if (!/⟦M|%|per ?cent|acqui|bought|\bbuy|purchas|takeover|took over|took control|stake|\bround|funding|priced|float|\blist(?:ed|ing|s)?\b|public|snapped up|\bsold\b/i.test(s)) return;
  funding(x);
  valuation(x);
  stake(x);
  acquisition(x);
  ipo(x);
}
