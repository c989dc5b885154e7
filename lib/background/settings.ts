import { applyChange, getSettings, settingsItem, type Settings, type SettingsChange } from '../settings/settings';
import { registerHandlers } from './router';

/**
 * The one writer of the settings. Pages and tabs send changes; each is applied to the value read
 * inside the same queued step and written back before the next starts, so concurrent changes from
 * many tabs are never lost to a read-modify-write race.
 *
 * Muting a name and turning detection off (or on) for a site are the user's choices made in a
 * card, on the page, so content scripts may send them; everything else (`settings.set`) comes only
 * from the extension's pages (PRIVILEGED in lib/messages.ts).
 */

let queue: Promise<unknown> = Promise.resolve();

export function changeSettings(change: SettingsChange): Promise<Settings> {
  const next = queue.then(async () => {
    const updated = applyChange(await getSettings(), change);
    await settingsItem.setValue(updated);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

export function startSettingsService(): void {
  registerHandlers({
    'settings.get': () => getSettings(),
    'settings.mute': ({ id, name, muted }) => changeSettings({ kind: 'mute', name: { id, name }, muted }),
    'settings.site': ({ host, disabled }) => changeSettings({ kind: 'site', host, disabled }),
    'settings.set': ({ values }) => changeSettings({ kind: 'set', values }),
  });
}
