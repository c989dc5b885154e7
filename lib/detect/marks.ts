import type { MarkStyle } from '../settings/values';

/**
 * Marks found names with the CSS Custom Highlight API: the browser paints the ranges, and the
 * page's text nodes are never wrapped or rewritten, so frameworks that own the DOM (React, Vue)
 * see exactly the DOM they rendered. The `::highlight()` rule lives in a constructed stylesheet
 * adopted by the document (and by each open shadow root, since a highlight is styled in the
 * tree scope of its text), which adds no element to the page.
 *
 * Chromium revalidates every registered range whenever the highlight changes, so a page with tens
 * of thousands of names would pay hundreds of milliseconds per change. Only ranges whose element
 * is in or near the viewport are registered: an IntersectionObserver (one per document) adds and
 * removes them as the reader scrolls. On a multi-megabyte page even one change costs a frame of
 * tens of milliseconds, so changes are applied together, at most once per FLUSH_MS.
 */

export const HIGHLIGHT_NAME = 'company-lens';

export function highlightCss(style: MarkStyle): string {
  switch (style) {
    case 'underline':
      return `::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted rgba(37, 99, 235, 0.85) 1.5px; }`;
    case 'background':
      return `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(250, 204, 21, 0.35); }`;
    case 'none':
      return '';
  }
}

interface DocMarks {
  highlight: Highlight;
  sheet: CSSStyleSheet;
  observer: IntersectionObserver;
}

/** How far beyond the viewport marks are kept registered, so scrolling reveals them painted. */
const MARGIN = '100% 0px 100% 0px';
const FLUSH_MS = 150;

type Scope = Document | ShadowRoot;

export class Marks {
  private readonly docs = new Map<Document, DocMarks>();
  private readonly scopes = new Set<Scope>();
  /** Ranges by the element holding their first text node; painted while that element is near view. */
  private readonly byElement = new Map<Element, Set<AbstractRange>>();
  private readonly near = new WeakSet<Element>();
  private readonly toAdd = new Map<Highlight, Set<AbstractRange>>();
  private readonly toDelete = new Map<Highlight, Set<AbstractRange>>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private css: string;

  constructor(style: MarkStyle) {
    this.css = highlightCss(style);
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
      // Both must come from the document's own window: a stylesheet can only be adopted by the
      // document it was constructed for.
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(this.css);
      const highlight = new win.Highlight();
      win.CSS.highlights.set(HIGHLIGHT_NAME, highlight);
      const observer = new win.IntersectionObserver((entries) => this.onIntersect(highlight, entries), { rootMargin: MARGIN });
      const marks = { highlight, sheet, observer };
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
    const marks = doc ? this.forDoc(doc) : null;
    if (!marks) return;
    this.scopes.add(scope);
    if (!scope.adoptedStyleSheets.includes(marks.sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, marks.sheet];
  }

  private queue(highlight: Highlight, range: AbstractRange, add: boolean): void {
    const [into, from] = add ? [this.toAdd, this.toDelete] : [this.toDelete, this.toAdd];
    from.get(highlight)?.delete(range);
    let set = into.get(highlight);
    if (!set) into.set(highlight, (set = new Set()));
    set.add(range);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Applies queued changes now (tests call it to avoid waiting). */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [h, set] of this.toDelete) for (const r of set) h.delete(r);
    for (const [h, set] of this.toAdd) for (const r of set) h.add(r);
    this.toDelete.clear();
    this.toAdd.clear();
  }

  private onIntersect(highlight: Highlight, entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const el = entry.target;
      // Most first reports of a large page say "far away" for elements that were never painted:
      // nothing to undo for those.
      if (entry.isIntersecting === this.near.has(el)) continue;
      if (entry.isIntersecting) this.near.add(el);
      else this.near.delete(el);
      const ranges = this.byElement.get(el);
      if (ranges) for (const r of ranges) this.queue(highlight, r, entry.isIntersecting);
    }
  }

  add(range: AbstractRange): void {
    const doc = range.startContainer.ownerDocument;
    const el = range.startContainer.parentElement;
    const marks = doc && el ? this.forDoc(doc) : null;
    if (!marks || !el) return;
    let ranges = this.byElement.get(el);
    if (!ranges) {
      ranges = new Set();
      this.byElement.set(el, ranges);
      marks.observer.observe(el);
    }
    ranges.add(range);
    if (this.near.has(el)) this.queue(marks.highlight, range, true);
  }

  delete(range: AbstractRange): void {
    const doc = range.startContainer.ownerDocument;
    const el = range.startContainer.parentElement;
    const marks = doc ? this.docs.get(doc) : undefined;
    if (marks) this.queue(marks.highlight, range, false);
    const ranges = el ? this.byElement.get(el) : undefined;
    if (!el || !ranges) return;
    ranges.delete(range);
    if (ranges.size === 0) {
      this.byElement.delete(el);
      marks?.observer.unobserve(el);
    }
  }

  /** Number of ranges currently painted (registered with the browser), for tests and reports. */
  get painted(): number {
    let n = 0;
    for (const { highlight } of this.docs.values()) n += highlight.size;
    return n;
  }

  clear(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.toAdd.clear();
    this.toDelete.clear();
    for (const { highlight, observer } of this.docs.values()) {
      highlight.clear();
      observer.disconnect();
    }
    this.byElement.clear();
  }

  setStyle(style: MarkStyle): void {
    this.css = highlightCss(style);
    for (const { sheet } of this.docs.values()) sheet.replaceSync(this.css);
  }

  /** Removes every trace: the registered highlights and the adopted stylesheets. */
  dispose(): void {
    this.clear();
    for (const [doc, { highlight, sheet }] of this.docs) {
      const win = doc.defaultView;
      if (win?.CSS.highlights.get(HIGHLIGHT_NAME) === highlight) win.CSS.highlights.delete(HIGHLIGHT_NAME);
      for (const scope of this.scopes) {
        const owner = scope.nodeType === 9 ? scope : (scope as ShadowRoot).ownerDocument;
        if (owner === doc) scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    }
    this.docs.clear();
    this.scopes.clear();
  }
}
