import type { MessageOf, MessageType } from '../messages';
import { ANSWERS, type AnswerOf } from '../protocol/answers';
import { checkAnswer, sendMessage } from '../protocol/send';
import type { Settings } from '../settings/values';
import { LEXICON_REQUEST, takeEarlyRequest } from './early-request';
import { LexiconCore as Lexicon } from './lexicon-core';
import { decodeIds, decodeLexicon } from './wire';

/** A content script's side of the lexicon messages (`matcher.get`, `matcher.ids`, `matcher.resolve`). */

/**
 * A lexicon, with the settings the background read when it sent it; null while the knowledge
 * base is still empty; 'off' where detection is off for this site.
 */
export type LoadedLexicon = { lexicon: Lexicon; version: string; settings?: Settings } | null | 'off';

/** The lexicon from the background: the answer to the early request when there is one. */
export async function loadLexicon(): Promise<LoadedLexicon> {
  const early = takeEarlyRequest()?.then((answer) => checkAnswer(LEXICON_REQUEST.type, ANSWERS[LEXICON_REQUEST.type], answer));
  const answer = await (early?.catch(() => askWithRetry(LEXICON_REQUEST)) ?? askWithRetry(LEXICON_REQUEST));
  if (answer && 'off' in answer) return 'off';
  if (!answer || !('payload' in answer)) return null;
  return { lexicon: Lexicon.fromPayload(decodeLexicon(answer.payload)), version: answer.version, settings: answer.settings };
}

/**
 * Company ids follow the lexicon's tables in a message of their own (lib/detect/wire.ts), asked
 * for as soon as the tables are here, so the first scan does not wait for them. No answer means
 * the dataset changed meanwhile: the background's `dataset.changed` then replaces this app.
 */
export async function loadIds(lexicon: Lexicon, version: string): Promise<void> {
  if (lexicon.hasIds) return;
  // A malformed answer throws here and is not asked again: it would not get better.
  const { ids } = await askWithRetry({ type: 'matcher.ids', version });
  if (ids !== null) lexicon.provideIds(decodeIds(ids));
}

/** Sends a message, again when the worker was restarting (its port closed), up to three times. */
async function askWithRetry<T extends MessageType>(message: MessageOf<T>, attempts = 3): Promise<AnswerOf<T>> {
  try {
    return await sendMessage(message);
  } catch (error) {
    if (attempts <= 1 || !/receiving end|message port closed/i.test((error as Error)?.message ?? '')) throw error;
    return askWithRetry(message, attempts - 1);
  }
}

/** The names of the companies at these lexicon entries (for page.mentions reports), or null. */
export async function resolveNames(version: string, entries: number[]): Promise<(string | null)[] | null> {
  const answer = await sendMessage({ type: 'matcher.resolve', version, values: entries });
  return answer.companies?.map((c) => c?.name ?? null) ?? null;
}
