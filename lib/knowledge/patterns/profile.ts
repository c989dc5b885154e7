import { DESCRIBED_TOKEN, type Ctx } from '../context';
import { C, NAME, PERSON_ROLES, PLACE, ROLES, SHORT_NAME, YEAR, cleanRole, isFormerRole, isFounderRole, isPersonName, re } from '../grammar';

/** Founding, headquarters and leadership facts, and the people the sentence gives a role. */

const FOUND = String.raw`(?:[Cc]o-?founded|[Ff]ounded|[Ee]stablished|[Ss]et up|[Ss]tarted|[Ll]aunched|[Cc]reated|[Ii]ncorporated)`;
/** Founders as written, up to the end of the phrase: "Alibaba and state-owned carmaker SAIC Motor". */
const FOUNDERS = String.raw`((?:(?! (?:to|with|after|before|in|amid|because|which|who|and has|and is)\b)[^,;.]){2,120}?)(?=\s(?:to|with|after|before|amid|in \d)\b|[,;.]|$)`;

function founders(x: Ctx, text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/,\s*(?:and\s+)?|\s+and\s+/)) {
    const part = raw.trim();
    if (!part) continue;
    const token = DESCRIBED_TOKEN.exec(part);
    if (token) {
      out.push(x.party(token[1]).name);
      continue;
    }
    const tail = re(String.raw`${NAME}$`, 'u').exec(part);
    if (tail && isPersonName(tail[1]) && !/⟦/.test(part.slice(0, tail.index).replace(/⟦C\d+⟧ co-?founder\s*$/, ''))) {
      out.push(tail[1]);
      continue;
    }
    if (/^(?:my|his|her)\b/i.test(part)) continue;
    out.push(part.replace(/⟦C(\d+)⟧/g, (_, i) => x.party(i).name));
  }
  return out;
}

function founding(x: Ctx): void {
  const tpl = x.v.tpl;
  const seen = new Set<string>();
  const add = (company: string, year?: string, who?: string) => {
    const list = who ? founders(x, who) : [];
    if (!year && list.length === 0) return;
    const id = x.id(company);
    const key = `${id}|${year ?? ''}|${list.join()}`;
    if (seen.has(key)) return;
    seen.add(key);
    x.add({ companyId: id, type: 'founding', values: { ...(year ? { year: Number(year) } : {}), founders: list } });
  };
  // "Founded by former executives from Ant Group, XTransfer tries ..."; "Registered in Hong Kong in 2019 ..., WalletsClub"
  const lead = String.raw`^(?:Co-?founded|Founded|Established|Set up|Started|Launched|Registered|Incorporated)(?: in \p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,3})?(?: in ${YEAR})?(?: by ${FOUNDERS})?(?: in ${YEAR})?[^⟦;]{0,80}?, (?:[\p{L}-]+ ){0,3}?${C}`;
  for (const m of tpl.matchAll(re(lead))) add(m[4], m[1] ?? m[3], m[2]);
  // "XTransfer, which was founded by a team of Ant veterans"; "Alipay: Launched in 2004"; "the company ..., founded only in 2019 by Zhou Guang"
  const after = String.raw`${C}(?: [^⟦;]{0,40}?)?(?:,|:)? (?:(?:which|that|who) )?(?:(?:was|is|were|had been) )?${FOUND}(?: only)?(?: in ${YEAR})?(?: by ${FOUNDERS})?(?: in ${YEAR})?`;
  for (const m of tpl.matchAll(re(after))) add(m[1], m[2] ?? m[4], m[3]);
  // "Eswin, a semiconductor company founded by the boss of ..."
  const appos = String.raw`${C}, (?:a|an|the) [^⟦,;]{0,80}?\b${FOUND}(?: in ${YEAR})?(?: by ${FOUNDERS})?`;
  for (const m of tpl.matchAll(re(appos))) add(m[1], m[2], m[3]);
  // "Jack Ma, who co-founded Alibaba Group"
  // "When we started Korvex in 2009"; "Ann Varga started Lumo in 1998"
  for (const m of tpl.matchAll(re(String.raw`\b(?:we|I|${NAME}) (?:co-?founded|founded|started|set up|launched) ${C}(?!') in ${YEAR}`)))
    add(m[2], m[3], m[1] && isPersonName(m[1]) ? m[1] : undefined);
  // "Mr Varga ... was one of the founders of Korvex"
  const founderOf = /\bfounders? of\b/.test(tpl) ? tpl : '';
  for (const m of founderOf.matchAll(re(String.raw`(?:(?:Mr|Mrs|Ms|Dr) )?(?:${NAME}|${SHORT_NAME})\b[^⟦;]{0,80}? (?:is|was|were|are) (?:one of the |a |the )?(?:co-?)?founders? of (?:the )?${C}`)))
    if (isPersonName(m[1] ?? m[2])) {
      const name = x.fullName(m[1] ?? m[2]);
      if (name) add(m[3], undefined, name);
    }
  // "Lumo founders (from left) Ann Varga, Lee Moss, and Bo Tan"; "under the leadership of founders Ann Varga and Lee Moss" (the subject's founders)
  const listedFounders = String.raw`(?:co-?)?founders,? (?:\([^)]{0,30}\) )?(${NAME}(?:, ${NAME}){0,4},? and ${NAME})`;
  for (const m of tpl.matchAll(re(String.raw`(?:${C}(?:'s|')? )?${listedFounders}`))) {
    const company = m[1] ?? (/\b(?:of|by) (?:its |the )?(?:co-?)?founders/.test(m[0]) || /\b(?:of|by) $/.test(tpl.slice(0, m.index!)) ? x.v.subject : undefined);
    const names = m[2].split(/,\s*(?:and\s+)?|\s+and\s+/).map((n) => n.trim()).filter(Boolean);
    if (company !== undefined && names.every(isPersonName)) add(String(company), undefined, names.join(', '));
  }
  for (const m of tpl.matchAll(re(String.raw`${NAME}, who (?:co-?founded|founded|started|set up) (?:[\p{Ll}-]+ ){0,3}?${C}`)))
    if (isPersonName(m[1])) {
      add(m[2], undefined, m[1]);
      x.person(m[1], /co-?founded/.test(m[0]) ? 'Co-founder' : 'Founder', x.id(m[2]));
    }
}

function headquarters(x: Ctx): void {
  const tpl = x.v.tpl;
  const seen = new Set<string>();
  const add = (companyId: string | undefined, place: string) => {
    const clean = place.replace(/^(?:The|In|At|From|A|An)\s+/, '').trim();
    if (!companyId || !clean || seen.has(companyId)) return;
    seen.add(companyId);
    x.add({ companyId, type: 'headquarters', values: { place: clean } });
  };
  const notVerb = String.raw`(?:(?!(?:told|said|says|say|is|are|was|were|has|have|had|will|to|and|or|of|in|on|at|for|by|with|from|that|which|who)\b)[\p{L}-]+ ){0,3}?`;
  for (const m of tpl.matchAll(re(String.raw`${PLACE}-(?:based|headquartered) ${notVerb}(?:[\p{Ll}-]+ and )?${notVerb}${C}`))) add(x.id(m[2]), m[1]);
  // "Korvex is the parent of Lumo, a startup company based in Oslo, Norway which ..."
  for (const m of tpl.matchAll(re(String.raw`${C}, (?:a|an|the) [^⟦,;]{0,60}? (?:headquartered|based) in ${PLACE}`))) add(x.id(m[1]), m[2].replace(/\s+(?:which|that|who)$/, ''));
  for (const m of tpl.matchAll(re(String.raw`${C}, (?:a|an|the) ${PLACE}-(?:based|headquartered)\b`))) add(x.id(m[1]), m[2]);
  for (const m of tpl.matchAll(re(String.raw`${C},? (?:(?:is|was|remains|which is|is now) )?(?:headquartered|based) in ${PLACE}`)))
    if (x.acting(tpl, m.index!)) add(x.id(m[1]), m[2]);
  for (const m of tpl.matchAll(re(String.raw`${PLACE}, the (?:[\p{L}-]+ ){0,3}?(?:province|city|region|country|state|town|district) where ${C} is (?:headquartered|based)`)))
    add(x.id(m[2]), m[1]);
  for (const m of tpl.matchAll(re(String.raw`${PLACE} is the home (?:base|town) of ${C}`))) add(x.id(m[2]), m[1]);
  // "Korvex will keep its head office in Norway"
  for (const m of tpl.matchAll(re(String.raw`${C}'s (?:new )?(?:global )?(?:headquarters|head office|main office) (?:is |are |remains |will be )?in ${PLACE}`))) add(x.id(m[1]), m[2]);
  // "Korvex, which has had twin head offices in Oslo and Bergen since 1951"
  for (const m of tpl.matchAll(re(String.raw`${C}[^⟦;]{0,40}? (?:has|had|have|has had|keeps|kept) (?:its |their |dual |twin |joint )*(?:headquarters|head office|head offices|main office) in ${PLACE}(?: and ${PLACE})?`)))
    add(x.id(m[1]), m[3] ? `${m[2]} and ${m[3]}` : m[2]);
  for (const m of tpl.matchAll(re(String.raw`^(?:Registered|Headquartered|Based) in ${PLACE}[^⟦;]{0,80}?, (?:[\p{L}-]+ ){0,3}?${C}`)))
    add(x.id(m[2]), m[1].replace(/ in$/, ''));
  // "The Gurgaon-based startup has ..." refers back to the paragraph's topic.
  const ref = /^(?:[^⟦]{0,60}\s)?[Tt]he ((?:\p{Lu}[\p{L}.]*)(?:\s\p{Lu}[\p{L}.]*){0,2})-(?:based|headquartered) (?:[\p{L}-]+ ){0,2}?(?:startup|company|firm|operator|group|retailer|platform|provider|lender|bank|maker)\b/u.exec(tpl);
  if (ref && !/⟦C/.test(tpl.slice(0, ref.index + ref[0].length))) add(x.v.topic, ref[1]);
}

function leadership(x: Ctx): void {
  const tpl = x.v.tpl;
  const seen = new Set<string>();
  const add = (rawName: string, rawRole: string, company: string | number | undefined) => {
    if (company === undefined) return;
    const name = x.fullName(rawName);
    if (!name || !isPersonName(name)) return;
    const role = cleanRole(rawRole);
    const companyId = x.id(company);
    const key = `${name}|${companyId}`;
    if (seen.has(key)) return;
    seen.add(key);
    x.person(name, role, companyId);
    const status = statusOf(tpl, role);
    if (isFounderRole(role) && !isFormerRole(role)) x.add({ companyId, type: 'founding', values: { founders: [name] } });
    const lead = role.replace(/,?\s*and\s+co-?founder|co-?founder,?\s*and\s+|^co-?founder$|^founder$|founder,?\s*and\s+|,?\s*and\s+founder/gi, '').trim();
    if (lead && !/^(?:co-?)?founder$/i.test(lead)) x.add({ companyId, type: 'leadership', values: { person: name, role: lead, ...(status ? { status } : {}) } });
  };
  const of = String.raw`(?:of|at|for) (?:[\p{Ll}-]+ ){0,3}?${C}`;
  // "Daniel Zhang, Chairman and Chief Executive Officer of Alibaba Group"; "Kevin Mayer, the chief executive of TikTok"
  for (const m of tpl.matchAll(re(String.raw`${NAME}, (?:an? )?${ROLES} ${of}`))) add(m[1], m[2], m[3]);
  // "Ann Varga, KTA director general"; "Lee Moss, senior vice president Korvex"
  const listed = tpl.includes(', ') ? tpl : '';
  for (const m of listed.matchAll(re(String.raw`${NAME}, ${C}(?:'s|')? ${ROLES}\b`))) add(m[1], m[3], m[2]);
  for (const m of listed.matchAll(re(String.raw`${NAME}, ${ROLES} ${C}(?!')`))) add(m[1], m[2], m[3]);
  // "Lee Moss, CEO & co-founder, Korvex"; "Lumo Chairman and CEO, Ann Varga"
  for (const m of listed.matchAll(re(String.raw`${NAME}, ${ROLES}, ${C}(?!')`))) add(m[1], m[2], m[3]);
  for (const m of listed.matchAll(re(String.raw`${C}(?:'s|')? ${ROLES}, ${NAME}`))) add(m[3], m[2], m[1]);
  // "Lumo has appointed Ann Varga as its new chairman"; "Korvex promoted its president, Lee Moss, as chief executive officer"
  for (const m of tpl.matchAll(re(String.raw`${C} (?:(?:has|have|had|also|officially) )*(?:appointed|named|promoted|hired|picked|elevated)(?: ⟦C\d+⟧'s [\p{Ll} ]{0,30}?,)? ${NAME},? (?:as|to) (?:⟦C\d+⟧'s |its |the )?(?:new )?${ROLES}`))) {
    if (x.acting(tpl, m.index!)) add(m[2], m[3], m[1]);
  }
  // A sentence naming no company: "said chief executive Lee Moss", "Ann Varga, the Paris-based co-chairman, will ...".
  if (x.v.companies.every((c) => c.anaphor)) {
    for (const m of tpl.matchAll(re(String.raw`${ROLES} ${NAME}`))) add(m[2], m[1], x.topicToken());
    for (const m of tpl.matchAll(re(String.raw`${NAME}, (?:the |a |an )?(?:[\p{L}-]+ )?${ROLES},`))) add(m[1], m[2], x.topicToken());
  }
  // A sentence naming one organisation only: its titled people are that organisation's ("Under chairman Ann Varga and CEO Lee Moss, Korvex aims ...").
  const sole = soleToken(x);
  // A capitalised bare "President Ann Varga" is a head of state's style, not a company office.
  if (sole !== undefined && !x.v.companies.every((c) => c.anaphor))
    for (const m of tpl.matchAll(re(String.raw`${ROLES} ${NAME}`))) if (!/^(?:President|Governor|Vice President)$/.test(m[1])) add(m[2], m[1], sole);
  // "Ann Varga stepped down as chief executive", "Varga will remain chairman of the board": a change of role, of the one organisation in view.
  const owner = sole ?? (x.v.companies.length === 0 ? x.topicToken() : undefined);
  if (owner !== undefined)
    for (const m of tpl.matchAll(re(String.raw`(?:(?:Mr|Mrs|Ms|Dr) )?(?:${NAME}|${SHORT_NAME}) (?:(?:has|had|will|would|also|unexpectedly|officially) )*(?:stepped down|steps down|step down|resigned|resigns|resign|retired|retires|retire|was appointed|has been appointed|is appointed|was named|has been named|became|becomes|become|remains|remain|remained|took over|takes over|take over) (?:(?:unexpectedly|officially|also) )?(?:as |to )?(?:an? |the )?${ROLES}`)))
      add(m[1] ?? m[2], m[3], owner);
  // "Alibaba's CEO Daniel Zhang"; "Sun Art chief executive officer Peter Huang"; "SoftBank Group founder Masayoshi Son"
  for (const m of tpl.matchAll(re(String.raw`${C}(?:'s|')? ${ROLES} ${NAME}`))) add(m[3], m[2], m[1]);
  // "president of Alibaba Cloud Zhang Jianfeng"
  for (const m of tpl.matchAll(re(String.raw`${ROLES} of ${C} ${NAME}`))) add(m[3], m[1], m[2]);
  // "Hu Xiao, Ningsuan's general manager"; "Xue, the company's CEO"
  for (const m of tpl.matchAll(re(String.raw`(?:${NAME}|${SHORT_NAME}), ${C}'s ${ROLES}\b`))) add(m[1] ?? m[2], m[4], m[3]);
  // "Karthik Reddy is the co-founder of Blume Ventures"
  for (const m of tpl.matchAll(re(String.raw`${NAME} (?:is|was|remains|became) (?:the |a |an )?${ROLES} ${of}`))) add(m[1], m[2], m[3]);
  // People named with a role that is not leadership: "Tarun Pathak, an analyst at research firm Counterpoint".
  for (const m of tpl.matchAll(re(String.raw`${NAME}, (?:an? |the )?${PERSON_ROLES} ${of}`)))
    if (isPersonName(m[1])) x.person(m[1], cleanRole(m[2]), x.id(m[3]));
  for (const m of tpl.matchAll(re(String.raw`${PERSON_ROLES} ${NAME} of ${C}`)))
    if (isPersonName(m[2])) x.person(m[2], cleanRole(m[1]).replace(/^\p{Ll}/u, (c) => c.toUpperCase()), x.id(m[3]));
}

/** The token of the only organisation a sentence names (however often, and by reference too), if it names just one. */
function soleToken(x: Ctx): number | undefined {
  const ids = new Set(x.v.companies.map((c) => c.companyId));
  return ids.size === 1 ? 0 : undefined;
}

const APPOINTED = /\b(?:will become|becomes|became|has been appointed|was appointed|is appointed|was named|has been named|takes over as|took over as|will take on the role|was promoted|is to become|will succeed|succeeds|succeeded)\b/i;
const LEFT = /\b(?:resigned|resigns|stepped down|steps down|quit|quits|was ousted|was sacked|was fired|left the|retired|retires|departed|will step down)\b/i;

/** Whether the sentence says the person is former, newly appointed or leaving; undefined when it states none. */
function statusOf(tpl: string, role: string): 'former' | 'appointed' | 'left' | undefined {
  if (isFormerRole(role)) return 'former';
  if (LEFT.test(tpl)) return 'left';
  if (APPOINTED.test(tpl)) return 'appointed';
  return undefined;
}

/** Cheap keyword checks first: most sentences state none of these facts. */
const FOUNDING_HINT = /found|establish|set up|start|launch|creat|incorporat|register/i;
const HQ_HINT = /based|headquarter|head office|main office|home (?:base|town)|^Registered/i;
const ROLE_HINT = /founder|chair|president|chief|CEO|CFO|CTO|COO|CMO|manager|director|head|partner|executive|analyst|spokes|economist|researcher|scientist|engineer|investor|capitalist|governor|board member|editor|publisher|secretary/i;

export function profile(x: Ctx): void {
  const s = x.v.tpl;
  // Without a company the only pattern left is "The Gurgaon-based startup", which needs a topic.
  if (!s.includes('⟦C') && !x.v.topic) return;
  if (FOUNDING_HINT.test(s)) founding(x);
  if (HQ_HINT.test(s)) headquarters(x);
  if (ROLE_HINT.test(s)) leadership(x);
}
