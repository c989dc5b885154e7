/**
 * The settings' shape, defaults and repair, with no storage code: the content script imports
 * this part only, so its bundle leaves WXT's storage module out (it reads and writes the same
 * `local:settings` key directly, see entrypoints/content/settings.ts).
 */

export type MarkStyle = 'underline' | 'background' | 'none';

export interface MutedName {
  id: string;
  name: string;
}

export interface Settings {
  enabled: boolean;
  /** Host names (`example.com`, `news.example.com`) where detection is off. */
  disabledSites: string[];
  /** How long the pointer must rest on a name before the card opens, in milliseconds. */
  dwellMs: number;
  markStyle: MarkStyle;
  /** Companies the user asked not to mark or show, with the name to list them by in options. */
  muted: MutedName[];
}

export const DWELL_MIN_MS = 0;
export const DWELL_MAX_MS = 3_000;
export const MAX_LIST = 5_000;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  disabledSites: [],
  dwellMs: 300,
  markStyle: 'underline',
  muted: [],
}) as Settings;

const MARK_STYLES: readonly MarkStyle[] = ['underline', 'background', 'none'];

/** Lower-cased host without a leading `www.`, or null for anything that is not a host name. */
export function normaliseHost(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return /^[a-z0-9.-]{1,253}$/.test(host) && !host.startsWith('.') ? host : null;
}

/**
 * Repairs anything read from storage into a valid Settings value, field by field, so one bad
 * field (written by hand, by an old build, or by a sync tool) never loses the others.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const dwell = typeof r.dwellMs === 'number' && Number.isFinite(r.dwellMs) ? Math.round(r.dwellMs) : DEFAULT_SETTINGS.dwellMs;
  const sites = Array.isArray(r.disabledSites) ? r.disabledSites : [];
  const muted = Array.isArray(r.muted) ? r.muted : [];
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: [...new Set(sites.map((s) => (typeof s === 'string' ? normaliseHost(s) : null)).filter((s): s is string => s !== null))].slice(0, MAX_LIST),
    dwellMs: Math.min(DWELL_MAX_MS, Math.max(DWELL_MIN_MS, dwell)),
    markStyle: MARK_STYLES.includes(r.markStyle as MarkStyle) ? (r.markStyle as MarkStyle) : DEFAULT_SETTINGS.markStyle,
    muted: muted
      .filter((m): m is MutedName => !!m && typeof m === 'object' && typeof m.id === 'string' && typeof m.name === 'string')
      .filter((m, i, all) => m.id.length > 0 && all.findIndex((o) => o.id === m.id) === i)
      .map((m) => ({ id: m.id.slice(0, 200), name: m.name.slice(0, 300) }))
      .slice(0, MAX_LIST),
  };
}

/** True when `host` or one of its parent domains is in the disabled list. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = normaliseHost(host);
  if (!h) return false;
  return settings.disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}
