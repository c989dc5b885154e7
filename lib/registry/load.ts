import { nameKey } from '../text/normalize';
import { formatPath } from '../util/path';
import { Registry, aliasObject, type RegistryEntry } from './schema';

/**
 * Loads the company registry (`seeds/companies.json`) and enforces the rules zod cannot express
 * on its own: ids and aliases unique across the whole file, parents that exist, no parent cycles.
 * Every error names the file and the place in it, because the registry is edited by hand and a
 * bare "invalid input" would send the editor searching through a few thousand lines.
 */

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly path?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/**
 * The key under which two alias spellings count as the same alias: the project's one text fold
 * (lib/text/normalize.ts), which the matcher and search use too, so two aliases the loader
 * accepts as distinct are never one name to the matcher.
 */
export const aliasKey = nameKey;

/** Tag slug form: lower case, accents dropped, runs of anything else but a-z0-9 become '-'. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every slug a `#tag` may use to name this entry: its id, its name and its aliases. */
export function entrySlugs(entry: RegistryEntry): string[] {
  const texts = [entry.name, ...entry.aliases.map((a) => aliasObject(a).text)];
  const slugs = new Set([entry.id, ...texts.map(slugify)]);
  slugs.delete('');
  return [...slugs];
}

/**
 * Maps tag slugs to entry ids. When two entries claim one slug the earlier entry keeps it; the
 * convention test reports such clashes, so lookups here stay total and cheap.
 */
export function tagIndex(registry: Registry): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of registry.companies) {
    for (const slug of entrySlugs(entry)) if (!index.has(slug)) index.set(slug, entry.id);
  }
  return index;
}

export function parseRegistry(text: string, fileName: string): Registry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const { line, column } = syntaxErrorPosition(text, (e as Error).message);
    throw new RegistryError(`${fileName}:${line}:${column}: invalid JSON: ${(e as Error).message}`, fileName, undefined, line);
  }
  const parsed = Registry.safeParse(json);
  if (!parsed.success) {
    const issue = specificIssue(parsed.error.issues[0]);
    const path = formatPath(issue.path);
    const id = entryIdAt(json, issue.path);
    const where = id ? ` (entry "${id}")` : '';
    const line = id ? idLine(text, id) : undefined;
    throw new RegistryError(`${fileName}: ${path}${where}: ${issue.message}`, fileName, issue.path.length > 0 ? path : undefined, line);
  }
  checkCrossEntry(parsed.data, text, fileName);
  return parsed.data;
}

function checkCrossEntry(registry: Registry, text: string, file: string): void {
  const entries = registry.companies;
  const fail = (i: number, field: string, message: string): never => {
    const path = `companies[${i}].${field}`;
    throw new RegistryError(`${file}: ${path}: ${message}`, file, path, idLine(text, entries[i].id, occurrence(entries, i)));
  };

  const byId = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = byId.get(e.id);
    if (first !== undefined) fail(i, 'id', `duplicate id "${e.id}" (first used by companies[${first}])`);
    byId.set(e.id, i);
  });

  // Names go in first so that an alias repeating a later entry's name is caught too.
  const owners = new Map<string, { index: number; what: string }>();
  entries.forEach((e, i) => {
    const key = aliasKey(e.name);
    const prev = owners.get(key);
    if (prev) fail(i, 'name', `name "${e.name}" is already the ${prev.what} of "${entries[prev.index].id}"`);
    owners.set(key, { index: i, what: 'name' });
  });
  entries.forEach((e, i) => {
    e.aliases.forEach((alias, j) => {
      const aliasText = aliasObject(alias).text;
      const prev = owners.get(aliasKey(aliasText));
      if (prev) {
        const owner = prev.index === i ? 'this entry' : `"${entries[prev.index].id}"`;
        fail(i, `aliases[${j}]`, `alias "${aliasText}" of "${e.id}" is already the ${prev.what} of ${owner}`);
      }
      owners.set(aliasKey(aliasText), { index: i, what: 'alias' });
    });
  });

  entries.forEach((e, i) => {
    if (e.parent !== undefined && !byId.has(e.parent)) fail(i, 'parent', `unknown parent "${e.parent}" of "${e.id}"`);
  });
  entries.forEach((e, i) => {
    const chain = [e.id];
    for (let p = e.parent; p !== undefined; p = entries[byId.get(p)!].parent) {
      chain.push(p);
      if (p === e.id) fail(i, 'parent', `parent cycle ${chain.join(' → ')}`);
      // A cycle further up the chain is reported when the walk starts from one of its members.
      if (chain.length > entries.length) break;
    }
  });
}

interface Issue {
  path: PropertyKey[];
  message: string;
  errors?: Issue[][];
}

/**
 * An alias is a string or an object, so a bad alias object fails as a bare "invalid input" on
 * the union. The branch that got furthest (the longest path) is the one the editor meant.
 */
function specificIssue(issue: Issue): Issue {
  const branches = (issue.errors ?? []).flat();
  if (branches.length === 0) return issue;
  const best = branches.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  return specificIssue({ ...best, path: [...issue.path, ...best.path] });
}

/** How many entries before `i` share its id, so a duplicate's line points at the duplicate. */
function occurrence(entries: RegistryEntry[], i: number): number {
  return entries.slice(0, i).filter((e) => e.id === entries[i].id).length;
}

/** 1-based line of the n-th `"id": "<id>"` in the source, if it can be found. */
function idLine(text: string, id: string, n = 0): number | undefined {
  const re = new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`, 'g');
  let m: RegExpExecArray | null = null;
  for (let k = 0; k <= n; k++) if ((m = re.exec(text)) === null) return undefined;
  return lineAt(text, m!.index).line;
}

function entryIdAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'companies' || typeof path[1] !== 'number') return undefined;
  const entry = (json as { companies?: unknown[] }).companies?.[path[1]] as { id?: unknown } | undefined;
  return typeof entry?.id === 'string' ? entry.id : undefined;
}


/**
 * V8 reports JSON syntax errors by character offset ("at position 57"); newer versions add
 * "(line 3 column 5)". Either way the editor wants a line and column; truncated input has no
 * offset at all, and then the end of the text is the place to look.
 */
function syntaxErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  return lineAt(text, pos ? Number(pos[1]) : text.length);
}

function lineAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
