import type { HitKind } from './options';
import type { QuickFields } from './documents';
import { normaliseTerm } from './terms';

/**
 * The quick index: every document's display fields and the sorted start of every word of every
 * name and alias, as plain text. It is the part of the search index the popup reads first (8.5 MB
 * at 100k synthetic companies, against 26 MB for the full-text index, and ready to search as
 * soon as it is read), so the first results of a name being typed appear while the full-text
 * index is still loading.
 *
 * Text, not JSON, because reading it must cost almost nothing: a JSON array of 300k entries
 * takes tens of milliseconds to parse, while this text is searched where it lies. Document lines
 * are found through an offset table built in one pass; entry lines are binary-searched by
 * character position without any table at all.
 */

/** Its names are folded text (lib/text/normalize.ts): the format changes with the fold. */
export const QUICK_FORMAT = 'company-lens-quick/2';

/** One document as the quick index keeps it. Fields never contain tabs or newlines. */
export interface QuickDoc {
  kind: HitKind;
  /** The dataset id of the company, person or article. */
  id: string;
  name: string;
  /** The company's kind, "person" or "article". */
  label: string;
  /** The company the document leads to. */
  companyId?: string;
}

/** Mentions above this count rank alike; it keeps the rank field at most three digits. */
const MAX_MENTIONS = 36 ** 3 - 1;

/** Kinds and the most common label are one letter or nothing in a document line. */
const KIND_CODES: Record<HitKind, string> = { company: 'c', person: 'p', article: 'a' };
const KINDS: Record<string, HitKind> = { c: 'company', p: 'person', a: 'article' };
const DEFAULT_LABEL: Record<HitKind, string> = { company: 'company', person: 'person', article: 'article' };

/** A name key found for a typed prefix: the document's position and its rank. */
export interface QuickMatch {
  doc: number;
  rank: number;
}

// Control characters would break the line format and the sort order of the keys.
// eslint-disable-next-line no-control-regex
const flat = (s: string) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/**
 * Characters outside ASCII are written as DEL (U+007F) and three digits. The text then has one
 * byte per character everywhere: in V8 (which keeps a string with any character above U+00FF at
 * two bytes per character, so a few Chinese names would double it), in the stored Blob (so that
 * character offsets are byte offsets, which `Blob.slice` takes) and in IndexedDB. The code keeps
 * the sort order (DEL sorts after every other character a line can hold, since `flat` removes
 * it from the text, and the digits are fixed-width) and the prefixes: a packed prefix is a prefix
 * of a packed key exactly when the original one is.
 */
const WIDE = /[\u0080-\uffff]/g;
const PACKED = /\u007f([\u0030-\u006f]{3})/g;
const NOT_ASCII = /[^\u0000-\u007f]/;
export function pack(text: string): string {
  // Most names are ASCII: testing first skips building a copy of each of them.
  if (!NOT_ASCII.test(text)) return text;
  return text.replace(WIDE, (c) => {
    const n = c.charCodeAt(0);
    return `\u007f${String.fromCharCode(0x30 + (n >> 12), 0x30 + ((n >> 6) & 63), 0x30 + (n & 63))}`;
  });
}
export function unpack(text: string): string {
  if (!text.includes('\u007f')) return text;
  return text.replace(PACKED, (_, d: string) => String.fromCharCode(((d.charCodeAt(0) - 0x30) << 12) | ((d.charCodeAt(1) - 0x30) << 6) | (d.charCodeAt(2) - 0x30)));
}

/**
 * Where keys start in a folded name: each word start. Chinese names are one word, so they are
 * found by their first characters here; the full-text index finds them from any character.
 */
function keyStarts(folded: string): number[] {
  return [...folded.matchAll(WORD_START)].map((m) => m.index);
}

/** A document's name key: the packed rest of a name or alias from a word start, and whether that start is the first. */
interface NameKey {
  key: string;
  first: boolean;
}

/**
 * A document's keys, each once, and for each the lengths of its shorter keys that it stands for:
 * a key that is the start of a longer one of the same document (and starts a name alike) gets
 * no line of its own ("goucom", the alias of "Goucom Networks"), since every prefix that finds
 * it finds the longer one too; the longer line keeps its length, so that it still ranks as an
 * exact name and as a short key (QuickIndex.match). A third of the lines at 100k companies.
 */
function mergeKeys(keys: NameKey[]): { key: string; first: boolean; shorter: number[] }[] {
  const unique = new Map<string, NameKey>();
  for (const k of keys) if (!unique.get(k.key)?.first) unique.set(k.key, k);
  const all = [...unique.values()];
  const kept = new Map<NameKey, number[]>(all.map((k) => [k, []]));
  for (const k of all) {
    let host: NameKey | undefined;
    for (const other of all) if (other.first === k.first && other.key.length > k.key.length && other.key.startsWith(k.key) && (!host || other.key.length > host.key.length)) host = other;
    if (!host) continue;
    kept.get(host)!.push(k.key.length);
    kept.delete(k);
  }
  return [...kept].map(([k, shorter]) => ({ ...k, shorter: shorter.sort((a, b) => a - b) }));
}

/** One key line of a document, without its position and rank; `shorter` as the line writes it. */
type DocKey = { key: string; first: boolean; shorter: string };

function keysOfNames(d: QuickFields): DocKey[] {
  const nameKeys: NameKey[] = [];
  for (const name of [d.n, ...(d.aliases ? d.aliases.split(' · ') : [])]) {
    const folded = flat(normaliseTerm(name));
    for (const at of keyStarts(folded)) nameKeys.push({ key: pack(folded.slice(at)), first: at === 0 });
  }
  return mergeKeys(nameKeys).map(({ key, first, shorter }) => ({ key, first, shorter: shorter.map((n) => n.toString(36)).join('.') }));
}

/**
 * The keys of the names of the last index built, by name and aliases: a library change rebuilds
 * the index of a dataset whose names are nearly all the same, and folding every name again would
 * cost it most of the build. Only the last build's are kept, and only for datasets of up to
 * KEEP_KEYS_UP_TO documents: at 100k companies they would hold tens of megabytes in the worker.
 */
let lastKeys = new Map<string, DocKey[]>();
const KEEP_KEYS_UP_TO = 25_000;

/**
 * Builds the quick index text: one line per document (in document order), then one line per
 * name key, sorted. Names starting with the typed letters beat names with a later word starting
 * with them; then more mentions, then shorter names. Articles get a document line (their titles
 * are shown from it) but no keys: titles are searched by the full-text index.
 */
export function buildQuickText(docs: readonly QuickFields[], stamp: string): string {
  const docLines: string[] = [];
  const keys: string[] = [];
  const nextKeys = new Map<string, DocKey[]>();
  docs.forEach((d, ordinal) => {
    const id = d.id.slice(d.t.length + 1);
    docLines.push(pack([KIND_CODES[d.t], id, flat(d.n), d.k === DEFAULT_LABEL[d.t] ? '' : flat(d.k), d.r === id ? '=' : (d.r ?? '')].join('\t')));
    if (d.t === 'article') return;
    // The rank's first digit says whether the key starts the name, the rest is the mentions.
    const mentions = Math.min(d.m, MAX_MENTIONS).toString(36);
    const names = `${d.n}\u0000${d.aliases ?? ''}`;
    const found = lastKeys.get(names) ?? keysOfNames(d);
    nextKeys.set(names, found);
    for (const { key, first, shorter } of found) {
      const line = `${key}\t${ordinal.toString(36)}\t${first ? 1 : 0}${mentions}`;
      keys.push(shorter ? `${line}\t${shorter}` : line);
    }
  });
  lastKeys = docs.length <= KEEP_KEYS_UP_TO ? nextKeys : new Map();
  // Sorting the whole lines orders them by key first, because a tab sorts before every letter.
  keys.sort();
  const body = docLines.concat(keys).map((line) => `${line}\n`).join('');
  // The header gives the body's length, so the quick text can be cut from a longer string.
  return `${pack(JSON.stringify({ format: QUICK_FORMAT, stamp, docs: docLines.length, length: body.length }))}\n${body}`;
}

export class QuickIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuickIndexError';
  }
}

/**
 * The stored index's key line groups, one quick text each (QuickIndex.groupTexts), in one Blob:
 * where each group's text lies in it, by the group's first character. A reader takes the group a
 * typed prefix is in without reading the rest.
 */
export interface QuickGroups {
  value: Blob;
  ranges: Record<string, [start: number, end: number]>;
}

/** The group of key lines a typed prefix (already normalised) is found in: its first character. */
export function keyGroupOf(typed: string): string {
  return pack(typed).charAt(0);
}

export class QuickIndex {
  private constructor(
    /** The header and the document lines. */
    private readonly docs: string,
    /** Offsets of the document lines in `docs`; the last one is where they end. */
    private readonly starts: Uint32Array,
    private readonly cache: Map<number, QuickDoc>,
    /** Key lines: all of them, or the group `only` alone. */
    private readonly keys: string,
    private readonly only: string | null,
    readonly stamp: string,
  ) {}

  /**
   * Reads a quick index, whole or one group's (see groupTexts); throws QuickIndexError when the
   * text is not one.
   */
  static parse(text: string): QuickIndex {
    const nl = text.indexOf('\n');
    let header: { format?: unknown; stamp?: unknown; docs?: unknown; group?: unknown } | null = null;
    try {
      header = nl > 0 ? JSON.parse(unpack(text.slice(0, nl))) : null;
    } catch {
      header = null;
    }
    if (!header || header.format !== QUICK_FORMAT || typeof header.stamp !== 'string' || !Number.isInteger(header.docs)) {
      throw new QuickIndexError('The stored quick search index is not a Company Lens quick index');
    }
    const count = header.docs as number;
    // A group's own text (see groupTexts) names its group: its index answers that group alone.
    const only = typeof header.group === 'string' ? header.group : null;
    const starts = new Uint32Array(count + 1);
    let at = nl + 1;
    for (let i = 0; i < count; i++) {
      starts[i] = at;
      const end = text.indexOf('\n', at);
      if (end === -1) throw new QuickIndexError(`The quick search index ends after ${i} of ${count} documents`);
      at = end + 1;
    }
    starts[count] = at;
    return new QuickIndex(text.slice(0, at), starts, new Map(), text.slice(at), only, header.stamp);
  }

  /** The group of key lines this index holds alone, or null when it holds them all. */
  get group(): string | null {
    return this.only;
  }

  /** Whether the key lines a typed prefix (already normalised) is found in are here. */
  covers(typed: string): boolean {
    return this.only === null || !typed || keyGroupOf(typed) === this.only;
  }

  /**
   * Each group of key lines (those starting with one character) as a quick text of its own: the
   * group's lines, and the document lines they point to, renumbered in the same order, with the
   * group in the header. It ranks every prefix of its group as the whole index does
   * (quick.property.test.ts), from a fraction of the bytes: 0.06 to 1.4 MB per first letter at
   * 100k synthetic companies, against 8.5 MB for the whole.
   */
  groupTexts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [group, [start, end]] of Object.entries(this.keyRanges())) {
      const lines = this.keys.slice(start, end).split('\n');
      lines.pop();
      // Each line as [key and tab, document ordinal, the rest from the tab after the ordinal].
      const split = lines.map((line) => {
        const tab = line.indexOf('\t');
        const tab2 = line.indexOf('\t', tab + 1);
        return [line.slice(0, tab + 1), parseInt(line.slice(tab + 1, tab2), 36), line.slice(tab2)] as const;
      });
      const ordinals = [...new Set(split.map(([, doc]) => doc))].sort((a, b) => a - b);
      const renumbered = new Map(ordinals.map((doc, i) => [doc, i.toString(36)]));
      const body = ordinals.map((doc) => this.docs.slice(this.starts[doc], this.starts[doc + 1])).join('') + split.map(([key, doc, rest]) => `${key}${renumbered.get(doc)}${rest}\n`).join('');
      texts.set(group, `${pack(JSON.stringify({ format: QUICK_FORMAT, stamp: this.stamp, docs: ordinals.length, length: body.length, group }))}\n${body}`);
    }
    return texts;
  }

  /** Where each group of key lines lies in `keys`, by its first character. */
  private keyRanges(): Record<string, [start: number, end: number]> {
    const ranges: Record<string, [number, number]> = {};
    for (let start = 0; start < this.keys.length; ) {
      const group = this.keys.charAt(start);
      // The first line of the next group: binary search over the sorted lines.
      let lo = start;
      let hi = this.keys.length;
      while (lo < hi) {
        const line = this.lineAt((lo + hi) >>> 1);
        if (line.key.charAt(0) <= group) lo = this.keys.indexOf('\n', line.start) + 1;
        else hi = line.start;
      }
      ranges[group] = [start, lo];
      start = lo;
    }
    return ranges;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The document at `ordinal` (its position in the index), or undefined when out of range. */
  doc(ordinal: number): QuickDoc | undefined {
    if (!(ordinal >= 0 && ordinal < this.size)) return undefined;
    let doc = this.cache.get(ordinal);
    if (!doc) {
      const [code, id, name, label, companyId] = unpack(this.docs.slice(this.starts[ordinal], this.starts[ordinal + 1] - 1)).split('\t');
      const kind = KINDS[code] ?? 'article';
      doc = { kind, id, name, label: label || DEFAULT_LABEL[kind], companyId: companyId === '=' ? id : companyId || undefined };
      this.cache.set(ordinal, doc);
    }
    return doc;
  }

  /** The key of the key line that contains character `at`, and where that line starts. */
  private lineAt(at: number): { start: number; key: string } {
    const start = this.keys.lastIndexOf('\n', at - 1) + 1;
    return { start, key: this.keys.slice(start, this.keys.indexOf('\t', start)) };
  }

  /**
   * The best `top` documents with a name or alias word starting with `prefix` (already
   * normalised), each once, best first; an exact name ranks above everything. The entry lines
   * are binary-searched by character position: any position inside a line leads to its start.
   */
  match(typed: string, top = 50): QuickMatch[] {
    if (!typed) return [];
    const prefix = pack(typed);
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const line = this.lineAt((lo + hi) >>> 1);
      if (line.key < prefix) lo = keys.indexOf('\n', line.start) + 1;
      else hi = line.start;
    }
    const best: QuickMatch[] = [];
    for (let at = lo; at < keys.length; ) {
      const tab = keys.indexOf('\t', at);
      if (!keys.startsWith(prefix, at) || tab < at + prefix.length) break;
      const tab2 = keys.indexOf('\t', tab + 1);
      const end = keys.indexOf('\n', tab2);
      // The optional last field; searched backwards from the line's end so it never leaves the line.
      const tab3 = keys.lastIndexOf('\t', end);
      const shorter = tab3 > tab2 ? keys.slice(tab3 + 1, end) : '';
      const doc = parseInt(keys.slice(tab + 1, tab2), 36);
      // The key this line stands for that ranks best: the shortest that still holds the prefix.
      const length = shorter ? shortestFrom(shorter, prefix.length, tab - at) : tab - at;
      // Exact names first, then keys starting the name, then more mentions, then shorter keys.
      const first = keys.charCodeAt(tab2 + 1) === 0x31;
      const rank = (length === prefix.length ? 1e9 : 0) + (first ? 1e8 : 0) + parseInt(keys.slice(tab2 + 2, shorter ? tab3 : end), 36) * 100 - Math.min(length, 99);
      at = end + 1;
      if (best.length === top && rank <= best[top - 1].rank) continue;
      // Keep the best `top` in a small sorted array: a short prefix can match thousands of keys.
      const known = best.findIndex((b) => b.doc === doc);
      if (known !== -1) {
        if (best[known].rank >= rank) continue;
        best.splice(known, 1);
      }
      let i = best.length;
      while (i > 0 && best[i - 1].rank < rank) i--;
      best.splice(i, 0, { doc, rank });
      if (best.length > top) best.pop();
    }
    return best;
  }
}

/** The least of the line's shorter key lengths (ascending, base 36) that is at least `min`, else `own`. */
function shortestFrom(shorter: string, min: number, own: number): number {
  for (const digits of shorter.split('.')) {
    const length = parseInt(digits, 36);
    if (length >= min) return length;
  }
  return own;
}
