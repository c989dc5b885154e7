import type { LexiconPayload } from './lexicon-core';

/**
 * Storage helpers of the lexicon payload: validation, the sparse context table, and company ids
 * kept either as an array (background, builder) or as one joined string (content scripts).
 */

export const LEXICON_VERSION = 2;

/** Entry flags. */
export const AMBIGUOUS = 1;
export const ALIAS = 2;
/** The entry is a context word for some companies (listed in the sparse context table). */
export const CONTEXT = 4;

/** Throws an error naming what is wrong with a lexicon payload. */
export function checkPayload(p: LexiconPayload): void {
  const fail = (what: string): never => {
    throw new Error(`Lexicon payload is unusable: ${what}`);
  };
  if (!p || typeof p !== 'object') fail('not an object');
  if (p.format !== 'company-lens-lexicon' || p.version !== LEXICON_VERSION) {
    const seen = p.format === 'company-lens-lexicon' ? `version ${String(p.version)}` : 'a format from an older release';
    fail(`${seen}, expected version ${LEXICON_VERSION} (rebuild it from the dataset by syncing again)`);
  }
  const pending = p.companyIds?.length === 0 && p.idText === undefined && Number.isInteger(p.companyCount) && p.companyCount! >= 0;
  if (!Array.isArray(p.companyIds) || (p.idText !== undefined && typeof p.idText !== 'string') || (p.companyCount !== undefined && !pending)) fail('company ids are missing');
  const typed = p.company instanceof Int32Array && p.flags instanceof Uint8Array && [p.contextEntry, p.contextStart, p.contextList].every((a) => a instanceof Int32Array);
  if (!typed) fail('a table is missing or of the wrong type');
  if (!p.matcher || !(p.matcher.low instanceof Uint8Array)) fail('the matcher is missing or from an older release');
  const n = p.company.length;
  if (p.flags.length !== n || n !== p.matcher.low.length) fail('per-entry tables disagree in length');
  const m = p.contextEntry.length;
  if (p.contextStart.length !== m + 1 || p.contextStart[0] !== 0 || p.contextStart[m] !== p.contextList.length) fail('the context table is malformed');
  for (let k = 0; k < m; k++) {
    if (p.contextStart[k + 1] < p.contextStart[k]) fail('the context table is malformed');
    if (p.contextEntry[k] < 0 || p.contextEntry[k] >= n || (k > 0 && p.contextEntry[k] <= p.contextEntry[k - 1])) fail('context entries are malformed');
  }
}

export const ID_SEPARATOR = '\n';

/**
 * Company ids by company index. A joined string costs a tab a fraction of the heap of an array of
 * strings (one object per id) at 100k companies, and a tab reads few ids; the start of every
 * 16th id is kept, and an id is found from there with at most 15 `indexOf` steps.
 *
 * In a content script the ids arrive after the tables (wire.ts): until `provide` is called only
 * their number is known, and `get` answers undefined.
 */
export class CompanyIds {
  private list: string[] | null = null;
  private text = '';
  private marks: Int32Array = new Int32Array(0);
  private isKnown = false;
  readonly length: number;
  private arrived: () => void = () => {};
  /** Resolves once the ids are known. */
  readonly ready = new Promise<void>((resolve) => (this.arrived = resolve));

  constructor(p: Pick<LexiconPayload, 'companyIds' | 'idText' | 'companyCount'>) {
    const ids = p.idText !== undefined && p.companyIds.length === 0 ? p.idText : p.companyIds;
    const read = p.companyCount === undefined ? readIds(ids) : null;
    this.length = read?.count ?? p.companyCount!;
    if (read) this.accept(ids, read.marks);
  }

  get known(): boolean {
    return this.isKnown;
  }

  /** Takes the ids (joined by ID_SEPARATOR, or a list); throws when their number is not the expected one. */
  provide(ids: string | string[]): void {
    const { count, marks } = readIds(ids);
    if (count !== this.length) throw new Error(`Lexicon ids are unusable: ${count} ids for ${this.length} companies`);
    this.accept(ids, marks);
  }

  private accept(ids: string | string[], marks: Int32Array): void {
    this.list = typeof ids === 'string' ? null : ids;
    this.text = typeof ids === 'string' ? ids : '';
    this.marks = marks;
    this.isKnown = true;
    this.arrived();
  }

  get(index: number): string {
    if (this.list) return this.list[index];
    if (!this.isKnown || !(index >= 0 && index < this.length)) return undefined as unknown as string;
    let at = this.marks[index >> 4];
    for (let k = index & ~15; k < index; k++) at = this.text.indexOf(ID_SEPARATOR, at) + 1;
    const end = this.text.indexOf(ID_SEPARATOR, at);
    return this.text.slice(at, end < 0 ? this.text.length : end);
  }

  all(): readonly string[] {
    if (!this.isKnown) return [];
    this.list ??= this.length === 0 ? [] : this.text.split(ID_SEPARATOR);
    return this.list;
  }
}

/** Counts ids; for a joined string, notes where every 16th one starts. */
function readIds(ids: string | string[]): { marks: Int32Array; count: number } {
  if (typeof ids !== 'string') return { marks: new Int32Array(0), count: ids.length };
  if (ids.length === 0) return { marks: new Int32Array(0), count: 0 };
  const starts: number[] = [0];
  let count = 1;
  for (let i = ids.indexOf(ID_SEPARATOR); i >= 0; i = ids.indexOf(ID_SEPARATOR, i + 1)) {
    if ((count & 15) === 0) starts.push(i + 1);
    count++;
  }
  return { marks: Int32Array.from(starts), count };
}
