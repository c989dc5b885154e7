import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CardHost } from '../../components/card/host';
import { CardClient } from '../../lib/cards/client';
import { HoverController } from '../../lib/detect/hover';
import type { LexiconCore as Lexicon } from '../../lib/detect/lexicon-core';
import { loadIds } from '../../lib/detect/lexicon-client';
import { PageSession } from '../../lib/detect/session';
import { sendMessage } from '../../lib/protocol/send';
import { isSiteDisabled, type Settings } from '../../lib/settings/values';
import { mute, setSiteDisabled } from './settings';

/**
 * One running instance of detection and cards on this page. It is built only when the user's
 * settings allow it on this site, and disposed when they stop allowing it.
 */
export interface ContentApp {
  session: PageSession;
  /** Settles when the company ids have arrived (or could not be had); cards and reports need them. */
  ready: Promise<void>;
  hover: HoverController;
  card: CardHost;
  version: string;
  dispose(): void;
}

export function allowedHere(settings: Settings): boolean {
  return settings.enabled && !isSiteDisabled(settings, location.hostname);
}

export function startApp(ctx: ContentScriptContext, lexicon: Lexicon, version: string, getSettings: () => Settings): ContentApp {
  const ready = loadIds(lexicon, version).catch((error) => console.warn('[company-lens] company ids unavailable:', (error as Error).message));
  let attachFrames = () => {};
  const session = new PageSession(lexicon, {
    settings: getSettings(),
    setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
    onCount: (count) => {
      attachFrames();
      if (count > 0) card.preload();
      void sendMessage({ type: 'page.report', count }).catch(() => undefined);
    },
  });
  const client = new CardClient((id) => sendMessage({ type: 'company.card', id }));
  const card = new CardHost({
    ctx,
    client,
    companyId: session.companyId,
    whenIds: () => ready,
    site: location.hostname,
    openProfile: (id, section) => void sendMessage({ type: 'company.open', id, ...(section ? { section } : {}) }).catch(() => undefined),
    mute: (id, name) => void mute({ id, name }),
    unmute: (id, name) => void mute({ id, name }, false),
    disableSite: () => void setSiteDisabled(location.hostname),
    enableSite: () => void setSiteDisabled(location.hostname, false),
  });
  const hover = new HoverController(
    session.scanner,
    card,
    {
      addEventListener: (target, type, listener, options) => ctx.addEventListener(target as Window, type as 'click', listener, options),
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
    },
    {
      dwellMs: () => getSettings().dwellMs,
      isMuted: session.isMuted,
      prefetch: (mention) => {
        card.prepare();
        const id = session.companyId(mention.companyIndex);
        if (id) client.prefetch(id);
      },
    },
  );
  const attached = new Set<Document>();
  // Same-origin frames are scanned from here; their pointer events are listened to here too.
  // Hover listens from the first marks on: a card asked for before the company ids have arrived
  // shows its loading state and fills in when they are here (CardHost.show).
  attachFrames = () => {
    for (const scope of [document, ...session.scanner.knownScopes]) {
      if (scope.nodeType === 9 && !attached.has(scope as Document)) {
        attached.add(scope as Document);
        hover.attach(scope as Document);
      }
    }
  };
  void ready.then(() => attachFrames());
  void session.start().then(attachFrames);
  return {
    session,
    ready,
    hover,
    card,
    version,
    dispose() {
      hover.stop();
      card.hide();
      session.dispose();
      void sendMessage({ type: 'page.report', count: 0 }).catch(() => undefined);
    },
  };
}
