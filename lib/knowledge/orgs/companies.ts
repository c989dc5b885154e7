import type { OrgKind } from '../../registry/schema';
import { aliasObject, type AliasObject, type RegistryEntry } from '../../registry/schema';
import { nameKey } from './key';
import type { ProfileLine } from './profile';
import type { DiscoveredOrg } from './resolve';

/**
 * Discovered organisations and registry entries as one list. A registry entry whose name or
 * alias has the key of a discovered organisation takes it over: the registry's id, kind, parent
 * and curated text win, and the spellings the corpus uses join its aliases. Discovered names are
 * matched case-sensitively on pages (every spelling seen is an alias), so a name read from text
 * never marks the ordinary words it is made of.
 */

export interface OrgCompany {
  id: string;
  name: string;
  aliases: AliasObject[];
  kind: OrgKind;
  entry?: RegistryEntry;
  discovered?: DiscoveredOrg;
  profile: ProfileLine[];
}

/** Keys of every name and alias the registry lists. */
export function registryKeys(entries: readonly RegistryEntry[]): Set<string> {
  return new Set(registryIndex(entries).keys());
}

function registryIndex(entries: readonly RegistryEntry[]): Map<string, RegistryEntry> {
  const index = new Map<string, RegistryEntry>();
  for (const e of entries) {
    for (const text of [e.name, ...e.aliases.map((a) => aliasObject(a).text)]) {
      const key = nameKey(text);
      if (key && !index.has(key)) index.set(key, e);
    }
  }
  return index;
}

const cased = (text: string): AliasObject => ({ text, caseSensitive: true });

export function organisations(discovered: readonly DiscoveredOrg[], entries: readonly RegistryEntry[]): OrgCompany[] {
  const index = registryIndex(entries);
  const claimed = new Map<string, DiscoveredOrg[]>();
  const own: DiscoveredOrg[] = [];
  for (const d of discovered) {
    const entry = index.get(d.key) ?? [d.name, ...d.aliases].map((t) => index.get(nameKey(t))).find(Boolean);
    if (entry) claimed.set(entry.id, [...(claimed.get(entry.id) ?? []), d]);
    else own.push(d);
  }
  const registryIds = new Set(entries.map((e) => e.id));
  const out: OrgCompany[] = entries.map((e) => {
    const found = claimed.get(e.id) ?? [];
    const aliases = e.aliases.map(aliasObject);
    const known = new Set([e.name, ...aliases.map((a) => a.text)].map((t) => t.normalize('NFKC').toLowerCase()));
    for (const d of found) {
      for (const text of [d.name, ...d.aliases]) {
        const k = text.normalize('NFKC').toLowerCase();
        if (!known.has(k)) {
          known.add(k);
          aliases.push(cased(text));
        }
      }
    }
    return { id: e.id, name: e.name, aliases, kind: e.kind, entry: e, discovered: found[0], profile: found.flatMap((d) => d.profile) };
  });
  for (const d of own) {
    const id = registryIds.has(d.id) ? `${d.id}-org` : d.id;
    out.push({ id, name: d.name, aliases: [cased(d.name), ...d.aliases.map(cased)], kind: d.kind, discovered: d, profile: d.profile });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
