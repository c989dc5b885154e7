import * as z from 'zod/mini';
import type { Message, MessageOf, MessageType, TabMessage, TabMessageOf, TabMessageType } from '../messages';
import type { AnswerOf, TabAnswerOf } from './answers';

/**
 * The receiving side of the protocol: requests are parsed before any handler sees them, and
 * handlers are typed by the answer their request expects.
 */

export type Handlers<Sender> = { [K in MessageType]?: (message: MessageOf<K>, sender: Sender) => AnswerOf<K> | Promise<AnswerOf<K>> };
export type TabHandlers = { [K in TabMessageType]?: (message: TabMessageOf<K>) => TabAnswerOf<K> | Promise<TabAnswerOf<K>> };

/** Parses a request; logs and returns null for anything that does not fit the schema. */
export function parseRequest<S extends z.core.$ZodType>(schema: S, raw: unknown): z.output<S> | null {
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return parsed.data;
  console.warn('[company-lens] dropped a malformed message', parsed.error.issues[0]?.message);
  return null;
}

/** Calls the handler for `message`, if there is one (undefined otherwise). */
export function dispatch<K extends MessageType, Sender>(handlers: Handlers<Sender>, type: K, message: MessageOf<K>, sender: Sender): Promise<AnswerOf<K>> | undefined {
  const handler = handlers[type];
  return handler && Promise.resolve().then(() => handler(message, sender));
}

export function dispatchTab<K extends TabMessageType>(handlers: TabHandlers, type: K, message: TabMessageOf<K>): Promise<TabAnswerOf<K>> | undefined {
  const handler = handlers[type];
  return handler && Promise.resolve().then(() => handler(message));
}

export type { Message, TabMessage };
