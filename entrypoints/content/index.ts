import { TabMessage } from '../../lib/messages';
import { dispatchTab, parseRequest, type TabHandlers } from '../../lib/protocol/receive';
import { getSettings, watchSettings } from './settings';
import { loadLexicon, resolveNames } from '../../lib/detect/lexicon-client';
import { ContentRunner } from './runner';
import { liveRange } from '../../lib/detect/hittest';
import { readThisPage } from '../../lib/library/page-read';

/**
 * Content script entry: takes the lexicon and the settings from one answer of the background
 * (which withholds the lexicon where detection is off for this site, so nothing large is sent
 * for nothing, and which reads the settings for that anyway, sparing a round trip), starts
 * detection and cards when allowed, follows setting and dataset changes, and answers the requests
 * the background and the popup send to a tab (`TabMessage`, parsed before it is handled).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const lexicon = loadLexicon();
    const sent = lexicon.then((loaded) => (loaded && loaded !== 'off' ? loaded.settings : undefined)).catch(() => undefined);
    const starting = sent.then(async (settings) => new ContentRunner(ctx, settings ?? (await getSettings())));

    const handlers: TabHandlers = {
      ping: () => ({ pong: 'content' }),
      'dataset.changed': ({ version }) => void starting.then((runner) => runner.datasetChanged(version)),
      'page.mentions': () =>
        starting.then(async (runner) => {
          await runner.starting;
          const app = runner.app;
          await app?.ready;
          return app ? app.session.report((entries) => resolveNames(app.version, entries)) : { url: location.href, mentions: [], scan: { chars: 0, ms: 0, startedAt: null } };
        }),
      // Only the extension can send this (runtime messages reach a content script from nowhere
      // else), and the background sends it only when the user asked to add this page.
      'page.read': () => readThisPage(),
      'card.openAtSelection': () =>
        starting.then(async (runner) => {
          const app = runner.app;
          await app?.ready;
          const mention = app?.hover.openAtSelection() ?? null;
          return { ok: mention !== null, companyId: app && mention ? app.session.companyId(mention.companyIndex) : null };
        }),
      'card.step': ({ direction }) =>
        starting.then(async (runner) => {
          const app = runner.app;
          await app?.ready;
          const mention = app?.hover.step(direction) ?? null;
          // The step says which name it moved to, as written on the page.
          const text = (mention && liveRange(mention.range)?.toString()) ?? null;
          return { ok: mention !== null, companyId: app && mention ? app.session.companyId(mention.companyIndex) : null, text };
        }),
    };
    // Listening from the start: a tab waiting for its lexicon still answers (after it arrives).
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const message = parseRequest(TabMessage, raw);
      return message ? dispatchTab(handlers, message.type, message) : undefined;
    });

    const runner = await starting;
    ctx.onInvalidated(watchSettings((next) => runner.applySettings(next)));
    ctx.onInvalidated(() => runner.dispose());
    // An unused answer (detection off here) is dropped; the request was small in that case.
    await runner.start(lexicon);
  },
});
