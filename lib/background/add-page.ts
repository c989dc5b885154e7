import { browser } from 'wxt/browser';
import { TAB_ANSWERS } from '../protocol/answers';
import { checkAnswer, sendToTab } from '../protocol/send';
import type { ReadablePage } from '../library/readable';
import type { SyncSource } from '../messages';
import { getStatus } from '../store/read';
import type { SyncResult } from '../sync/protocol';

/**
 * "Add this page": the tab's article, read in reader mode by a script injected only now (the
 * user asked, through the popup button, the context menu or the keyboard command), is imported
 * into the library like a file. Its companies get cards at once because the import ends with the
 * same dataset switch and `dataset.changed` broadcast as every sync.
 */

export const ADD_PAGE_MENU_ID = 'company-lens-add-page';
export const ADD_PAGE_COMMAND = 'add-page';

type Run = (source: SyncSource) => Promise<SyncResult>;

async function failure(code: 'no-article' | 'page-access', message: string, detail?: string): Promise<SyncResult> {
  return { ok: false, error: { code, message, ...(detail ? { detail } : {}) }, status: await getStatus() };
}

/**
 * Injects the page reader into the tab (activeTab: the user's click in the popup, the context menu
 * or the command grants it); where that is not granted, the content script already in the tab
 * loads the same reader.
 */
async function readTab(tabId: number): Promise<ReadablePage | null> {
  let injected: unknown;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-reader.js'] });
    injected = frame?.result ?? null;
  } catch (injectError) {
    try {
      return await sendToTab(tabId, { type: 'page.read' });
    } catch (readError) {
      throw new Error(`${(injectError as Error)?.message ?? injectError}; the content script could not read it either: ${(readError as Error)?.message ?? readError}`);
    }
  }
  // The reader ran in the page's process: its result is checked like the content script's answer.
  return checkAnswer('page.read', TAB_ANSWERS['page.read'], injected);
}

export async function addPage(tabId: number, run: Run): Promise<SyncResult> {
  let page: ReadablePage | null;
  try {
    page = await readTab(tabId);
  } catch (error) {
    return failure('page-access', 'Company Lens cannot read this page (browser pages, other extensions and the extension stores are off limits). Nothing was saved.', String((error as Error)?.message ?? error));
  }
  if (!page) return failure('no-article', 'This page has no article Company Lens can read (reader mode found no main text). Nothing was saved.');
  const { text, ...meta } = page;
  return run({ kind: 'files', files: [{ name: meta.url ?? meta.title, text, page: meta }] });
}

/** The context-menu item and the keyboard command, both on the tab the user is looking at. */
export function startAddPageService(run: Run): void {
  const onError = (error: unknown) => console.error('[company-lens] add this page failed', error);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ADD_PAGE_MENU_ID && tab?.id !== undefined) void addPage(tab.id, run).catch(onError);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== ADD_PAGE_COMMAND) return;
    const target: Promise<number | undefined> = tab?.id !== undefined ? Promise.resolve(tab.id) : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id);
    void target.then((id) => (id === undefined ? undefined : addPage(id, run))).catch(onError);
  });
}
