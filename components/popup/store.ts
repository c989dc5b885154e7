import { openSearchIndex } from '../../lib/search/load';
import { nextBackgroundTask } from '../../lib/util/yield';

/**
 * The store (Dexie) for the popup's home lists and status line, loaded once the search index has
 * handed over its first part (or found there is none) and the page has had a moment to show
 * results for it. Dexie is most of the popup's script, and compiling it while the index is read
 * delays the first results by more than it delays the lists; the index itself is read without
 * it (lib/store/direct.ts).
 */
export function loadStore() {
  loading ??= new Promise<void>((resolve) => void openSearchIndex(() => resolve()).then(() => resolve(), () => resolve()))
    .then(nextBackgroundTask)
    .then(() => Promise.all([import('../../lib/store/read'), import('../../lib/store/user')]))
    .then(([read, user]) => ({ ...read, ...user }));
  return loading;
}

type Store = typeof import('../../lib/store/read') & typeof import('../../lib/store/user');
let loading: Promise<Store> | null = null;
