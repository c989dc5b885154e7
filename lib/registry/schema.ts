import { z } from 'zod';
import { ORG_KINDS } from './kinds';

export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;

/**
 * An alias is either a plain string or an object carrying its detection rule.
 *
 * Ordinary-word aliases (Ant, Visa, Apple, Signal, ...) are `ambiguous`: they count only when the
 * same text also names the company unambiguously, or when one of the `context` words appears in
 * the same block of text. Ambiguous aliases are matched case-sensitively unless told otherwise,
 * so "apple pie" never matches "Apple".
 */
export const AliasObject = z.strictObject({
  text: z.string().trim().min(1).max(200),
  caseSensitive: z.boolean().optional(),
  ambiguous: z.boolean().optional(),
  context: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});
export const Alias = z.union([z.string().trim().min(1).max(200), AliasObject]);
export type Alias = z.infer<typeof Alias>;
export type AliasObject = z.infer<typeof AliasObject>;

export const RegistryEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  name: z.string().trim().min(1).max(200),
  aliases: z.array(Alias).max(100).default([]),
  kind: OrgKind,
  parent: z.string().optional(),
  headquarters: z.string().max(200).optional(),
  founded: z.number().int().min(1600).max(2100).optional(),
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a bare domain such as example.com').optional(),
  tickers: z.array(z.string().min(1).max(30)).optional(),
  description: z.string().trim().min(1).max(400),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const Registry = z.strictObject({
  $schema: z.string().optional(),
  companies: z.array(RegistryEntry),
  /**
   * `#tag` slugs in the corpus that look like organisations but are deliberately not in the
   * registry (topics, places, people, events), each with the reason.
   */
  excludedTags: z.record(z.string(), z.string()).default({}),
});
export type Registry = z.infer<typeof Registry>;

/** Normalises an alias to its object form. */
export function aliasObject(alias: Alias): AliasObject {
  return typeof alias === 'string' ? { text: alias } : alias;
}
