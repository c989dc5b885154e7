/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
export const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" or set CHROMIUM_PATH');
  return found;
}

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  userDataDir: string;
  /** Sends a runtime message from an extension page, as the options page or popup would. */
  send<T = unknown>(message: unknown): Promise<T>;
  /** Sends a message to the content script of the tab showing `page`. */
  sendToTab<T = unknown>(page: Page, message: unknown): Promise<T>;
  /** Returns the current service worker (a new one after the old one was stopped). */
  currentWorker(): Promise<Worker>;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built extension loaded, in a throwaway profile. Flags keep
 * Chromium off the network: the only addresses tests reach are on 127.0.0.1.
 */
export async function launchExtension(options: { headless?: boolean; userDataDir?: string; alsoLoad?: string[] } = {}): Promise<Extension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'company-lens-e2e-'));
  // `alsoLoad`: other unpacked extensions beside it (the benchmarks load a page to compare with).
  const extensions = [EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const currentWorker = async () => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    return live.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  };
  const worker = await currentWorker();
  const id = new URL(worker.url()).host;
  let messenger: Page | undefined;
  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path.replace(/^\//, '')}`);
    return page;
  };
  return {
    context,
    worker,
    id,
    userDataDir,
    currentWorker,
    extensionPage,
    async send<T>(message: unknown) {
      if (!messenger || messenger.isClosed()) messenger = await extensionPage('company.html');
      return (await messenger.evaluate((m) => chrome.runtime.sendMessage(m), message)) as T;
    },
    async sendToTab<T>(page: Page, message: unknown) {
      const url = page.url();
      const w = await currentWorker();
      return (await w.evaluate(
        async ({ url, message }) => {
          const tabs = await chrome.tabs.query({});
          const tab = tabs.find((t) => t.url === url);
          if (!tab?.id) throw new Error(`no tab shows ${url}`);
          return chrome.tabs.sendMessage(tab.id, message);
        },
        { url, message },
      )) as T;
    },
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
