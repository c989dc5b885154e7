import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MutedName, Settings } from '../../lib/settings/settings';
import { findPageTab } from './page-mentions';
import { loadSettings } from './store';

export interface SiteSettings {
  /** The host of the page the popup describes; null for pages without one (browser pages). */
  host: string | null;
  settings: Settings | null;
  /** Detection is on for `host` (and on at all). */
  on: boolean;
  /** The name muted last, which the popup offers to unmute. */
  lastMuted: MutedName | null;
}

async function pageHost(tabId: number | undefined): Promise<string | null> {
  const id = await findPageTab(tabId);
  if (id === null) return null;
  const url = (await browser.tabs.get(id)).url ?? '';
  return /^https?:/i.test(url) ? new URL(url).hostname : null;
}

/** The settings that concern the page under the popup, kept current while the popup is open. */
export function useSiteSettings(tabId?: number): SiteSettings {
  const [host, setHost] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ settings: Settings; disabledOn(host: string): boolean } | null>(null);
  useEffect(() => {
    pageHost(tabId).then(setHost, () => setHost(null));
    let unwatch: (() => void) | undefined;
    let closed = false;
    void loadSettings().then(({ getSettings, watchSettings, isSiteDisabled }) => {
      if (closed) return;
      const show = (settings: Settings) => setLoaded({ settings, disabledOn: (h) => isSiteDisabled(settings, h) });
      getSettings().then(show, () => undefined);
      unwatch = watchSettings(show);
    });
    return () => {
      closed = true;
      unwatch?.();
    };
  }, [tabId]);
  const settings = loaded?.settings ?? null;
  const on = !!loaded && !!host && loaded.settings.enabled && !loaded.disabledOn(host);
  return { host, settings, on, lastMuted: settings?.muted.at(-1) ?? null };
}
