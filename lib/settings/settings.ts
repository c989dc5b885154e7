import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './values';

/**
 * The user's detection and card preferences, in one `local:` storage item that the options page,
 * the background and every tab's content script read and watch. Only the background writes it
 * (lib/background/settings.ts), applying the changes pages and tabs send it one at a time.
 *
 * Settings are not privileged state: nothing in them makes the worker fetch or replace data, so
 * they may live in `storage.local`, which content scripts can write (docs/SECURITY.md).
 */

export * from './values';

/**
 * Version 1 is the first stored shape, so there are no migrations yet; a later shape bumps
 * `version` and adds its migration here, with a test that a stored value of each earlier version
 * reads as the new one. The background defines the item first, so it migrates before any tab
 * reads. Reads are repaired regardless, so a hand-edited value, or one left by a newer build
 * after a downgrade, still yields valid settings.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
}
