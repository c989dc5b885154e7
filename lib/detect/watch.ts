import type { PageScanner } from './scanner';
import { rescanRoot } from './scanner';
import { SLICE_MS, pageClock, type Clock } from './clock';
import { isGone } from './frames';

/**
 * Follows a page's later changes (single-page apps, infinite scroll, live tickers). Mutation
 * records are only collected while the page is busy; after a quiet `delayMs` the changed
 * subtrees are rescanned as one batch. Sorting out the batch (dropping subtrees inside others)
 * stops when its slice of the clock is spent, and the rest waits for the next batch; the rescan
 * itself runs in the scanner's time slices. So a page that rewrites itself constantly costs
 * bounded main-thread work per batch however fast or slow the machine.
 */

export interface WatchOptions {
  delayMs?: number;
  sliceMs?: number;
  clock?: Clock;
  /** Timer function; the content script passes `ctx.setTimeout` so timers die with it. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** Called after each batch is rescanned. */
  onRescanned?(): void;
}

export class PageWatcher {
  private readonly observers: MutationObserver[] = [];
  private readonly pending = new Set<Node>();
  private scheduled = false;
  private stopped = false;
  private readonly delayMs: number;
  private readonly sliceMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly scanner: PageScanner,
    private readonly options: WatchOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 250;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.clock = options.clock ?? pageClock;
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
    if (this.pending.size > 0) this.schedule(this.delayMs);
  }

  private schedule(delayMs: number): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    (this.options.setTimeout ?? setTimeout)(() => void this.flush(), delayMs);
  }

  /** Rescans (part of) the collected roots now; returns when that batch is scanned. */
  async flush(): Promise<void> {
    this.scheduled = false;
    if (this.stopped) return;
    const batch = this.takeBatch();
    await this.scanner.rescan(batch);
    this.options.onRescanned?.();
    // What did not fit in this batch's slice follows at once, not after another quiet delay.
    if (this.pending.size > 0) this.schedule(0);
  }

  /**
   * Takes collected roots, oldest first, until the slice is spent (at least one). A root inside
   * another collected root is left out: that one's rescan covers it. The check walks up from each
   * root, so a batch costs its roots times the page's depth, never the square of its roots.
   */
  private takeBatch(): Node[] {
    const deadline = this.clock() + this.sliceMs;
    const chosen = new Set<Node>();
    for (const node of this.pending) {
      this.pending.delete(node);
      if (!isGone(node) && !this.covered(node, chosen)) chosen.add(node);
      if (this.clock() >= deadline) break;
    }
    return [...chosen];
  }

  private covered(node: Node, chosen: ReadonlySet<Node>): boolean {
    for (let p = node.parentNode; p; p = p.parentNode) if (chosen.has(p) || this.pending.has(p)) return true;
    return false;
  }

  disconnect(): void {
    this.stopped = true;
    for (const o of this.observers) {
      try {
        o.disconnect();
      } catch {
        // The observer of a frame document Firefox has cut off is gone already.
      }
    }
    this.observers.length = 0;
    this.pending.clear();
  }
}
