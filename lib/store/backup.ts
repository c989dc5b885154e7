import { z } from 'zod';
import { browser } from 'wxt/browser';
import { sendMessage } from '../protocol/send';
import { sanitizeSettings } from '../settings/values';
import { formatPath } from '../util/path';
import { MAX_ID } from '../dataset/limits';
import { getDb } from './db';
import { libraryRows } from './library';
import { storedCorrections, withoutRowFields } from './corrections';
import { Correction, MAX_CORRECTIONS } from '../corrections/schema';

/**
 * The user-data backup: stars, notes, recent views, the user's library (their own articles), their
 * corrections to the knowledge and everything in `storage.local` (the settings item). The sync schedule is not part of it: it is
 * privileged state, which a file should not be able to set without the user choosing it again in
 * the options page. The dataset is not part of it: it can always be synced again, and the
 * "export dataset" button covers it separately. Version 1 backups (before the library) are
 * still read.
 */

export const BACKUP_FORMAT = 'company-lens-backup';
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
/** storage.local keys that hold caches rather than choices; they are rebuilt, not backed up. */
const CACHE_PREFIXES = ['cache'];

const Id = z.string().min(1).max(MAX_ID);
const Time = z.number().int().nonnegative();

const Line = z.string().max(2_000);
export const BackupArticle = z.strictObject({
  id: Id,
  title: z.string().max(2_000),
  body: z.string().max(5_000_000),
  tags: z.array(z.string().max(200)).max(1_000),
  origin: Line,
  url: Line.optional(),
  publisher: Line.optional(),
  byline: Line.optional(),
  published: z.string().max(100).optional(),
  addedAt: Time,
});
export type BackupArticle = z.infer<typeof BackupArticle>;

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: Time,
  stars: z.array(z.strictObject({ companyId: Id, starredAt: Time })).max(100_000),
  notes: z.array(z.strictObject({ companyId: Id, text: z.string().max(20_000), updatedAt: Time })).max(100_000),
  recent: z.array(z.strictObject({ companyId: Id, viewedAt: Time })).max(10_000),
  storage: z.record(z.string().max(200), z.unknown()),
  library: z.array(BackupArticle).max(100_000).optional(),
  /** In the order they apply; absent from backups made before corrections existed. */
  corrections: z.array(Correction).max(MAX_CORRECTIONS).optional(),
});
export type Backup = z.infer<typeof Backup>;

export class BackupError extends Error {
  constructor(
    readonly code: 'not-json' | 'schema' | 'version',
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const isCache = (key: string) => CACHE_PREFIXES.some((prefix) => key.startsWith(prefix));

export async function exportUserData(): Promise<string> {
  const db = getDb();
  const [stars, notes, recent, rows, corrected] = await db.transaction('r', [db.stars, db.notes, db.recent, db.library, db.corrections], () =>
    Promise.all([db.stars.toArray(), db.notes.toArray(), db.recent.toArray(), libraryRows(db), storedCorrections(db)]),
  );
  const local = await browser.storage.local.get(null);
  const storage = Object.fromEntries(Object.entries(local).filter(([key]) => !isCache(key)));
  const library = rows.map(({ pending: _, ...row }) => row);
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: Date.now(), stars, notes, recent, storage, library, corrections: withoutRowFields(corrected) };
  return JSON.stringify(backup, null, 2);
}

/** Validates a backup file's text; throws BackupError naming what is wrong. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('not-json', 'This file is not a Company Lens backup: it is not JSON.');
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw new BackupError('schema', 'This file is not a Company Lens backup (its "format" field is missing or different).');
  const version = (raw as { version?: unknown }).version;
  if (!READABLE_VERSIONS.includes(version)) throw new BackupError('version', `This backup has version ${String(version)}; this Company Lens reads version ${BACKUP_VERSION}.`);
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupError('schema', `The backup is damaged: "${formatPath(issue.path)}" ${issue.message}.`);
  }
  return parsed.data;
}

/**
 * Restores a backup: the user tables are replaced in one transaction (all or nothing) and the
 * stored keys are written back. Returns what was restored, for the confirmation message, and the
 * backup's library articles: the caller imports them through the background (an import adds to
 * the library and rebuilds the knowledge; articles already there are skipped). Likewise the
 * backup's corrections, which the caller sends to the background to replace the stored ones
 * (undefined for a backup made before corrections existed: the stored ones then stay).
 */
export async function importUserData(text: string): Promise<{ stars: number; notes: number; recent: number; keys: number; library: BackupArticle[]; corrections?: Correction[] }> {
  const backup = parseBackup(text);
  const db = getDb();
  await db.transaction('rw', [db.stars, db.notes, db.recent], async () => {
    await Promise.all([db.stars.clear(), db.notes.clear(), db.recent.clear()]);
    await Promise.all([db.stars.bulkPut(backup.stars), db.notes.bulkPut(backup.notes), db.recent.bulkPut(backup.recent)]);
  });
  // The settings go through their one writer, the background, like any other change to them.
  const { settings, ...others } = Object.fromEntries(Object.entries(backup.storage).filter(([key]) => !isCache(key)));
  if (settings !== undefined) await restoreSettings(settings);
  if (Object.keys(others).length > 0) await browser.storage.local.set(others);
  return { stars: backup.stars.length, notes: backup.notes.length, recent: backup.recent.length, keys: Object.keys(others).length + (settings === undefined ? 0 : 1), library: backup.library ?? [], ...(backup.corrections ? { corrections: backup.corrections } : {}) };
}

async function restoreSettings(stored: unknown): Promise<void> {
  await sendMessage({ type: 'settings.set', values: sanitizeSettings(stored) });
}
