import type { MarkStyle } from '../settings/values';
import { adoptMarkStyles, highlightName } from './mark-style';
import { OrderedRanges } from './ordered';
import { SLICE_MS, pageClock, type Clock } from './clock';
import { isGone } from './frames';
import { PaintGate } from './paint-gate';

/**
 * Marks found names with the CSS Custom Highlight API: the browser paints the ranges, and the
 * page's text nodes are never wrapped or rewritten, so frameworks that own the DOM (React, Vue)
 * see exactly the DOM they rendered. The `::highlight()` rules live in a constructed stylesheet
 * adopted by the document (and by each open shadow root, since a highlight is styled in the
 * tree scope of its text), which adds no element to the page; see mark-style.ts for why the
 * rules never change and each style has its own highlight name.
 *
 * Chromium revalidates every registered range whenever the highlight changes, so only the ranges
 * in and near the viewport are registered. They are found by position: each tree's ranges are
 * kept in document order and three binary searches on range rectangles find the ones from a
 * viewport above to a viewport below the visible part. This runs at most once a frame, after a
 * scroll, a resize or new ranges. An IntersectionObserver per marked element did the same job
 * before, but with 20,000 observed elements Chromium spent 50–180 ms of every frame computing
 * intersections, and its first callback handed over thousands of entries at once.
 *
 * The window is found by document order, so on a page laid out out of order (a sidebar placed
 * first in the source but shown on the right) a few names near the window's edges may go unmarked
 * until the reader scrolls; hover does not depend on marks and still works there.
 */

export { HIGHLIGHT_NAME } from './mark-style';

interface DocMarks {
  highlight: Highlight;
  /**
   * The ranges registered in `highlight`, kept here because Firefox content scripts cannot
   * iterate a page object's entries ("Xray wrapping of iterators not supported").
   */
  registered: Set<AbstractRange>;
  win: Window & typeof globalThis;
  /** One live range reused to measure the page's static ranges. */
  probe: Range;
}

type Scope = Document | ShadowRoot;

/** Most ranges registered in one document; a dense page in a small font stays bounded too. */
const MAX_PAINTED = 1_500;
const NO_RECT = { top: 0, bottom: 0 };

export class Marks {
  private readonly docs = new Map<Document, DocMarks>();
  /** The ranges of each tree (a document or a shadow root), in document order. */
  private readonly trees = new Map<Scope, OrderedRanges>();
  private readonly dead = new Set<AbstractRange>();
  private frame: number | undefined;
  private name: string | null;
  private readonly schedule = () => this.requestUpdate();
  private readonly gate = new PaintGate(this.schedule);

  /**
   * @param clock bounds the highlight changes applied in one frame: a long jump finishes over the
   *   next frames, whatever the machine's speed (tests pass a slow clock).
   */
  constructor(
    style: MarkStyle,
    private readonly clock: Clock = pageClock,
  ) {
    this.name = highlightName(style);
  }

  /** False where the API is missing: nothing is painted, but hover still works. */
  static supported(win: Window & typeof globalThis = window): boolean {
    return typeof win.CSS?.highlights?.set === 'function' && typeof win.Highlight === 'function';
  }

  private forDoc(doc: Document): DocMarks | null {
    const existing = this.docs.get(doc);
    if (existing) return existing;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !Marks.supported(win)) return null;
    try {
      // The Highlight must come from the document's own window, like the stylesheet.
      const highlight = new win.Highlight();
      if (this.name) win.CSS.highlights.set(this.name, highlight);
      const marks = { highlight, registered: new Set<AbstractRange>(), win, probe: doc.createRange() };
      // Capture catches scrolling inside the page's own scroll containers too.
      win.addEventListener('scroll', this.schedule, { capture: true, passive: true });
      win.addEventListener('resize', this.schedule, { passive: true });
      this.docs.set(doc, marks);
      return marks;
    } catch (error) {
      console.warn('[company-lens] highlights unavailable in this document', error);
      return null;
    }
  }

  /** Makes sure the style applies in `scope`; cheap to call again (pages may reset the list). */
  adopt(scope: Scope): void {
    const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument;
    if (doc && this.forDoc(doc)) adoptMarkStyles(scope);
  }

  add(range: AbstractRange): void {
    const node = range.startContainer;
    const doc = node.ownerDocument;
    const tree = node.getRootNode();
    if (!doc || (tree.nodeType !== 9 && tree.nodeType !== 11) || !this.forDoc(doc)) return;
    let ranges = this.trees.get(tree as Scope);
    if (!ranges) this.trees.set(tree as Scope, (ranges = new OrderedRanges()));
    this.dead.delete(range);
    ranges.insert(range);
    if (!this.gate.isOpen) this.gate.found(() => this.rectOf(this.docs.get(doc)!, range).top > 2 * (doc.defaultView?.innerHeight || 1));
    this.requestUpdate();
  }

  /** The first scan is over: its marks are painted now if they were still waiting (PaintGate). */
  scanned(): void {
    this.gate.open();
  }

  /** Forgets a range; it is taken out of the lists and the highlight at the next update. */
  delete(range: AbstractRange): void {
    this.dead.add(range);
    this.requestUpdate();
  }

  private requestUpdate(): void {
    if (this.frame !== undefined || this.docs.size === 0 || !this.gate.isOpen) return;
    // Frames of the top window: a frame's own window stops animating when the frame is removed.
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.update();
    });
  }

  /** Applies pending changes now (tests call it to avoid waiting for a frame). */
  flush(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.update();
  }

  /**
   * Drops the documents and trees that can no longer be read: a frame that navigated away takes
   * its highlight along, and in Firefox any access to it then throws ("can't access dead object").
   */
  private prune(): void {
    for (const doc of this.docs.keys()) if (isGone(doc)) this.docs.delete(doc);
    for (const tree of this.trees.keys()) if (isGone(tree)) this.trees.delete(tree);
  }

  private update(): void {
    this.prune();
    if (this.dead.size > 0) {
      for (const ranges of this.trees.values()) ranges.removeAll(this.dead);
      for (const { highlight, registered } of this.docs.values()) {
        for (const r of this.dead) if (registered.delete(r)) highlight.delete(r);
      }
      this.dead.clear();
    }
    const wanted = new Map<Document, Set<AbstractRange>>();
    for (const [tree, ranges] of this.trees) {
      const doc = tree.nodeType === 9 ? (tree as Document) : tree.ownerDocument!;
      const marks = this.docs.get(doc);
      if (!marks || ranges.size === 0) continue;
      let set = wanted.get(doc);
      if (!set) wanted.set(doc, (set = new Set()));
      this.collectNear(marks, ranges, set);
    }
    // Each change is followed by a look at the clock, so at least one is made per frame.
    const deadline = this.clock() + SLICE_MS;
    let spent = false;
    for (const [doc, { highlight, registered }] of this.docs) {
      const set = wanted.get(doc) ?? new Set<AbstractRange>();
      for (const r of registered) {
        if (spent) break;
        if (!set.has(r)) {
          registered.delete(r);
          highlight.delete(r);
          spent = this.clock() >= deadline;
        }
      }
      for (const r of set) {
        if (spent) break;
        if (!registered.has(r)) {
          registered.add(r);
          highlight.add(r);
          spent = this.clock() >= deadline;
        }
      }
    }
    if (spent) this.requestUpdate();
  }

  /** Adds to `out` the ranges of one tree from a viewport above to a viewport below the view. */
  private collectNear(marks: DocMarks, ranges: OrderedRanges, out: Set<AbstractRange>): void {
    const height = marks.win.innerHeight || 1;
    const rect = (r: AbstractRange) => this.rectOf(marks, r);
    const above = ranges.lowerBound((r) => rect(r).bottom < -height);
    const visible = ranges.lowerBound((r) => rect(r).bottom < 0);
    const below = ranges.lowerBound((r) => rect(r).top <= 2 * height);
    let room = MAX_PAINTED - out.size;
    const take = (r: AbstractRange) => {
      if (room <= 0) return false;
      out.add(r);
      room--;
      return true;
    };
    // The visible part and what lies below it come first, then what lies above, within the cap.
    ranges.walk(visible, below, take);
    ranges.walk(above, visible, take);
  }

  /** Where a static range is now, measured with the document's one live range. */
  private rectOf({ probe }: DocMarks, r: AbstractRange): { top: number; bottom: number } {
    try {
      probe.setStart(r.startContainer, r.startOffset);
      probe.setEnd(r.endContainer, r.endOffset);
      return probe.getBoundingClientRect();
    } catch {
      // The page changed the text since the scan; the rescan will replace this range.
      return NO_RECT;
    }
  }

  /** Number of ranges currently painted (registered with the browser), for tests and reports. */
  get painted(): number {
    let n = 0;
    for (const { registered } of this.docs.values()) n += registered.size;
    return n;
  }

  clear(): void {
    this.prune();
    this.dead.clear();
    for (const ranges of this.trees.values()) ranges.clear();
    this.trees.clear();
    for (const { highlight, registered } of this.docs.values()) {
      highlight.clear();
      registered.clear();
    }
  }

  /** Moves the highlights to the name that paints `style`: a repaint, never a restyle. */
  setStyle(style: MarkStyle): void {
    const name = highlightName(style);
    if (name === this.name) return;
    this.prune();
    for (const { highlight, win } of this.docs.values()) {
      if (this.name && win.CSS.highlights.get(this.name) === highlight) win.CSS.highlights.delete(this.name);
      if (name) win.CSS.highlights.set(name, highlight);
    }
    this.name = name;
  }

  /**
   * Removes the registered highlights and the listeners. The stylesheets stay: they paint nothing
   * without a registered highlight, and adopting them again after the user turns detection back
   * on would restyle the whole page.
   */
  dispose(): void {
    this.gate.dispose();
    this.clear();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    for (const { highlight, win } of this.docs.values()) {
      win.removeEventListener('scroll', this.schedule, { capture: true });
      win.removeEventListener('resize', this.schedule);
      if (this.name && win.CSS.highlights.get(this.name) === highlight) win.CSS.highlights.delete(this.name);
    }
    this.docs.clear();
  }
}
