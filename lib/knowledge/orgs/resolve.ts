import type { ArticleOrgs, NameEvidence } from './analyse';
import type { KindHint } from './cues';
import { discoveredId, initialsOf, nameKey } from './key';
import type { ProfileLine } from './profile';
import { LEGAL_SUFFIXES } from './words';

/**
 * Corpus-level resolution: the per-article evidence of every spelling is summed under its key,
 * a name confirmed as an organisation anywhere counts everywhere, and short forms and acronyms
 * an article uses for a confirmed name become its aliases. Linear in the number of names, so
 * adding one article means analysing it and running this again.
 */

export interface DiscoveredOrg {
  id: string;
  key: string;
  name: string;
  /** Other spellings seen in the corpus, and acronyms and short forms the articles use. */
  aliases: string[];
  kind: KindHint;
  orgVotes: number;
  personVotes: number;
  articleCount: number;
  reasons: string[];
  profile: ProfileLine[];
}

interface Tally {
  key: string;
  forms: Map<string, number>;
  orgVotes: number;
  personVotes: number;
  excluded: boolean;
  initialOnly: boolean;
  kinds: Map<KindHint, number>;
  articles: Set<string>;
  reasons: Set<string>;
  profile: ProfileLine[];
  extra: Set<string>;
  /** The words and initials of its spellings, once asked for (see `spellings`). */
  spellings?: Spellings;
  /** Set when this name was found to be an acronym or short form of another. */
  mergedInto?: string;
  absorbed?: boolean;
}

const MAX_PROFILE_LINES = 8;

function tallyAll(analyses: readonly ArticleOrgs[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const a of analyses) {
    for (const n of a.names) {
      let t = tallies.get(n.key);
      if (!t) {
        t = { key: n.key, forms: new Map(), orgVotes: 0, personVotes: 0, excluded: false, initialOnly: true, kinds: new Map(), articles: new Set(), reasons: new Set(), profile: [], extra: new Set() };
        tallies.set(n.key, t);
      }
      // for…in, not Object.entries: this runs for every name of every article at every build.
      for (const form in n.forms) t.forms.set(form, (t.forms.get(form) ?? 0) + n.forms[form]);
      t.orgVotes += n.orgVotes;
      t.personVotes += n.personVotes;
      t.excluded ||= n.excluded;
      t.initialOnly &&= n.initialOnly;
      for (const k in n.kinds) t.kinds.set(k as KindHint, (t.kinds.get(k as KindHint) ?? 0) + n.kinds[k as KindHint]!);
      t.articles.add(a.articleId);
      for (const r of n.reasons) if (t.reasons.size < 4) t.reasons.add(r);
      for (const p of n.profile) if (t.profile.length < MAX_PROFILE_LINES) t.profile.push(p);
    }
  }
  return tallies;
}

/** An organisation: some occurrence says so, fewer say it is a person, and it is not a place. */
const confirmed = (t: Tally) => t.orgVotes > 0 && t.orgVotes > t.personVotes && !t.excluded;

/** Spreads confirmation along the links articles make, until nothing changes. */
function propagate(analyses: readonly ArticleOrgs[], tallies: Map<string, Tally>, known: ReadonlySet<string>): void {
  const isOrg = (key: string) => known.has(key) || (tallies.has(key) && confirmed(tallies.get(key)!));
  const open = (key: string) => {
    const t = tallies.get(key);
    return t && !isOrg(key) && t.orgVotes === 0 && t.personVotes === 0 && !t.excluded ? t : undefined;
  };
  for (let changed = true, round = 0; changed && round < 4; round++) {
    changed = false;
    for (const a of analyses) {
      for (const [x, y] of a.links) {
        const t = isOrg(x) ? open(y) : isOrg(y) ? open(x) : undefined;
        if (!t) continue;
        t.orgVotes++;
        t.reasons.add('named with an organisation');
        changed = true;
      }
    }
  }
}

/**
 * Endings a company's full name has and its short form drops: "Korvex Motor" → "Korvex", "KRV
 * Resources" → "KRV". Units keep their own entity ("Lumo Cloud", "Brightwater Capital").
 */
const SHORT_FORM_TAILS = new Set(['Motor', 'Motors', 'Industries', 'Industry', 'Electric', 'Resources', 'Petroleum', 'Pharmaceuticals', 'Technologies', 'Technology', 'International']);

/** One organisation's tally takes in another's: an acronym or short form the article defines. */
function absorb(into: Tally, from: Tally | undefined, form: string): void {
  if (!from || from === into || from.mergedInto || from.absorbed || into.mergedInto) {
    into.extra.add(form);
    return;
  }
  from.mergedInto = into.key;
  into.absorbed = true;
  // The absorbed spellings become aliases; the display name stays a spelling of the full name.
  for (const f of from.forms.keys()) into.extra.add(f);
  // Only the evidence for: "said KTA survey chairman ..." says nothing against the institute.
  into.orgVotes += from.orgVotes;
  for (const a of from.articles) into.articles.add(a);
  for (const p of from.profile) if (into.profile.length < MAX_PROFILE_LINES) into.profile.push(p);
  into.extra.add(form);
}

/**
 * The words of each spelling of a name, and its initials. Spellings are all known once the
 * corpus is tallied, and every article naming a short form asks again about the same full names.
 */
type Spellings = { forms: string[]; words: string[][]; initials?: string[] };
function spellings(t: Tally): Spellings {
  if (!t.spellings) {
    const forms = [...t.forms.keys()];
    t.spellings = { forms, words: forms.map((x) => x.split(/\s+/)) };
  }
  return t.spellings;
}
const initialsOfSpellings = (s: Spellings) => (s.initials ??= s.forms.map(initialsOf));

/** Short forms and acronyms an article uses for a name it also gives in full. */
function attachShortForms(a: ArticleOrgs, tallies: Map<string, Tally>): void {
  const full = a.names.map((n) => tallies.get(n.key)!).filter(confirmed);
  for (const n of a.names) {
    const t = tallies.get(n.key)!;
    for (const acronym of n.acronyms) if (nameKey(acronym) !== t.key) absorb(t, tallies.get(nameKey(acronym)), acronym);
    const form = Object.keys(n.forms)[0];
    if (confirmed(t) && !/\s/.test(form)) {
      const owners = full.filter((f) => {
        const { forms, words } = spellings(f);
        return forms.some((x, k) => x.startsWith(`${form} `) && words[k].slice(1).every((w) => SHORT_FORM_TAILS.has(w) || LEGAL_SUFFIXES.has(w)));
      });
      if (owners.length === 1) absorb(owners[0], t, form);
    }
    if (confirmed(t) || t.personVotes > 0 || t.excluded) continue;
    if (/\s/.test(form)) continue;
    // "Korvex-Lumo" where the article also names "Korvex" as an organisation: the double-barrelled
    // name is that organisation's full name. A headline's "Korvex-Backed" is not a name.
    const barrel = /^(\p{Lu}[\p{L}\p{N}]+)-\p{Lu}[\p{L}\p{N}]+$/u.exec(form);
    if (barrel && /ed$/.test(form)) continue;
    const first = barrel && tallies.get(nameKey(barrel[1]));
    if (first && full.includes(first)) {
      first.extra.add(form);
      continue;
    }
    // "Korvex" after "Korvex Dynamics", "MPC" after "Monetary Policy Committee": one owner only.
    const acronym = /^\p{Lu}{2,6}$/u.test(form);
    const owners = full.filter((f) => {
      const found = spellings(f);
      return found.words.some((w) => w.length > 1 && w[0] === form) || (acronym && initialsOfSpellings(found).includes(form));
    });
    if (owners.length === 1) owners[0].extra.add(form);
  }
}

function canonical(t: Tally): string {
  return [...t.forms.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1))[0][0];
}

function kindOf(t: Tally): KindHint {
  let best: KindHint = 'company';
  let n = 0;
  for (const [k, c] of t.kinds) if (c > n || (c === n && k < best)) [best, n] = [k, c];
  return best;
}

/** `known` holds the keys of names the registry lists, which count as confirmed organisations. */
export function resolveOrgs(analyses: readonly ArticleOrgs[], known: ReadonlySet<string> = new Set()): DiscoveredOrg[] {
  const tallies = tallyAll(analyses);
  propagate(analyses, tallies, known);
  for (const a of analyses) attachShortForms(a, tallies);
  const out: DiscoveredOrg[] = [];
  const ids = new Set<string>();
  const isOrg = (text: string) => {
    const key = nameKey(text);
    return known.has(key) || (tallies.has(key) && confirmed(tallies.get(key)!));
  };
  for (const t of tallies.values()) {
    if (!confirmed(t) || t.mergedInto) continue;
    // "Sony and Microsoft" is two organisations when either side is one on its own.
    if ([...t.forms.keys()].some((f) => /\sand\s/.test(f) && f.split(/\s+and\s+/).length === 2 && f.split(/\s+and\s+/).some(isOrg))) continue;
    const name = canonical(t);
    let id = discoveredId(name);
    while (ids.has(id)) id = `${id}-${t.key.length}`;
    ids.add(id);
    const aliases = [...new Set([...t.forms.keys(), ...t.extra])].filter((f) => f !== name).sort();
    out.push({
      id,
      key: t.key,
      name,
      aliases,
      kind: kindOf(t),
      orgVotes: t.orgVotes,
      personVotes: t.personVotes,
      articleCount: t.articles.size,
      reasons: [...t.reasons],
      profile: t.profile,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type { NameEvidence };
