import { browser } from 'wxt/browser';
import { sanitizeSettings, type Settings } from '../settings/values';
import { requestLexicon, takeEarlyRequest } from './early-request';
import { LexiconCore as Lexicon } from './lexicon-core';
import { decodeIds, decodeLexicon, type WireLexicon } from './wire';

/** A content script's side of the lexicon messages (`matcher.get`, `matcher.ids`, `matcher.resolve`). */

const send = (message: unknown) => browser.runtime.sendMessage(message);

/**
 * A lexicon, with the settings the background read when it sent it; null while the knowledge
 * base is still empty; 'off' where detection is off for this site.
 */
export type LoadedLexicon = { lexicon: Lexicon; version: string; settings?: Settings } | null | 'off';

/** The lexicon from the background: the answer to the early request when there is one. */
export async function loadLexicon(): Promise<LoadedLexicon> {
  const pending = takeEarlyRequest()?.catch(() => requestLexicon()) ?? requestLexicon();
  const answer = (await pending) as { version: string; payload?: WireLexicon; off?: boolean; settings?: unknown } | null;
  if (answer?.off) return 'off';
  if (!answer?.payload) return null;
  const settings = answer.settings === undefined ? undefined : sanitizeSettings(answer.settings);
  return { lexicon: Lexicon.fromPayload(decodeLexicon(answer.payload)), version: answer.version, settings };
}

/**
 * Company ids follow the lexicon's tables in a message of their own (lib/detect/wire.ts), asked
 * for as soon as the tables are here, so the first scan does not wait for them. No answer means
 * the dataset changed meanwhile: the background's `dataset.changed` then replaces this app.
 */
export async function loadIds(lexicon: Lexicon, version: string): Promise<void> {
  if (lexicon.hasIds) return;
  const answer = (await askWithRetry({ type: 'matcher.ids', version })) as { ids?: unknown } | null;
  // A malformed answer throws here and is not asked again: it would not get better.
  if (answer?.ids !== null) lexicon.provideIds(decodeIds(answer?.ids));
}

/** Sends a message, again when the worker was restarting (its port closed), up to three times. */
async function askWithRetry(message: unknown, attempts = 3): Promise<unknown> {
  try {
    return await send(message);
  } catch (error) {
    if (attempts <= 1 || !/receiving end|message port closed/i.test((error as Error)?.message ?? '')) throw error;
    return askWithRetry(message, attempts - 1);
  }
}

/** The names of the companies at these lexicon entries (for page.mentions reports), or null. */
export async function resolveNames(version: string, entries: number[]): Promise<(string | null)[] | null> {
  const answer = (await send({ type: 'matcher.resolve', version, values: entries })) as { companies: ({ id: string; name: string } | null)[] | null } | null;
  return answer?.companies?.map((c) => c?.name ?? null) ?? null;
}
