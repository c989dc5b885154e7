import { CorpusError } from '../corpus';
import type { Dataset } from '../dataset/schema';
import type { ImportFile } from '../messages';
import type { LibraryChange } from '../store/library';
import { rowsOf } from './articles';
import { reasonOf, type Refused } from './files';

/**
 * An import into the library: which articles each file adds (an article already in the library,
 * or twice in the same import, is skipped and counted), and afterwards what each file taught the
 * extension: the organisations it names, already known or new, and its facts.
 */

export interface FileReport {
  name: string;
  /** Articles added by this file. */
  articles: number;
  /** Articles of this file that were already in the library. */
  skipped: number;
  known: string[];
  discovered: string[];
  facts: number;
  notes: string[];
}

export interface ImportReport {
  files: FileReport[];
  refused: Refused[];
}

export interface PreparedImport {
  change: LibraryChange;
  files: { name: string; ids: string[]; skipped: number; notes: string[] }[];
  refused: Refused[];
}

export function prepareImport(docs: readonly ImportFile[], refused: readonly Refused[], existing: ReadonlySet<string>, importId: number): PreparedImport {
  const seen = new Set(existing);
  const out: PreparedImport = { change: { importId, add: [], remove: [] }, files: [], refused: [...refused] };
  for (const doc of docs) {
    let rows;
    try {
      rows = rowsOf(doc, importId);
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      out.refused.push({ name: doc.name, reason: reasonOf(error) });
      continue;
    }
    const ids: string[] = [];
    let skipped = 0;
    for (const row of rows) {
      if (seen.has(row.id)) skipped++;
      else {
        seen.add(row.id);
        ids.push(row.id);
        out.change.add.push(row);
      }
    }
    out.files.push({ name: doc.name, ids, skipped, notes: doc.notes ?? [] });
  }
  return out;
}

/** What each file brought, read from the dataset built with it. `knownBefore`: company ids before the import. */
export function reportImport(prepared: PreparedImport, dataset: Dataset, knownBefore: ReadonlySet<string>): ImportReport {
  const names = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const companiesOf = new Map<string, Set<string>>();
  for (const m of dataset.mentions) {
    let set = companiesOf.get(m.articleId);
    if (!set) companiesOf.set(m.articleId, (set = new Set()));
    set.add(m.companyId);
  }
  const factsOf = new Map<string, number>();
  for (const f of dataset.facts) factsOf.set(f.articleId, (factsOf.get(f.articleId) ?? 0) + 1);
  const files = prepared.files.map((file): FileReport => {
    const ids = new Set<string>();
    for (const a of file.ids) for (const c of companiesOf.get(a) ?? []) ids.add(c);
    const sorted = [...ids].map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name));
    return {
      name: file.name,
      articles: file.ids.length,
      skipped: file.skipped,
      known: sorted.filter((c) => knownBefore.has(c.id)).map((c) => c.name),
      discovered: sorted.filter((c) => !knownBefore.has(c.id)).map((c) => c.name),
      facts: file.ids.reduce((sum, a) => sum + (factsOf.get(a) ?? 0), 0),
      notes: file.notes,
    };
  });
  return { files, refused: prepared.refused };
}
