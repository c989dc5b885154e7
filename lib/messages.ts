import * as z from 'zod/mini';
import { MAX_ID, MAX_NAME } from './dataset/limits';
import { MARK_STYLES, MAX_LIST } from './settings/values';
import { SYNC_ERROR_CODES } from './sync/errors';
import { Correction, MAX_CORRECTIONS } from './corrections/schema';

/**
 * Every request between the parts of the extension, as two discriminated unions: `Message` for
 * the background and `TabMessage` for content scripts. Each receiving end parses what it gets
 * (lib/protocol/receive.ts); anything that does not parse is dropped with a warning. The answers
 * are in lib/protocol/answers.ts and senders use lib/protocol/send.ts, so request and answer
 * types are inferred from these schemas, never written by hand elsewhere. The schemas use zod's
 * light form because content scripts carry them within a 30 KB budget.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const Id = text(MAX_ID);
const Version = text(200);
const Url = text(4_000);
const Line = text(2_000);

/** What a saved page or .html file says about itself (lib/library/readable.ts). */
export const PageMeta = z.strictObject({
  title: text(2_000),
  url: z.optional(Url),
  siteName: z.optional(Line),
  byline: z.optional(Line),
  published: z.optional(text(100)),
});

/** A file read on an extension page (lib/library/files.ts): decoded text, never bytes. */
export const ImportFile = z.strictObject({
  name: text(500),
  text: z.string(),
  notes: z.optional(z.array(Line).check(z.maxLength(10))),
  page: z.optional(PageMeta),
});
export type ImportFile = z.infer<typeof ImportFile>;

const msg = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) => z.strictObject({ type: z.literal(type), ...shape });

export const SyncSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bundled') }),
  z.strictObject({
    kind: z.literal('url'),
    url: Url,
    /** Time limit for the download; the background's default (30 s) when absent. */
    timeoutMs: z.optional(z.int().check(z.minimum(1_000), z.maximum(300_000))),
  }),
  z.strictObject({
    kind: z.literal('files'),
    files: z.array(ImportFile).check(z.maxLength(5_000)),
    /** Files the page could not read, named in the import report beside the others. */
    refused: z.optional(z.array(z.strictObject({ name: text(1_000), reason: Line, code: z.optional(z.enum(SYNC_ERROR_CODES)) })).check(z.maxLength(5_000))),
  }),
]);
export type SyncSource = z.infer<typeof SyncSource>;

const MutedName = z.strictObject({ id: Id.check(z.minLength(1)), name: text(MAX_NAME) });

export const Message = z.discriminatedUnion('type', [
  msg('ping', {}),
  msg('company.card', { id: Id }),
  /** Opens a company's profile; `section` scrolls to a part of it (the card's "Correct…"). */
  msg('company.open', { id: Id, section: z.optional(z.literal('corrections')) }),
  msg('matcher.get', { haveVersion: z.optional(Version) }),
  /** The company ids of one lexicon version, sent after its tables (lib/detect/wire.ts). */
  msg('matcher.ids', { version: Version }),
  /** Resolves matcher entry values (alias indexes) of one matcher version to companies. */
  msg('matcher.resolve', { version: Version, values: z.array(z.int().check(z.minimum(0))).check(z.maxLength(100_000)) }),
  msg('dataset.status', {}),
  msg('dataset.sync', { source: SyncSource }),
  msg('dataset.cancel', {}),
  /** Removes articles from the user's library; the knowledge is rebuilt without them. */
  msg('library.remove', { ids: z.array(Id).check(z.minLength(1), z.maxLength(100_000)) }),
  /** Saves the article of a tab to the library (reader mode), from an extension page only. */
  msg('library.addPage', { tabId: z.int().check(z.minimum(0)) }),
  /** A correction to the knowledge (lib/corrections): the dataset is rebuilt with it. */
  msg('corrections.add', { correction: Correction }),
  /** Undoes stored corrections, by their ids: the dataset is rebuilt without them. */
  msg('corrections.undo', { ids: z.array(z.int().check(z.minimum(1))).check(z.minLength(1), z.maxLength(10_000)) }),
  /** Replaces every stored correction with a backup's, in one rebuild. */
  msg('corrections.restore', { corrections: z.array(Correction).check(z.maxLength(MAX_CORRECTIONS)) }),
  msg('schedule.get', {}),
  /** The periodic URL sync; the background checks the address and the period before storing them. */
  msg('schedule.set', { schedule: z.nullable(z.strictObject({ url: Url, everyHours: z.number() })) }),
  msg('settings.get', {}),
  msg('settings.mute', { id: MutedName.shape.id, name: MutedName.shape.name, muted: z.boolean() }),
  msg('settings.site', { host: text(300), disabled: z.boolean() }),
  msg('settings.set', {
    values: z.strictObject({
      enabled: z.optional(z.boolean()),
      dwellMs: z.optional(z.number()),
      markStyle: z.optional(z.enum(MARK_STYLES)),
      disabledSites: z.optional(z.array(text(300)).check(z.maxLength(MAX_LIST))),
      muted: z.optional(z.array(MutedName).check(z.maxLength(MAX_LIST))),
    }),
  }),
  msg('page.report', { count: z.int().check(z.minimum(0), z.maximum(1_000_000)) }),
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Requests the background and the popup send to a tab's content script. */
export const TabMessage = z.discriminatedUnion('type', [
  msg('ping', {}),
  msg('page.mentions', {}),
  msg('card.openAtSelection', {}),
  /** Reads the tab's article in reader mode, when the user asked to add the page (lib/background/add-page.ts). */
  msg('page.read', {}),
  /** The next (1) or previous (-1) company name on the page, with its card (a keyboard command). */
  msg('card.step', { direction: z.union([z.literal(1), z.literal(-1)]) }),
  /** After a sync switched datasets: fetch the new lexicon, scan again. */
  msg('dataset.changed', { version: Version }),
]);
export type TabMessage = z.infer<typeof TabMessage>;
export type TabMessageType = TabMessage['type'];
export type TabMessageOf<T extends TabMessageType> = Extract<TabMessage, { type: T }>;

/**
 * Messages that change privileged state, or read it. They are refused when they come from a
 * content script, because a hostile page could drive a compromised content script to send them
 * (the router decides by the sender's origin). `settings.mute` and `settings.site` are not here:
 * they are the user's choices made in a card (docs/SECURITY.md). Corrections are: they change the
 * knowledge every page sees, so a card offers them through the profile page it opens.
 */
export const PRIVILEGED: ReadonlySet<MessageType> = new Set<MessageType>(['dataset.sync', 'dataset.cancel', 'schedule.get', 'schedule.set', 'settings.set', 'library.remove', 'library.addPage', 'corrections.add', 'corrections.undo', 'corrections.restore']);

