import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/protocol/send';
import { sanitizeSettings, type MutedName, type Settings } from '../../lib/settings/values';

/**
 * The content script's side of the settings. It reads them from the background (which owns the
 * stored item and its migrations) and follows changes to the stored value, without WXT's storage
 * module (about 3 KB gzip of a 30 KB budget). It never writes them: the user's choices made in a
 * card go to the background as changes, which applies them one at a time.
 */

const KEY = 'settings';

export function getSettings(): Promise<Settings> {
  return sendMessage({ type: 'settings.get' });
}

/** Calls back with the repaired settings whenever another page or tab changes them. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) callback(sanitizeSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export async function setSiteDisabled(host: string, disabled = true): Promise<void> {
  await sendMessage({ type: 'settings.site', host, disabled });
}

export async function mute(name: MutedName, muted = true): Promise<void> {
  await sendMessage({ type: 'settings.mute', id: name.id, name: name.name, muted });
}
