import { contentHash } from '../dataset/hash';
import type { Company, Dataset, Mention } from '../dataset/schema';
import { Lexicon } from '../detect/lexicon';
import { discoveredId, nameKey } from '../knowledge/orgs/key';
import type { AliasObject } from '../registry/schema';
import { remapCompanies } from './remap';
import type { Correction } from './schema';

/**
 * Applies the user's corrections to a built dataset, in the order they were made. Every dataset
 * the extension stores passes through here (bundled corpus, URL, file, library), so a correction
 * lasts across syncs. A correction whose company is not in the dataset (a source that no longer
 * names it) changes nothing and waits: it applies again once a dataset names the company.
 * Applying the same list twice gives the same dataset as applying it once.
 */
export function applyCorrections(dataset: Dataset, corrections: readonly Correction[]): Dataset {
  if (corrections.length === 0) return dataset;
  let out = dataset;
  // A company merged into another lives on as that one: later corrections naming it (or naming
  // it as the one to merge into) apply to the company that took it in.
  const mergedInto = new Map<string, string>();
  const current = (id: string) => {
    const seen = new Set<string>();
    while (mergedInto.has(id) && !seen.has(id)) {
      seen.add(id);
      id = mergedInto.get(id)!;
    }
    return id;
  };
  for (const c of corrections) {
    const resolved: Correction = c.kind === 'merge' ? { ...c, companyId: current(c.companyId), intoId: current(c.intoId) } : { ...c, companyId: current(c.companyId) };
    const next = applyOne(out, resolved);
    if (resolved.kind === 'merge' && next !== out) mergedInto.set(resolved.companyId, resolved.intoId);
    out = next;
  }
  return { ...out, meta: { ...out.meta, contentHash: correctedHash(dataset.meta.contentHash, corrections) } };
}

/**
 * The content hash of a dataset built from inputs hashing to `hash` with `corrections` applied:
 * a sync compares it with the stored dataset's to tell that nothing changed.
 */
export function correctedHash(hash: string, corrections: readonly Correction[]): string {
  return corrections.length === 0 ? hash : contentHash([hash, ...corrections.map(correctionKey)]);
}

/** What a correction says, in a fixed field order (a stored row's id and time do not count). */
function correctionKey(c: Correction): string {
  switch (c.kind) {
    case 'rename':
      return ['rename', c.companyId, c.name].join('\u0000');
    case 'merge':
      return ['merge', c.companyId, c.intoId].join('\u0000');
    case 'split':
    case 'alias':
      return [c.kind, c.companyId, c.alias].join('\u0000');
    case 'not-organisation':
      return ['not-organisation', c.companyId].join('\u0000');
  }
}

function applyOne(dataset: Dataset, c: Correction): Dataset {
  const company = dataset.companies.find((x) => x.id === c.companyId);
  if (!company) return dataset;
  switch (c.kind) {
    case 'rename':
      return rename(dataset, company, c.name);
    case 'merge':
      return merge(dataset, company, c.intoId);
    case 'split':
      return split(dataset, company, c.alias);
    case 'alias':
      return addAlias(dataset, company, c.alias);
    case 'not-organisation':
      return remapCompanies(dataset, dataset.companies.filter((x) => x !== company), new Map([[company.id, null]]));
  }
}

const sameText = (a: string, b: string) => a.normalize('NFKC').toLowerCase() === b.normalize('NFKC').toLowerCase();

/** `aliases` with `texts` added, leaving out the name and any spelling already there. */
function withAliases(name: string, aliases: readonly AliasObject[], texts: readonly AliasObject[]): AliasObject[] {
  const out = [...aliases];
  for (const t of texts) if (!sameText(t.text, name) && !out.some((a) => sameText(a.text, t.text))) out.push(t);
  return out;
}

const replaceCompany = (dataset: Dataset, company: Company, next: Company): Company[] => dataset.companies.map((x) => (x === company ? next : x));

function rename(dataset: Dataset, company: Company, name: string): Dataset {
  if (company.name === name) return dataset;
  // The old name stays a way to find the company, on pages and in search.
  const aliases = withAliases(name, company.aliases, [{ text: company.name }]).filter((a) => !sameText(a.text, name));
  return { ...dataset, companies: replaceCompany(dataset, company, { ...company, name, aliases }) };
}

/** Mention and article counts of the given companies, from the dataset's mentions. */
function recount(companies: Company[], mentions: readonly Mention[], ids: ReadonlySet<string>): Company[] {
  const tally = new Map<string, { mentions: number; articles: Set<string> }>();
  for (const m of mentions) {
    if (!ids.has(m.companyId)) continue;
    const t = tally.get(m.companyId) ?? { mentions: 0, articles: new Set<string>() };
    t.mentions++;
    t.articles.add(m.articleId);
    tally.set(m.companyId, t);
  }
  return companies.map((c) => (ids.has(c.id) ? { ...c, mentionCount: tally.get(c.id)?.mentions ?? 0, articleCount: tally.get(c.id)?.articles.size ?? 0 } : c));
}

function merge(dataset: Dataset, from: Company, intoId: string): Dataset {
  const into = dataset.companies.find((x) => x.id === intoId);
  if (!into || into === from) return dataset;
  const aliases = withAliases(into.name, into.aliases, [{ text: from.name }, ...from.aliases]);
  const profile = [...(into.profile ?? []), ...(from.profile ?? [])].slice(0, 50);
  const joined: Company = {
    ...into,
    aliases,
    description: into.description || from.description,
    ...(profile.length > 0 ? { profile } : {}),
    ...(into.parentId || !from.parentId || from.parentId === into.id ? {} : { parentId: from.parentId }),
  };
  const companies = dataset.companies.filter((x) => x !== from).map((x) => (x === into ? joined : x));
  const remapped = remapCompanies(dataset, companies, new Map([[from.id, into.id]]));
  return { ...remapped, companies: recount(remapped.companies, remapped.mentions, new Set([into.id])) };
}

/** An id no company of the dataset has, from the name. */
function freeId(dataset: Dataset, name: string): string {
  const taken = new Set(dataset.companies.map((c) => c.id));
  const base = discoveredId(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The alias becomes a company of its own: the mentions written that way move to it, and so do the
 * facts read from sentences that use that name and none of the company's other names.
 * Co-mention relations stay with the company, as the dataset does not say which name each came from.
 */
function split(dataset: Dataset, company: Company, alias: string): Dataset {
  const key = nameKey(alias);
  const isAlias = (text: string) => nameKey(text) === key;
  if (!key || isAlias(company.name) || !company.aliases.some((a) => isAlias(a.text))) return dataset;
  const id = freeId(dataset, alias);
  const spellings = company.aliases.filter((a) => isAlias(a.text));
  const kept = company.aliases.filter((a) => !isAlias(a.text));
  const mentions = dataset.mentions.map((m) => (m.companyId === company.id && isAlias(m.alias) ? { ...m, companyId: id } : m));
  const movedSpellings = new Set(mentions.filter((m) => m.companyId === id).map((m) => m.alias));
  const keptSpellings = [company.name, ...kept.map((a) => a.text)];
  const facts = dataset.facts.map((f) =>
    f.companyId === company.id && [...movedSpellings].some((s) => f.sentence.includes(s)) && !keptSpellings.some((s) => f.sentence.includes(s)) ? { ...f, companyId: id } : f,
  );
  const own: Company = {
    id,
    name: alias,
    aliases: spellings.filter((a) => a.text !== alias),
    kind: company.kind,
    description: '',
    mentionCount: 0,
    articleCount: 0,
    origin: 'text',
  };
  const companies = [...replaceCompany(dataset, company, { ...company, aliases: kept }), own];
  return { ...dataset, companies: recount(companies, mentions, new Set([company.id, id])), mentions, facts };
}

/** The alias joins the company's names, and its occurrences in the articles become mentions. */
function addAlias(dataset: Dataset, company: Company, alias: string): Dataset {
  const aliases = withAliases(company.name, company.aliases, [{ text: alias }]);
  if (aliases.length === company.aliases.length) return dataset;
  const companies = replaceCompany(dataset, company, { ...company, aliases });
  const found = findAlias(dataset, company.id, alias);
  if (found.length === 0) return { ...dataset, companies };
  const mentions = [...dataset.mentions, ...found];
  return { ...dataset, companies: recount(companies, mentions, new Set([company.id])), mentions };
}

/**
 * Where the articles use `alias`, outside the names already found there. The lexicon's own
 * rules decide what counts (a name of plain words needs its capitals), as on pages.
 */
function findAlias(dataset: Dataset, companyId: string, alias: string): Mention[] {
  const lexicon = Lexicon.build([{ id: companyId, name: alias, aliases: [] }]);
  const taken = new Map<string, Mention[]>();
  for (const m of dataset.mentions) {
    const list = taken.get(m.articleId);
    if (list) list.push(m);
    else taken.set(m.articleId, [m]);
  }
  const out: Mention[] = [];
  for (const a of dataset.articles) {
    const existing = taken.get(a.id) ?? [];
    for (const m of lexicon.mentions(a.body)) {
      if (existing.some((e) => e.start < m.end && m.start < e.end)) continue;
      out.push({ companyId, articleId: a.id, start: m.start, end: m.end, alias: a.body.slice(m.start, m.end) });
    }
  }
  return out;
}
