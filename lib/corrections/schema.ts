import * as z from 'zod/mini';
import { MAX_ID, MAX_NAME } from '../dataset/limits';

/**
 * The user's corrections to the knowledge, as a schema checked wherever one arrives (a message,
 * the store, a backup). Each names the company it was made on by id, and keeps the names the user
 * saw, so the list of corrections reads well even when a later dataset no longer has the company.
 * The light form of zod because lib/messages.ts, which content scripts load, refers to it.
 */

const Id = z.string().check(z.minLength(1), z.maxLength(MAX_ID));
const Name = z.string().check(z.maxLength(MAX_NAME));
/** A name the user types: something visible, within the length any alias may have. */
const TypedName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

export const Correction = z.discriminatedUnion('kind', [
  /** Shows the company under another name; the old name stays an alias, so pages still mark it. */
  z.strictObject({ kind: z.literal('rename'), companyId: Id, companyName: Name, name: TypedName }),
  /** One organisation, not two: `companyId`'s names, mentions and facts go to `intoId`. */
  z.strictObject({ kind: z.literal('merge'), companyId: Id, companyName: Name, intoId: Id, intoName: Name }),
  /** A name of the company that is really another organisation, which gets an entity of its own. */
  z.strictObject({ kind: z.literal('split'), companyId: Id, companyName: Name, alias: TypedName }),
  /** Another name of the company, recognised in articles and on pages from now on. */
  z.strictObject({ kind: z.literal('alias'), companyId: Id, companyName: Name, alias: TypedName }),
  /** The name is not an organisation: no entity, no marks, no facts. */
  z.strictObject({ kind: z.literal('not-organisation'), companyId: Id, companyName: Name }),
]);
export type Correction = z.infer<typeof Correction>;
export type CorrectionKind = Correction['kind'];

/** A stored correction: its place in the order they are applied in, and when it was made. */
export type StoredCorrection = Correction & { id: number; createdAt: number };

export const MAX_CORRECTIONS = 10_000;
