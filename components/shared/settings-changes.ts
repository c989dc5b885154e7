import type { MessageOf } from '../../lib/messages';
import { sendMessage } from '../../lib/protocol/send';
import type { MutedName, Settings } from '../../lib/settings/settings';

/**
 * Settings changes from the extension's pages (options, popup). Each goes to the background, the
 * settings' one writer (lib/background/settings.ts), which answers the new settings; a refusal
 * rejects with a MessageError.
 */
type SettingsChange = MessageOf<'settings.set'> | MessageOf<'settings.site'> | MessageOf<'settings.mute'>;
const change = (message: SettingsChange): Promise<Settings> => sendMessage(message);

export const updateSettings = (values: Partial<Pick<Settings, 'enabled' | 'dwellMs' | 'markStyle'>>) => change({ type: 'settings.set', values });
export const setSiteDisabled = (host: string, disabled: boolean) => change({ type: 'settings.site', host, disabled });
export const setMuted = ({ id, name }: MutedName, muted: boolean) => change({ type: 'settings.mute', id, name, muted });
