import type { MarkStyle } from '../settings/settings';

/**
 * Marks found names with the CSS Custom Highlight API: the browser paints the ranges, and the
 * page's text nodes are never wrapped or rewritten, so frameworks that own the DOM (React, Vue)
 * see exactly the DOM they rendered. The `::highlight()` rule lives in a constructed stylesheet
 * adopted by the document (and by each open shadow root, since a highlight is styled in the
 * tree scope of its text), which adds no element to the page.
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
}

type Scope = Document | ShadowRoot;

export class Marks {
  private readonly docs = new Map<Document, DocMarks>();
  private readonly scopes = new Set<Scope>();
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
      const marks = { highlight, sheet };
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

  add(range: AbstractRange): void {
    const doc = range.startContainer.ownerDocument;
    if (doc) this.forDoc(doc)?.highlight.add(range);
  }

  delete(range: AbstractRange): void {
    const doc = range.startContainer.ownerDocument;
    if (doc) this.docs.get(doc)?.highlight.delete(range);
  }

  clear(): void {
    for (const { highlight } of this.docs.values()) highlight.clear();
  }

  setStyle(style: MarkStyle): void {
    this.css = highlightCss(style);
    for (const { sheet } of this.docs.values()) sheet.replaceSync(this.css);
  }

  /** Removes every trace: the registered highlights and the adopted stylesheets. */
  dispose(): void {
    for (const [doc, { highlight, sheet }] of this.docs) {
      highlight.clear();
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
