import { browser } from 'wxt/browser';
import { normaliseHost, sanitizeSettings, type MutedName, type Settings } from '../../lib/settings/values';

/**
 * The content script's access to the settings item, without WXT's storage module (about 3 KB
 * gzip of a 30 KB budget). It reads and writes the very key `settingsItem` (lib/settings) uses,
 * `local:settings`, in the same shape: version 1 has no migrations and no version metadata to
 * write, so a plain `storage.local` read or write is equivalent. A future version with migrations
 * must migrate in the background or options page first, and teach this file the new shape.
 */

const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return sanitizeSettings(stored[KEY]);
}

async function update(change: (current: Settings) => Partial<Settings>): Promise<void> {
  const current = await getSettings();
  await browser.storage.local.set({ [KEY]: sanitizeSettings({ ...current, ...change(current) }) });
}

/** Calls back with the sanitised settings whenever another page or tab changes them. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(sanitizeSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function setSiteDisabled(host: string): Promise<void> {
  const h = normaliseHost(host);
  if (!h) return Promise.reject(new Error(`"${host}" is not a host name`));
  return update((s) => ({ disabledSites: [...s.disabledSites, h] }));
}

export function mute(name: MutedName): Promise<void> {
  return update((s) => ({ muted: [...s.muted.filter((m) => m.id !== name.id), name] }));
}
