import { browser, type Browser } from 'wxt/browser';
import { PRIVILEGED, parseMessage, type MessageOf, type MessageType } from '../messages';

type Sender = Browser.runtime.MessageSender;
export type Handler<T extends MessageType> = (message: MessageOf<T>, sender: Sender) => unknown;
export type Handlers = { [K in MessageType]?: Handler<K> };

const handlers: Handlers = {};

/** Each background concern registers the messages it answers; a type answered twice is a bug. */
export function registerHandlers(more: Handlers): void {
  for (const type of Object.keys(more) as MessageType[]) {
    if (handlers[type]) throw new Error(`Two handlers for message "${type}"`);
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
  const message = parseMessage(raw);
  if (!message) return undefined;
  if (PRIVILEGED.has(message.type) && !isExtensionPage(sender, extensionOrigin)) {
    console.warn(`[company-lens] refused "${message.type}" from a content script`);
    return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'Not allowed from a web page' } });
  }
  const handler = handlers[message.type] as Handler<typeof message.type> | undefined;
  if (!handler) return undefined;
  return Promise.resolve()
    .then(() => handler(message as never, sender))
    .catch((error: unknown) => {
      console.error(`[company-lens] "${message.type}" failed`, error);
      return { ok: false, error: { code: 'internal', message: String((error as Error)?.message ?? error) } };
    });
}
