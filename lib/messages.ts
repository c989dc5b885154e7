import { z } from 'zod';

/**
 * Every message between the parts of the extension, as one discriminated union. Each receiving
 * end parses what it gets with `parseMessage`; anything that does not parse is dropped with a
 * warning. Payload types are inferred from here, never written by hand elsewhere.
 */

const Url = z.string().max(4_000);

export const SyncSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundled') }),
  z.strictObject({
    kind: z.literal('url'),
    url: Url,
    /** Time limit for the download; the background's default (30 s) when absent. */
    timeoutMs: z.number().int().min(1_000).max(300_000).optional(),
  }),
  z.strictObject({
    kind: z.literal('files'),
    files: z
      .array(z.strictObject({ name: z.string().max(500), text: z.string() }))
      .min(1)
      .max(1_000),
  }),
]);
export type SyncSource = z.infer<typeof SyncSource>;

export const Message = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  z.strictObject({ type: z.literal('company.card'), id: z.string().max(200) }),
  z.strictObject({ type: z.literal('company.open'), id: z.string().max(200) }),
  z.strictObject({ type: z.literal('matcher.get'), haveVersion: z.string().max(200).optional() }),
  /** The company ids of one lexicon version, sent after its tables (lib/detect/wire.ts). */
  z.strictObject({ type: z.literal('matcher.ids'), version: z.string().max(200) }),
  /** Resolves matcher entry values (alias indexes) of one matcher version to companies. */
  z.strictObject({
    type: z.literal('matcher.resolve'),
    version: z.string().max(200),
    values: z.array(z.number().int().nonnegative()).max(100_000),
  }),
  z.strictObject({ type: z.literal('dataset.status') }),
  z.strictObject({ type: z.literal('dataset.sync'), source: SyncSource }),
  z.strictObject({ type: z.literal('dataset.cancel') }),
  z.strictObject({ type: z.literal('schedule.get') }),
  /** The periodic URL sync; the background checks the address and the period before storing them. */
  z.strictObject({ type: z.literal('schedule.set'), schedule: z.strictObject({ url: Url, everyHours: z.number() }).nullable() }),
  z.strictObject({ type: z.literal('settings.get') }),
  z.strictObject({ type: z.literal('settings.mute'), id: z.string().min(1).max(200), name: z.string().max(300), muted: z.boolean() }),
  z.strictObject({ type: z.literal('settings.site'), host: z.string().max(300), disabled: z.boolean() }),
  z.strictObject({
    type: z.literal('settings.set'),
    values: z.strictObject({
      enabled: z.boolean().optional(),
      dwellMs: z.number().optional(),
      markStyle: z.enum(['underline', 'background', 'none']).optional(),
      disabledSites: z.array(z.string().max(300)).max(5_000).optional(),
      muted: z.array(z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(300) })).max(5_000).optional(),
    }),
  }),
  z.strictObject({ type: z.literal('page.report'), count: z.number().int().nonnegative().max(1_000_000) }),
  z.strictObject({ type: z.literal('page.mentions') }),
  z.strictObject({ type: z.literal('card.openAtSelection') }),
  /** Background → content scripts after a sync switched datasets: fetch the new lexicon, rescan. */
  z.strictObject({ type: z.literal('dataset.changed'), version: z.string().max(200) }),
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/**
 * Messages that change state or reveal more than a card. They are refused when they come from a
 * content script (`sender.tab` set), because a hostile page could drive a compromised content
 * script to send them.
 */
export const PRIVILEGED: ReadonlySet<MessageType> = new Set(['dataset.sync', 'dataset.cancel', 'schedule.get', 'schedule.set', 'settings.set']);

export function parseMessage(raw: unknown): Message | null {
  const parsed = Message.safeParse(raw);
  if (!parsed.success) {
    console.warn('[company-lens] dropped a malformed message', parsed.error.issues[0]?.message);
    return null;
  }
  return parsed.data;
}

/** Port name on which the background reports sync progress to extension pages. */
export const SYNC_PROGRESS_PORT = 'sync.progress';
