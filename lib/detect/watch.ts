import type { PageMention, PageScanner } from './scanner';
import { rescanRoot } from './scanner';

/**
 * Follows a page's later changes (single-page apps, infinite scroll, live tickers). Mutation
 * records are only collected while the page is busy; after a quiet `delayMs` the changed
 * subtrees are rescanned as one batch, at most `maxRoots` of them per batch so that a page that
 * rewrites itself constantly costs a bounded amount of work per batch (the rest waits for the
 * next one).
 */

export interface WatchOptions {
  delayMs?: number;
  maxRoots?: number;
  /** Timer function; the content script passes `ctx.setTimeout` so timers die with it. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  onRescanned?(removed: PageMention[]): void;
}

export class PageWatcher {
  private readonly observers: MutationObserver[] = [];
  private readonly pending = new Set<Node>();
  private scheduled = false;
  private stopped = false;
  private readonly delayMs: number;
  private readonly maxRoots: number;

  constructor(
    private readonly scanner: PageScanner,
    private readonly options: WatchOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 250;
    this.maxRoots = options.maxRoots ?? 200;
  }

  observe(scope: Document | ShadowRoot): void {
    if (this.stopped) return;
    const win = (scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument)?.defaultView;
    const Observer = (win as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
    const observer = new Observer((records) => this.collect(records));
    observer.observe(scope, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        const root = rescanRoot(r.target);
        if (root) this.pending.add(root);
      } else {
        r.addedNodes.forEach((n) => {
          const root = rescanRoot(n);
          if (root) this.pending.add(root);
        });
        // Removed text takes its mentions along; the batch drops mentions in detached nodes.
        if (r.removedNodes.length > 0 && r.target.isConnected) this.pending.add(r.target);
      }
    }
    if (this.pending.size > 0) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    (this.options.setTimeout ?? setTimeout)(() => void this.flush(), this.delayMs);
  }

  /** Rescans the collected roots now; returns when the batch is scanned. */
  async flush(): Promise<void> {
    this.scheduled = false;
    if (this.stopped) return;
    const roots = [...this.pending].filter((n) => n.isConnected);
    this.pending.clear();
    // A root inside another collected root is covered by it.
    const outer = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
    const batch = outer.slice(0, this.maxRoots);
    for (const rest of outer.slice(this.maxRoots)) this.pending.add(rest);
    const { removed, done } = this.scanner.rescan(batch);
    await done;
    this.options.onRescanned?.(removed);
    if (this.pending.size > 0) this.schedule();
  }

  disconnect(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.pending.clear();
  }
}
