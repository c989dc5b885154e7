import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { CompanyLensDB } from '../store/db';
import { checkSyncUrl } from './fetch';

/**
 * Periodic URL sync. The schedule makes the worker fetch a URL and replace the dataset, so it is
 * privileged state: it is kept in the extension's own IndexedDB (which content scripts cannot
 * open) and changed only by the background, on the privileged `schedule.set` message from the
 * options page. The background keeps one alarm in step with it; alarms survive worker restarts.
 */

export const SYNC_ALARM = 'dataset-sync';

export const SCHEDULE_CHOICES: readonly { hours: number; label: string }[] = [
  { hours: 0, label: 'Only when I sync' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 24, label: 'Every day' },
  { hours: 168, label: 'Every week' },
];

const HOURS = SCHEDULE_CHOICES.map((c) => c.hours);

export const SyncSchedule = z.strictObject({
  url: z
    .string()
    .max(4_000)
    .refine((url) => {
      try {
        return checkSyncUrl(url).href === url;
      } catch {
        return false;
      }
    }, 'is not an https:// address (or http:// on this machine) in its normal form'),
  /** 0 keeps the address for the options page but syncs only when the user asks. */
  everyHours: z.number().refine((hours) => HOURS.includes(hours), `is not one of ${HOURS.join(', ')}`),
});
export type SyncSchedule = z.infer<typeof SyncSchedule>;

const KEY = 'syncSchedule';

export async function readSchedule(db: CompanyLensDB): Promise<SyncSchedule | null> {
  const row = await db.meta.get(KEY);
  if (row?.key !== KEY) return null;
  // A row is only written after this check; checking again costs nothing and keeps a damaged
  // row from ever reaching fetch.
  const parsed = SyncSchedule.safeParse({ url: row.url, everyHours: row.everyHours });
  return parsed.success ? parsed.data : null;
}

/** Stores (or with null, forgets) the schedule; throws on a value that is not a valid schedule. */
export async function saveSchedule(db: CompanyLensDB, schedule: SyncSchedule | null): Promise<void> {
  if (!schedule) return void (await db.meta.delete(KEY));
  const { url, everyHours } = SyncSchedule.parse(schedule);
  await db.meta.put({ key: KEY, url, everyHours });
}

/**
 * Earlier builds kept the schedule in `storage.local`. It is moved once, when the extension is
 * updated (a moment no content script can choose), and the old key is deleted whatever it held.
 * A value a page planted there before the update is carried over like the user's own, but it can
 * only ever fetch from a host the user has allowed: scheduled syncs require the host permission.
 */
export async function moveScheduleOutOfStorage(db: CompanyLensDB): Promise<void> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  await browser.storage.local.remove([KEY, `${KEY}$`]);
  const parsed = SyncSchedule.safeParse(stored);
  if (parsed.success && !(await readSchedule(db))) await saveSchedule(db, parsed.data);
}

/** Creates, changes or clears the alarm to match the schedule. */
export async function applySchedule(schedule: SyncSchedule | null): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  const minutes = schedule && schedule.everyHours > 0 ? schedule.everyHours * 60 : 0;
  if (minutes === 0) {
    if (existing) await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}
