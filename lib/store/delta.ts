import type { IndexableType } from 'dexie';
import type { Dataset } from '../dataset/schema';
import type { DatasetTable } from './db';

/**
 * The difference between the dataset a generation holds and the next one, as row writes: what
 * lets a small library change (one article added) update the active generation in one small
 * transaction instead of writing every row of a new one.
 *
 * Rows are read back in the order of their position `n` (lib/store/read.ts, export.ts), and only
 * that order matters. A row that stays keeps its position; a new or moved row gets one between
 * its neighbours' (a fraction when it lands between two kept rows), so a plan never renumbers
 * the rows after an insertion and reading the updated generation gives exactly the next dataset.
 */

export type RowTable = Exclude<DatasetTable, 'artifacts'>;
export const ROW_TABLES: readonly RowTable[] = ['companies', 'articles', 'facts', 'people', 'relations', 'links', 'mentions'];

/** A generation's dataset as written, with the position of each row of each table. */
export interface Written {
  gen: number;
  dataset: Dataset;
  positions: Record<RowTable, number[]>;
}

type AnyRow = Record<string, unknown>;

/** What identifies a row across two datasets. */
const IDENTITY: Record<RowTable, (row: AnyRow) => string> = {
  companies: (r) => r.id as string,
  articles: (r) => r.id as string,
  facts: (r) => r.id as string,
  people: (r) => r.id as string,
  relations: (r) => `${r.a}\u0000${r.b}`,
  links: (r) => `${r.from}\u0000${r.to}\u0000${r.type}\u0000${r.factId ?? ''}`,
  mentions: (r) => `${r.articleId}\u0000${r.start}\u0000${r.end}\u0000${r.companyId}`,
};

/** The store's primary key of a row (db.ts): mentions and links are keyed by position. */
function primaryKey(table: RowTable, gen: number, row: AnyRow, n: number): IndexableType {
  if (table === 'relations') return [gen, row.a as string, row.b as string];
  if (table === 'mentions' || table === 'links') return [gen, n];
  return [gen, row.id as string];
}

/** A row as stored: its generation and position, and for people the keys of their companies. */
export function storedRow(table: RowTable, gen: number, row: object, n: number): object {
  const stored = { ...row, gen, n };
  return table === 'people' ? { ...stored, ck: (row as { companyIds: string[] }).companyIds.map((c) => `${gen}:${c}`) } : stored;
}

export function listOf(dataset: Dataset, table: RowTable): AnyRow[] {
  return ((table === 'links' ? dataset.links ?? [] : dataset[table]) as unknown) as AnyRow[];
}

export function positionsOf(dataset: Dataset): Record<RowTable, number[]> {
  return Object.fromEntries(ROW_TABLES.map((t) => [t, listOf(dataset, t).map((_, n) => n)])) as Record<RowTable, number[]>;
}

export interface TablePlan {
  deletes: IndexableType[];
  puts: object[];
}

export interface Plan {
  tables: Record<RowTable, TablePlan>;
  positions: Record<RowTable, number[]>;
  /** Rows written or deleted. */
  size: number;
}

/** The writes that turn `old` into `next`, or null when positions cannot be found (a duplicate identity). */
export function planUpdate(old: Written, next: Dataset): Plan | null {
  const tables = {} as Record<RowTable, TablePlan>;
  const positions = {} as Record<RowTable, number[]>;
  let size = 0;
  rowKeys = { last: rowKeys.next, next: new Map() };
  for (const table of ROW_TABLES) {
    const plan = planTable(table, old.gen, listOf(old.dataset, table), old.positions[table], listOf(next, table));
    if (!plan) return null;
    tables[table] = plan.writes;
    positions[table] = plan.positions;
    size += plan.writes.deletes.length + plan.writes.puts.length;
  }
  return { tables, positions, size };
}

/**
 * Identity keys, computed once per row object. A build that changes a few articles gives most
 * rows as the very objects of the build before (lib/dataset/cache.ts), and the last plan's new
 * list is the next plan's old one: keeping both spares building tens of thousands of keys twice
 * per change. Dataset rows are never changed in place, so a key stays right for its object.
 * Row keys are kept from one plan to the next in plain maps rather than a WeakMap: a WeakMap of
 * a hundred thousand rows makes every full garbage collection of the worker slower.
 */
let rowKeys = { last: new Map<object, string>(), next: new Map<object, string>() };
const keysOfList = new WeakMap<readonly AnyRow[], { keys: string[]; at: Map<string, number> }>();

function keyOf(table: RowTable, row: AnyRow): string {
  const key = rowKeys.last.get(row) ?? IDENTITY[table](row);
  rowKeys.next.set(row, key);
  return key;
}

/** The keys of a list and where each is, or null when a key repeats. */
function keysOf(table: RowTable, rows: readonly AnyRow[]): { keys: string[]; at: Map<string, number> } | null {
  const known = keysOfList.get(rows);
  if (known) return known;
  const keys: string[] = new Array(rows.length);
  const at = new Map<string, number>();
  for (let j = 0; j < rows.length; j++) {
    const key = (keys[j] = keyOf(table, rows[j]));
    if (at.has(key)) return null;
    at.set(key, j);
  }
  const found = { keys, at };
  keysOfList.set(rows, found);
  return found;
}

function planTable(table: RowTable, gen: number, oldRows: AnyRow[], oldN: number[], newRows: AnyRow[]): { writes: TablePlan; positions: number[] } | null {
  const old = keysOf(table, oldRows);
  const next = keysOf(table, newRows);
  if (!old || !next) return null;
  const { keys: oldKeys, at: oldAt } = old;
  // Rows found in both keep their position while positions still rise in the new order.
  const match: number[] = new Array(newRows.length);
  const kept: boolean[] = new Array(newRows.length);
  let last = -Infinity;
  for (let i = 0; i < newRows.length; i++) {
    const j = oldAt.get(next.keys[i]);
    match[i] = j ?? -1;
    kept[i] = j !== undefined && oldN[j] > last;
    if (kept[i]) last = oldN[j!];
  }
  const positions = placeBetweenKept(kept, match, oldN);
  if (!positions) return null;
  const writes: TablePlan = { deletes: [], puts: [] };
  const keptOld = new Uint8Array(oldRows.length);
  for (let i = 0; i < newRows.length; i++) {
    const j = match[i];
    if (kept[i]) keptOld[j] = 1;
    if (!kept[i] || !sameValue(oldRows[j], newRows[i])) writes.puts.push(storedRow(table, gen, newRows[i], positions[i]));
  }
  // Old rows that are gone, and for tables keyed by position, rows that moved.
  const byPosition = table === 'mentions' || table === 'links';
  for (let j = 0; j < oldRows.length; j++) {
    if (keptOld[j]) continue;
    if (byPosition || !next.at.has(oldKeys[j])) writes.deletes.push(primaryKey(table, gen, oldRows[j], oldN[j]));
  }
  return { writes, positions };
}

/** Positions for rows that are not kept: after the kept row before them and before the one after. */
function placeBetweenKept(kept: boolean[], match: number[], oldN: number[]): number[] | null {
  const positions: number[] = new Array(kept.length);
  let i = 0;
  let low = -Infinity;
  while (i < kept.length) {
    if (kept[i]) {
      low = positions[i] = oldN[match[i]];
      i++;
      continue;
    }
    let end = i;
    while (end < kept.length && !kept[end]) end++;
    const high = end < kept.length ? oldN[match[end]] : Infinity;
    const count = end - i;
    for (let k = 1; k <= count; k++) {
      const n = low === -Infinity ? (high === Infinity ? k - 1 : high - (count + 1 - k)) : high === Infinity ? low + k : low + ((high - low) * k) / (count + 1);
      // Positions between two close kept rows run out of precision after many insertions there.
      const previous = k === 1 ? low : positions[i + k - 2];
      if (!(n > previous && n < high)) return null;
      positions[i + k - 1] = n;
    }
    i = end;
  }
  return positions;
}

/** Deep equality of JSON-like values (dataset rows). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let count = 0;
  for (const k in a) {
    if (!sameValue((a as AnyRow)[k], (b as AnyRow)[k]) || !(k in b)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}
