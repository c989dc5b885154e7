import { browser } from 'wxt/browser';
import type { Message } from '../../lib/messages';
import { sanitizeSettings, type MutedName, type Settings } from '../../lib/settings/settings';

/**
 * Settings changes from the extension's pages (options, popup). Each goes to the background, the
 * settings' one writer (lib/background/settings.ts); an error answer rejects.
 */
async function change(message: Extract<Message, { type: `settings.${string}` }>): Promise<Settings> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  if (answer && typeof answer === 'object' && 'error' in answer) throw new Error(`The settings could not be saved (${JSON.stringify(answer.error)})`);
  return sanitizeSettings(answer);
}

export const updateSettings = (values: Partial<Pick<Settings, 'enabled' | 'dwellMs' | 'markStyle'>>) => change({ type: 'settings.set', values });
export const setSiteDisabled = (host: string, disabled: boolean) => change({ type: 'settings.site', host, disabled });
export const setMuted = ({ id, name }: MutedName, muted: boolean) => change({ type: 'settings.mute', id, name, muted });
