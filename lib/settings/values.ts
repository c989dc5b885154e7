import * as z from 'zod/mini';
import { MAX_ID, MAX_NAME } from '../dataset/limits';

export { MAX_ID, MAX_NAME };

/**
 * The settings' shape, defaults, repair and changes, with no storage code: the content script
 * imports this part only. The schema is zod's light form (`zod/mini`) because it ships in the
 * content script, whose budget is 30 KB.
 */

export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

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

/** A list whose bad entries become null (and are dropped after), so one bad entry loses no other. */
const listOf = <T extends z.core.SomeType>(entry: T) => z.catch(z.array(z.catch(z.nullable(entry), null)), []);

const MutedEntry = z.object({ id: z.string().check(z.minLength(1)), name: z.string() });

/**
 * What is stored, repaired field by field: a bad field (written by hand, by an old build, or by a
 * page through `storage.local`) falls back to its default without losing the others.
 */
const StoredSettings = z.catch(
  z.object({
    enabled: z.catch(z.boolean(), DEFAULT_SETTINGS.enabled),
    disabledSites: listOf(z.string()),
    dwellMs: z.catch(z.number(), DEFAULT_SETTINGS.dwellMs),
    markStyle: z.catch(z.enum(MARK_STYLES), DEFAULT_SETTINGS.markStyle),
    muted: listOf(MutedEntry),
  }),
  { ...DEFAULT_SETTINGS },
);

const present = <T>(value: T | null): value is T => value !== null;

/** Repairs anything read from storage or received in a message into a valid Settings value. */
export function sanitizeSettings(raw: unknown): Settings {
  const s = StoredSettings.parse(raw);
  const sites = s.disabledSites.filter(present).map(normaliseHost).filter(present);
  const muted = s.muted.filter(present).map((m) => ({ id: m.id.slice(0, MAX_ID), name: m.name.slice(0, MAX_NAME) }));
  return {
    enabled: s.enabled,
    disabledSites: [...new Set(sites)].slice(0, MAX_LIST),
    dwellMs: Math.min(DWELL_MAX_MS, Math.max(DWELL_MIN_MS, Math.round(s.dwellMs))),
    markStyle: s.markStyle,
    muted: muted.filter((m, i) => muted.findIndex((o) => o.id === m.id) === i).slice(0, MAX_LIST),
  };
}

/**
 * One change to the settings. Changes, not whole values, travel to the background, which applies
 * them one at a time to the stored value: two tabs muting names at once both keep their mute.
 */
export type SettingsChange =
  | { kind: 'mute'; name: MutedName; muted: boolean }
  | { kind: 'site'; host: string; disabled: boolean }
  | { kind: 'set'; values: Partial<Settings> };

/** The settings after `change`; throws (naming the input) for a host that is not a host name. */
export function applyChange(current: Settings, change: SettingsChange): Settings {
  if (change.kind === 'set') return sanitizeSettings({ ...current, ...change.values });
  if (change.kind === 'mute') {
    const others = current.muted.filter((m) => m.id !== change.name.id);
    return sanitizeSettings({ ...current, muted: change.muted ? [...others, change.name] : others });
  }
  const host = normaliseHost(change.host);
  if (!host) throw new Error(`"${change.host}" is not a host name`);
  const others = current.disabledSites.filter((site) => site !== host);
  return sanitizeSettings({ ...current, disabledSites: change.disabled ? [...others, host] : others });
}

/** True when `host` or one of its parent domains is in the disabled list. */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  const h = normaliseHost(host);
  if (!h) return false;
  return settings.disabledSites.some((site) => h === site || h.endsWith(`.${site}`));
}
