import { sendEarlyRequest } from '../lib/detect/early-request';

/**
 * Sends the lexicon request at document_start (see lib/detect/early-request.ts). An unlisted
 * script, declared as a content script in wxt.config.ts: it needs none of the content-script
 * context WXT wraps around its own content scripts, and every byte here is loaded by every page.
 */
export default defineUnlistedScript(sendEarlyRequest);
