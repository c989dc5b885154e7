import { getDb, type SyncLogRow } from './db';

/** The most recent syncs, newest first, for the options page. */
export async function listSyncLog(limit = 10): Promise<SyncLogRow[]> {
  return getDb().syncLog.orderBy('id').reverse().limit(limit).toArray();
}
