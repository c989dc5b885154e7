import { getDb } from './db';

/**
 * The user's own data: starred companies, notes and recently viewed companies. These tables are
 * never opened by a sync, so replacing the dataset cannot lose them; a star or note whose company
 * is missing from a new dataset simply waits until a dataset names it again.
 */

const MAX_NOTE = 20_000;
/** Older views beyond this many are forgotten, so the table stays small. */
export const RECENT_KEEP = 200;

export async function starCompany(companyId: string, on: boolean): Promise<void> {
  const db = getDb();
  if (on) await db.stars.put({ companyId, starredAt: Date.now() });
  else await db.stars.delete(companyId);
}

export async function isStarred(companyId: string): Promise<boolean> {
  return (await getDb().stars.get(companyId)) !== undefined;
}

/** Starred companies, most recently starred first. */
export async function listStars(): Promise<{ companyId: string; starredAt: number }[]> {
  return (await getDb().stars.orderBy('starredAt').reverse().toArray()).map(({ companyId, starredAt }) => ({ companyId, starredAt }));
}

/** Saves a note; an empty (or blank) note deletes it. */
export async function setNote(companyId: string, text: string): Promise<void> {
  const db = getDb();
  if (text.trim() === '') await db.notes.delete(companyId);
  else await db.notes.put({ companyId, text: text.slice(0, MAX_NOTE), updatedAt: Date.now() });
}

export async function getNote(companyId: string): Promise<{ text: string; updatedAt: number } | null> {
  const row = await getDb().notes.get(companyId);
  return row ? { text: row.text, updatedAt: row.updatedAt } : null;
}

export async function recordView(companyId: string): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.recent, async () => {
    await db.recent.put({ companyId, viewedAt: Date.now() });
    const count = await db.recent.count();
    if (count > RECENT_KEEP) {
      const oldest = await db.recent.orderBy('viewedAt').limit(count - RECENT_KEEP).primaryKeys();
      await db.recent.bulkDelete(oldest);
    }
  });
}

/** Recently viewed companies, newest first. */
export async function listRecent(limit = 20): Promise<{ companyId: string; viewedAt: number }[]> {
  return (await getDb().recent.orderBy('viewedAt').reverse().limit(limit).toArray()).map(({ companyId, viewedAt }) => ({ companyId, viewedAt }));
}
