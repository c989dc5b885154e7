import * as z from 'zod/mini';
import type { CardData } from '../cards/types';
import type { PageMentionsReport } from '../detect/session';
import type { WireLexicon } from '../detect/wire';
import type { MessageType, TabMessageType } from '../messages';
import { MAX_ID, MAX_NAME } from '../dataset/limits';
import { ORG_KINDS } from '../registry/kinds';
import { sanitizeSettings, type Settings } from '../settings/values';
import type { DatasetStatus } from '../store/read';
import { SYNC_ERROR_CODES, type SyncErrorInfo } from '../sync/errors';
import { SYNC_STAGES, type ProgressEvent, type SyncResult } from '../sync/protocol';
import type { ImportReport } from '../library/import';
import type { ReadablePage } from '../library/readable';

/**
 * The answer to every request, as a schema the sender checks it with (lib/protocol/send.ts).
 * Each schema is annotated with the type the rest of the code uses, so the compiler keeps the
 * two in step, and handlers must return what the schema describes (lib/protocol/receive.ts).
 */

const Count = z.int().check(z.minimum(0));
const Link = z.object({ id: z.string(), name: z.string() });
const Ok = z.object({ ok: z.boolean() });
const Source = z.object({ articleId: z.string(), title: z.string(), sentence: z.string() });

export const SettingsAnswer: z.ZodMiniType<Settings> = z.pipe(z.unknown(), z.transform(sanitizeSettings));

export const CardAnswer: z.ZodMiniType<CardData> = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  description: z.string(),
  /** The sentence a description read from text came from; without it the description is curated. */
  descriptionSource: z.optional(Source),
  parent: z.optional(Link),
  headquarters: z.optional(z.string()),
  founded: z.optional(z.number()),
  domain: z.optional(z.string()),
  facts: z.array(z.object({ key: z.string(), label: z.string(), text: z.string(), source: z.nullable(Source) })),
  mention: z.optional(z.object({ articleId: z.string(), title: z.string(), sentence: z.string(), date: z.optional(z.string()) })),
  links: z.array(z.object({ key: z.string(), id: z.string(), name: z.string(), label: z.string(), source: z.nullable(Source) })),
  related: z.array(z.object({ id: z.string(), name: z.string(), weight: z.number() })),
  people: z.array(z.object({ name: z.string(), role: z.string() })),
  articleCount: Count,
  mentionCount: Count,
});

const Status: z.ZodMiniType<DatasetStatus> = z.object({
  companies: Count,
  articles: Count,
  facts: Count,
  people: Count,
  source: z.string(),
  syncedAt: z.nullable(z.number()),
  version: z.string(),
});

const ErrorInfo: z.ZodMiniType<SyncErrorInfo> = z.object({ code: z.enum(SYNC_ERROR_CODES), message: z.string(), detail: z.optional(z.string()) });

const Names = z.array(z.string());
const ReportAnswer: z.ZodMiniType<ImportReport> = z.object({
  files: z.array(z.object({ name: z.string(), articles: Count, skipped: Count, known: Names, discovered: Names, facts: Count, notes: Names })),
  refused: z.array(z.object({ name: z.string(), reason: z.string() })),
});

const SyncResultAnswer: z.ZodMiniType<SyncResult> = z.union([
  z.object({ ok: z.literal(true), outcome: z.enum(['ok', 'unchanged']), status: Status, report: z.optional(ReportAnswer) }),
  z.object({ ok: z.literal(false), error: ErrorInfo, status: Status }),
]);

/** What the background posts on the sync progress port (SYNC_PROGRESS_PORT). */
export const ProgressPost: z.ZodMiniType<ProgressEvent> = z.union([
  z.object({ kind: z.literal('progress'), source: z.string(), stage: z.enum(SYNC_STAGES), done: z.number(), total: z.number(), startedAt: z.number() }),
  z.object({ kind: z.literal('finished'), result: SyncResultAnswer }),
  z.object({ kind: z.literal('idle') }),
]);

/**
 * The lexicon's tables are checked where they are decoded (`decodeLexicon`, then
 * `LexiconCore.fromPayload`), which knows their types and sizes; a schema here would walk
 * megabytes of typed arrays a second time on every page load.
 */
const Wire = z.custom<WireLexicon>((value) => typeof value === 'object' && value !== null);

export const LexiconAnswer = z.nullable(
  z.union([
    z.object({ version: z.string(), payload: Wire, settings: z.optional(SettingsAnswer) }),
    z.object({ version: z.string(), off: z.literal(true) }),
    z.object({ version: z.string(), unchanged: z.literal(true) }),
  ]),
);

/** A page's article in reader mode (lib/library/readable.ts). */
const PageAnswer: z.ZodMiniType<ReadablePage> = z.object({
  title: z.string(),
  text: z.string(),
  url: z.optional(z.string()),
  siteName: z.optional(z.string()),
  byline: z.optional(z.string()),
  published: z.optional(z.string()),
});

export const MentionsAnswer: z.ZodMiniType<PageMentionsReport> = z.object({
  url: z.string(),
  mentions: z.array(z.object({ companyId: text(MAX_ID), name: text(MAX_NAME), count: Count })).check(z.maxLength(10_000)),
  scan: z.object({ chars: Count, ms: z.number(), startedAt: z.nullable(z.number()) }),
});

function text(max: number) {
  return z.string().check(z.maxLength(max));
}

const ANSWER_SCHEMAS = {
  ping: z.object({ pong: z.literal(true) }),
  'company.card': z.nullable(CardAnswer),
  'company.open': Ok,
  'matcher.get': LexiconAnswer,
  'matcher.ids': z.object({ version: z.string(), ids: z.nullable(z.union([z.string(), z.array(z.string())])) }),
  'matcher.resolve': z.object({ version: z.string(), companies: z.nullable(z.array(z.nullable(Link))) }),
  'dataset.status': Status,
  'dataset.sync': SyncResultAnswer,
  'dataset.cancel': Ok,
  'library.remove': SyncResultAnswer,
  'library.addPage': SyncResultAnswer,
  'corrections.add': SyncResultAnswer,
  'corrections.undo': SyncResultAnswer,
  'corrections.restore': SyncResultAnswer,
  'schedule.get': z.nullable(z.object({ url: z.string(), everyHours: z.number() })),
  'schedule.set': z.object({ ok: z.literal(true) }),
  'settings.get': SettingsAnswer,
  'settings.mute': SettingsAnswer,
  'settings.site': SettingsAnswer,
  'settings.set': SettingsAnswer,
  'page.report': Ok,
} satisfies { [K in MessageType]: z.core.$ZodType };

const TAB_ANSWER_SCHEMAS = {
  ping: z.object({ pong: z.literal('content') }),
  'page.mentions': MentionsAnswer,
  'card.openAtSelection': z.object({ ok: z.boolean(), companyId: z.nullable(z.string()) }),
  /** The step also says which name it moved to, as written on the page. */
  'card.step': z.object({ ok: z.boolean(), companyId: z.nullable(z.string()), text: z.nullable(z.string()) }),
  'dataset.changed': z.undefined(),
  'page.read': z.nullable(PageAnswer),
} satisfies { [K in TabMessageType]: z.core.$ZodType };

type Answers = { [K in MessageType]: z.output<(typeof ANSWER_SCHEMAS)[K]> };
type TabAnswers = { [K in TabMessageType]: z.output<(typeof TAB_ANSWER_SCHEMAS)[K]> };
export type AnswerOf<T extends MessageType> = Answers[T];
export type TabAnswerOf<T extends TabMessageType> = TabAnswers[T];

/** The maps as the senders index them: by a request type, a schema of exactly its answer. */
export const ANSWERS: { [K in MessageType]: z.ZodMiniType<Answers[K]> } = ANSWER_SCHEMAS;
export const TAB_ANSWERS: { [K in TabMessageType]: z.ZodMiniType<TabAnswers[K]> } = TAB_ANSWER_SCHEMAS;

/** What the background answers instead when it refuses a request or its handler fails. */
export const ErrorAnswer = z.object({ ok: z.literal(false), error: z.object({ code: z.enum(['forbidden', 'internal']), message: z.string() }) });
export type ErrorAnswer = z.output<typeof ErrorAnswer>;
