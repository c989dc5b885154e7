/**
 * The lexicon request, sent as early as a page allows. The content script runs at document_idle,
 * after the page is parsed; a second, tiny content script (public/early-request.js, declared in
 * wxt.config.ts) runs at document_start and sends the request then, so the megabytes of lexicon
 * are already on their way (or here) when the content script starts. Content scripts of one
 * extension share their isolated world in a frame, so the pending answer is handed over on its
 * global object, under a key the page cannot see. That script is six lines of plain JavaScript
 * rather than a WXT entrypoint because every page loads it and WXT's wrapper would double its
 * size within the content scripts' 30 KB budget; early-request.test.ts keeps the two in step.
 */

export const EARLY_REQUEST_KEY = 'company-lens:lexicon-request';
const KEY = Symbol.for(EARLY_REQUEST_KEY);
type Holder = { [KEY]?: Promise<unknown> };

/** The message both scripts send; a failure of the early one (the worker restarting) is retried by the content script. */
export const LEXICON_REQUEST = { type: 'matcher.get' } as const;

/**
 * The early request's answer, once; later loads (a new dataset) ask again. It is unchecked here:
 * plain JavaScript sent it, so the caller checks it as the answer to `matcher.get`.
 */
export function takeEarlyRequest(): Promise<unknown> | undefined {
  const holder = globalThis as Holder;
  const request = holder[KEY];
  delete holder[KEY];
  return request;
}
