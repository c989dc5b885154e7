import { browser, type Browser } from 'wxt/browser';
import { Message, PRIVILEGED } from '../messages';
import type { ErrorAnswer } from '../protocol/answers';
import { dispatch, parseRequest, type Handlers } from '../protocol/receive';

type Sender = Browser.runtime.MessageSender;

const handlers: Handlers<Sender> = {};

/** Each background concern registers the messages it answers; a type answered twice is a bug. */
export function registerHandlers(more: Handlers<Sender>): void {
  for (const type of Object.keys(more)) {
    if (type in handlers) throw new Error(`Two handlers for message "${type}"`);
  }
  Object.assign(handlers, more);
}

/**
 * The extension's origin as senders report it ("chrome-extension://<id>"). Not computed with
 * `new URL(...).origin`: for a non-special scheme such as moz-extension:// that can be the opaque
 * "null", which would match sandboxed web pages.
 */
export function extensionOrigin(): string {
  return browser.runtime.getURL('/').replace(/\/$/, '');
}

/**
 * True for the extension's own pages (popup, options, profile), false for content scripts.
 * Extension pages opened in a tab also carry `sender.tab`, so the origin decides, not the tab.
 */
export function isExtensionPage(sender: Sender, extensionOrigin: string): boolean {
  // An opaque origin ("null") is what sandboxed pages, data: URLs and about:blank frames have,
  // and what URL parsers without special handling give for extension schemes: it never proves
  // the sender is the extension, so it never matches.
  if (!extensionOrigin || extensionOrigin === 'null') return false;
  if (sender.origin !== undefined) return sender.origin === extensionOrigin;
  // Without sender.origin, compare the URL's prefix rather than parse it: a malformed URL then
  // cannot throw, and no web URL starts with the extension's scheme.
  return typeof sender.url === 'string' && sender.url.startsWith(`${extensionOrigin}/`);
}

/**
 * Parses, authorises and dispatches one runtime message. Returns undefined (no answer) for
 * anything dropped, so the sender sees "no response" rather than a crash.
 */
export function route(raw: unknown, sender: Sender, extensionOrigin: string): Promise<unknown> | undefined {
  const message = parseRequest(Message, raw);
  if (!message) return undefined;
  if (PRIVILEGED.has(message.type) && !isExtensionPage(sender, extensionOrigin)) {
    console.warn(`[company-lens] refused "${message.type}" from a content script`);
    return Promise.resolve(refusal('forbidden', 'Not allowed from a web page'));
  }
  return dispatch(handlers, message.type, message, sender)?.catch((error: unknown) => {
    console.error(`[company-lens] "${message.type}" failed`, error);
    return refusal('internal', error instanceof Error ? error.message : String(error));
  });
}

const refusal = (code: ErrorAnswer['error']['code'], message: string): ErrorAnswer => ({ ok: false, error: { code, message } });
