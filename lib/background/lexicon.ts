import Dexie from 'dexie';
import type { Company } from '../dataset/schema';
import { Lexicon, LexiconCore, type LexiconPayload } from '../detect/lexicon';
import { getDb } from '../store/db';
import { getLexiconPayload, versionOf } from '../store/read';
import { rederiveArtifact } from '../store/rederive';

/**
 * The active dataset's lexicon in the current format. A lexicon is derived data: when the store
 * holds one in a format this release no longer reads (written before an update changed the
 * matcher or payload layout), or none at all, it is derived again from the stored companies and
 * written back, instead of failing every tab until the user syncs. `matcher.get` calls this, and
 * the background calls it on install/update so the first tab after an update does not wait.
 */

export interface StoredLexicon {
  version: string;
  payload: LexiconPayload;
  /** True when this call derived the payload again (for logs and tests). */
  rederived?: boolean;
}

/** Null when the payload is usable by this release; otherwise the reason it is not. */
export function staleReason(payload: LexiconPayload | undefined): string | null {
  if (!payload) return 'missing';
  try {
    LexiconCore.fromPayload(payload);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

let running: Promise<StoredLexicon | null> | null = null;

type Build = (companies: Company[]) => LexiconPayload | Promise<LexiconPayload>;

export async function loadLexicon(build: Build = (c) => Lexicon.build(c).toPayload()): Promise<StoredLexicon | null> {
  const stored = await getLexiconPayload();
  if (stored && staleReason(stored.payload) === null) return stored;
  // Concurrent tabs share one derivation: at 100k companies it takes a good part of a second.
  running ??= rederive(build).finally(() => (running = null));
  return running;
}

async function rederive(build: Build): Promise<StoredLexicon | null> {
  const done = await rederiveArtifact({
    db: getDb(),
    tables: (db) => [db.companies],
    read: async (db, active) => {
      const rows = await db.companies.where('[gen+id]').between([active.gen, Dexie.minKey], [active.gen + 1, Dexie.minKey], true, false).toArray();
      // Same order as the sync that wrote the dataset, so the companies get the same numbering.
      return rows.sort((a, b) => a.n - b.n) as Company[];
    },
    build: (companies) => build(companies),
    row: (gen, payload) => ({ gen, name: 'lexicon', value: payload }),
  });
  if (!done) return null;
  console.info(`[company-lens] lexicon derived again from ${done.gen.counts.companies} stored companies (the stored one was unusable)`);
  return { version: versionOf(done.gen), payload: done.value, rederived: true };
}
