import { browser } from 'wxt/browser';

/**
 * The lexicon request, sent as early as a page allows. The content script runs at document_idle,
 * after the page is parsed; a second, tiny content script (entrypoints/early.content.ts) runs at
 * document_start and sends the request then, so the megabytes of lexicon are already on their way
 * (or here) when the content script starts. Content scripts of one extension share their
 * isolated world in a frame, so the pending answer is handed over on its global object, under a
 * key the page cannot see.
 */

const KEY = Symbol.for('company-lens:lexicon-request');
type Holder = { [KEY]?: Promise<unknown> };

export const requestLexicon = (): Promise<unknown> => browser.runtime.sendMessage({ type: 'matcher.get' });

export function sendEarlyRequest(): void {
  // A failure (the worker restarting) is seen by the content script, which then asks again.
  const request = requestLexicon();
  request.catch(() => undefined);
  (globalThis as Holder)[KEY] = request;
}

/** The early request's answer, once; later loads (a new dataset) ask again. */
export function takeEarlyRequest(): Promise<unknown> | undefined {
  const holder = globalThis as Holder;
  const request = holder[KEY];
  delete holder[KEY];
  return request;
}
