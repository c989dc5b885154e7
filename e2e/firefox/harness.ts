import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Drives Debian's Firefox ESR over its built-in WebDriver BiDi (no geckodriver, nothing
 * downloaded), with the built extension installed as a temporary add-on. What differs from the
 * Chromium harness, and why, is in ../shared/FIREFOX.md: extension pages are opened by a raw
 * BiDi navigation that does not wait for load events (Firefox sends none for them), and console
 * messages of the extension are read from the browser's console service in the chrome context.
 */

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('Firefox not found: install Debian\'s "firefox-esr" or set FIREFOX_PATH');
  return found;
}

export interface ConsoleEntry {
  message: string;
  source: string;
  error: boolean;
}

export interface FirefoxExtension {
  browser: Browser;
  geckoId: string;
  /** The moz-extension:// origin of the extension pages, fixed before launch. */
  origin: string;
  /** Opens an extension page and waits until its document has loaded. */
  extensionPage(path: string): Promise<Page>;
  /** Opens a web page in a new tab and waits for its load event. */
  webPage(url: string): Promise<Page>;
  /** Sends a runtime message from an extension page, as the popup or options page would. */
  send<T = unknown>(message: unknown): Promise<T>;
  /** Sends a message to the content script of the tab showing `url`. */
  sendToTab<T = unknown>(url: string, message: unknown): Promise<T>;
  /** The warnings Firefox raised reading the manifest (about:debugging shows the same list). */
  manifestWarnings(): Promise<string[]>;
  /** Stops the event page (the MV3 background in Firefox), as Firefox does when it is idle. */
  terminateBackground(): Promise<void>;
  /**
   * Messages logged so far that came from the extension: script errors of its pages, event page
   * and content scripts (from the browser's console service), and console calls its content
   * scripts made in the web pages opened with `webPage` (extension pages' console calls stay in
   * the extension process, out of reach).
   */
  extensionConsole(): Promise<ConsoleEntry[]>;
  close(): Promise<void>;
}

interface BiDiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

const bidi = (browser: Browser) => (browser as unknown as { connection: BiDiConnection }).connection;
/** Puppeteer's id of a page's top browsing context (not part of its typed API). */
const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value that is not undefined; generous by default. */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    // The moz-extension UUID is fixed in advance so that extension pages have a known origin.
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) },
    protocolTimeout: 120_000,
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${uuid}`;

  const chromeContext = async (): Promise<string> => {
    const { result } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = (result as { contexts: { context: string; url: string }[] }).contexts;
    const main = contexts.find((c) => c.url.startsWith('chrome://browser/')) ?? contexts[0];
    if (!main) throw new Error('no chrome browsing context');
    return main.context;
  };
  const chromeEval = async <T>(expression: string): Promise<T> => {
    const context = await chromeContext();
    const { result } = await bidi(browser).send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const r = result as { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } };
    if (r.type === 'exception') throw new Error(`chrome-context evaluation failed: ${r.exceptionDetails?.text}`);
    // Values come back as BiDi remote values; a JSON string is the simplest to read back.
    return JSON.parse(String(r.result?.value)) as T;
  };

  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = `${origin}/${path.replace(/^\//, '')}`;
    await bidi(browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
    await until(
      () => page.evaluate(() => (location.protocol === 'moz-extension:' && document.readyState === 'complete' ? true : undefined)),
      `${url} to load`,
    );
    return page;
  };
  const pageConsole: ConsoleEntry[] = [];
  let messenger: Page | undefined;
  const messengerPage = async () => {
    if (!messenger || messenger.isClosed()) messenger = await extensionPage('company.html');
    return messenger;
  };

  return {
    browser,
    geckoId,
    origin,
    extensionPage,
    async webPage(url) {
      const page = await browser.newPage();
      page.on('console', (m) => {
        const source = m.location().url ?? '';
        if (source.startsWith(origin)) pageConsole.push({ message: m.text(), source, error: m.type() === 'error' });
      });
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    async send<T>(message: unknown) {
      const page = await messengerPage();
      return (await page.evaluate((m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m), message as object)) as T;
    },
    async sendToTab<T>(url: string, message: unknown) {
      const page = await messengerPage();
      return (await page.evaluate(
        async (url, message) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          // tabs.query({url}) does not match http://127.0.0.1:PORT/ pages in Firefox; filter here.
          const tab = (await api.tabs.query({})).find((t) => t.url === url);
          if (!tab?.id) throw new Error(`no tab shows ${url}`);
          return api.tabs.sendMessage(tab.id, message);
        },
        url,
        message as object,
      )) as T;
    },
    manifestWarnings: () => chromeEval<string[]>(`JSON.stringify(WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.warnings)`),
    async terminateBackground() {
      await chromeEval<null>(
        `(async () => { await WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).extension.terminateBackground(); return 'null'; })()`,
      );
    },
    async extensionConsole() {
      // Script errors (nsIScriptError: uncaught exceptions, rejected promises) and console API
      // calls, kept where either names the extension: its pages and event page
      // (moz-extension://UUID/…), its content scripts (the same file names) or its add-on id.
      return chromeEval<ConsoleEntry[]>(`(() => {
        const ours = (s) => typeof s === 'string' && s.includes(${JSON.stringify(uuid)});
        const errors = Services.console.getMessageArray().flatMap((m) => {
          const script = m instanceof Ci.nsIScriptError;
          const source = script ? m.sourceName || '' : '';
          if (!ours(source) && !ours(m.message)) return [];
          return [{ message: script ? m.errorMessage : m.message, source, error: m.logLevel === Ci.nsIConsoleMessage.error }];
        });
        const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
        const calls = storage.getEvents().flatMap((e) => {
          if (!ours(e.filename) && e.addonId !== ${JSON.stringify(geckoId)}) return [];
          const message = (e.arguments || []).map((a) => { try { return typeof a === 'string' ? a : String(a); } catch { return '?'; } }).join(' ');
          return [{ message, source: e.filename || '', error: e.level === 'error' }];
        });
        return JSON.stringify([...errors, ...calls]);
      })()`).then((entries) => [...entries, ...pageConsole]);
    },
    async close() {
      await browser.close();
    },
  };
}
