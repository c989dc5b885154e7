import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Periodic URL sync. The choice is a storage item written by the options page; the background
 * watches it and keeps one alarm in step, so no extra message is needed and the alarm survives
 * worker restarts (alarms are persisted by the browser).
 */

export const SYNC_ALARM = 'dataset-sync';

export interface SyncSchedule {
  url: string;
  /** 0 turns the periodic sync off. */
  everyHours: number;
}

export const SCHEDULE_CHOICES: readonly { hours: number; label: string }[] = [
  { hours: 0, label: 'Only when I sync' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 24, label: 'Every day' },
  { hours: 168, label: 'Every week' },
];

export const scheduleItem = storage.defineItem<SyncSchedule | null>('local:syncSchedule', { fallback: null });

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
