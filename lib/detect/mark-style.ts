import type { MarkStyle } from '../settings/values';
import markCss from './marks.css?raw';

/**
 * The stylesheet that paints marks. Adding a `::highlight()` rule to a document makes Chromium
 * restyle every element of it (a highlight pseudo-element rule cannot be invalidated
 * selectively): 180-300 ms on a 20,000-item list page, whatever the selector in front of it. So
 * the rules come from marks.css, which the manifest injects into every page at document_start
 * (entrypoints/marks.content.css, wired in wxt.config.ts) while the document is still empty, and
 * never change afterwards: each mark style has its own highlight name, and switching styles
 * moves the page's Highlight to another name, which only repaints.
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

/** The rules, from the one stylesheet the manifest also injects into every page. */
export const MARK_CSS = markCss;

type Scope = Document | ShadowRoot;

/** One constructed sheet per window: a sheet can only be adopted by its own window's trees. */
const sheets = new WeakMap<Window, CSSStyleSheet>();

/**
 * Makes the mark rules apply in `scope`. Documents already have them: the manifest injects
 * marks.css into every frame at document_start. Shadow roots do not inherit document styles, so
 * each gets the rules adopted; that restyles only the shadow tree. False where not possible.
 */
export function adoptMarkStyles(scope: Scope): boolean {
  if (scope.nodeType === 9) return true;
  const doc = scope.ownerDocument;
  const win = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
  if (!win || typeof win.CSSStyleSheet !== 'function') return false;
  try {
    let sheet = sheets.get(win);
    if (!sheet) {
      // The sheet must come from the document's own window: a stylesheet can only be adopted by
      // the document it was constructed for.
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(MARK_CSS);
      sheets.set(win, sheet);
    }
    if (!scope.adoptedStyleSheets.includes(sheet)) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
    return true;
  } catch (error) {
    console.warn('[company-lens] mark styles unavailable here', error);
    return false;
  }
}
