import type { MessageOf } from '../../lib/messages';
import type { MutedName, Settings } from '../../lib/settings/settings';

/**
 * Settings changes from the extension's pages (options, popup). Each goes to the background, the
 * settings' one writer (lib/background/settings.ts), which answers the new settings; a refusal
 * rejects with a MessageError. The sender is loaded with the first change, so that a page showing
 * these controls (the popup) does not compile the message schemas before its first results.
 */
type SettingsChange = MessageOf<'settings.set'> | MessageOf<'settings.site'> | MessageOf<'settings.mute'>;
const change = async (message: SettingsChange): Promise<Settings> => (await import('../../lib/protocol/send')).sendMessage(message);

export const updateSettings = (values: Partial<Pick<Settings, 'enabled' | 'dwellMs' | 'markStyle'>>) => change({ type: 'settings.set', values });
export const setSiteDisabled = (host: string, disabled: boolean) => change({ type: 'settings.site', host, disabled });
export const setMuted = ({ id, name }: MutedName, muted: boolean) => change({ type: 'settings.mute', id, name, muted });
