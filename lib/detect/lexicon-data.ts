import type { LexiconPayload } from './lexicon';

/**
 * Storage helpers of the lexicon payload: validation, the sparse context table, and company ids
 * kept either as an array (background, builder) or as one joined string (content scripts).
 */

export const LEXICON_VERSION = 2;

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
  if (!Array.isArray(p.companyIds) || (p.idText !== undefined && typeof p.idText !== 'string')) fail('company ids are missing');
  const typed = p.company instanceof Int32Array && p.flags instanceof Uint8Array && [p.contextEntry, p.contextStart, p.contextList].every((a) => a instanceof Int32Array);
  if (!typed) fail('a table is missing or of the wrong type');
  if (!p.matcher || !(p.matcher.low instanceof Uint16Array)) fail('the matcher is missing or from an older release');
  const n = p.company.length;
  if (p.flags.length !== n || n !== p.matcher.low.length) fail('per-entry tables disagree in length');
  const m = p.contextEntry.length;
  if (p.contextStart.length !== m + 1 || p.contextStart[0] !== 0 || p.contextStart[m] !== p.contextList.length) fail('the context table is malformed');
  for (let k = 0; k < m; k++) {
    if (p.contextStart[k + 1] < p.contextStart[k]) fail('the context table is malformed');
    if (p.contextEntry[k] < 0 || p.contextEntry[k] >= n || (k > 0 && p.contextEntry[k] <= p.contextEntry[k - 1])) fail('context entries are malformed');
  }
}

/** Index of `entry` in the sorted context entries, or -1. */
export function contextRange(entries: Int32Array, entry: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid] < entry) lo = mid + 1;
    else if (entries[mid] > entry) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export const ID_SEPARATOR = '\n';

/**
 * Company ids by company index. A joined string with an offset table costs about a third of the
 * heap of an array of strings at 100k companies, and most tabs read only a few ids.
 */
export class CompanyIds {
  private list: string[] | null;
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(p: Pick<LexiconPayload, 'companyIds' | 'idText'>) {
    const joined = p.idText !== undefined && p.companyIds.length === 0;
    this.list = joined ? null : p.companyIds;
    this.text = joined ? p.idText! : '';
    this.starts = joined ? offsets(this.text) : new Int32Array(0);
  }

  get length(): number {
    return this.list ? this.list.length : this.starts.length - 1;
  }

  get(index: number): string {
    if (this.list) return this.list[index];
    if (!(index >= 0 && index < this.starts.length - 1)) return undefined as unknown as string;
    return this.text.slice(this.starts[index], this.starts[index + 1] - 1);
  }

  all(): readonly string[] {
    this.list ??= this.text.length === 0 ? [] : this.text.split(ID_SEPARATOR);
    return this.list;
  }
}

/** Start of each id in a joined string, plus one past the end (as if it ended with a separator). */
function offsets(text: string): Int32Array {
  if (text.length === 0) return new Int32Array(1);
  let count = 1;
  for (let i = text.indexOf(ID_SEPARATOR); i >= 0; i = text.indexOf(ID_SEPARATOR, i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let k = 1;
  for (let i = text.indexOf(ID_SEPARATOR); i >= 0; i = text.indexOf(ID_SEPARATOR, i + 1)) starts[k++] = i + 1;
  starts[count] = text.length + 1;
  return starts;
}
