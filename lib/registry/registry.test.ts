import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasObject, type Registry, type RegistryEntry } from './schema';
import { aliasKey, entrySlugs, parseRegistry, slugify, tagIndex } from './load';

/**
 * Convention test for the real registry against the real corpus. It is what keeps
 * `seeds/companies.json` honest as the corpus grows: every organisation tag must resolve, every
 * exclusion must still be needed, and every entry must earn its place by being mentioned.
 */

const root = join(import.meta.dirname, '..', '..');
// Overridable so a deliberately broken copy can be checked without touching the real file.
const registryFile = process.env.COMPANY_REGISTRY ?? join(root, 'seeds', 'companies.json');
const corpusDir = join(root, 'seeds', 'corpus');

/**
 * Hashtags, whether in TechCrunch's trailing `#a, #b` lines or inline (`#Taobao`). The
 * look-behind keeps URL fragments (`page#top`) and HTML entities (`&#38;`) out.
 */
function hashtags(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu)].map((m) => slugify(m[1]));
}

/** Whether `needle` occurs as a whole word (CJK has no word boundaries, so a substring will do). */
function occursIn(haystack: string, needle: string, caseSensitive: boolean): boolean {
  if (/\p{Script=Han}|\p{Script=Hangul}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(needle)) {
    return caseSensitive ? haystack.includes(needle) : haystack.toLowerCase().includes(needle.toLowerCase());
  }
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu').test(haystack);
}

/** The matcher treats curly quotes as straight ones; the corpus uses both. */
function normalise(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Entries that the corpus names in its text or its tags. */
function mentionedIds(registry: Registry, corpus: string, tags: Set<string>): Set<string> {
  const index = tagIndex(registry);
  const ids = new Set([...tags].map((t) => index.get(t)).filter((id): id is string => id !== undefined));
  for (const e of registry.companies) {
    const texts = [{ text: e.name, caseSensitive: false }, ...e.aliases.map(aliasObject).map((a) => ({ text: a.text, caseSensitive: a.caseSensitive ?? a.ambiguous === true }))];
    if (texts.some((t) => occursIn(corpus, t.text, t.caseSensitive))) ids.add(e.id);
  }
  return ids;
}

/** Mentioned entries, plus every entry that is an ancestor of one. */
function unexplainedEntries(registry: Registry, mentioned: Set<string>): string[] {
  const byId = new Map(registry.companies.map((e) => [e.id, e]));
  const explained = new Set(mentioned);
  for (const id of mentioned) {
    for (let p = byId.get(id)?.parent; p !== undefined && !explained.has(p); p = byId.get(p)?.parent) explained.add(p);
  }
  return registry.companies.map((e) => e.id).filter((id) => !explained.has(id));
}

const corpusFiles = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
const corpus = normalise(corpusFiles.map((f) => readFileSync(join(corpusDir, f), 'utf8')).join('\n\n'));
const corpusTags = new Set(hashtags(corpus));
const registry = parseRegistry(readFileSync(registryFile, 'utf8'), 'seeds/companies.json');

describe('seeds/companies.json', () => {
  it('parses and has a corpus to check against', () => {
    expect(registry.companies.length).toBeGreaterThan(100);
    expect(corpusFiles.length).toBeGreaterThan(0);
    expect(corpusTags.size).toBeGreaterThan(100);
  });

  it('resolves every corpus #tag to an entry or an excluded tag', () => {
    const index = tagIndex(registry);
    const unresolved = [...corpusTags].filter((t) => !index.has(t) && !(t in registry.excludedTags)).sort();
    expect(unresolved, 'add an entry or alias, or an excludedTags reason').toEqual([]);
  });

  it('excludes no tag that an entry also claims', () => {
    const index = tagIndex(registry);
    const both = Object.keys(registry.excludedTags).filter((t) => index.has(t)).map((t) => `${t} → ${index.get(t)}`);
    expect(both).toEqual([]);
  });

  it('has no stale exclusions', () => {
    const stale = Object.keys(registry.excludedTags).filter((t) => !corpusTags.has(t));
    expect(stale, 'excluded tags that no longer occur in the corpus').toEqual([]);
  });

  it('gives every tag slug to at most one entry', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of registry.companies) {
      for (const s of entrySlugs(e)) {
        const prev = owner.get(s);
        if (prev !== undefined && prev !== e.id) clashes.push(`${s}: ${prev} / ${e.id}`);
        owner.set(s, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('only lists entries the corpus mentions, or their parents', () => {
    const mentioned = mentionedIds(registry, corpus, corpusTags);
    expect(unexplainedEntries(registry, mentioned), 'entries neither mentioned nor parent of a mentioned one').toEqual([]);
  });

  it('keeps ids, names and aliases unique', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    const note = (key: string, who: string) => {
      if (seen.has(key)) dupes.push(`${key}: ${seen.get(key)} / ${who}`);
      seen.set(key, who);
    };
    for (const e of registry.companies) note(`id:${e.id}`, e.id);
    for (const e of registry.companies) {
      note(aliasKey(e.name), e.id);
      for (const a of e.aliases) note(aliasKey(aliasObject(a).text), e.id);
    }
    expect(dupes).toEqual([]);
  });

  it('marks ordinary-word aliases with context and short all-caps aliases case-sensitive', () => {
    const problems: string[] = [];
    const check = (e: RegistryEntry) => {
      for (const a of e.aliases.map(aliasObject)) {
        if (a.ambiguous && !a.context?.length) problems.push(`${e.id}: "${a.text}" is ambiguous but has no context words`);
        if (/^[A-Z]{2,5}$/.test(a.text) && !a.caseSensitive && !a.ambiguous) problems.push(`${e.id}: "${a.text}" should be caseSensitive`);
      }
    };
    registry.companies.forEach(check);
    expect(problems).toEqual([]);
  });
});
