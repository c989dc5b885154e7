import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import type { MessageOf, MessageType, TabMessageOf, TabMessageType } from '../messages';
import { formatPath } from '../util/path';
import { ANSWERS, ErrorAnswer, TAB_ANSWERS, type AnswerOf, type TabAnswerOf } from './answers';

/**
 * Typed senders: the request is checked by the compiler and the answer by its schema, so a caller
 * gets exactly the answer type or a MessageError saying why not. Whatever arrives over messaging
 * is input, even from the extension's own background.
 */

export type MessageErrorCode = 'forbidden' | 'internal' | 'no-answer' | 'malformed';

export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    readonly code: MessageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Checks an answer to a request of `type` against `schema`; throws MessageError when it does not fit. */
export function checkAnswer<A>(type: string, schema: z.ZodMiniType<A>, answer: unknown): A {
  const parsed = z.safeParse(schema, answer);
  if (parsed.success) return parsed.data;
  const refused = z.safeParse(ErrorAnswer, answer);
  if (refused.success) throw new MessageError(refused.data.error.code, `"${type}": ${refused.data.error.message}`);
  if (answer === undefined) throw new MessageError('no-answer', `"${type}" got no answer`);
  const issue = parsed.error.issues[0];
  throw new MessageError('malformed', `"${type}" got a malformed answer at "${formatPath(issue?.path ?? [])}": ${issue?.message}`);
}

/** Sends a request to the background and returns its checked answer. */
export async function sendMessage<T extends MessageType>(message: MessageOf<T>): Promise<AnswerOf<T>> {
  const type: T = message.type;
  return checkAnswer(type, ANSWERS[type], await browser.runtime.sendMessage(message));
}

/** Sends a request to the content script of a tab and returns its checked answer. */
export async function sendToTab<T extends TabMessageType>(tabId: number, message: TabMessageOf<T>): Promise<TabAnswerOf<T>> {
  const type: T = message.type;
  return checkAnswer(type, TAB_ANSWERS[type], await browser.tabs.sendMessage(tabId, message));
}
