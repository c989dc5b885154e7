import { useState } from 'preact/hooks';
import { setMuted, setSiteDisabled } from '../shared/settings-changes';
import type { SiteSettings } from './useSiteSettings';

/**
 * The switch for the page's site, and the way back from the last mute: the popup's side of the
 * card's "Turn off on …" and "Mute", so either can be undone from here too.
 */
export function SiteSwitch({ site }: { site: SiteSettings }) {
  const [error, setError] = useState('');
  const { host, settings, on, lastMuted } = site;
  if (!settings || !host) return null;
  const report = (p: Promise<unknown>) => p.then(() => setError(''), (e: unknown) => setError((e as Error).message));
  return (
    <div class="cl-site" data-testid="site-switch">
      <label class="cl-switch">
        <input type="checkbox" role="switch" checked={on} disabled={!settings.enabled} onChange={(e) => report(setSiteDisabled(host, !e.currentTarget.checked))} />
        <span>{settings.enabled ? `Mark company names on ${host}` : 'Marking is off everywhere (options)'}</span>
      </label>
      {lastMuted && (
        <p class="cl-muted cl-site-muted">
          Muted “{lastMuted.name}”{' '}
          <button type="button" class="cl-linkish" data-action="unmute" onClick={() => report(setMuted(lastMuted, false))}>
            Undo
          </button>
        </p>
      )}
      {error && (
        <p class="cl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
