import type { Settings } from '../../lib/settings/values';
import { getSettings, watchSettings } from './settings';
import { allowedHere, loadLexicon, startApp, type ContentApp } from './app';

/**
 * Content script entry: reads the settings, fetches the lexicon from the background, and starts
 * detection and cards when allowed on this site; follows setting changes; answers the messages
 * the background and the popup send to a tab (checked by hand here, because the content script
 * bundle has no room for the zod schema).
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let settings: Settings = await getSettings();
    let app: ContentApp | null = null;
    let starting: Promise<void> | null = null;
    let retries = 0;
    const start = (): Promise<void> =>
      (starting ??= loadLexicon()
        .then((loaded) => {
          // Right after install the knowledge base may still be filling: ask again shortly.
          if (!loaded && retries++ < 10) ctx.setTimeout(() => void start(), 1_500);
          if (loaded && !ctx.isInvalid && allowedHere(settings)) app = startApp(ctx, loaded.lexicon, loaded.version, () => settings);
        })
        .catch((error) => console.warn('[company-lens] detection unavailable:', (error as Error).message))
        .finally(() => (starting = null)));

    ctx.onInvalidated(watchSettings((next) => {
      settings = next;
      if (!allowedHere(settings)) {
        app?.dispose();
        app = null;
      } else if (app) app.session.applySettings(settings);
      else void start();
    }));
    ctx.onInvalidated(() => app?.dispose());

    browser.runtime.onMessage.addListener((message: unknown) => {
      const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
      if (type === 'ping') return Promise.resolve({ pong: 'content' });
      if (type === 'page.mentions') {
        return (starting ?? Promise.resolve()).then(() =>
          app ? app.session.report((entries) => resolveNames(app!.version, entries)) : { url: location.href, mentions: [], scan: { chars: 0, ms: 0 } },
        );
      }
      if (type === 'card.openAtSelection') {
        const mention = app?.hover.openAtSelection() ?? null;
        return Promise.resolve({ ok: mention !== null, companyId: mention ? app!.session.companyId(mention.companyIndex) : null });
      }
      return undefined;
    });

    if (allowedHere(settings)) await start();
  },
});

async function resolveNames(version: string, entries: number[]): Promise<(string | null)[] | null> {
  const answer = (await browser.runtime.sendMessage({ type: 'matcher.resolve', version, values: entries })) as {
    companies: ({ id: string; name: string } | null)[] | null;
  } | null;
  return answer?.companies?.map((c) => c?.name ?? null) ?? null;
}
