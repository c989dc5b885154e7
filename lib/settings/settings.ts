import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normaliseHost, sanitizeSettings, type MutedName, type Settings } from './values';

/**
 * The user's detection and card preferences. They live in one `local:` storage item so that the
 * options page, the background and every tab's content script read the same value and can watch
 * it; content scripts write it directly for "mute this name" and "turn off on this site", which
 * are the user's own choices made in the card.
 */

export * from './values';

/**
 * Version 1 is the first stored shape, so there is nothing to migrate yet; a later shape bumps
 * `version` and adds a migration with its test. Reads are sanitised regardless, so a hand-edited
 * value, or one left by a newer build after a downgrade, still yields valid settings.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

/** Read-modify-write of the settings; the result is sanitised before it is stored. */
export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await getSettings();
  const next = sanitizeSettings({ ...current, ...change(current) });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value)));
}

export function setSiteDisabled(host: string, disabled: boolean): Promise<Settings> {
  const h = normaliseHost(host);
  if (!h) return Promise.reject(new Error(`"${host}" is not a host name`));
  return updateSettings((s) => ({
    disabledSites: disabled ? [...s.disabledSites, h] : s.disabledSites.filter((site) => site !== h),
  }));
}

export function setMuted(name: MutedName, muted: boolean): Promise<Settings> {
  return updateSettings((s) => ({
    muted: muted ? [...s.muted.filter((m) => m.id !== name.id), name] : s.muted.filter((m) => m.id !== name.id),
  }));
}
