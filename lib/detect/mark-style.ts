import type { MarkStyle } from '../settings/values';

/**
 * The stylesheet that paints marks. Adding a `::highlight()` rule to a document makes Chromium
 * restyle every element of it (a highlight pseudo-element rule cannot be invalidated
 * selectively): 180-300 ms on a 20,000-item list page, whatever the selector in front of it. So
 * the rules are adopted at document_start, while the document is still empty (see
 * entrypoints/mark-style.content.ts), and never changed afterwards: each mark style has its own
 * highlight name, and switching styles moves the page's Highlight to another name, which only
 * repaints.
 */

/** The name the default style (dotted underline) is registered under. */
export const HIGHLIGHT_NAME = 'company-lens';

const NAMES: Record<MarkStyle, string | null> = {
  underline: HIGHLIGHT_NAME,
  background: `${HIGHLIGHT_NAME}-background`,
  none: null,
};

/** The highlight name that paints `style`, or null for no marks. */
export const highlightName = (style: MarkStyle): string | null => NAMES[style];

export const MARK_CSS = [
  `::highlight(${NAMES.underline}) { text-decoration: underline dotted rgba(37, 99, 235, 0.85) 1.5px; }`,
  `::highlight(${NAMES.background}) { background-color: rgba(250, 204, 21, 0.35); }`,
].join('\n');

type Scope = Document | ShadowRoot;

/**
 * Sheets already adopted, by the window they were made for. Kept on the content scripts' own
 * global (the isolated world both content scripts share), so the main script finds the sheet the
 * document_start script adopted.
 */
function registry(): WeakMap<Window, CSSStyleSheet> {
  const g = globalThis as { [key: symbol]: WeakMap<Window, CSSStyleSheet> | undefined };
  const key = Symbol.for('company-lens.mark-sheets');
  return (g[key] ??= new WeakMap());
}

/** Adopts the mark rules in `scope` unless they are there already; false where not possible. */
export function adoptMarkStyles(scope: Scope): boolean {
  const doc = scope.nodeType === 9 ? (scope as Document) : scope.ownerDocument;
  const win = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!win || typeof win.CSSStyleSheet !== 'function') return false;
  try {
    let sheet = registry().get(win);
    if (!sheet) {
      // The sheet must come from the document's own window: a stylesheet can only be adopted by
      // the document it was constructed for.
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(MARK_CSS);
      registry().set(win, sheet);
    }
    if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
    return true;
  } catch (error) {
    console.warn('[company-lens] mark styles unavailable here', error);
    return false;
  }
}
