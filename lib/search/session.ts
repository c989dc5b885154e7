import { nextTask } from '../util/yield';
import type { SearchIndex, SearchResults } from './query';

/**
 * Runs searches as the user types, so that only the newest query's results are ever shown. A
 * new query aborts the one before it: the older one may still be waiting for the index to load
 * (the first keystrokes after opening the popup) and must not overwrite newer results when it
 * finally resolves.
 */
export class SearchSession {
  private current: AbortController | null = null;

  constructor(private readonly index: () => Promise<SearchIndex | null>) {}

  /** Results for `query`, or null when a newer query superseded it or there is no index. */
  async run(query: string, limit?: number): Promise<SearchResults | null> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const index = await this.index();
    // Yield once so that a burst of keystrokes collapses into the last one.
    // Lets queued input in but runs ahead of background work: the popup reads the full-text
    // index and loads the store at background priority once the names have loaded, and a timer
    // would let those steps (a module compile among them) go first.
    await nextTask('user-blocking');
    if (controller.signal.aborted || !index) return null;
    const results = index.search(query, limit);
    return controller.signal.aborted ? null : results;
  }

  cancel(): void {
    this.current?.abort();
    this.current = null;
  }
}

