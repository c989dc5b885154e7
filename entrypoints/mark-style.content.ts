import { adoptMarkStyles } from '../lib/detect/mark-style';

/**
 * Adopts the mark stylesheet while the document is still empty: added later to a large page, a
 * `::highlight()` rule costs a restyle of the whole page (see lib/detect/mark-style.ts). The
 * rules paint nothing until the main content script registers a highlight.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    adoptMarkStyles(document);
  },
});
