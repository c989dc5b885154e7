import { getSettings, watchSettings } from './settings';
import { loadLexicon, resolveNames } from '../../lib/detect/lexicon-client';
import { ContentRunner } from './runner';
import { readThisPage } from '../../lib/library/page-read';

/**
 * Content script entry: takes the lexicon and the settings from one answer of the background
 * (which withholds the lexicon where detection is off for this site, so nothing large is sent
 * for nothing, and which reads the settings for that anyway, sparing a storage read), starts
 * detection and cards when allowed, follows setting and dataset changes, and answers the messages
 * the background and the popup send to a tab (checked by hand here, because the content script
 * bundle has no room for the zod schema).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const lexicon = loadLexicon();
    const sent = lexicon.then((loaded) => (loaded && loaded !== 'off' ? loaded.settings : undefined)).catch(() => undefined);
    const starting = sent.then(async (settings) => new ContentRunner(ctx, settings ?? (await getSettings())));

    // Listening from the start: a tab waiting for its lexicon still answers (after it arrives).
    browser.runtime.onMessage.addListener((message: unknown) => {
      const m = (message && typeof message === 'object' ? message : {}) as { type?: unknown; version?: unknown };
      if (m.type === 'ping') return Promise.resolve({ pong: 'content' });
      if (m.type === 'dataset.changed' && typeof m.version === 'string') void starting.then((runner) => runner.datasetChanged(m.version as string));
      if (m.type === 'page.mentions') {
        return starting.then(async (runner) => {
          await runner.starting;
          const app = runner.app;
          await app?.ready;
          return app ? app.session.report((entries) => resolveNames(app.version, entries)) : { url: location.href, mentions: [], scan: { chars: 0, ms: 0, startedAt: null } };
        });
      }
      // Only the extension can send this (runtime messages reach a content script from nowhere
      // else), and the background sends it only when the user asked to add this page.
      if (m.type === 'page.read') return readThisPage();
      if (m.type === 'card.openAtSelection') {
        return starting.then(async (runner) => {
          const app = runner.app;
          await app?.ready;
          const mention = app?.hover.openAtSelection() ?? null;
          return { ok: mention !== null, companyId: mention ? app!.session.companyId(mention.companyIndex) : null };
        });
      }
      return undefined;
    });

    const runner = await starting;
    ctx.onInvalidated(watchSettings((next) => runner.applySettings(next)));
    ctx.onInvalidated(() => runner.dispose());
    // An unused answer (detection off here) is dropped; the request was small in that case.
    await runner.start(lexicon);
  },
});
