import { caretAt, frameOffset, liveRange, pointInRects, speed } from './hittest';
import { precedes } from './ordered';
import type { PageMention, PageScanner } from './scanner';

/**
 * Decides when a card opens and closes. A card opens only after the pointer has rested on a name
 * for the dwell delay (a pointer sweeping across the page opens nothing), closes after a short
 * grace period once the pointer has left both the name and the card (long enough to travel into
 * the card), stays while pinned, and closes on Escape. The keyboard path opens the card for the
 * name at the selection and moves focus into it.
 */

export interface HoverTarget {
  mention: PageMention;
  /** The text as it appears on the page (the alias that matched). */
  text: string;
  /** Client rects of the name in top-level viewport coordinates, measured when asked. */
  rects(): DOMRect[];
}

export interface CardView {
  readonly isOpen: boolean;
  readonly pinned: boolean;
  readonly current: PageMention | null;
  show(target: HoverTarget, options: { focus: boolean }): void;
  hide(options?: { restoreFocus?: boolean }): void;
  /** True when an event came from inside the card (its host element is on the path). */
  containsEvent(event: Event): boolean;
}

export interface HoverEnv {
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverOptions {
  dwellMs(): number;
  isMuted(companyIndex: number): boolean;
  /**
   * Called when the pointer settles on a name, well before the dwell ends, so the card's data can
   * be on its way while the reader is still deciding (cold cards then paint as fast as warm ones).
   */
  prefetch?(mention: PageMention): void;
  graceMs?: number;
  /** Faster than this (px/ms) the pointer is travelling, not reading: nothing opens. */
  maxSpeed?: number;
}

const JITTER_PX = 6;
const FAST_EXTRA_MS = 150;
/** Rest this long and the name under the pointer is looked up for a prefetch. */
const SETTLE_MS = 60;

export function targetFor(mention: PageMention): HoverTarget {
  return {
    mention,
    text: liveRange(mention.range)?.toString() ?? '',
    rects() {
      const range = liveRange(mention.range);
      if (!range) return [];
      const { x, y } = frameOffset(mention.range.startContainer.ownerDocument!);
      return [...range.getClientRects()].map((r) => new DOMRect(r.left + x, r.top + y, r.width, r.height));
    },
  };
}

export class HoverController {
  private dwellTimer = 0;
  private settleTimer = 0;
  private graceTimer = 0;
  private anchor = { x: -1e9, y: -1e9 };
  private last = { x: 0, y: 0, t: 0 };
  private stopped = false;
  /** The running dwell was started by a fast move (and is the longer one). */
  private armedFast = false;

  constructor(
    private readonly scanner: PageScanner,
    private readonly card: CardView,
    private readonly env: HoverEnv,
    private readonly options: HoverOptions,
  ) {}

  /** Listens in a document (the top one, or a same-origin frame's). */
  attach(doc: Document): void {
    const opts = { capture: true, passive: true };
    const live = <E extends Event>(handler: (e: E) => void) => (e: Event) => {
      if (!this.stopped) handler(e as E);
    };
    this.env.addEventListener(doc, 'pointermove', live<PointerEvent>((e) => this.onMove(doc, e)), opts);
    this.env.addEventListener(doc, 'pointerdown', live((e) => this.onDown(e)), opts);
    this.env.addEventListener(doc, 'keydown', live<KeyboardEvent>((e) => this.onKey(e)), { capture: true });
    this.env.addEventListener(doc, 'pointerleave', live(() => this.clearDwell()), opts);
  }

  /** Stops reacting to the page (listeners registered on the context stay until it dies). */
  stop(): void {
    this.stopped = true;
    this.clearDwell();
    this.cancelGrace();
  }

  private clearDwell(): void {
    if (this.dwellTimer) this.env.clearTimeout(this.dwellTimer);
    if (this.settleTimer) this.env.clearTimeout(this.settleTimer);
    this.dwellTimer = 0;
    this.settleTimer = 0;
  }

  private cancelGrace(): void {
    if (this.graceTimer) this.env.clearTimeout(this.graceTimer);
    this.graceTimer = 0;
  }

  private onMove(doc: Document, e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.card.containsEvent(e)) {
      this.cancelGrace();
      this.clearDwell();
      return;
    }
    const now = { x: e.clientX, y: e.clientY, t: e.timeStamp };
    const fast = speed(this.last, now) > (this.options.maxSpeed ?? 1.2);
    this.last = now;
    if (this.card.isOpen) {
      const current = this.card.current;
      const over = current && current.range.startContainer.ownerDocument === doc && this.isOver(current, e.clientX, e.clientY);
      if (over) {
        this.cancelGrace();
        return;
      }
      if (!this.card.pinned && !this.graceTimer) {
        this.graceTimer = this.env.setTimeout(() => {
          this.graceTimer = 0;
          this.card.hide();
        }, this.options.graceMs ?? 350);
      }
    }
    // Every real move restarts the dwell timer, so nothing opens while the pointer travels. A fast
    // move waits longer: events arrive in bursts on a busy machine, and the last one of a sweep
    // must not open a card the moment the pointer happens to stop over a name. The first slow
    // move after it starts the ordinary dwell: the reader has come to rest. Jitter while resting
    // keeps the running dwell.
    const resting = !fast && !this.armedFast && this.dwellTimer !== 0;
    if (resting && Math.hypot(e.clientX - this.anchor.x, e.clientY - this.anchor.y) <= JITTER_PX) return;
    this.anchor = { x: e.clientX, y: e.clientY };
    this.armedFast = fast;
    this.clearDwell();
    const { x, y } = this.anchor;
    this.dwellTimer = this.env.setTimeout(() => {
      this.dwellTimer = 0;
      this.openAt(doc, x, y);
    }, this.options.dwellMs() + (fast ? FAST_EXTRA_MS : 0));
    const prefetch = this.options.prefetch;
    if (prefetch && !this.card.pinned) {
      this.settleTimer = this.env.setTimeout(() => {
        this.settleTimer = 0;
        const mention = this.mentionAt(doc, x, y);
        if (mention && mention !== this.card.current) prefetch(mention);
      }, SETTLE_MS);
    }
  }

  private isOver(m: PageMention, x: number, y: number): boolean {
    const range = liveRange(m.range);
    return !!range && pointInRects(x, y, range.getClientRects());
  }

  /** The unmuted name really under (x, y), in `doc`'s viewport coordinates, if any. */
  private mentionAt(doc: Document, x: number, y: number): PageMention | null {
    const roots = [...this.scanner.knownScopes].filter((s): s is ShadowRoot => s.nodeType === 11);
    const caret = caretAt(doc, x, y, roots);
    const mention = caret ? this.scanner.mentionAt(caret.node, caret.offset) : null;
    return mention && !this.options.isMuted(mention.companyIndex) && this.isOver(mention, x, y) ? mention : null;
  }

  /** Opens the card for the name under (x, y), in `doc`'s viewport coordinates. */
  openAt(doc: Document, x: number, y: number): boolean {
    if (this.card.pinned) return false;
    const mention = this.mentionAt(doc, x, y);
    if (!mention) return false;
    this.cancelGrace();
    if (this.card.isOpen && this.card.current === mention) return true;
    this.card.show(targetFor(mention), { focus: false });
    return true;
  }

  /** The keyboard path: the name at (or inside) the selection, if any. */
  openAtSelection(doc: Document = document): PageMention | null {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const visible = (m: PageMention | null) => (m && !this.options.isMuted(m.companyIndex) ? m : null);
    let mention = visible(this.scanner.mentionAt(range.startContainer, range.startOffset));
    if (!mention) {
      mention =
        this.scanner.mentions.find((m) => {
          if (this.options.isMuted(m.companyIndex) || m.range.startContainer.ownerDocument !== doc) return false;
          const r = liveRange(m.range);
          try {
            // Overlap: the selection starts before the name ends and ends after it starts.
            return !!r && range.compareBoundaryPoints(Range.END_TO_START, r) <= 0 && range.compareBoundaryPoints(Range.START_TO_END, r) >= 0;
          } catch {
            return false; // a name in another tree (a shadow root) cannot be compared
          }
        }) ?? null;
    }
    if (!mention) return null;
    this.cancelGrace();
    this.card.show(targetFor(mention), { focus: true });
    return mention;
  }

  /**
   * The keyboard's next (1) or previous (-1) name in reading order, with its card: from the name
   * whose card is open, else from the top of the viewport. Names of this document only; muted
   * ones are skipped. The name is scrolled into view before its card is placed next to it.
   */
  step(direction: 1 | -1, doc: Document = document): PageMention | null {
    const names = this.scanner.mentions
      .filter((m) => !this.options.isMuted(m.companyIndex) && m.range.startContainer.ownerDocument === doc && liveRange(m.range))
      .sort((a, b) => (precedes(a.range, b.range) ? -1 : precedes(b.range, a.range) ? 1 : 0));
    if (!names.length) return null;
    const at = this.card.current ? names.indexOf(this.card.current) : -1;
    let next: PageMention | undefined;
    if (at >= 0) next = names[(at + direction + names.length) % names.length];
    else {
      // Nothing open: the first name in view going down, the last one above the bottom going up.
      const top = (m: PageMention) => liveRange(m.range)?.getBoundingClientRect().top ?? 0;
      next = direction === 1 ? (names.find((m) => top(m) >= 0) ?? names[0]) : (names.findLast((m) => top(m) < innerHeight) ?? names[names.length - 1]);
    }
    const element = next.range.startContainer.parentElement;
    const rect = liveRange(next.range)?.getBoundingClientRect();
    if (element && rect && (rect.top < 0 || rect.bottom > innerHeight)) element.scrollIntoView({ block: 'center' });
    this.cancelGrace();
    this.card.show(targetFor(next), { focus: true });
    return next;
  }

  private onDown(e: Event): void {
    if (this.card.isOpen && !this.card.containsEvent(e) && !this.card.pinned) this.card.hide();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.card.isOpen) return;
    this.card.hide({ restoreFocus: true });
    this.clearDwell();
  }
}
