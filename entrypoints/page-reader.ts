import { registerPageReader } from '../lib/library/page-read';
import { extractReadable } from '../lib/library/readable';

/**
 * Reads the tab's article in reader mode, on a clone of the document, when the user asks to add
 * the page to their library (popup button, context menu, keyboard command). Run by
 * scripting.executeScript, its result goes back to the background; imported by the content
 * script (lib/library/page-read.ts), it leaves its reading function for it. Never part of the
 * content script itself.
 */
export default defineUnlistedScript(() => registerPageReader(() => extractReadable(document, location.href))());
