import type { BodyMention } from './view';

/**
 * Within one article, a later short form of an organisation named in full earlier ("Marsh" after
 * "Marsh & McLennan", "Korvex" after "Korvex Dynamics", "SMFG" after "Sumitomo Mitsui Financial Group")
 * refers to it, so its facts go to the full name. Only an entity whose own name is such a short
 * form, and that the registry does not list, is folded in: "Alibaba" (Alibaba Group) never becomes
 * Alibaba Cloud.
 */

const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', 'de']);
const words = (name: string) => name.split(/[\s&\-–.,']+/).filter(Boolean);

export function isShortForm(short: string, long: string): boolean {
  const s = words(short);
  const l = words(long);
  if (s.length === 0 || s.length >= l.length) return false;
  if (s.every((w, i) => w.toLowerCase() === l[i].toLowerCase())) return true;
  // Initials, with or without the small words: "BOA" = Bank of America, "SMFG".
  if (s.length === 1 && /^\p{Lu}{2,6}$/u.test(short)) {
    const all = l.map((w) => w[0]).join('').toUpperCase();
    const content = l.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase())).map((w) => w[0]).join('').toUpperCase();
    return short === all || short === content;
  }
  return false;
}

export function foldShortForms(mentions: readonly BodyMention[], nameOf: (id: string) => string, curated: (id: string) => boolean): BodyMention[] {
  const firstAt = new Map<string, number>();
  for (const m of mentions) if (!firstAt.has(m.companyId)) firstAt.set(m.companyId, m.start);
  const into = new Map<string, string>();
  for (const id of firstAt.keys()) {
    // A registry entry is an organisation of its own (Google is not Google Cloud).
    if (curated(id)) continue;
    const at = firstAt.get(id)!;
    // The full name must come first: "Brightwater ... Brightwater Capital" names two organisations.
    const longer = [...firstAt].filter(([other, otherAt]) => other !== id && otherAt < at && isShortForm(nameOf(id), nameOf(other)));
    if (longer.length === 1) into.set(id, longer[0][0]);
  }
  return into.size === 0 ? [...mentions] : mentions.map((m) => (into.has(m.companyId) ? { ...m, companyId: into.get(m.companyId)! } : m));
}
