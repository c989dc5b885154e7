import { openSearchIndex } from '../../lib/search/load';
import { nextBackgroundTask } from '../../lib/util/yield';

/**
 * What the popup loads for anything but searching waits until the search index has handed over
 * its first part (or found there is none) and the page has had a moment to show results for it.
 * Compiling and running these modules while the index is read delays the first results by more
 * than it delays the lists: the store (Dexie) is most of the popup's script, and the message
 * schemas and settings storage (zod, WXT storage) come next. The index itself is read without
 * any of them (lib/store/direct.ts).
 */
export function afterFirstResults(): Promise<void> {
  firstResults ??= new Promise<void>((resolve) => void openSearchIndex(() => resolve()).then(() => resolve(), () => resolve())).then(nextBackgroundTask);
  return firstResults;
}

let firstResults: Promise<void> | null = null;

/** The store for the popup's home lists and status line. */
export function loadStore() {
  loading ??= afterFirstResults()
    .then(() => Promise.all([import('../../lib/store/read'), import('../../lib/store/user')]))
    .then(([read, user]) => ({ ...read, ...user }));
  return loading;
}

type Store = typeof import('../../lib/store/read') & typeof import('../../lib/store/user');
let loading: Promise<Store> | null = null;

/** The typed messages (checked by their zod schemas) for what the popup asks the background and tabs. */
export const loadMessaging = () => afterFirstResults().then(() => import('../../lib/protocol/send'));

/** The settings item (WXT storage, read through its zod schema). */
export const loadSettings = () => afterFirstResults().then(() => import('../../lib/settings/settings'));
